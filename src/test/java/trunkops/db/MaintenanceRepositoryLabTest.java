package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.app.AppPaths;
import trunkops.control.MaintenanceStore.StoreException;
import trunkops.control.MaintenanceStore.Stored;
import trunkops.control.MaintenanceWindow;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.db.ViciDialSchema;
import trunkops.topology.Tech;

/** Maintenance windows on the lab's real MariaDB: Flyway V4, InnoDB, round trip, marks, removal, weaker accounts. */
class MaintenanceRepositoryLabTest {

    private static LabDatabase lab;
    private static Path dir;
    private static MaintenanceRepository store;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "maintenance-store-tests").toAbsolutePath());
        dir = Files.createTempDirectory(root, "lab-");
        lab = LabDatabase.startIn(dir.resolve("mariadb"));
        ViciDialSchema.create(lab.dataSource());
        store = MaintenanceRepository.open(source(lab.user(), lab.password()));
        assertTrue(store.access().writable(), store.access().message());
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        AppPaths.deleteTree(dir);
    }

    static MariaDbDataSource source(String user, String password) throws SQLException {
        MariaDbDataSource ds = new MariaDbDataSource(lab.jdbcUrl());
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(lab.jdbcUrl(), lab.user(), lab.password());
    }

    static MaintenanceWindow weekly() {
        return new MaintenanceWindow(Tech.PJSIP, "NorthStar-1", List.of("DIALER1", "DIALER3"), NOW,
                NOW.plus(Duration.ofDays(60)), Optional.of(new MaintenanceWindow.Weekly(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(2, 0), Duration.ofMinutes(90),
                ZoneId.of("America/New_York"))), "carrier's weekly patch window", Optional.of("CHG-42"),
                "alice@noc1", NOW);
    }

    @Test
    void theTableIsInnoDbAndAWeeklyWindowRoundTripsExactly() throws Exception {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT engine FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name = 'trunkops_maintenance'")) {
            assertTrue(rs.next());
            assertEquals("InnoDB", rs.getString(1));
        }
        MaintenanceWindow w = weekly();
        long id = store.add(w);
        Stored back = store.windows().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        assertEquals(w, back.window());
        assertEquals(Optional.empty(), back.appliedUntil());
    }

    @Test
    void marksAreKeptAndARemovedWindowIsNoLongerListed() throws Exception {
        MaintenanceWindow once = new MaintenanceWindow(Tech.SIP, "blueline", List.of(), NOW, NOW.plusSeconds(3600),
                Optional.empty(), "it's \"quoted\"; DROP TABLE x", Optional.empty(), "bob@noc2", NOW);
        long id = store.add(once);
        store.markApplied(id, NOW.plusSeconds(3600));
        store.markRestored(id, NOW.plusSeconds(3600));
        Stored s = store.windows().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        assertEquals(once, s.window(), "text with quotes is stored as typed (prepared statements)");
        assertEquals(Optional.of(NOW.plusSeconds(3600)), s.appliedUntil());
        assertEquals(Optional.of(NOW.plusSeconds(3600)), s.restoredUntil());
        assertTrue(store.remove(id, "carol@noc1", "cancelled by the carrier", NOW));
        assertFalse(store.remove(id, "carol@noc1", "again", NOW), "already removed");
        assertTrue(store.windows().stream().noneMatch(x -> x.id() == id));
        assertTrue(store.removedNotCleanedUp().stream().noneMatch(x -> x.id() == id), "it was cleaned up");
        long other = store.add(once);
        store.markApplied(other, NOW.plusSeconds(3600));
        store.remove(other, "carol@noc1", "cancelled", NOW);
        assertEquals(List.of(other), store.removedNotCleanedUp().stream().map(Stored::id).toList(),
                "removed after it was applied: its flags still need cleaning up at its end");
        try (Connection c = admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT removed_by, removed_reason FROM trunkops_maintenance WHERE maintenance_id = " + id)) {
            assertTrue(rs.next(), "kept for the record");
            assertEquals("carol@noc1", rs.getString(1));
            assertEquals("cancelled by the carrier", rs.getString(2));
        }
    }

    @Test
    void aReadOnlyAccountListsWindowsAndIsRefusedChangesWithTheGrantToAsk() throws Exception {
        store.add(weekly());
        account("maint_ro", "GRANT SELECT ON `" + lab.database() + "`.* TO 'maint_ro'@'127.0.0.1'");
        MaintenanceRepository ro = MaintenanceRepository.open(source("maint_ro", "ro-pass-1"));
        assertTrue(ro.access().readable(), ro.access().message());
        assertFalse(ro.access().writable());
        assertTrue(ro.access().message().startsWith("maintenance windows are read-only"), ro.access().message());
        assertTrue(ro.access().message().contains("GRANT SELECT, INSERT, UPDATE"), ro.access().message());
        assertFalse(ro.windows().isEmpty());
        StoreException e = assertThrows(StoreException.class, () -> ro.add(weekly()));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertThrows(StoreException.class, () -> ro.markApplied(1, NOW));
    }

    @Test
    void anAccountThatMayNotReadTheTableSaysSo() throws Exception {
        account("maint_none", "GRANT SELECT ON `" + lab.database() + "`.vicidial_campaigns TO"
                + " 'maint_none'@'127.0.0.1'");
        MaintenanceRepository none = MaintenanceRepository.open(source("maint_none", "ro-pass-1"));
        assertFalse(none.access().readable());
        assertTrue(none.access().message().startsWith("no maintenance windows"), none.access().message());
        assertThrows(StoreException.class, none::windows);
    }

    private static void account(String user, String grant) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY 'ro-pass-1'");
            s.execute(grant);
        }
    }
}
