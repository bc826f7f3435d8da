package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.control.ControlVerb;
import trunkops.control.audit.AuditFixtures;
import trunkops.control.audit.Role;

/** What a control command asks before acting: the role of the person running it, and the journal it passes on. */
class CliAuditTest {

    @TempDir
    Path dir;

    @Test
    void theRunningUserIsRefusedOrAllowedByThePolicyAndTheJournalNamesThem() throws Exception {
        String me = System.getProperty("user.name");
        Path policy = dir.resolve("roles.conf");
        Files.writeString(policy, "someone-else engineer\n");
        Files.setPosixFilePermissions(policy, PosixFilePermissions.fromString("rw-r--r--"));
        try (CliAudit viewer = CliAudit.open(policy, dir.resolve("j.log"), "ami:127.0.0.1:5038", null)) {
            assertEquals(Role.VIEWER, viewer.who().role());
            String why = viewer.refusal(ControlVerb.DRAIN).orElseThrow();
            assertTrue(why.startsWith(me + "@") && why.contains("is a viewer and may not drain a trunk"), why);
        }
        Files.writeString(policy, me + " operator\n");
        try (CliAudit operator = CliAudit.open(policy, dir.resolve("j.log"), "ami:127.0.0.1:5038", null)) {
            assertTrue(operator.refusal(ControlVerb.OFFLINE).isEmpty());
            String id = operator.journal().begin(AuditFixtures.offline("blueline", "cli", "dial1"), Map.of());
            assertEquals(me, operator.journal().local().read().entries().get(0).osUser());
            assertEquals(Role.OPERATOR, operator.journal().local().read().entries().get(0).role());
            assertEquals("ami:127.0.0.1:5038", operator.journal().local().read().entries().get(0).cluster());
            assertEquals(0, operator.finish(Duration.ofSeconds(5)), "no table: nothing waits for one");
            assertTrue(id.length() > 20);
        }
    }

    @Test
    void theClusterKeyIsTheDatabaseWithoutOptionsOrCase() {
        assertEquals("db1.example:3306/asterisk",
                AuditWiring.clusterKey("jdbc:mariadb://DB1.example:3306/asterisk?sslMode=verify-full"));
        assertEquals("10.0.0.5/asterisk", AuditWiring.clusterKey("jdbc:mysql://10.0.0.5/asterisk"));
        assertEquals("", AuditWiring.clusterKey(null));
    }
}
