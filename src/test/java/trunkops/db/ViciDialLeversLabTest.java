package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.app.AppPaths;
import trunkops.db.ViciDialLevers.Kind;
import trunkops.db.ViciDialLevers.LeverException;
import trunkops.db.ViciDialLevers.ViciActor;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.testutil.AmiWireClient;

/**
 * ViciDial's own levers on the lab's ViciDial tables: a campaign or list reroute by dial prefix and its way back
 * (the old prefix remembered, a concurrent change reported and left alone), a carrier set inactive with its
 * servers flagged for a rebuild (its pattern then vanishes from every dialer's dialplan) and active again; every
 * change with a vicidial_admin_log row like the admin pages write.
 */
class ViciDialLeversLabTest {

    private static final ViciActor WHO = new ViciActor("noc-ops", "192.0.2.50", "ADMIN");
    private static LabCluster lab;
    private static Path dir;
    private static ViciDialLevers levers;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "vicidial-levers-lab-test"));
        AppPaths.deleteTree(dir);
        lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 1.0, false, false, 0, Duration.ofSeconds(1), 3L), m -> { });
        LabCluster.DbAccess a = lab.dbAccess();
        MariaDbDataSource ds = new MariaDbDataSource(a.jdbcUrl());
        ds.setUser(a.user());
        ds.setPassword(a.password());
        TrunkOpsSchema.Migration m = TrunkOpsSchema.migrate(ds);
        assertTrue(m.current(), m.problem());
        levers = new ViciDialLevers(ds, Clock.systemUTC());
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

    private static String one(String sql, String arg) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static List<String> adminLog(String recordId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT user, ip_address, event_section,"
                + " event_type, event_code, event_sql, event_notes, user_group FROM vicidial_admin_log"
                + " WHERE record_id = ? ORDER BY admin_log_id")) {
            ps.setString(1, recordId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> cols = new ArrayList<>();
                    for (int i = 1; i <= 8; i++) {
                        cols.add(rs.getString(i));
                    }
                    rows.add(String.join(" | ", cols));
                }
            }
        }
        return rows;
    }

    @Test
    void aCampaignRerouteRemembersTheOldPrefixAndTheWayBackRestoresIt() throws Exception {
        ViciDialLevers.Change c = levers.reroute(Kind.CAMPAIGN, "RENEW", "9", WHO, "BlueLine 503s", "NOC-9");
        assertEquals("8", c.before());
        assertEquals("9", one("SELECT dial_prefix FROM vicidial_campaigns WHERE campaign_id = ?", "RENEW"));
        assertEquals("8", one("SELECT old_prefix FROM trunkops_prefix_reroute WHERE record_id = ?"
                + " AND restored_at IS NULL", "RENEW"));
        ViciDialLevers.Change back = levers.restore(Kind.CAMPAIGN, "RENEW", WHO, "BlueLine fixed", "NOC-9");
        assertEquals("8", back.after());
        assertEquals("8", one("SELECT dial_prefix FROM vicidial_campaigns WHERE campaign_id = ?", "RENEW"));
        assertEquals(List.of(
                "noc-ops | 192.0.2.50 | CAMPAIGNS | MODIFY | ADMIN MODIFY CAMPAIGN | UPDATE vicidial_campaigns SET"
                        + " dial_prefix='9' WHERE campaign_id='RENEW'| | TrunkOps: reroute from prefix 8; reason:"
                        + " BlueLine 503s; ticket: NOC-9 | ADMIN",
                "noc-ops | 192.0.2.50 | CAMPAIGNS | MODIFY | ADMIN MODIFY CAMPAIGN | UPDATE vicidial_campaigns SET"
                        + " dial_prefix='8' WHERE campaign_id='RENEW'| | TrunkOps: restore of prefix 8; reason:"
                        + " BlueLine fixed; ticket: NOC-9 | ADMIN"), adminLog("RENEW"));
        assertThrows(LeverException.class, () -> levers.restore(Kind.CAMPAIGN, "RENEW", WHO, "again", null),
                "nothing left to restore");
    }

    @Test
    void aChangeBySomeoneElseIsReportedAndLeftAlone() throws Exception {
        levers.reroute(Kind.LIST, "1002", "9", WHO, "west via NorthStar", null);
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "UPDATE vicidial_lists SET dial_prefix = '7' WHERE list_id = 1002")) {
            assertEquals(1, ps.executeUpdate());
        }
        LeverException e = assertThrows(LeverException.class,
                () -> levers.restore(Kind.LIST, "1002", WHO, "back", null));
        assertTrue(e.getMessage().contains("no longer dials prefix '9' (changed by someone else meanwhile: 7)"),
                e.getMessage());
        assertEquals("7", one("SELECT dial_prefix FROM vicidial_lists WHERE list_id = ?", "1002"));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() throws Exception {
        int before = adminLog("SALES1").size();
        assertThrows(LeverException.class, () -> levers.reroute(Kind.CAMPAIGN, "SALES1", "9'; --", WHO, "r", null));
        assertThrows(LeverException.class, () -> levers.reroute(Kind.CAMPAIGN, "SALES1'", "8", WHO, "r", null));
        assertThrows(LeverException.class, () -> levers.reroute(Kind.CAMPAIGN, "NOPE", "8", WHO, "r", null));
        assertThrows(LeverException.class, () -> levers.setCarrierActive("NOSUCH", false, WHO, "r", null));
        assertEquals(before, adminLog("SALES1").size());
        assertEquals("9", one("SELECT dial_prefix FROM vicidial_campaigns WHERE campaign_id = ?", "SALES1"));
    }

    @Test
    void anInactiveCarrierFlagsItsServersAndItsPatternVanishesFromTheDialplan() throws Exception {
        LabCluster.AmiAccess a = lab.amiAccess().get(0);
        try (AmiWireClient ami = new AmiWireClient(a.host(), a.port())) {
            ami.send("Action: Login\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret()
                    + "\r\nEvents: off\r\n\r\n");
            assertNotNull(ami.await(m -> m.contains("Message: Authentication accepted"), Duration.ofSeconds(30)));
            assertTrue(awaitPattern(ami, true), "BlueLine's pattern is loaded");
            ViciDialLevers.Change c = levers.setCarrierActive("BLUELINE", false, WHO, "carrier outage", "NOC-3");
            assertEquals(List.of(LabDefaults.DIALER1_IP, LabDefaults.DIALER2_IP, LabDefaults.DIALER3_IP),
                    c.serversFlagged());
            assertEquals("N", one("SELECT active FROM vicidial_server_carriers WHERE carrier_id = ?", "BLUELINE"));
            assertTrue(awaitPattern(ami, false), "the keepalive rebuilt without BlueLine");
            assertTrue(adminLog("BLUELINE").get(0).startsWith("noc-ops | 192.0.2.50 | CARRIERS | MODIFY |"
                    + " ADMIN MODIFY CARRIER | UPDATE vicidial_server_carriers SET active='N' WHERE"
                    + " carrier_id='BLUELINE'|"), adminLog("BLUELINE").toString());
            levers.setCarrierActive("BLUELINE", true, WHO, "carrier back", "NOC-3");
            assertTrue(awaitPattern(ami, true), "BlueLine is back");
            assertFalse(adminLog("BLUELINE").size() != 2, adminLog("BLUELINE").toString());
        }
    }

    private static int seq;

    /** Reads vicidial-auto-external until BlueLine's pattern is there ({@code present}) or gone; 60 s at most. */
    private static boolean awaitPattern(AmiWireClient ami, boolean present) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String id = "sdp-" + seq++;
            int from = ami.count();
            ami.send("Action: ShowDialPlan\r\nActionID: " + id + "\r\nContext: vicidial-auto-external\r\n\r\n");
            assertNotNull(ami.awaitFrom(from, m -> m.contains("ActionID: " + id)
                    && m.contains("Event: ShowDialPlanComplete"), Duration.ofSeconds(30)));
            List<List<String>> all = ami.messages();
            boolean has = all.subList(from, all.size()).stream().anyMatch(m -> m.contains("ActionID: " + id)
                    && m.stream().anyMatch(l -> l.contains("_81NXXNXXXXXX")));
            if (has == present) {
                return true;
            }
        }
        return false;
    }
}
