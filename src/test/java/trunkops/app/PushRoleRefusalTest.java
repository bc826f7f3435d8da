package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code push} and {@code rollback} with the composition's journal (the audit): with no role policy installed the
 * person is a viewer, and the command refuses before the database is opened (the JDBC address accepts nothing).
 */
class PushRoleRefusalTest {

    /** A role policy file that does not exist, whatever this machine has installed: everyone is a viewer. */
    private final Path noPolicy = Path.of("target", "no-role-policy", "roles.conf");

    @Test
    void aViewerMayNotPushOrRollBack() {
        String[][] commands = {{"push", "RENEW-SPLIT", "--no-test-call"},
            {"rollback", "RENEW-SPLIT", "--to", "1", "--no-test-call"}};
        for (String[] c : commands) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(c), java.util.stream.Stream.of(
                    "--jdbc", "jdbc:mariadb://127.0.0.1:1/asterisk", "--db-user", "noc", "--db-password-env", "S",
                    "--user", "noc", "--secret-env", "S")).toArray(String[]::new);
            var r = AuditCommandTest.run(() -> new ControlWiring.Audit(noPolicy), Map.of("S", "secret"), args);
            assertEquals(1, r.code(), String.join(" ", c) + ": " + r.out() + r.err());
            assertTrue(r.err().contains("may not push a route to the dialers: that needs the engineer role"),
                    r.err());
            assertTrue(r.err().trim().endsWith("(nothing written)"), r.err());
            assertEquals("", r.out());
        }
    }
}
