package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.testutil.AmiWireClient;

/**
 * Malformed and unauthorised manager input gets the answers Asterisk 20's manager.c gives (research notes in
 * docs/lab.md), and the session stays usable afterwards: nothing in the lab crashes on bad bytes.
 */
class LabAmiInputHandlingTest {

    private static final Duration T = Duration.ofSeconds(10);
    private static FixtureLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = new FixtureLab(100.0);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static AmiWireClient login(String user, String secret) throws Exception {
        AmiWireClient c = new AmiWireClient(lab.ami.host(), lab.ami.port());
        c.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: off\r\n\r\n");
        assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), T), "login failed");
        return c;
    }

    private static List<String> reply(AmiWireClient c, String wire, String actionId) throws Exception {
        c.send(wire);
        List<String> m = c.await(msg -> msg.contains("ActionID: " + actionId), T);
        assertNotNull(m, "no reply for " + actionId);
        return m;
    }

    private static void stillAlive(AmiWireClient c) throws Exception {
        List<String> pong = reply(c, "Action: Ping\r\nActionID: alive\r\n\r\n", "alive");
        assertTrue(pong.contains("Ping: Pong"), pong.toString());
    }

    @Test
    void overLongLineIsRefusedAndTheSessionGoesOn() throws Exception {
        try (AmiWireClient c = login("noc", "nocsecret")) {
            String longValue = "x".repeat(5000);
            List<String> m = reply(c, "Action: Ping\r\nActionID: long-1\r\nFoo: " + longValue + "\r\n\r\n", "long-1");
            assertTrue(m.contains("Message: Failed to parse message: line too long"), m.toString());
            stillAlive(c);
        }
    }

    @Test
    void tooManyHeaderLinesAreRefused() throws Exception {
        try (AmiWireClient c = login("noc", "nocsecret")) {
            StringBuilder sb = new StringBuilder("Action: Ping\r\nActionID: many-1\r\n");
            for (int i = 0; i < 140; i++) {
                sb.append("X-").append(i).append(": y\r\n");
            }
            List<String> m = reply(c, sb.append("\r\n").toString(), "many-1");
            assertTrue(m.contains("Message: Too many lines in message or allocation failure"), m.toString());
            stillAlive(c);
        }
    }

    @Test
    void headerParsingFollowsAstmanGetHeader() throws Exception {
        try (AmiWireClient c = login("noc", "nocsecret")) {
            assertTrue(reply(c, "Action:Ping\r\nActionID: nospace\r\n\r\n", "nospace").contains("Ping: Pong"));
            assertTrue(reply(c, "action: ping\nactionid: lf-only\n\n", "lf-only").contains("Ping: Pong"));
            List<String> trailing = reply(c, "Action: Ping \r\nActionID: trail\r\n\r\n", "trail");
            assertTrue(trailing.contains("Message: Invalid/unknown command: Ping . Use Action: ListCommands to show "
                    + "available commands."), trailing.toString());
            List<String> nul = reply(c, "Action: Ping\u0000garbage\r\nActionID: nul\r\n\r\n", "nul");
            assertTrue(nul.contains("Ping: Pong"), nul.toString());
            stillAlive(c);
        }
    }

    @Test
    void anEmptyMessageIsAMissingAction() throws Exception {
        try (AmiWireClient c = login("noc", "nocsecret")) {
            int before = c.count();
            c.send("\r\n");
            assertNotNull(c.await(m -> m.contains("Message: Missing action in request"), T));
            assertTrue(c.count() > before);
            stillAlive(c);
        }
    }

    @Test
    void binaryGarbageDoesNotHurt() throws Exception {
        try (AmiWireClient c = login("noc", "nocsecret")) {
            StringBuilder junk = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                junk.append((char) (i * 31 % 256));
            }
            c.send(junk.toString().replace("\n", "") + "\r\n\r\n");
            stillAlive(c);
        }
    }

    @Test
    void beforeLoginEverythingButLoginIsDeniedAndTheSessionStays() throws Exception {
        try (AmiWireClient c = new AmiWireClient(lab.ami.host(), lab.ami.port())) {
            List<String> m = reply(c, "Action: SIPpeers\r\nActionID: early\r\n\r\n", "early");
            assertTrue(m.contains("Message: Permission denied"), m.toString());
            List<String> unknown = reply(c, "Action: NoSuchAction\r\nActionID: early2\r\n\r\n", "early2");
            assertTrue(unknown.contains("Message: Permission denied"), unknown.toString());
            assertFalse(c.closedByServer());
            List<String> bye = reply(c, "Action: Logoff\r\nActionID: bye\r\n\r\n", "bye");
            assertEquals("Response: Goodbye", bye.get(0));
            assertTrue(c.awaitClose(T));
        }
    }

    @Test
    void writeClassesAreEnforcedPerUser() throws Exception {
        try (AmiWireClient c = login(FixtureLab.MONITOR_USER, FixtureLab.MONITOR_SECRET)) {
            List<String> put = reply(c, "Action: DBPut\r\nActionID: put\r\nFamily: f\r\nKey: k\r\nVal: v\r\n\r\n",
                    "put");
            assertTrue(put.contains("Message: Permission denied"), put.toString());
            List<String> peers = reply(c, "Action: SIPpeers\r\nActionID: peers\r\n\r\n", "peers");
            assertTrue(peers.contains("EventList: start"), peers.toString());
            List<String> cmd = reply(c, "Action: Command\r\nActionID: cmd\r\nCommand: core show version\r\n\r\n",
                    "cmd");
            assertTrue(cmd.contains("Message: Permission denied"), cmd.toString());
        }
    }

    @Test
    void eventsWithoutAMaskIsAnError() throws Exception {
        try (AmiWireClient c = login("noc", "nocsecret")) {
            List<String> m = reply(c, "Action: Events\r\nActionID: ev\r\n\r\n", "ev");
            assertTrue(m.contains("Message: Invalid event mask"), m.toString());
        }
    }

    @Test
    void unauthenticatedSessionsAreClosedAfterAuthTimeout() throws Exception {
        try (AmiWireClient c = new AmiWireClient(lab.ami.host(), lab.ami.port())) {
            assertTrue(c.awaitClose(Duration.ofSeconds(10)), "authtimeout did not close the session");
            assertEquals(1, c.count(), "only the banner may be sent before the close");
        }
    }
}
