package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.LabDefaults;

/**
 * The generated history as rows: it joins the way the console will join it, attributes to exactly one carrier
 * pattern, and shows the day curve and the incidents in SQL.
 */
class CallHistoryDbTest {

    private static final Logger LOG = LoggerFactory.getLogger(CallHistoryDbTest.class);

    private static LabDatabase db;
    private static Connection c;
    private static CallHistory history;
    private static HistoryOptions options;
    private static CallHistoryWriter.Result written;

    @BeforeAll
    static void writeHistory() throws SQLException {
        db = LabDatabase.startIn(TestDirs.fresh("history"));
        ViciDialSchema.create(db.dataSource());
        LabSeeder.seed(db.dataSource(), LabDefaults.cluster(), Map.of("DIALER1", 1, "DIALER2", 2, "DIALER3", 3),
                "labSecret");
        options = HistoryOptions.withDefaultIncidents(LabDefaults.cluster(), CallHistoryGeneratorTest.NOW,
                CallHistoryGeneratorTest.SEED, CallHistoryGeneratorTest.ZONE);
        long t0 = System.nanoTime();
        history = new CallHistoryGenerator(LabDefaults.cluster()).generate(options);
        long generated = System.nanoTime();
        written = new CallHistoryWriter(options.zone()).write(db.dataSource(), history);
        LOG.info("24 h history: generated {} attempts in {} ms, wrote {} rows in {} ms", history.calls().size(),
                (generated - t0) / 1_000_000, written.totalRows(), written.millis());
        c = db.dataSource().getConnection();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (c != null) {
            c.close();
        }
        if (db != null) {
            db.close();
            TestDirs.deleteLab(db.options().dataDir());
        }
    }

    @Test
    void rowCountsMatchTheTruth() throws SQLException {
        int routed = history.routedCalls().size();
        assertEquals(routed, written.carrierLogRows());
        assertEquals(routed, count("SELECT COUNT(*) FROM vicidial_carrier_log"));
        assertEquals(routed, count("SELECT COUNT(*) FROM call_log"));
        assertEquals(history.calls().size(), count("SELECT COUNT(*) FROM vicidial_dial_log"));
        assertEquals(history.peerEvents().size(), count("SELECT COUNT(*) FROM vicidial_peer_event_log"));
        assertEquals(630320, count("SELECT MIN(peer_event_id) FROM vicidial_peer_event_log"));
    }

