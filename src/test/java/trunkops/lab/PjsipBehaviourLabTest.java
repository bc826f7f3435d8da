package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.testutil.AmiWireClient;

/**
 * PJSIP behaviour the 2x transcripts describe in their README but do not replay: a dead trunk not yet noticed by
 * qualify runs into timer B (32 s) before failover, with DialEnd NOANSWER but DIALSTATUS CHANUNAVAIL, cause 18,
 * TechCause 408; the system-only user reads the PJSIP trunk password in AuthDetail but may not originate;
 * DEVICE_STATE(PJSIP/endpoint) answers from chan_pjsip's device state.
 */
class PjsipBehaviourLabTest {

    private static final Duration T = Duration.ofSeconds(20);
    private static PjsipFixtureLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = new PjsipFixtureLab(20.0);
        assertTrue(lab.awaitContact("pjtrunk1", "Reachable", T));
        assertTrue(lab.awaitContact("pjtrunk2", "Reachable", T));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static AmiWireClient login(String user, String secret) throws Exception {
        AmiWireClient c = new AmiWireClient(lab.ami.host(), lab.ami.port());
        c.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\n\r\n");
        assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), T));
        return c;
    }

    @Test
    void deadButUndetectedTrunkWaitsForTimerBThenFailsOver() throws Exception {
        try (AmiWireClient c = login(PjsipFixtureLab.USER, PjsipFixtureLab.SECRET)) {
            lab.pjtrunk1.kill();
            c.send("Action: Originate\r\nActionID: o\r\nChannel: Local/12125551234@pjsip-outbound\r\nContext: lab\r\n"
                    + "Exten: hold5\r\nPriority: 1\r\nTimeout: 45000\r\nAsync: true\r\n\r\n");
            List<String> dialEnd = c.await(m -> m.contains("Event: DialEnd")
                    && m.stream().anyMatch(l -> l.startsWith("DestChannel: PJSIP/pjtrunk1-")), Duration.ofSeconds(30));
            assertNotNull(dialEnd);
            List<String> dialBegin = c.await(m -> m.contains("Event: DialBegin")
                    && m.stream().anyMatch(l -> l.startsWith("DestChannel: PJSIP/pjtrunk1-")), T);
            double waited = timestamp(dialEnd) - timestamp(dialBegin);
            assertTrue(dialEnd.contains("DialStatus: NOANSWER"), dialEnd.toString());
            assertTrue(waited >= 32.0 && waited < 32.5, "timer B is 32 s, waited " + waited + " s");
            assertNotNull(c.await(m -> m.contains("Event: Hangup") && m.contains("Cause: 18")
                    && m.contains("TechCause: 408"), T));
            assertNotNull(c.await(m -> m.contains("AppData: pjtrunk1 DIALSTATUS=CHANUNAVAIL HANGUPCAUSE=18"), T));
            assertNotNull(c.await(m -> m.contains("Event: DialBegin") && m.contains("DialString: 12125551234@pjtrunk2"), T));
        } finally {
            lab.pjtrunk1.restore();
            assertTrue(lab.awaitContact("pjtrunk1", "Reachable", T));
        }
    }

    private static double timestamp(List<String> event) {
        return Double.parseDouble(event.stream().filter(l -> l.startsWith("Timestamp: ")).findFirst().orElseThrow()
                .substring(11));
    }

    @Test
    void systemOnlyUserReadsTheTrunkPasswordButMayNotOriginate() throws Exception {
        try (AmiWireClient c = login("restricted", "restrictedsecret")) {
            c.send("Action: PJSIPShowEndpoint\r\nActionID: e\r\nEndpoint: pjtrunk2\r\n\r\n");
            List<String> auth = c.await(m -> m.contains("Event: AuthDetail"), T);
            assertNotNull(auth);
            assertTrue(auth.contains("Password: labsecret"), auth.toString());
            c.send("Action: ListCommands\r\nActionID: l\r\n\r\n");
            List<String> commands = c.await(m -> m.contains("ActionID: l"), T);
            assertTrue(commands.contains("PJSIPShowEndpoint: Detail listing of an endpoint and its objects."
                    + " (Priv: system)"), "a privilege check can see the exposure: " + commands);
            c.send("Action: Originate\r\nActionID: o\r\nChannel: Local/1@pjsip-outbound\r\nContext: lab\r\n"
                    + "Exten: hold\r\nPriority: 1\r\n\r\n");
            assertNotNull(c.await(m -> m.contains("ActionID: o") && m.contains("Message: Permission denied"), T));
        }
    }

    @Test
    void deviceStateFunctionReadsPjsipEndpoints() throws Exception {
        try (AmiWireClient c = login(PjsipFixtureLab.USER, PjsipFixtureLab.SECRET)) {
            c.send("Action: Getvar\r\nActionID: g\r\nVariable: DEVICE_STATE(PJSIP/pjtrunk2)\r\n\r\n");
            List<String> r = c.await(m -> m.contains("ActionID: g"), T);
            assertNotNull(r);
            assertEquals("Value: NOT_INUSE", r.stream().filter(l -> l.startsWith("Value:")).findFirst().orElse(""));
            c.send("Action: Getvar\r\nActionID: h\r\nVariable: DEVICE_STATE(PJSIP/nosuch)\r\n\r\n");
            List<String> n = c.await(m -> m.contains("ActionID: h"), T);
            assertTrue(n.contains("Value: INVALID"), n.toString());
        }
    }
}
