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
 * ListCommands as Asterisk 20's manager.c answers it: only the actions the user's write classes allow (any shared
 * bit, or authority 0), sorted case-insensitively, {@code Name: synopsis (Priv: classes)}, one response.
 */
class LabListCommandsTest {

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

    private static List<String> listCommands(String user, String secret) throws Exception {
        try (AmiWireClient c = new AmiWireClient(lab.ami.host(), lab.ami.port())) {
            c.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: off\r\n\r\n");
            assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), T), "login failed");
            c.send("Action: ListCommands\r\nActionID: lc-1\r\n\r\n");
            List<String> m = c.await(msg -> msg.contains("ActionID: lc-1"), T);
            assertNotNull(m, "no answer to ListCommands");
            return m;
        }
    }

    @Test
    void aReportingUserSeesOnlyWhatItsWriteClassesAllow() throws Exception {
        List<String> m = listCommands(FixtureLab.MONITOR_USER, FixtureLab.MONITOR_SECRET);
        assertEquals("Response: Success", m.get(0));
        assertEquals("ActionID: lc-1", m.get(1));
        assertTrue(m.contains("Ping: Keepalive command. (Priv: <none>)"), m.toString());
        assertTrue(m.contains("SIPpeers: List SIP peers (text format). (Priv: system,reporting)"), m.toString());
        assertTrue(m.contains("DBGetTree: Get DB entries, optionally at a particular family/key (Priv: system,reporting)"),
                m.toString());
        for (String forbidden : List.of("Command:", "DBPut:", "SIPpeerstatus:", "Originate:", "Setvar:")) {
            assertFalse(m.stream().anyMatch(l -> l.startsWith(forbidden)), forbidden + " listed: " + m);
        }
        List<String> names = m.subList(2, m.size()).stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
        List<String> sorted = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertEquals(sorted, names, "manager.c keeps its action list sorted with strcasecmp");
    }

    @Test
    void aUserWithEveryWriteClassSeesCommand() throws Exception {
        List<String> m = listCommands(FixtureLab.USER, FixtureLab.SECRET);
        assertTrue(m.contains("Command: Execute Asterisk CLI Command. (Priv: command)"), m.toString());
        assertTrue(m.contains("SIPpeerstatus: Show the status of one or all of the sip peers. (Priv: system)"),
                m.toString());
        assertTrue(m.contains("Reload: Send a reload event. (Priv: system,config)"), m.toString());
    }
}
