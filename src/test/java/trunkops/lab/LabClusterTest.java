package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.testutil.AmiWireClient;

/**
 * The whole twin, reached only the way a console reaches a real cluster: raw TCP AMI with the printed
 * credentials, and JDBC with the printed URL.
 */
class LabClusterTest {

    private static final Duration T = Duration.ofSeconds(20);
    private static LabCluster lab;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "lab-cluster-test"));
        trunkops.app.AppPaths.deleteTree(dir);
        LabCluster.Options o = new LabCluster.Options(dir, 10.0, true, true, 3.0, Duration.ofSeconds(15), 7L);
        lab = LabCluster.start(LabDefaults.cluster(), o, msg -> { });
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        trunkops.app.AppPaths.deleteTree(dir);
    }

    private static AmiWireClient login(LabCluster.AmiAccess a) throws Exception {
        AmiWireClient c = new AmiWireClient(a.host(), a.port());
        c.send("Action: Login\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret() + "\r\n\r\n");
        assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), T), "login to " + a.serverId());
        return c;
    }

    private static Set<String> sipPeers(AmiWireClient c) throws Exception {
        c.send("Action: SIPpeers\r\nActionID: p\r\n\r\n");
        assertNotNull(c.await(m -> m.contains("Event: PeerlistComplete"), T));
        Set<String> peers = new TreeSet<>();
        for (List<String> m : c.messages()) {
            if (m.contains("Event: PeerEntry")) {
                for (String l : m) {
                    if (l.startsWith("ObjectName: ")) {
                        peers.add(l.substring(12));
                    }
                }
            }
        }
        return peers;
    }

    @Test
    void eachDialerServesTheSeededTrunksOverRawTcp() throws Exception {
        List<LabCluster.AmiAccess> access = lab.amiAccess();
        assertEquals(3, access.size());
        List<Set<String>> seen = new ArrayList<>();
        for (LabCluster.AmiAccess a : access) {
            try (AmiWireClient c = login(a)) {
                seen.add(sipPeers(c));
            }
        }
        assertEquals(Set.of("blueline", "nsvoice", "velox"), seen.get(0));
        assertEquals(Set.of("blueline", "nsvoice"), seen.get(1));
        assertEquals(Set.of("blueline", "nsvoice", "orbit-east", "orbit-west"), seen.get(2));
    }

    @Test
    void theJdbcUrlOpensTheSeededTablesAndTrafficIsLogged() throws Exception {
        LabCluster.DbAccess db = lab.dbAccess();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            assertEquals(3, count(c, "SELECT COUNT(*) FROM servers"));
            assertEquals(5, count(c, "SELECT COUNT(*) FROM vicidial_server_carriers"));
            assertTrue(count(c, "SELECT COUNT(*) FROM vicidial_carrier_log") > 10_000, "24 h of history");
            long before = count(c, "SELECT COUNT(*) FROM call_log WHERE start_time > NOW() - INTERVAL 1 MINUTE");
            long deadline = System.nanoTime() + T.toNanos();
            long now = before;
            while (now <= before && System.nanoTime() < deadline) {
                now = count(c, "SELECT COUNT(*) FROM call_log WHERE start_time > NOW() - INTERVAL 1 MINUTE");
            }
            assertTrue(now > before, "live campaign calls write call_log rows");
        }
    }

    @Test
    void aRebuildFlagMakesTheKeepaliveReloadTheCarrierRows() throws Exception {
        LabCluster.DbAccess db = lab.dbAccess();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE vicidial_server_carriers SET dialplan_entry ="
                    + " CONCAT(dialplan_entry, '\\nexten => _81NXXNXXXXXX,4,NoOp(trunkops lab marker v2)')"
                    + " WHERE carrier_id = 'BLUELINE'")) {
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE servers SET rebuild_conf_files = 'Y'"
                    + " WHERE server_id = 'DIALER2'")) {
                assertEquals(1, ps.executeUpdate());
            }
            LabCluster.AmiAccess a = lab.amiAccess().get(1);
            try (AmiWireClient ami = login(a)) {
                List<String> found = null;
                long deadline = System.nanoTime() + T.toNanos();
                int n = 0;
                while (found == null && System.nanoTime() < deadline) {
                    ami.send("Action: ShowDialPlan\r\nActionID: sdp" + n + "\r\nContext: vicidial-auto-external\r\n\r\n");
                    String id = "ActionID: sdp" + n++;
                    assertNotNull(ami.await(m -> m.contains(id) && m.contains("Event: ShowDialPlanComplete"), T));
                    found = ami.messages().stream()
                            .filter(m -> m.contains("AppData: trunkops lab marker v2")).findFirst().orElse(null);
                }
                assertNotNull(found, "the keepalive never loaded the new dialplan_entry");
            }
            assertEquals("N", string(c, "SELECT rebuild_conf_files FROM servers WHERE server_id = 'DIALER2'"));
        }
    }

    @Test
    void aKilledTrunkTurnsUnreachableOnEveryDialerThatHasIt() throws Exception {
        try (AmiWireClient c = login(lab.amiAccess().get(2))) {
            lab.faults().killTrunk("orbit-west");
            assertNotNull(c.await(m -> m.contains("Peer: SIP/orbit-west") && m.contains("PeerStatus: Unreachable"), T));
            lab.faults().restoreTrunk("orbit-west");
            assertNotNull(c.await(m -> m.contains("Peer: SIP/orbit-west") && m.contains("PeerStatus: Reachable"), T));
        }
    }

    @Test
    void labCommandsAnswerClearlyAndCanBeScheduled() throws Exception {
        LabCommands commands = new LabCommands(lab);
        assertEquals("error: 'kill' needs 1 argument(s); try: help", commands.run("kill"));
        assertTrue(commands.run("kill nosuchpeer").startsWith("error: no lab trunk called 'nosuchpeer'"));
        assertTrue(commands.run("frobnicate").startsWith("error: unknown command"));
        assertTrue(commands.run("lag orbit-east abc").startsWith("error: not a number"));
        try (AmiWireClient c = login(lab.amiAccess().get(2))) {
            assertTrue(commands.run("at 2 lag orbit-east 250").startsWith("ok: in 2 s"));
            assertNotNull(c.await(m -> m.contains("Peer: SIP/orbit-east") && m.contains("PeerStatus: Lagged"), T),
                    "orbit-east (qualify=250) turns Lagged with 250 ms more (below 2 x 250 ms, else the probe times out)");
            assertEquals("ok: orbit-east restored", commands.run("restore orbit-east"));
            assertNotNull(c.await(m -> m.contains("Peer: SIP/orbit-east") && m.contains("PeerStatus: Reachable"), T));
        }
    }

    /**
     * Issue 8 item 12: live auto-dial calls get their vicidial_log row (campaign, list), joinable to the carrier log as
     * ViciDial's own export joins it - lead_id and the uniqueid's epoch; an answered call is logged there with the
     * other Local half's uniqueid, so its exact uniqueid does not join.
     */
    @Test
    void liveAutoDialCallsWriteTheirVicidialLogRow() throws Exception {
        LabCluster.DbAccess db = lab.dbAccess();
        String joined = "SELECT COUNT(*) FROM vicidial_carrier_log c JOIN vicidial_log l ON l.lead_id = c.lead_id"
                + " AND LEFT(l.uniqueid, 10) = LEFT(c.uniqueid, 10) WHERE c.dialstatus = 'ANSWER'"
                + " AND l.uniqueid <> c.uniqueid AND l.user = 'VDAD'";
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            long before = count(c, joined);
            long deadline = System.nanoTime() + T.toNanos();
            long now = before;
            while (now <= before && System.nanoTime() < deadline) {
                now = count(c, joined);
            }
            assertTrue(now > before, "answered live calls have a vicidial_log row under the other Local half");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM vicidial_log l JOIN vicidial_lists s ON s.list_id ="
                    + " l.list_id WHERE s.campaign_id <> l.campaign_id"), "a call's list belongs to its campaign");
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
