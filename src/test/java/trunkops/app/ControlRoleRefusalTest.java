package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The control commands with the composition's journal (the audit): with no role policy installed the person running
 * them is a viewer, and the command refuses before any dialer is contacted (the AMI address here accepts nothing).
 */
class ControlRoleRefusalTest {

    /** A role policy file that does not exist, whatever this machine has installed: everyone is a viewer. */
    private final Path noPolicy = Path.of("target", "no-role-policy", "roles.conf");

    @Test
    void aViewerIsRefusedWithTheReasonAndNothingIsSent() {
        var r = AuditCommandTest.run(() -> new ControlWiring.Audit(noPolicy), Map.of("S", "secret"), "offline",
                "blueline", "--ami", "127.0.0.1:1",
                "--user", "noc", "--secret-env", "S", "--reason", "carrier 503s");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("is a viewer and may not take a trunk offline: that needs the operator role,"
                + " which an administrator grants in " + noPolicy), r.err());
        assertTrue(r.err().trim().endsWith("(nothing sent)"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    /**
     * ViciDial's own levers and maintenance windows ask the role before the database is even opened (the JDBC
     * address here accepts nothing): without a policy the person is a viewer.
     */
    @Test
    void leversAndWindowsAreRefusedToAViewerBeforeAnythingIsOpened() {
        String[][] commands = {
            {"reroute", "campaign", "SALES1", "--prefix", "8", "--reason", "BlueLine down"},
            {"carrier", "inactive", "BLUELINE", "--reason", "BlueLine down", "--confirm", "BLUELINE"},
            {"maintenance", "add", "blueline", "--from", "now", "--to", "2099-01-01T00:00:00Z", "--all",
                "--reason", "upgrade"}};
        String[] needs = {"may not change a campaign's or list's dial prefix: that needs the engineer role",
            "may not set a ViciDial carrier active or inactive: that needs the engineer role",
            "may not plan a maintenance window: that needs the operator role"};
        for (int i = 0; i < commands.length; i++) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(commands[i]),
                    java.util.stream.Stream.of("--jdbc", "jdbc:mariadb://127.0.0.1:1/asterisk", "--db-user", "noc",
                            "--db-password-env", "S")).toArray(String[]::new);
            var r = AuditCommandTest.run(() -> new ControlWiring.Audit(noPolicy), Map.of("S", "secret"), args);
            assertEquals(1, r.code(), String.join(" ", commands[i]) + ": " + r.out() + r.err());
            assertTrue(r.err().contains(needs[i]), r.err());
            assertTrue(r.err().trim().endsWith("(nothing changed)"), r.err());
        }
    }
}
