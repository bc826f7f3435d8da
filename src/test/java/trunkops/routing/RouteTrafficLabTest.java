package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.app.AppPaths;
import trunkops.db.RouteRepository;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.testutil.AmiWireClient;

/**
 * The lab's own campaign traffic through a route that exists: a route saved in TrunkOps' tables, rendered, and put
 * into ViciDial the way a route lives there (one router carrier row, the rebuild flag, the campaign's dial prefix
 * moved onto the route's pattern). The lab's dialers then place RENEW's calls through the generated dialplan:
 * every attempt announces itself, the weights hold on live traffic, ViciDial's call and carrier logs keep being
 * written, and a trunk forced offline in ASTDB takes no new first attempts with no reload.
 */
class RouteTrafficLabTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RouteTrafficLabTest.class);
    private static final Duration T = Duration.ofSeconds(60);
    private static final String ROUTE = String.join("\n",
            "name = RENEW-SPLIT",
            "pattern = _51NXXNXXXXXX strip=1",
            "dialers = all",
            "strategy = weighted",
            "member = SIP/blueline weight=70 priority=1",
            "member = SIP/nsvoice weight=30 priority=2",
            "dial-timeout = 30");

    private static LabCluster lab;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "route-traffic-lab-test"));
        AppPaths.deleteTree(dir);
        // no history (not needed here), live traffic at 20x: RENEW places about 200 calls a minute on each of
        // DIALER2 and DIALER3
        lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 1.0, false, true, 20.0, Duration.ofSeconds(15), 11L), m -> { });
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        AppPaths.deleteTree(dir);
    }

    private static Connection db() throws SQLException {
        LabCluster.DbAccess a = lab.dbAccess();
        return DriverManager.getConnection(a.jdbcUrl(), a.user(), a.password());
    }

    private static AmiWireClient login(LabCluster.AmiAccess a) throws Exception {
        AmiWireClient c = new AmiWireClient(a.host(), a.port());
        c.send("Action: Login\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret() + "\r\nEvents: user\r\n\r\n");
        assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), T), "login to " + a.serverId());
        return c;
    }

    private static Map<String, String> fields(List<String> message) {
        Map<String, String> m = new HashMap<>();
        for (String line : message) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                m.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return m;
    }

    /** The TrunkOpsAttempt events of attempt 1 from message {@code from} on, by trunk. */
    private static Map<String, Integer> firstAttempts(AmiWireClient ami, int from) {
        Map<String, Integer> byTrunk = new HashMap<>();
        List<List<String>> all = ami.messages();
        for (List<String> m : all.subList(from, all.size())) {
            Map<String, String> f = fields(m);
            if ("TrunkOpsAttempt".equals(f.get("UserEvent"))) {
                assertEquals("RENEW-SPLIT", f.get("route"), m.toString());
                assertEquals("1", f.get("version"), m.toString());
                if ("1".equals(f.get("attempt"))) {
                    byTrunk.merge(f.get("trunk"), 1, Integer::sum);
                }
            }
        }
        return byTrunk;
    }

    private static int total(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static int awaitFirstAttempts(AmiWireClient ami, int from, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (total(firstAttempts(ami, from)) < n && System.nanoTime() < deadline) {
            ami.awaitCount(ami.count() + 1, Duration.ofSeconds(5));
        }
        return total(firstAttempts(ami, from));
    }

    @Test
    void renewsCallsRunThroughTheSavedRouteAndAnOfflineTrunkTakesNoneWithoutAReload() throws Exception {
        LabCluster.DbAccess access = lab.dbAccess();
        MariaDbDataSource ds = new MariaDbDataSource(access.jdbcUrl());
        ds.setUser(access.user());
        ds.setPassword(access.password());
        RouteRepository store = RouteRepository.open(ds, "lab-test");
        assertTrue(store.status().writable(), store.status().message());
        RouteStore.SaveResult saved = store.save(RouteFile.parse(ROUTE), 0, "lab-test", "RENEW over two carriers");
        RouteVersion v1 = assertInstanceOf(RouteStore.SaveResult.Saved.class, saved).version();
        GeneratedRoute generated = RouteGenerator.render(v1);

        try (Connection c = db()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO vicidial_server_carriers (carrier_id,"
                    + " carrier_name, registration_string, template_id, account_entry, protocol, globals_string,"
                    + " dialplan_entry, server_ip, active, carrier_description) VALUES (?, ?, '', '--NONE--', '',"
                    + " 'SIP', ?, ?, '0.0.0.0', 'Y', ?)")) {
                ps.setString(1, generated.carrierId());
                ps.setString(2, "TrunkOps route " + v1.route().name());
                ps.setString(3, generated.globalsString());
                ps.setString(4, generated.dialplanEntry());
                ps.setString(5, "generated by TrunkOps");
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE servers SET rebuild_conf_files = 'Y'")) {
                assertEquals(3, ps.executeUpdate());
            }
        }

        List<LabCluster.AmiAccess> dialers = lab.amiAccess();
        try (AmiWireClient d2 = login(dialers.get(1)); AmiWireClient d3 = login(dialers.get(2))) {
            for (AmiWireClient ami : List.of(d2, d3)) {
                awaitMarker(ami, generated.marker());
            }
            int from2 = d2.count();
            int from3 = d3.count();
            try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE vicidial_campaigns SET dial_prefix = '5' WHERE campaign_id = 'RENEW'")) {
                assertEquals(1, ps.executeUpdate());
            }
            awaitFirstAttempts(d2, from2, 120);
            awaitFirstAttempts(d3, from3, 120);
            Map<String, Integer> split = new HashMap<>(firstAttempts(d2, from2));
            firstAttempts(d3, from3).forEach((k, n) -> split.merge(k, n, Integer::sum));
            int n = total(split);
            assertTrue(n >= 240, "first attempts through the route: " + split);
            assertEquals(java.util.Set.of("SIP/blueline", "SIP/nsvoice"), split.keySet());
            double blue = split.get("SIP/blueline") / (double) n;
            // 70 % of n >= 240 first attempts: 4 standard deviations are under 12 points
            assertTrue(Math.abs(blue - 0.70) < 0.12, "weighted 70/30 on live traffic: " + split);
            LOG.info("RENEW through route RENEW-SPLIT v1: first attempts {} ({} % blueline)", split,
                    Math.round(blue * 1000) / 10.0);

            // ViciDial's logs go on: call_log rows on the route's pattern, and carrier log rows for them
            try (Connection c = db()) {
                assertTrue(count(c, "SELECT COUNT(*) FROM call_log WHERE extension LIKE '51%'") >= 100);
                assertTrue(count(c, "SELECT COUNT(*) FROM vicidial_carrier_log l JOIN call_log c"
                        + " ON c.uniqueid = l.uniqueid WHERE c.extension LIKE '51%'") > 0,
                        "carrier log rows for calls that went through the route");
            }

            // forced offline in ASTDB, no reload: new calls' first attempts all go to nsvoice
            d2.send("Action: DBPut\r\nActionID: off2\r\nFamily: trunkops\r\nKey: admin/blueline\r\nVal: offline:0\r\n\r\n");
            d3.send("Action: DBPut\r\nActionID: off3\r\nFamily: trunkops\r\nKey: admin/blueline\r\nVal: offline:0\r\n\r\n");
            assertNotNull(d2.await(m -> m.contains("ActionID: off2") && m.contains("Response: Success"), T));
            assertNotNull(d3.await(m -> m.contains("ActionID: off3") && m.contains("Response: Success"), T));
            int after2 = d2.count();
            int after3 = d3.count();
            awaitFirstAttempts(d2, after2, 60);
            awaitFirstAttempts(d3, after3, 60);
            Map<String, Integer> offline = new HashMap<>(firstAttempts(d2, after2));
            firstAttempts(d3, after3).forEach((k, x) -> offline.merge(k, x, Integer::sum));
            assertTrue(total(offline) >= 120, offline.toString());
            assertEquals(java.util.Set.of("SIP/nsvoice"), offline.keySet(), "blueline is offline: " + offline);
            LOG.info("blueline forced offline in ASTDB: first attempts {}", offline);
        }
    }

    private static void awaitMarker(AmiWireClient ami, String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int n = 0;
        while (System.nanoTime() < deadline) {
            String id = "ActionID: sdp" + n++;
            int from = ami.count();
            ami.send("Action: ShowDialPlan\r\n" + id + "\r\nContext: vicidial-auto-external\r\n\r\n");
            assertNotNull(ami.awaitFrom(from, m -> m.contains(id) && m.contains("Event: ShowDialPlanComplete"), T));
            List<List<String>> all = ami.messages();
            if (all.subList(from, all.size()).stream().anyMatch(m -> m.stream().anyMatch(l -> l.contains(marker)))) {
                return;
            }
        }
        throw new AssertionError("the keepalive never loaded the route's dialplan: " + marker);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
