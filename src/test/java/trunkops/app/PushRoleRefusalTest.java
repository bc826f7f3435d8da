package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import trunkops.control.audit.RolePolicy;

/**
 * {@code push} and {@code rollback} with the composition's journal (the audit): with no role policy installed the
 * person is a viewer, and the command refuses before the database is opened (the JDBC address accepts nothing).
 */
class PushRoleRefusalTest {

    @Test
    void aViewerMayNotPushOrRollBack() {
        assumeTrue(Files.notExists(RolePolicy.defaultFile()), "this machine has a role policy installed");
        String[][] commands = {{"push", "RENEW-SPLIT", "--no-test-call"},
            {"rollback", "RENEW-SPLIT", "--to", "1", "--no-test-call"}};
        for (String[] c : commands) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(c), java.util.stream.Stream.of(
                    "--jdbc", "jdbc:mariadb://127.0.0.1:1/asterisk", "--db-user", "noc", "--db-password-env", "S",
                    "--user", "noc", "--secret-env", "S")).toArray(String[]::new);
            var r = AuditCommandTest.run(Map.of("S", "secret"), args);
            assertEquals(1, r.code(), String.join(" ", c) + ": " + r.out() + r.err());
            assertTrue(r.err().contains("may not push a route to the dialers: that needs the engineer role"),
                    r.err());
            assertTrue(r.err().trim().endsWith("(nothing written)"), r.err());
            assertEquals("", r.out());
        }
    }
}
