package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.control.ControlRequest;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditFixtures;
import trunkops.db.AuditTable;
import trunkops.lab.db.LabDatabase;

/** {@code audit --jdbc}: the table every console writes, read by the CLI on the lab's real MariaDB. */
class AuditCommandLabTest {

    @Test
    void readsTheTableWithFilters() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "audit-cli-tests").toAbsolutePath());
        Path dir = Files.createTempDirectory(root, "lab-");
        try (LabDatabase lab = LabDatabase.startIn(dir.resolve("mariadb"))) {
            MariaDbDataSource ds = new MariaDbDataSource(lab.jdbcUrl());
            ds.setUser(lab.user());
            ds.setPassword(lab.password());
            AuditTable table = AuditTable.open(ds);
            ControlRequest r = AuditFixtures.offline("clipeer", "from the table", "dial1", "dial2");
            AuditEntry e = AuditEntry.begun("cli-1", Instant.parse("2026-12-05T07:00:00Z"), AuditFixtures.ALICE, r,
                    Map.of());
            table.upsert(e.completed(AuditFixtures.mixed(r, "x"), Instant.parse("2026-12-05T07:00:01Z")));
            table.upsert(AuditEntry.begun("cli-2", Instant.parse("2026-12-05T07:10:00Z"), AuditFixtures.ALICE,
                    AuditFixtures.offline("other", "second", "dial1"), Map.of()));
            Map<String, String> env = Map.of("PW", lab.password());
            var all = AuditCommandTest.run(env, "audit", "--jdbc", lab.jdbcUrl(), "--db-user", lab.user(),
                    "--db-password-env", "PW");
            assertEquals(0, all.code(), all.err());
            assertEquals(2, all.out().lines().count(), all.out());
            var one = AuditCommandTest.run(env, "audit", "--jdbc", lab.jdbcUrl(), "--db-user", lab.user(),
                    "--db-password-env", "PW", "--trunk", "clipeer", "--since", "2026-12-05T06:00:00Z");
            assertEquals(1, one.out().lines().count(), one.out());
            assertTrue(one.out().contains("OFFLINE SIP/clipeer") && one.out().contains("PARTIAL 212 ms")
                    && one.out().endsWith("id cli-1\n"), one.out());

            // an offline run from this machine's command line, journaled locally for this cluster, then --sync
            Path file = dir.resolve("journal.log");
            trunkops.control.audit.LocalJournal local = trunkops.control.audit.LocalJournal.open(file,
                    AuditFixtures.ALICE, java.time.Clock.systemUTC(), AuditWiring.clusterKey(lab.jdbcUrl()));
            local.begin(AuditFixtures.offline("synced", "from the CLI", "dial1"), Map.of());
            trunkops.control.audit.LocalJournal.open(file, AuditFixtures.ALICE, java.time.Clock.systemUTC(),
                    "elsewhere:3306/asterisk").begin(AuditFixtures.offline("notmine", "x", "dial1"), Map.of());
            var synced = AuditCommandTest.run(env, "audit", "--jdbc", lab.jdbcUrl(), "--db-user", lab.user(),
                    "--db-password-env", "PW", "--sync", "--journal", file.toString(), "--trunk", "synced");
            assertEquals(0, synced.code(), synced.err());
            assertTrue(synced.err().contains("1 local entries copied to the table"), synced.err());
            assertEquals(1, synced.out().lines().count(), synced.out());
            var again = AuditCommandTest.run(env, "audit", "--jdbc", lab.jdbcUrl(), "--db-user", lab.user(),
                    "--db-password-env", "PW", "--sync", "--journal", file.toString());
            assertTrue(again.err().contains("0 local entries copied"), again.err());
            assertEquals(3, again.out().lines().count(), "another cluster's entry is not copied: " + again.out());
        } finally {
            AppPaths.deleteTree(dir);
        }
    }
}
