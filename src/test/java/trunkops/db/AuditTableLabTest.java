package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.app.AppPaths;
import trunkops.control.ControlJournal.JournalException;
import trunkops.control.ControlRequest;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditFixtures;
import trunkops.control.audit.AuditQuery;
import trunkops.control.audit.CombinedJournal;
import trunkops.control.audit.LocalJournal;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.db.ViciDialSchema;

/** The audit table on the lab's real MariaDB, the combined journal's copy to it, the database down, a read-only account. */
class AuditTableLabTest {

    private static LabDatabase lab;
    private static Path dir;
    private static AuditTable table;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "audit-table-tests").toAbsolutePath());
        dir = Files.createTempDirectory(root, "lab-");
        lab = LabDatabase.startIn(dir.resolve("mariadb"));
        ViciDialSchema.create(lab.dataSource());
        table = AuditTable.open(RouteRepositoryLabTest.sourceFor(lab, lab.user(), lab.password()));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        AppPaths.deleteTree(dir);
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(lab.jdbcUrl(), lab.user(), lab.password());
    }

    private static int rows(String where) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM trunkops_audit WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static LocalJournal local(String name) throws JournalException {
        return LocalJournal.open(dir.resolve(name).resolve("journal.log"), AuditFixtures.ALICE,
                java.time.Clock.systemUTC());
    }

    @Test
    void theTableIsInnoDbAndAnUpsertTwiceIsOneRowCompletedOnce() throws Exception {
        assertEquals("audit table writable", table.status());
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement("SELECT engine FROM"
                + " information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'trunkops_audit'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("InnoDB", rs.getString(1));
        }
        ControlRequest r = AuditFixtures.offline("upsert1", "a, \"quoted\"\nreason", "dial1", "dial2");
        AuditEntry begun = AuditEntry.begun("t1-" + System.nanoTime(), Instant.parse("2026-12-05T07:00:00.123Z"),
                AuditFixtures.ALICE, r, Map.of("dial1", "", "dial2", "drain:0"));
        table.upsert(begun);
        table.upsert(begun);
        assertEquals(1, rows("id = '" + begun.id() + "' AND completed_at IS NULL AND outcome = 'UNFINISHED'"));
        AuditEntry done = begun.completed(AuditFixtures.mixed(r, "DBGet read drain:0"),
                Instant.parse("2026-12-05T07:00:01.500Z"));
        table.upsert(done);
        table.upsert(begun); // a late copy of the begin does not undo the completion
        assertEquals(1, rows("id = '" + begun.id() + "' AND outcome = 'PARTIAL' AND took_ms = 212"));
        List<AuditEntry> read = table.read(AuditQuery.ALL.withTrunk("upsert1"));
        assertEquals(List.of(done), read, "every field reads back as written");
        assertEquals(List.of(), table.read(AuditQuery.ALL.withTrunk("upsert1")
                .withSince(Instant.parse("2026-12-05T07:00:01Z"))));
    }

    /** Every verb fits the table, the levers' and the push's long names too (V2 held 12 characters; V5 widens). */
    @Test
    void everyVerbIsWrittenToTheTable() throws Exception {
        for (trunkops.control.ControlVerb v : trunkops.control.ControlVerb.values()) {
            ControlRequest r = new ControlRequest(v, trunkops.topology.Tech.SIP, "verbpeer", java.util.List.of(),
                    java.util.Optional.of("R1"), java.util.OptionalInt.of(1), java.util.Optional.empty(),
                    "every verb", java.util.Optional.empty(), AuditFixtures.ALICE.who());
            table.upsert(AuditEntry.begun("verb-" + v + "-" + System.nanoTime(), Instant.now(), AuditFixtures.ALICE,
                    r, Map.of()));
            assertEquals(1, rows("verb = '" + v.name() + "' AND trunk = 'SIP/verbpeer'"), v.name());
        }
    }

    @Test
    void withTheDatabaseDownActionsAreJournaledLocallyAndCopiedOnceWhenItIsBack() throws Exception {
        try (CombinedJournal j = new CombinedJournal(local("down"), table, Duration.ofHours(1))) {
            ControlRequest before = AuditFixtures.offline("downpeer", "before the outage", "dial1");
            String a = j.begin(before, Map.of("dial1", ""));
            j.complete(a, AuditFixtures.mixed(before, "x"));
            j.syncNow().get(30, TimeUnit.SECONDS);
            assertEquals(0, j.waiting());
            assertEquals(1, rows("trunk = 'SIP/downpeer' AND completed_at IS NOT NULL"));
            lab.stop();
            try {
                ControlRequest during = AuditFixtures.offline("downpeer", "during the outage", "dial1");
                long t0 = System.nanoTime();
                String b = j.begin(during, Map.of("dial1", ""));
                assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "begin does not wait for the DB");
                j.complete(b, AuditFixtures.mixed(during, "y"));
                j.begin(during, Map.of()); // left unfinished
                assertEquals(0, j.syncNow().get(60, TimeUnit.SECONDS));
                assertEquals(2, j.waiting());
                assertTrue(j.status().contains("2 entries wait for the table"), j.status());
            } finally {
                lab.start();
            }
            assertEquals(2, j.syncNow().get(60, TimeUnit.SECONDS));
            assertEquals(0, j.syncNow().get(60, TimeUnit.SECONDS), "nothing is copied twice");
            assertEquals(3, rows("trunk = 'SIP/downpeer'"));
            assertEquals(1, rows("trunk = 'SIP/downpeer' AND reason = 'during the outage' AND outcome = 'UNFINISHED'"));
            assertEquals(1, j.unfinished().size());
        }
    }

    @Test
    void aReadOnlyAccountOpensReadOnlyAndEntriesStayLocal() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE USER 'audit_ro'@'127.0.0.1' IDENTIFIED BY 'ro-pass-2'");
            s.execute("GRANT SELECT ON `" + lab.database() + "`.* TO 'audit_ro'@'127.0.0.1'");
        }
        MariaDbDataSource ro = RouteRepositoryLabTest.sourceFor(lab, "audit_ro", "ro-pass-2");
        AuditTable readOnly = AuditTable.open(ro);
        assertTrue(readOnly.status().startsWith("audit table read-only"), readOnly.status());
        assertTrue(readOnly.status().contains("GRANT SELECT, INSERT, UPDATE"), readOnly.status());
        try (CombinedJournal j = new CombinedJournal(local("ro"), readOnly, Duration.ofHours(1))) {
            ControlRequest r = AuditFixtures.offline("ropeer", "read-only console", "dial1");
            String id = j.begin(r, Map.of());
            j.complete(id, AuditFixtures.mixed(r, "z"));
            assertEquals(0, j.syncNow().get(30, TimeUnit.SECONDS));
            assertEquals(1, j.waiting());
            assertTrue(j.status().contains("denied"), j.status());
            assertEquals(0, rows("trunk = 'SIP/ropeer'"));
            assertEquals(1, j.local().read().entries().size());
        }
        JournalException e = assertThrows(JournalException.class, () -> readOnly.upsert(AuditEntry.begun("ro-x",
                Instant.now(), AuditFixtures.ALICE, AuditFixtures.offline("p", "r", "d"), Map.of())));
        assertTrue(e.getMessage().contains("GRANT SELECT, INSERT, UPDATE"), e.getMessage());
        assertFalse(readOnly.read(AuditQuery.ALL).isEmpty(), "it still reads what others wrote");
    }

    @Test
    void onlyTheClustersOwnEntriesAreCopiedToItsTable() throws Exception {
        Path file = dir.resolve("clusters").resolve("journal.log");
        LocalJournal other = LocalJournal.open(file, AuditFixtures.ALICE, java.time.Clock.systemUTC(),
                "db-b:3306/asterisk");
        other.begin(AuditFixtures.offline("clusterb", "on cluster B", "dial1"), Map.of());
        LocalJournal mine = LocalJournal.open(file, AuditFixtures.ALICE, java.time.Clock.systemUTC(),
                "db-a:3306/asterisk");
        try (CombinedJournal j = new CombinedJournal(mine, table, Duration.ofHours(1))) {
            j.begin(AuditFixtures.offline("clustera", "on cluster A", "dial1"), Map.of());
            j.syncNow().get(30, TimeUnit.SECONDS);
            assertEquals(1, rows("trunk = 'SIP/clustera'"));
            assertEquals(0, rows("trunk = 'SIP/clusterb'"), "B's entry is not A's table's");
            assertEquals(List.of("clustera"), j.unfinishedEntries().stream().map(AuditEntry::peer).toList(),
                    "only this cluster's dialers can be read again");
            assertEquals(2, mine.read().entries().size(), "one file holds both");
        }
    }
}
