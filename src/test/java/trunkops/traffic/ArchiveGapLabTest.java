package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.app.CarrierReportCommandAccess;
import trunkops.db.CarrierLogRepository;
import trunkops.lab.LabDefaults;

/**
 * ViciDial's log rotation moves old carrier-log rows into vicidial_carrier_log_archive, which the console does not
 * read: a report window reaching back past the live table says how many rows it is missing instead of printing
 * zeros as if no calls had been made.
 */
class ArchiveGapLabTest {

    private static final LocalDateTime LIVE_FROM = LocalDateTime.of(2026, 11, 26, 8, 0, 5);
    private static LabDb lab;

    @BeforeAll
    static void start() throws Exception {
        lab = LabDb.start("archive", LabDefaults.cluster());
        ViciWrites w = lab.writes();
        String ip = LabDefaults.DIALER1_IP;
        w.autoDial("1764144005.1", LIVE_FROM, ip, "81" + "3125550101", "ANSWER", 16, 200, "OK");
        w.autoDial("1764144065.2", LIVE_FROM.plusMinutes(1), ip, "81" + "3125550102", "CONGESTION", 34, 503,
                "Service Unavailable");
        w.exec("CREATE TABLE vicidial_carrier_log_archive LIKE vicidial_carrier_log");
        // the rotation copied every row (INSERT IGNORE), then deleted the old ones from the live table
        w.exec("INSERT IGNORE INTO vicidial_carrier_log_archive SELECT * FROM vicidial_carrier_log");
        for (int i = 0; i < 3; i++) {
            w.exec("INSERT INTO vicidial_carrier_log_archive (uniqueid,call_date,server_ip,lead_id,hangup_cause,"
                    + "dialstatus,channel,dial_time,answered_time) VALUES (?,?,?,1,16,'ANSWER','Local/813125550100"
                    + "@default-0000beef;2',20,10)", "17640000" + i + ".1", LIVE_FROM.minusHours(20 + i), ip);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        lab.close();
    }

    private static String[] run(String from, String to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CarrierReportCommandAccess.run(List.of("--jdbc", lab.lab.jdbcUrl(), "--db-user", lab.lab.user(),
                "--db-password-env", "PW", "--from", from, "--to", to), Map.of("PW", lab.lab.password())::get,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aWindowReachingIntoTheArchiveSaysWhatItDoesNotCount() throws Exception {
        String[] r = run("2026-11-25T00:00", "2026-11-26T09:00");
        assertTrue(r[0].startsWith("BLUELINE attempts=2 answered=1 asr=50.0 top_failure=CONGESTION:1\n"), r[0]);
        assertEquals("trunkops carrier-report: warning: 3 rows before 2026-11-26T08:00:05 are only in"
                + " vicidial_carrier_log_archive (ViciDial's log rotation) and are not counted; use --from"
                + " 2026-11-26T08:00:05 or later for complete numbers\n", r[1]);
        assertEquals("", run("2026-11-26T08:00", "2026-11-26T09:00")[1],
                "nothing archived-only in the window (the archive's copies of live rows do not count)");
        assertEquals(java.util.Optional.empty(), new CarrierLogRepository(lab.db).archiveGap(
                LocalDateTime.of(2026, 11, 24, 0, 0), LocalDateTime.of(2026, 11, 25, 0, 0)), "no rows there at all");
    }
}
