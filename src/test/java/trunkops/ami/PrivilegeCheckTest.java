package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What more than the console needs looks like in a ListCommands answer (headers as asterisk-java keeps them). */
class PrivilegeCheckTest {

    private static Map<String, Object> headers(String... lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("response", "Success");
        m.put("actionid", "x_1#");
        for (String l : lines) {
            int colon = l.indexOf(':');
            m.put(l.substring(0, colon).toLowerCase(java.util.Locale.ROOT), l.substring(colon + 1).strip());
        }
        return m;
    }

    private static final String[] CONSOLE_USER = {
        "Ping: Keepalive command. (Priv: <none>)",
        "SIPpeers: List SIP peers (text format). (Priv: system,reporting)",
        "SIPpeerstatus: Show the status of one or all of the sip peers. (Priv: system)",
        "CoreShowChannels: List currently active channels. (Priv: system,reporting)",
    };

    @Test
    void readsEachActionsWriteClasses() {
        Map<String, Set<String>> a = PrivilegeCheck.actions(headers(CONSOLE_USER));
        assertEquals(Set.of("system", "reporting"), a.get("sippeers"));
        assertEquals(Set.of(), a.get("ping"));
        assertEquals(4, a.size(), "Response and ActionID are not actions");
    }

    @Test
    void whatTheConsoleNeedsGivesNoWarning() {
        assertNull(PrivilegeCheck.warning("DIALER1", "trunkops", PrivilegeCheck.actions(headers(CONSOLE_USER))));
    }

    @Test
    void commandConfigAndPjsipPasswordsAreNamed() {
        Map<String, Set<String>> a = PrivilegeCheck.actions(headers(
                "Command: Execute Asterisk CLI Command. (Priv: command)",
                "UpdateConfig: Update basic configuration. (Priv: config)",
                "PJSIPShowEndpoint: Detail listing of an endpoint and its objects. (Priv: system)"));
        String w = PrivilegeCheck.warning("DIALER2", "noc", a);
        assertTrue(w.contains("'noc' on DIALER2"), w);
        assertTrue(w.contains("'command'") && w.contains("'config'") && w.contains("PJSIP trunk password"), w);
        assertTrue(w.contains("read=system,call,reporting,user and write=system,call,reporting,originate"), w);
    }

    @Test
    void onAPjsipDialerTheConsolesOwnUserIsWarnedAboutPasswordsNotToldItHasTooMuch() {
        Map<String, Set<String>> a = PrivilegeCheck.actions(headers(
                "PJSIPShowEndpoint: Detail listing of an endpoint and its objects. (Priv: system)"));
        String w = PrivilegeCheck.warning("DIALER1", "trunkops", a);
        assertTrue(w != null && w.startsWith("AMI user 'trunkops' on DIALER1: it can read every PJSIP trunk password"),
                w);
        assertTrue(!w.contains("more than the console needs"), "the console needs 'system' itself: " + w);
    }

    @Test
    void viciDialsCronUserIsNamedWhateverItMayDo() {
        String w = PrivilegeCheck.warning("DIALER1", "cron", PrivilegeCheck.actions(headers(CONSOLE_USER)));
        assertTrue(w != null && w.contains("ViciDial's own AMI user 'cron'"), w);
    }
}
