package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.lab.LabDefaults;

/** The live lab's reads and writes, and the async writer's accounting. */
class LabViciStoreTest {

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static LabDatabase db;
    private static LabViciStore store;

    @BeforeAll
    static void startSeeded() throws SQLException {
        db = LabDatabase.startIn(TestDirs.fresh("store"));
        ViciDialSchema.create(db.dataSource());
        LabSeeder.seed(db.dataSource(), LabDefaults.cluster(), Map.of("DIALER1", 5101, "DIALER2", 5102,
                "DIALER3", 5103), "storeSecret");
        store = new LabViciStore(db.dataSource(), ZONE);
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
            TestDirs.deleteLab(db.options().dataDir());
        }
    }

    @Test
    void readsServersWithoutPrintingTheirSecret() throws SQLException {
        List<LabViciStore.ServerRow> servers = store.servers();
        assertEquals(List.of("DIALER1", "DIALER2", "DIALER3"),
                servers.stream().map(LabViciStore.ServerRow::serverId).toList());
        LabViciStore.ServerRow d3 = servers.get(2);
        assertEquals(5103, d3.telnetPort());
        assertEquals("storeSecret", d3.amiSecret());
        assertEquals("localhost", d3.telnetHost());
        assertTrue(d3.carrierLoggingActive() && d3.activeAsteriskServer() && d3.generateViciDialConf());
        assertFalse(d3.toString().contains("storeSecret"));
    }

    @Test
    void activeCarriersComeInKeepaliveOrderWithTemplates() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO vicidial_server_carriers (carrier_id,carrier_name,template_id,account_entry,protocol,"
                        + "dialplan_entry,server_ip,active) VALUES (?,?,?,?,?,?,?,?)")) {
            Object[][] rows = {
                {"ZIAX", "IAX first", "IAX_generic", "[ziax]\nhost=192.0.2.50", "IAX2", "", LabDefaults.DIALER3_IP,
                    "Y"},
                {"AAZAP", "Zap is not generated", "--NONE--", "", "Zap", "", "0.0.0.0", "Y"},
                {"AAOFF", "inactive", "--NONE--", "", "SIP", "", "0.0.0.0", "N"},
                {"AAOTHER", "other dialer", "--NONE--", "", "SIP", "", LabDefaults.DIALER1_IP, "Y"}};
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.executeUpdate();
            }
        }
        try {
            List<LabViciStore.CarrierRow> carriers = store.activeCarriers(LabDefaults.DIALER3_IP);
            assertEquals(List.of("ZIAX", "BLUELINE", "NSVOICE", "ORBIT"),
                    carriers.stream().map(LabViciStore.CarrierRow::carrierId).toList());
            assertTrue(carriers.get(0).templateContents().startsWith("type=friend\nhost=dynamic"));
            assertEquals("", carriers.get(1).templateContents());
            assertEquals(LabDefaults.cluster().carriers().get(2).dialplanEntry(), carriers.get(3).dialplanEntry());
            assertEquals("ORBIT", store.routerFor(LabDefaults.DIALER3_IP).route("712025550123").orElseThrow()
                    .carrierId());
        } finally {
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM vicidial_server_carriers WHERE carrier_id IN ('ZIAX','AAZAP','AAOFF','AAOTHER')")) {
                ps.executeUpdate();
            }
        }
    }

    @Test
    void aRebuildIsClaimedOnce() throws SQLException {
        String ip = LabDefaults.DIALER2_IP;
        assertTrue(store.claimRebuild(ip), "seeded with rebuild_conf_files='Y'");
        assertFalse(store.claimRebuild(ip));
        store.requestRebuild(ip);
        assertTrue(store.claimRebuild(ip));
        assertFalse(store.servers().get(1).rebuildConfFiles());

        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE servers SET generate_vicidial_conf = ? WHERE server_ip = ?")) {
            ps.setString(1, "N");
            ps.setString(2, ip);
            ps.executeUpdate();
            store.requestRebuild(ip);
            assertFalse(store.claimRebuild(ip), "the keepalive does not generate for this server");
            assertTrue(store.servers().get(1).rebuildConfFiles(), "and leaves the flag set");
            ps.setString(1, "Y");
            ps.executeUpdate();
        }
    }

    @Test
    void aCallIsLoggedAsFastAgiLogsIt() throws SQLException {
        Instant start = Instant.parse("2026-11-26T15:00:00.400Z");
        String uid = "1795705200.4001";
        String channel = "Local/912025550123@default-0000abcd;2";
        String cid = "V1261500000000001234";
        store.dialLog(new ViciRow.DialLog(cid, 1234, LabDefaults.DIALER1_IP, start.minusMillis(300), "138368",
                "Local/912025550123@default", "default", 26_000, "\"" + cid + "\" <0000000000>"));
        store.callStarted(ViciRow.CallLogStart.localChannel(uid, channel, LabDefaults.DIALER1_IP, "912025550123",
                cid, start));
        store.callEnded(new ViciRow.CallLogEnd(uid, channel, start.plusSeconds(47)));
        ViciRow.CarrierLog carrierLog = new ViciRow.CarrierLog(uid, start.plusSeconds(47), LabDefaults.DIALER1_IP,
                1234, 16, "ANSWER", channel, 46, 38, 200, "OK", cid);
        assertTrue(store.carrierLog(carrierLog));
        assertFalse(store.carrierLog(carrierLog), "INSERT IGNORE keeps the first row");
        store.dialLogSipCause(new ViciRow.DialLogSipCause(cid, LabDefaults.DIALER1_IP, 1234, 200, "OK", uid));
        assertEquals("2026-11-26 15:00:00|1795705200|2026-11-26 15:00:47|47|0.78|Local Channel Line|Local",
                one("SELECT CONCAT_WS('|', start_time, start_epoch, end_time, length_in_sec, length_in_min,"
                        + " channel_group, type) FROM call_log WHERE uniqueid = '" + uid + "'"));
        assertEquals("ANSWER|16|46|38|200|OK|2026-11-26 15:00:47", one("SELECT CONCAT_WS('|', dialstatus,"
                + " hangup_cause, dial_time, answered_time, sip_hangup_cause, sip_hangup_reason, call_date)"
                + " FROM vicidial_carrier_log WHERE uniqueid = '" + uid + "'"));
        assertEquals("200|OK|" + uid + "|26000", one("SELECT CONCAT_WS('|', sip_hangup_cause, sip_hangup_reason,"
                + " uniqueid, timeout) FROM vicidial_dial_log WHERE caller_code = '" + cid + "'"));
        assertThrows(SQLException.class, () -> store.callStarted(ViciRow.CallLogStart.localChannel(uid, channel,
                LabDefaults.DIALER1_IP, "912025550123", cid, start)), "call_log has a primary key");
    }

    @Test
    void peerEventsAndLiveChannels() throws SQLException {
        store.peerEvent(new PeerEvent(Instant.parse("2026-11-26T15:00:01.123456Z"), LabDefaults.DIALER3_IP,
                "Unreachable", "SIP", "SIP/orbit-east", "|Time=-1|"));
        assertEquals("UNREACHABLE|2026-11-26 15:00:01.123456|SIP/orbit-east", one("SELECT CONCAT_WS('|',"
                + " event_type, event_date, peer) FROM vicidial_peer_event_log WHERE peer = 'SIP/orbit-east'"));

        String ip = LabDefaults.DIALER1_IP;
        ViciRow.LiveChannel a = new ViciRow.LiveChannel("SIP/nsvoice-00000001", "912025550123", "V1", "");
        ViciRow.LiveChannel b = new ViciRow.LiveChannel("SIP/nsvoice-00000002", "912025550124", "V2", "");
        ViciRow.LiveChannel c = new ViciRow.LiveChannel("SIP/blueline-00000003", "812025550125", "V3", "");
        store.syncLiveChannels(ip, List.of(a, b));
        assertEquals(List.of(a, b), store.liveChannels(ip));
        store.syncLiveChannels(ip, List.of(b, c));
        assertEquals(List.of(c, b), store.liveChannels(ip));
        assertTrue(store.deleteLiveChannel(ip, b.channel(), b.extension()));
        assertFalse(store.deleteLiveChannel(ip, b.channel(), b.extension()));
        store.syncLiveChannels(LabDefaults.DIALER2_IP, List.of(a));
        store.syncLiveChannels(ip, List.of());
        assertEquals(List.of(), store.liveChannels(ip));
        assertEquals(List.of(a), store.liveChannels(LabDefaults.DIALER2_IP), "other dialers untouched");
    }

    @Test
    void theAsyncWriterWritesEverythingItAccepts() throws Exception {
        int calls = 3_000;
        try (AsyncViciWriter writer = new AsyncViciWriter(store, 50_000, 500)) {
            Instant t = Instant.parse("2026-11-26T16:00:00Z");
            for (int i = 0; i < calls; i++) {
                String uid = (t.getEpochSecond() + i) + "." + (900_000 + i);
                String ch = "Local/91202555" + String.format("%04d", i) + "@default-" + String.format("%08x", i) + ";2";
                assertTrue(writer.submit(ViciRow.CallLogStart.localChannel(uid, ch, LabDefaults.DIALER2_IP,
                        "91202555" + i, "VASYNC" + i, t.plusSeconds(i))));
                assertTrue(writer.submit(new ViciRow.CallLogEnd(uid, ch, t.plusSeconds(i + 30))));
                assertTrue(writer.submit(new ViciRow.CarrierLog(uid, t.plusSeconds(i + 30), LabDefaults.DIALER2_IP,
                        i, 0, "CANCEL", ch, 29, 0, 180, "Ringing", "VASYNC" + i)));
            }
            assertTrue(writer.flush(Duration.ofSeconds(30)));
            AsyncViciWriter.Stats stats = writer.stats();
            assertEquals(new AsyncViciWriter.Stats(3L * calls, 3L * calls, 0, 0, 0), stats);
        }
        assertEquals(String.valueOf(calls), one("SELECT COUNT(*) FROM call_log WHERE caller_code LIKE 'VASYNC%'"
                + " AND length_in_sec = 30"));
        assertEquals(String.valueOf(calls), one("SELECT COUNT(*) FROM vicidial_carrier_log"
                + " WHERE caller_code LIKE 'VASYNC%'"));
    }

    @Test
    void theAsyncWriterCountsWhatItCouldNotWrite() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DataSource stuck = new FailingDataSource(entered, release);
        AsyncViciWriter writer = new AsyncViciWriter(new LabViciStore(stuck, ZONE), 10, 1);
        try {
            assertTrue(writer.submit(peer("first")));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the writer took the first row");
            for (int i = 0; i < 10; i++) {
                assertTrue(writer.submit(peer("queued" + i)));
            }
            for (int i = 0; i < 5; i++) {
                assertFalse(writer.submit(peer("overflow" + i)), "queue full");
            }
            release.countDown();
            assertTrue(writer.flush(Duration.ofSeconds(10)));
            assertEquals(new AsyncViciWriter.Stats(11, 0, 5, 11, 0), writer.stats());
        } finally {
            release.countDown();
            writer.close();
        }
        assertFalse(writer.submit(peer("after close")));
    }

    @Test
    void rowsSubmittedWhileTheDatabaseIsDownAreCountedAsFailed() throws Exception {
        MariaDbDataSource direct = new MariaDbDataSource(db.jdbcUrl() + "?connectTimeout=2000");
        direct.setUser(db.user());
        direct.setPassword(db.password());
        try (AsyncViciWriter writer = new AsyncViciWriter(new LabViciStore(direct, ZONE), 1_000, 100)) {
            db.stop();
            try {
                for (int i = 0; i < 20; i++) {
                    assertTrue(writer.submit(peer("down" + i)));
                }
                assertTrue(writer.flush(Duration.ofSeconds(20)));
                assertEquals(20, writer.stats().failed());
            } finally {
                db.start();
            }
            assertTrue(writer.submit(peer("back")));
            assertTrue(writer.flush(Duration.ofSeconds(20)));
            AsyncViciWriter.Stats stats = writer.stats();
            assertEquals(new AsyncViciWriter.Stats(21, 1, 0, 20, 0), stats);
        }
        assertEquals("1", one("SELECT COUNT(*) FROM vicidial_peer_event_log WHERE peer LIKE 'SIP/down%'"
                + " OR peer = 'SIP/back'"));
    }

    private static PeerEvent peer(String name) {
        return new PeerEvent(Instant.parse("2026-11-26T17:00:00Z"), LabDefaults.DIALER1_IP, "LAGGED", "SIP",
                "SIP/" + name, "|");
    }

    private static String one(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            return rs.getString(1);
        }
    }

    /** getConnection signals it was entered, waits for release, then fails like an unreachable database. */
    private record FailingDataSource(CountDownLatch entered, CountDownLatch release) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLTransientConnectionException("lab test: database unreachable", "08001");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
