package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.db.RouteRepository;
import trunkops.lab.LabDefaults;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.db.LabSeeder;
import trunkops.lab.db.ViciDialSchema;
import trunkops.routing.Route;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteStore.SaveResult;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

/** {@code route what-if} against the lab's seeded ViciDial database, with and without a saved route. */
class RouteWhatIfCommandLabTest {

    private static LabDatabase lab;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "route-whatif-tests").toAbsolutePath());
        dir = Files.createTempDirectory(root, "lab-");
        lab = LabDatabase.startIn(dir.resolve("mariadb"));
        ViciDialSchema.create(lab.dataSource());
        LabSeeder.seed(lab.dataSource(), LabDefaults.cluster(), Map.of("DIALER1", 5038, "DIALER2", 5038,
                "DIALER3", 5038), "lab-secret");
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        AppPaths.deleteTree(dir);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("route", "what-if", "--jdbc", lab.jdbcUrl(), "--user", lab.user(),
                "--password-env", "LAB_DB_PW"));
        argv.addAll(List.of(args));
        int code = Cli.execute(argv.toArray(String[]::new), new CliContext(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                v -> v.equals("LAB_DB_PW") ? lab.password() : null,
                () -> { throw new IllegalStateException("no keyring in this test"); },
                CompletableFuture.completedFuture(null)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static boolean trunkOpsTables() throws Exception {
        try (Connection c = lab.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name LIKE 'trunkops%'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Test
    void plainCarriersThenARouteSavedInTheStore() throws Exception {
        Run plain = run("--number", "3125550199", "--campaign", "SALES1", "--dialer", "DIALER1", "--down",
                "SIP/nsvoice");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains("DIALER1 (127.0.1.11): dials 913125550199, prefix 9 (campaign)"), plain.out());
        assertTrue(plain.out().contains("carrier NSVOICE pattern _91NXXNXXXXXX (not a TrunkOps route)"), plain.out());
        assertTrue(plain.out().contains("now: SIP/nsvoice up attempt 1 first 100.0%"), plain.out());
        assertTrue(plain.out().contains("with SIP/nsvoice down: no route: calls fail"), plain.out());
        assertTrue(plain.err().contains("warning: no routes"), "the store was never created: " + plain.err());
        assertFalse(trunkOpsTables(), "what-if reads only: it creates no table");

        try (Connection c = lab.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vicidial_server_carriers (carrier_id, carrier_name, server_ip, protocol, active,"
                        + " account_entry, dialplan_entry, globals_string, template_id) VALUES (?, ?, ?, 'SIP', 'Y', '', ?, '',"
                        + " '--NONE--')")) {
            ps.setString(1, "ROUTE7");
            ps.setString(2, "TrunkOps route ROUTE7");
            ps.setString(3, LabDefaults.DIALER2_IP);
            ps.setString(4, "exten => _71NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)\n"
                    + "exten => _71NXXNXXXXXX,2,NoOp(trunkops route ROUTE7 v1)\n"
                    + "exten => _71NXXNXXXXXX,3,Dial(SIP/nsvoice/${EXTEN:1},,To)\n");
            ps.executeUpdate();
        }
        MariaDbDataSource ds = new MariaDbDataSource(lab.jdbcUrl());
        ds.setUser(lab.user());
        ds.setPassword(lab.password());
        RouteRepository store = RouteRepository.open(ds, "test");
        Route r = Route.of("ROUTE7", new RoutePattern("_71NXXNXXXXXX", 1), Strategy.WEIGHTED, List.of(
                new RouteMember(Tech.SIP, "nsvoice", 1, 70, OptionalInt.empty()),
                new RouteMember(Tech.SIP, "blueline", 2, 30, OptionalInt.empty())));
        assertTrue(store.save(r, 0, "test", "lab") instanceof SaveResult.Saved);

        Run routed = run("--number", "3125550199", "--campaign", "SURVEY", "--dialer", "127.0.1.12", "--offline",
                "SIP/nsvoice");
        assertEquals(0, routed.code(), routed.err());
        assertTrue(routed.out().contains("carrier ROUTE7 pattern _71NXXNXXXXXX route ROUTE7 v1 (weighted)"),
                routed.out());
        assertTrue(routed.out().contains("now: SIP/nsvoice up attempt 1 first 70.0%; SIP/blueline up attempt 1 first"
                + " 30.0%"), routed.out());
        assertTrue(routed.out().contains("with SIP/nsvoice offline: SIP/blueline up attempt 1 first 100.0%"),
                routed.out());
        assertEquals("", routed.err());
    }

    @Test
    void badArgumentsExitTwoWithOneLine() {
        Run r = run("--number", "3125550199", "--campaign", "NOSUCH");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown campaign 'NOSUCH'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.out().isEmpty(), r.out());
        Run both = run("--number", "1", "--campaign", "SALES1", "--down", "SIP/a", "--offline", "SIP/b");
        assertEquals(2, both.code(), both.err());
        Run inject = run("--number", "1", "--campaign", "SALES1", "--down", "SIP/a,b");
        assertEquals(2, inject.code(), inject.err());
    }
}
