package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;

/** The DDL gives ViciDial's real shapes (checked in information_schema) and the seed is there as ViciDial holds it. */
class ViciDialSchemaTest {

    private static final Map<String, Integer> AMI_PORTS = Map.of("DIALER1", 15038, "DIALER2", 25038, "DIALER3", 35038);
    private static final String AMI_SECRET = "labSecret42";

    private static LabDatabase db;
    private static Connection c;

    @BeforeAll
    static void startSeeded() throws SQLException {
        db = LabDatabase.startIn(TestDirs.fresh("schema"));
        ViciDialSchema.create(db.dataSource());
        LabSeeder.seed(db.dataSource(), LabDefaults.cluster(), AMI_PORTS, AMI_SECRET);
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
    void everyTableExistsWithItsEngine() throws SQLException {
        assertEquals(List.of(), ViciDialSchema.missingTables(c));
        Map<String, String> engines = map("SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE()");
        for (String table : ViciDialSchema.TABLES) {
            assertEquals(table.equals("live_channels") ? "MEMORY" : "MyISAM", engines.get(table), table);
        }
    }

    @Test
    void carrierLogHasTheRealColumnsAndIndexesAndNoCarrierColumn() throws SQLException {
        assertEquals(List.of("uniqueid varchar(20)", "call_date datetime", "server_ip varchar(15)",
                "lead_id int(9) unsigned", "hangup_cause tinyint(1) unsigned", "dialstatus varchar(16)",
                "channel varchar(100)", "dial_time smallint(3) unsigned", "answered_time smallint(4) unsigned",
                "sip_hangup_cause smallint(4) unsigned", "sip_hangup_reason varchar(50)", "caller_code varchar(30)"),
                columns("vicidial_carrier_log"));
        assertEquals(Map.of("PRIMARY", "uniqueid", "call_date", "call_date", "lead_id", "lead_id"),
                indexes("vicidial_carrier_log"));
        assertTrue(columns("vicidial_carrier_log").stream().noneMatch(col -> col.contains("carrier")));
        assertEquals("0", columnDefault("vicidial_carrier_log", "dial_time"));
        assertEquals("''", columnDefault("vicidial_carrier_log", "sip_hangup_reason"));
    }

    @Test
    void callLogAndDialLogIndexes() throws SQLException {
        assertEquals(Map.of("PRIMARY", "uniqueid", "caller_code", "caller_code", "server_ip", "server_ip",
                "channel", "channel", "start_time", "start_time", "end_time", "end_time",
                "time", "start_time,end_time"), indexes("call_log"));
        assertTrue(columns("call_log").contains("caller_code varchar(20)"));
        assertTrue(columns("call_log").contains("number_dialed varchar(15)"));
        assertEquals(Map.of("caller_code", "caller_code", "lead_id", "lead_id", "call_date", "call_date"),
                indexes("vicidial_dial_log"));
        assertTrue(columns("vicidial_dial_log").contains("timeout mediumint(7) unsigned"));
    }

    @Test
    void carriersTemplatesServersAndPeerEventsHaveTheirKeys() throws SQLException {
        assertEquals(Map.of("carrier_id", "carrier_id", "server_ip", "server_ip"),
                indexes("vicidial_server_carriers"));
        assertEquals(1, count("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = 'vicidial_server_carriers' AND INDEX_NAME = 'carrier_id' AND NON_UNIQUE = 0"));
        assertTrue(columns("vicidial_server_carriers").contains(
                "protocol enum('SIP','PJSIP','PJSIP_WIZ','Zap','IAX2','EXTERNAL')"));
        assertEquals(Map.of("template_id", "template_id"), indexes("vicidial_conf_templates"));
        assertEquals(Map.of("server_id", "server_id"), indexes("servers"));
        assertEquals("'localhost'", columnDefault("servers", "telnet_host"));
        assertEquals(58, columns("servers").size());
        assertEquals(Map.of("PRIMARY", "peer_event_id", "event_date", "event_date", "peer", "peer",
                "channel", "channel"), indexes("vicidial_peer_event_log"));
        assertTrue(columns("vicidial_peer_event_log").contains("port smallint(6)"), "signed, as in create.sql");
        assertTrue(columns("vicidial_peer_event_log").contains("event_date datetime(6)"));
        assertEquals(630320, count("SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                + " DATABASE() AND TABLE_NAME = 'vicidial_peer_event_log'"));
        assertEquals(List.of("channel varchar(100)", "server_ip varchar(15)", "channel_group varchar(30)",
                "extension varchar(100)", "channel_data varchar(100)"), columns("live_channels"));
    }

    @Test
    void campaignListAndSettingsColumnsKeepViciDialDefaults() throws SQLException {
        assertEquals("'9'", columnDefault("vicidial_campaigns", "dial_prefix"));
        assertEquals("''", columnDefault("vicidial_campaigns", "manual_dial_prefix"));
        assertEquals("60", columnDefault("vicidial_campaigns", "dial_timeout"));
        assertTrue(columns("vicidial_campaigns").contains("dial_timeout tinyint(3) unsigned"));
        assertEquals("''", columnDefault("vicidial_lists", "dial_prefix"));
        assertEquals(45, columns("vicidial_lists").size());
        assertEquals("'SIP'", columnDefault("system_settings", "allowed_sip_stacks"));
        assertTrue(columns("system_settings").contains("reports_use_slave_db varchar(4000)"));
    }

    @Test
    void seededServersAreWhatTheKeepaliveAndAConsoleRead() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT server_id, server_ip, telnet_host, telnet_port,"
                + " ASTmgrUSERNAME, ASTmgrSECRET, active_asterisk_server, generate_vicidial_conf, rebuild_conf_files,"
                + " carrier_logging_active, asterisk_version, routing_prefix FROM servers ORDER BY server_id");
             ResultSet rs = ps.executeQuery()) {
            int n = 0;
            for (LabClusterSpec.Server s : LabDefaults.cluster().servers()) {
                assertTrue(rs.next());
                n++;
                assertEquals(s.serverId(), rs.getString(1));
                assertEquals(s.serverIp(), rs.getString(2));
                assertEquals("localhost", rs.getString(3));
                assertEquals(AMI_PORTS.get(s.serverId()), rs.getInt(4));
                assertEquals("cron", rs.getString(5));
                assertEquals(AMI_SECRET, rs.getString(6));
                for (int col = 7; col <= 10; col++) {
                    assertEquals("Y", rs.getString(col));
                }
                assertEquals("20.20.1", rs.getString(11));
                assertEquals("13", rs.getString(12));
            }
            assertFalse(rs.next());
            assertEquals(3, n);
        }
    }