    @Test
    void everyCarrierLogRowJoinsItsCallLogRowAndMatchesExactlyOneActiveCarrierPattern() throws SQLException {
        Map<String, CarrierRouter> routers = new HashMap<>();
        LabViciStore store = new LabViciStore(db.dataSource(), options.zone());
        for (String ip : List.of(LabDefaults.DIALER1_IP, LabDefaults.DIALER2_IP, LabDefaults.DIALER3_IP)) {
            routers.put(ip, store.routerFor(ip));
        }
        Map<String, String> truth = new HashMap<>();
        history.routedCalls().forEach(call -> truth.put(call.uniqueid(), call.carrierId()));
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT v.uniqueid, v.server_ip, cl.extension, v.channel,"
                + " cl.channel, v.caller_code, cl.caller_code, cl.server_ip FROM vicidial_carrier_log v"
                + " JOIN call_log cl ON cl.uniqueid = v.uniqueid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
                String uniqueid = rs.getString(1);
                String serverIp = rs.getString(2);
                String extension = rs.getString(3);
                List<CarrierRouter.Route> matches = routers.get(serverIp).allMatches(extension);
                assertEquals(1, matches.size(), uniqueid + " " + extension + " on " + serverIp);
                assertEquals(truth.get(uniqueid), matches.get(0).carrierId(), uniqueid);
                assertEquals(rs.getString(4), rs.getString(5), "same Local channel");
                assertTrue(rs.getString(4).startsWith("Local/" + extension + "@default-"), rs.getString(4));
                assertEquals(rs.getString(6), rs.getString(7));
                assertEquals(serverIp, rs.getString(8));
            }
        }
        assertEquals(history.routedCalls().size(), rows, "no carrier-log row without its call_log row");
    }

    @Test
    void nightHoursHaveFarFewerAttemptsInSql() throws SQLException {
        long[] perHour = new long[24];
        try (PreparedStatement ps = c.prepareStatement("SELECT HOUR(call_date), COUNT(*) FROM vicidial_carrier_log"
                + " GROUP BY HOUR(call_date)"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                perHour[rs.getInt(1)] = rs.getLong(2);
            }
        }
        long night = perHour[1] + perHour[2] + perHour[3] + perHour[4];
        long day = perHour[10] + perHour[11] + perHour[14] + perHour[15];
        assertTrue(night * 10 < day, "01-05h: " + night + ", 10-12h+14-16h: " + day);
    }

    @Test
    void theIncidentWindowShowsMostlyCongestionForBlueLine() throws SQLException {
        HistoryOptions.FarEndIncident incident = options.farEndIncidents().get(0);
        // Attribute by pattern, as the console will: BlueLine's only extension is _81NXXNXXXXXX.
        String sql = "SELECT SUM(v.dialstatus = 'CONGESTION'), COUNT(*), SUM(v.sip_hangup_cause = 503),"
                + " SUM(v.hangup_cause = 34) FROM vicidial_carrier_log v JOIN call_log cl ON cl.uniqueid = v.uniqueid"
                + " WHERE v.call_date >= ? AND v.call_date < ? AND cl.extension LIKE '81%'";
        long[] inside = congestion(sql, incident.start(), incident.end());
        assertTrue(inside[1] > 100, "BlueLine attempts in the window: " + inside[1]);
        assertTrue(inside[0] > inside[1] * 0.75, inside[0] + " of " + inside[1]);
        assertEquals(inside[0], inside[2], "every CONGESTION there is a SIP 503");
        assertEquals(inside[0], inside[3], "with Q.850 cause 34");
        long[] before = congestion(sql, incident.start().minusSeconds(7200), incident.start().minusSeconds(3600));
        assertTrue(before[0] < before[1] * 0.10, before[0] + " of " + before[1] + " an hour earlier");
        long[] others = congestion(sql.replace("LIKE '81%'", "NOT LIKE '81%'"), incident.start(), incident.end());
        assertTrue(others[0] < others[1] * 0.15, "other carriers unaffected: " + others[0] + " of " + others[1]);
    }

    @Test
    void peerEventsAreWrittenAsTheListenerWritesThem() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_type, server_ip, peer, channel_type, data,"
                + " channel, host_ip, port FROM vicidial_peer_event_log WHERE peer = 'SIP/orbit-east'"
                + " ORDER BY event_date"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                assertEquals("SIP", rs.getString(4));
                assertEquals("", rs.getString(6));
                assertEquals("", rs.getString(7));
                assertEquals(0, rs.getInt(8));
                assertTrue(rs.wasNull());
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(5));
            }
        }
        assertTrue(rows.contains("UNREACHABLE " + LabDefaults.DIALER3_IP + " |Time=-1|"), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("REACHABLE")), rows.toString());
    }

    @Test
    void dialLogRowsLookLikeAutoDialsRows() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.extension, d.channel, d.context, d.timeout,"
                + " d.outbound_cid, d.caller_code, d.sip_hangup_cause, v.sip_hangup_cause, d.uniqueid, v.uniqueid"
                + " FROM vicidial_dial_log d JOIN vicidial_carrier_log v ON v.caller_code = d.caller_code"
                + " AND v.server_ip = d.server_ip LIMIT 2000"); ResultSet rs = ps.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertEquals("138368", rs.getString(1));
                assertTrue(rs.getString(2).matches("Local/[0-9]{12}@default"), rs.getString(2));
                assertEquals("default", rs.getString(3));
                assertTrue(List.of(26_000, 30_000, 22_000, 28_000).contains(rs.getInt(4)));
                assertEquals("\"" + rs.getString(6) + "\" <0000000000>", rs.getString(5));
                assertEquals(rs.getInt(8), rs.getInt(7));
                if (rs.getInt(7) != 0) {
                    assertEquals(rs.getString(10), rs.getString(9));
                }
            }
            assertEquals(2000, n);
        }
    }

    private static long[] congestion(String sql, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, LocalDateTime.ofInstant(from, options.zone()));
            ps.setObject(2, LocalDateTime.ofInstant(to, options.zone()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
