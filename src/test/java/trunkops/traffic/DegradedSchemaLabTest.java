package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.db.CarrierLogSchema;
import trunkops.lab.LabDefaults;

/**
 * A ViciDial from before 2.6: vicidial_carrier_log without sip_hangup_cause, sip_hangup_reason and caller_code
 * (schema as upgrade_2.6.sql found it). Statistics still work; SIP mixes say they are unavailable.
 */
class DegradedSchemaLabTest {

    private static LabDb lab;

    @BeforeAll
    static void start() throws Exception {
        lab = LabDb.start("degraded", LabDefaults.cluster());
        ViciWrites w = lab.writes();
        w.exec("ALTER TABLE vicidial_carrier_log DROP COLUMN sip_hangup_cause, DROP COLUMN sip_hangup_reason,"
                + " DROP COLUMN caller_code");
        w.exec("UPDATE system_settings SET db_schema_version = 1148");
        LocalDateTime t = lab.repository().now().minusMinutes(20);
        String insert = "INSERT INTO vicidial_carrier_log (uniqueid,call_date,server_ip,lead_id,hangup_cause,dialstatus,"
                + "channel,dial_time,answered_time) VALUES (?,?,?,1,?,?,?,?,?)";
        w.exec(insert, "1600000000.1", t, LabDefaults.DIALER1_IP, 16, "ANSWER",
                "Local/912025550101@default-00000001;2", 40, 30);
        w.exec(insert, "1600000000.2", t, LabDefaults.DIALER1_IP, 34, "CONGESTION",
                "Local/912025550102@default-00000002;2", 0, 0);
        w.exec(insert, "1600000000.3", t, LabDefaults.DIALER2_IP, 17, "BUSY",
                "Local/8600051@default-00000003;1", 4, 0);
        w.callLog("1600000000.3", "Local/8600051@default-00000003;1", LabDefaults.DIALER2_IP, "812025550103", "M1",
                t.minusSeconds(5), t);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theSchemaIsDetectedAndStatisticsDegradeVisibly() throws Exception {
        CarrierLogSchema schema = lab.repository().schema();
        assertEquals(1148, schema.schemaVersion());
        assertFalse(schema.sipColumns());
        assertFalse(schema.callerCodeColumn());
        CarrierTrafficEngine e = new CarrierTrafficEngine(lab.repository(), CarrierTrafficEngine.Settings.defaults());
        e.setTopology(lab.topology());
        e.refresh();
        CarrierReport r = e.report(e.windowStart(), e.databaseNow().plusMinutes(1), List.of());
        assertTrue(r.schemaNote().startsWith("this ViciDial database (db_schema_version 1148) has no"
                + " sip_hangup_cause/sip_hangup_reason or caller_code"), r.schemaNote());
        CarrierMetrics ns = r.byCarrier().get(SeriesKey.carrier("NSVOICE"));
        assertEquals(2, ns.attempts());
        assertEquals(1, ns.carrierFailures(), "CONGESTION still counts without a SIP code");
        assertFalse(ns.sipAvailable());
        assertEquals(Map.of(), ns.sipCodes());
        assertEquals(Map.of(), ns.sipOutcomes());
        assertEquals(Map.of(new CarrierMetrics.HangupStatus(16, "ANSWER"), 1L,
                new CarrierMetrics.HangupStatus(34, "CONGESTION"), 1L), ns.hangupByStatus());
        assertEquals(1, r.byCarrier().get(SeriesKey.carrier("BLUELINE")).attempts(), "via call_log, no caller code");
        assertEquals(1L, r.attribution().bySource().get(Attribution.Source.CALL_LOG));
    }
}
