package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.app.AppPaths;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.db.ViciDialSchema;
import trunkops.routing.Route;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteStore.SaveResult;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

/** The route store against the lab's real MariaDB: Flyway, versions, optimistic locking, accounts with fewer rights. */
class RouteRepositoryLabTest {

    private static LabDatabase lab;
    private static Path dir;
    private static RouteRepository store;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "route-store-tests").toAbsolutePath());
        dir = Files.createTempDirectory(root, "lab-");
        lab = LabDatabase.startIn(dir.resolve("mariadb"));
        ViciDialSchema.create(lab.dataSource()); // a non-empty ViciDial database, as in production
        store = RouteRepository.open(source(lab.user(), lab.password()), null);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        AppPaths.deleteTree(dir);
    }

    static MariaDbDataSource source(String user, String password) throws SQLException {
        return sourceFor(lab, user, password);
    }

    static MariaDbDataSource sourceFor(LabDatabase db, String user, String password) throws SQLException {
        MariaDbDataSource ds = new MariaDbDataSource(db.jdbcUrl());
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(lab.jdbcUrl(), lab.user(), lab.password());
    }

    static Route route(String name, int w1, int w2) {
        return Route.of(name, new RoutePattern("_91NXXNXXXXXX", 1), Strategy.WEIGHTED, List.of(
                new RouteMember(Tech.SIP, "nsvoice", 1, w1, OptionalInt.empty()),
                new RouteMember(Tech.SIP, "blueline", 2, w2, OptionalInt.of(40))));
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theTablesAreInnoDbBesideViciDialsAndASecondMigrationIsANoOp() throws Exception {
        assertTrue(store.status().writable(), store.status().message());
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement("SELECT table_name, engine FROM"
                + " information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 'trunkops\\_route%'");
             ResultSet rs = ps.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                assertEquals("InnoDB", rs.getString(2), rs.getString(1));
                n++;
            }
            assertEquals(2, n);
        }
        int history = count("SELECT COUNT(*) FROM trunkops_schema_history");
        TrunkOpsSchema.Migration again = TrunkOpsSchema.migrate(source(lab.user(), lab.password()));
        assertTrue(again.current(), again.problem());
        assertEquals(0, again.applied());
        assertEquals(latestMigration(), again.version(), "the newest migration in db/trunkops");
        assertEquals(history, count("SELECT COUNT(*) FROM trunkops_schema_history"), "nothing written the 2nd time");
        assertEquals(0, count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name = 'flyway_schema_history'"), "Flyway's default table name is never used");
    }

    @Test
    void savesMakeVersionsAndAStaleEditIsAConflictWithBothKept() {
        SaveResult v1 = store.save(route("USLOCK", 70, 30), 0, "alice", "first");
        RouteVersion saved1 = assertInstanceOf(SaveResult.Saved.class, v1).version();
        assertEquals(1, saved1.version());
        SaveResult v2 = store.save(route("USLOCK", 60, 40), 1, "bob", "more to blueline");
        assertEquals(2, assertInstanceOf(SaveResult.Saved.class, v2).version().version());
        SaveResult stale = store.save(route("USLOCK", 50, 50), 1, "carol", "from v1");
        SaveResult.Conflict c = assertInstanceOf(SaveResult.Conflict.class, stale);
        assertEquals(1, c.basedOn());
        assertEquals(2, c.theirs().version());
        assertEquals("bob", c.theirs().author());
        assertEquals(60, c.theirs().route().members().get(0).weight(), "theirs is bob's route");
        assertEquals(50, c.mine().members().get(0).weight(), "mine is carol's, unsaved but not lost");
        List<RouteVersion> history = store.history("USLOCK");
        assertEquals(List.of(1, 2), history.stream().map(RouteVersion::version).toList(), "nothing written");
        assertEquals(route("USLOCK", 70, 30), history.get(0).route());
        assertEquals("first", history.get(0).comment());
        assertTrue(store.latest().stream().anyMatch(v -> v.name().equals("USLOCK") && v.version() == 2));
        assertEquals(3, assertInstanceOf(SaveResult.Saved.class,
                store.save(route("USLOCK", 50, 50), 2, "carol", "merged")).version().version());
        SaveResult newAgain = store.save(route("uslock", 1, 1), 0, "dave", "same name, other case");
        assertEquals(3, assertInstanceOf(SaveResult.Conflict.class, newAgain).theirs().version());
    }

    @Test
    void anInvalidRouteIsRefusedBeforeTheDatabase() throws Exception {
        Route bad = route("BAD,NAME", 0, 0);
        SaveResult r = store.save(bad, 0, "alice", "");
        assertFalse(assertInstanceOf(SaveResult.Invalid.class, r).problems().isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM trunkops_route_version WHERE name LIKE 'BAD%'"));
    }

    @Test
    void theAuthorDefaultsToTheDatabaseUser() {
        RouteVersion v = assertInstanceOf(SaveResult.Saved.class,
                store.save(route("DEFAUTHOR", 1, 1), 0, null, "")).version();
        assertTrue(v.author().startsWith(lab.user() + "@"), v.author());
    }

    @Test
    void concurrentFirstSavesAndConcurrentEditsLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = "RACE" + round;
            assertEquals(1, winners(name, 0), "first saves of " + name);
            assertEquals(1, winners(name, 1), "edits of " + name + " v1");
            assertEquals(2, store.history(name).size());
        }
    }

    private static int winners(String name, int basedOn) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<SaveResult>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int w = 10 + t;
                results.add(threads.submit(() -> {
                    go.await();
                    return store.save(route(name, w, 5), basedOn, "editor" + w, "");
                }));
            }
            go.countDown();
            int saved = 0;
            for (Future<SaveResult> f : results) {
                SaveResult r = f.get(30, TimeUnit.SECONDS);
                if (r instanceof SaveResult.Saved) {
                    saved++;
                } else {
                    assertEquals(basedOn + 1, assertInstanceOf(SaveResult.Conflict.class, r).theirs().version());
                }
            }
            return saved;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aReadOnlyAccountReadsRoutesAndSavesAreRefused() throws Exception {
        store.save(route("README", 70, 30), 0, "alice", "");
        account("trunkops_ro", "GRANT SELECT ON `" + lab.database() + "`.* TO 'trunkops_ro'@'127.0.0.1'");
        RouteRepository ro = RouteRepository.open(source("trunkops_ro", "ro-pass-1"), "ops");
        assertTrue(ro.status().readable(), ro.status().message());
        assertFalse(ro.status().writable());
        assertTrue(ro.status().message().startsWith("routes are read-only"), ro.status().message());
        assertTrue(ro.status().message().contains("GRANT SELECT, INSERT, UPDATE"), ro.status().message());
        assertTrue(ro.latest().stream().anyMatch(v -> v.name().equals("README")));
        SaveResult r = ro.save(route("README", 1, 1), 1, null, "");
        assertTrue(assertInstanceOf(SaveResult.Refused.class, r).reason().contains("read-only"));
        assertEquals(1, store.history("README").size());
    }

    @Test
    void anAccountWithNoRightsOnTheTrunkOpsTablesReadsNothingAndSaysSo() throws Exception {
        account("trunkops_vici", "GRANT SELECT ON `" + lab.database() + "`.vicidial_campaigns TO"
                + " 'trunkops_vici'@'127.0.0.1'");
        RouteRepository none = RouteRepository.open(source("trunkops_vici", "ro-pass-1"), null);
        assertFalse(none.status().readable(), none.status().message());
        assertFalse(none.status().writable());
        assertTrue(none.status().message().startsWith("no routes"), none.status().message());
        assertEquals(List.of(), none.latest());
        assertEquals(List.of(), none.history("README"));
        assertInstanceOf(SaveResult.Refused.class, none.save(route("X", 1, 1), 0, "ops", ""));
    }

    @Test
    void aDatabaseThatIsNotThereGivesAStatusNotAnException() throws Exception {
        MariaDbDataSource ds = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:1/asterisk?connectTimeout=500");
        ds.setUser("nobody");
        ds.setPassword("x");
        RouteRepository none = RouteRepository.open(ds, "ops");
        assertFalse(none.status().readable());
        assertTrue(none.status().message().contains("could not be reached"), none.status().message());
    }

    private static void account(String user, String grant) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY 'ro-pass-1'");
            s.execute(grant);
        }
    }

    /** The highest {@code V<n>__} of the migrations the build ships (src/main/resources/db/trunkops). */
    private static String latestMigration() throws Exception {
        try (var files = Files.list(Path.of("src", "main", "resources", "db", "trunkops"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        }
    }
}