    @Test
    void seededCarriersCampaignsListsAndSettings() throws SQLException {
        for (LabClusterSpec.Carrier k : LabDefaults.cluster().carriers()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT account_entry, dialplan_entry, server_ip, active,"
                    + " template_id, protocol, globals_string FROM vicidial_server_carriers WHERE carrier_id = ?")) {
                ps.setString(1, k.carrierId());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), k.carrierId());
                    assertEquals(k.accountEntry(), rs.getString(1));
                    assertEquals(k.dialplanEntry(), rs.getString(2));
                    assertEquals(k.serverIp(), rs.getString(3));
                    assertEquals(k.active() ? "Y" : "N", rs.getString(4));
                    assertEquals("--NONE--", rs.getString(5));
                    assertEquals(k.protocol(), rs.getString(6));
                    assertEquals(k.globalsString(), rs.getString(7));
                }
            }
        }
        assertEquals(Map.of("SALES1", "9|26|Y", "RENEW", "8|30|Y", "SURVEY", "7|22|Y", "COLLECT", "6|28|Y",
                "WINBACK", "9|26|N"), map("SELECT campaign_id, CONCAT(dial_prefix,'|',dial_timeout,'|',active)"
                + " FROM vicidial_campaigns"));
        assertEquals("9", map("SELECT campaign_id, manual_dial_prefix FROM vicidial_campaigns").get("COLLECT"));
        assertEquals("8", map("SELECT list_id, dial_prefix FROM vicidial_lists").get("1002"));
        assertEquals("", map("SELECT list_id, dial_prefix FROM vicidial_lists").get("1001"));
        assertEquals(1, count("SELECT COUNT(*) FROM system_settings"));
        assertEquals("1728||SIP", map("SELECT 'x', CONCAT(db_schema_version,'|',slave_db_server,'|',"
                + "allowed_sip_stacks) FROM system_settings").get("x"));
        assertEquals(2, count("SELECT COUNT(*) FROM vicidial_conf_templates"));
    }

    @Test
    void theScriptSplitsIntoStatements() {
        assertEquals(List.of("CREATE TABLE a (\nx INT\n)", "CREATE INDEX i on a (x)"), ViciDialSchema.split(
                "-- comment; with a semicolon\n\nCREATE TABLE a (\nx INT\n);\nCREATE INDEX i on a (x);\n"));
        assertThrows(IllegalArgumentException.class, () -> ViciDialSchema.split("CREATE TABLE b (x INT)"));
        assertEquals(ViciDialSchema.TABLES.size() + 4, ViciDialSchema.statements().size(), "12 tables, 4 indexes");
    }

    @Test
    void seedingRefusesViciDialsStockAmiSecret() {
        assertThrows(IllegalArgumentException.class,
                () -> LabSeeder.seed(db.dataSource(), LabDefaults.cluster(), AMI_PORTS, "1234"));
    }

    private static List<String> columns(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    private static String columnDefault(String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), table + "." + column);
                return rs.getString(1);
            }
        }
    }

    /** index name → comma-separated columns in index order. */
    private static Map<String, String> indexes(String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT INDEX_NAME, GROUP_CONCAT(COLUMN_NAME ORDER BY"
                + " SEQ_IN_INDEX) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME = ? GROUP BY INDEX_NAME")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Map<String, String> map(String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static long count(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
