package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** ViciDial's replica rule and where the replica's URL points; the reader pool's settings; schema notes. */
class ReplicaRouteTest {

    private static final Database.Settings PRIMARY = Database.Settings.of(
            "jdbc:mariadb://10.0.0.5:3306/asterisk?connectTimeout=2000", "trunkops_ro");

    private static CarrierLogSchema schema(String slave, String reports) {
        return new CarrierLogSchema(1728, true, true, slave, reports, true);
    }

    private static Optional<String> url(CarrierLogSchema s, ReplicaRoute.Mode mode) {
        return ReplicaRoute.replicaOf(PRIMARY, s, mode).map(Database.Settings::jdbcUrl);
    }

    @Test
    void autoFollowsViciDialsRuleForItsCarrierLogReport() {
        CarrierLogSchema listed = schema("10.0.0.6", "AST_VDADstats,Carrier Log Report,Agent Time Detail");
        assertEquals(Optional.of("jdbc:mariadb://10.0.0.6:3306/asterisk?connectTimeout=2000"),
                url(listed, ReplicaRoute.Mode.AUTO), "no port in slave_db_server: the primary's port");
        assertEquals(Optional.empty(), url(schema("10.0.0.6", "AST_VDADstats"), ReplicaRoute.Mode.AUTO));
        assertEquals(Optional.empty(), url(schema("", "Carrier Log Report"), ReplicaRoute.Mode.AUTO));
        assertEquals(Optional.empty(), url(schema("db2", "Carrier Log Report"), ReplicaRoute.Mode.AUTO),
                "ViciDial wants more than 5 characters");
        assertEquals(Optional.of("jdbc:mariadb://10.0.0.6:3307/asterisk?connectTimeout=2000"),
                url(schema("10.0.0.6:3307", ""), ReplicaRoute.Mode.PREFER));
        assertEquals(Optional.empty(), url(listed, ReplicaRoute.Mode.OFF));
        assertTrue(listed.vicidialSendsReportToReplica());
        assertFalse(schema("10.0.0.6", "").vicidialSendsReportToReplica());
    }

    @Test
    void modesParseAndBadOnesAreRefused() {
        assertEquals(ReplicaRoute.Mode.PREFER, ReplicaRoute.Mode.parse(" Prefer "));
        assertThrows(IllegalArgumentException.class, () -> ReplicaRoute.Mode.parse("yes"));
        Database.Settings odd = Database.Settings.of("jdbc:postgresql://h/db", "u");
        assertThrows(IllegalArgumentException.class, () -> ReplicaRoute.replicaOf(odd, schema("10.0.0.6:1", ""),
                ReplicaRoute.Mode.PREFER));
    }

    @Test
    void aSlaveDbServerThatIsNotHostPortNeverReachesTheUrl() {
        for (String bad : new String[] {"10.0.0.6/other?allowLoadLocalInfile=true", "db2.example:3306?x=1",
            "evil host", "10.0.0.6:99999999", "user@10.0.0.6"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> url(schema(bad, ""), ReplicaRoute.Mode.PREFER), bad);
            assertTrue(e.getMessage().contains("is not host[:port]"), e.getMessage());
        }
        assertEquals(Optional.of("jdbc:mariadb://[fd00::6]:3306/asterisk?connectTimeout=2000"),
                url(schema("[fd00::6]", ""), ReplicaRoute.Mode.PREFER), "IPv6 without a port: the primary's port");
        assertEquals(Optional.of("jdbc:mariadb://replica-db.example:3310/asterisk?connectTimeout=2000"),
                url(schema("replica-db.example:3310", ""), ReplicaRoute.Mode.PREFER));
    }

    @Test
    void theReaderPoolUsesTheBinaryProtocolOnTwoConnections() {
        Database.Settings r = CarrierLogRepository.readerSettings(PRIMARY);
        assertEquals("jdbc:mariadb://10.0.0.5:3306/asterisk?connectTimeout=2000&useServerPrepStmts=true", r.jdbcUrl());
        assertEquals(2, r.poolSize());
        assertEquals("jdbc:mariadb://h/db?useServerPrepStmts=false", CarrierLogRepository.readerSettings(
                Database.Settings.of("jdbc:mariadb://h/db?useServerPrepStmts=false", "u")).jdbcUrl(),
                "an explicit choice in the URL is kept");
    }

    @Test
    void degradedSchemasSayWhatIsMissing() {
        assertEquals("", schema("", "").degradedReason());
        CarrierLogSchema old = new CarrierLogSchema(1148, false, false, "", "", true);
        assertTrue(old.degraded());
        assertEquals("this ViciDial database (db_schema_version 1148) has no sip_hangup_cause/sip_hangup_reason or"
                + " caller_code in vicidial_carrier_log (added in ViciDial 2.6): SIP codes and reasons are not"
                + " available; manual-dial rows cannot use the dial-log fallback", old.degradedReason());
    }
}
