package trunkops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import trunkops.lab.db.LabDatabase;

/**
 * Two years of carrier-log history for the summary benchmark (issue 14), kept once under
 * {@code target/bench-history} (not committed) and reused by later runs.
 *
 * <p>How it is made: the lab's own generator and writer write the newest 24 h of a 10-dialer cluster
 * ({@link TrafficBenchData}, 1.5 M carrier-log rows with their call_log, dial-log and vicidial_log rows); then
 * MariaDB copies that day into the past with every date and the uniqueid's epoch shifted by whole days:
 * <ul>
 *   <li>days 1–{@value #FULL_DAYS}: every row of carrier log, call_log and vicidial_log (so a week's report has the
 *       full cluster's volume and its shared-prefix campaigns resolve through vicidial_log);</li>
 *   <li>days {@value #FULL_DAYS}+1–729: one carrier-log row in {@value #SPARSE}, chosen by CRC32 of the uniqueid
 *       (1.1 billion rows for two full years do not fit the shared machine; what a years-long table changes for the
 *       console's reads — the window is a small part of it, read through the call_date index — is kept).</li>
 * </ul>
 */
public final class HistoryBenchData {

    static final int DAYS = 730;
    static final int FULL_DAYS = 7;
    static final int SPARSE = 100;

    private HistoryBenchData() {
    }

    /** Makes (or finds) the two years: {@code exec:java -Dexec.mainClass=trunkops.bench.HistoryBenchData}. */
    public static void main(String[] args) throws Exception {
        try (TrafficBenchData data = open(DIR, HistoryBenchData::say)) {
            say("ready: " + data.carrierLogRows + " rows, newest " + data.now);
        }
    }

    static final Path DIR = Path.of("target", "bench-history");

    @SuppressWarnings("java:S106")
    static void say(String line) {
        System.out.println(line);
    }

    /** Reuses the two years left in {@code dir} by an earlier run, else makes them (see the class comment). */
    static TrafficBenchData open(Path dir, Consumer<String> say) throws Exception {
        if (Files.isDirectory(dir.resolve("mariadb"))) {
            LabDatabase db = LabDatabase.startIn(dir.resolve("mariadb"));
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), MAX(call_date), DATEDIFF(MAX(call_date), MIN(call_date))"
                            + " FROM vicidial_carrier_log");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(3) >= DAYS - 2) {
                    say.accept(String.format(Locale.ROOT, "reusing %,d carrier-log rows over %d days in %s",
                            rs.getLong(1), rs.getInt(3), dir));
                    return TrafficBenchData.reopened(db, rs.getObject(2, java.time.LocalDateTime.class),
                            rs.getLong(1));
                }
            } catch (SQLException e) {
                say.accept("cannot reuse " + dir + ": " + e.getMessage());
            }
            db.close();
        }
        long t0 = System.nanoTime();
        TrafficBenchData day = TrafficBenchData.load(dir, say);
        say.accept(String.format(Locale.ROOT, "the newest day: %,d rows in %,d ms; copying it into the past",
                day.carrierLogRows, day.loadMillis));
        // a connection of its own without the lab pool's socket timeout: one copy statement runs for minutes
        try (Connection c = java.sql.DriverManager.getConnection(day.db.jdbcUrl(), day.db.user(),
                day.db.password()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_days (k INT PRIMARY KEY) ENGINE=MyISAM");
            StringBuilder values = new StringBuilder();
            for (int k = 1; k < DAYS; k++) {
                values.append(k == 1 ? "" : ",").append('(').append(k).append(')');
            }
            st.execute("INSERT INTO bench_days VALUES " + values);
            timed(say, st, "sparse sample", "CREATE TABLE bench_sample ENGINE=MyISAM AS SELECT * FROM"
                    + " vicidial_carrier_log WHERE MOD(CRC32(uniqueid), " + SPARSE + ") = 0");
            for (String t : List.of("vicidial_carrier_log", "call_log", "vicidial_log")) {
                timed(say, st, "the day's " + t, "CREATE TABLE bench_src_" + t + " ENGINE=MyISAM AS SELECT * FROM "
                        + t);
                st.execute("ALTER TABLE " + t + " DISABLE KEYS");
            }
            for (int k = 1; k <= FULL_DAYS; k++) {
                String day1 = " FROM %s l JOIN bench_days d ON d.k = " + k;
                timed(say, st, "day -" + k + ": carrier log", carrierLogCopy(String.format(day1,
                        "bench_src_vicidial_carrier_log")));
                timed(say, st, "day -" + k + ": call_log", "INSERT INTO call_log (uniqueid, channel, channel_group,"
                        + " type, server_ip, extension, number_dialed, caller_code, start_time, start_epoch,"
                        + " end_time, end_epoch, length_in_sec, length_in_min) SELECT " + shifted("l.uniqueid")
                        + ", channel, channel_group, type, server_ip, extension, number_dialed, caller_code,"
                        + " start_time - INTERVAL d.k DAY, start_epoch - 86400 * d.k, end_time - INTERVAL d.k DAY,"
                        + " end_epoch - 86400 * d.k, length_in_sec, length_in_min" + String.format(day1,
                        "bench_src_call_log"));
                timed(say, st, "day -" + k + ": vicidial_log", "INSERT INTO vicidial_log (uniqueid, lead_id,"
                        + " list_id, campaign_id, call_date, start_epoch, end_epoch, length_in_sec, status,"
                        + " phone_code, phone_number, user, comments, processed, user_group, term_reason, alt_dial,"
                        + " called_count) SELECT " + shifted("l.uniqueid") + ", lead_id, list_id, campaign_id,"
                        + " call_date - INTERVAL d.k DAY, start_epoch - 86400 * d.k, end_epoch - 86400 * d.k,"
                        + " length_in_sec, status, phone_code, phone_number, user, comments, processed, user_group,"
                        + " term_reason, alt_dial, called_count" + String.format(day1,
                        "bench_src_vicidial_log"));
            }
            for (int k = FULL_DAYS + 1; k < DAYS; k += 90) {
                timed(say, st, "days -" + k + " to -" + Math.min(DAYS - 1, k + 89) + ": carrier log sample",
                        carrierLogCopy(" FROM bench_sample l JOIN bench_days d ON d.k BETWEEN " + k + " AND "
                                + (k + 89)));
            }
            for (String t : List.of("vicidial_carrier_log", "call_log", "vicidial_log")) {
                timed(say, st, "index rebuild of " + t, "ALTER TABLE " + t + " ENABLE KEYS");
            }
            st.execute("DROP TABLE bench_sample");
            for (String t : List.of("vicidial_carrier_log", "call_log", "vicidial_log")) {
                st.execute("DROP TABLE bench_src_" + t);
            }
            st.execute("DROP TABLE bench_days");
        }
        long rows = day.count("SELECT COUNT(*) FROM vicidial_carrier_log");
        long bytes = day.count("SELECT DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'vicidial_carrier_log'");
        say.accept(String.format(Locale.ROOT, "two years: %,d carrier-log rows, %,d MB (data + index), made in %,d s",
                rows, bytes >> 20, (System.nanoTime() - t0) / 1_000_000_000L));
        return day.withRows(rows);
    }

    private static String carrierLogCopy(String from) {
        return "INSERT INTO vicidial_carrier_log (uniqueid, call_date, server_ip, lead_id, hangup_cause, dialstatus,"
                + " channel, dial_time, answered_time, sip_hangup_cause, sip_hangup_reason, caller_code) SELECT "
                + shifted("l.uniqueid") + ", l.call_date - INTERVAL d.k DAY, server_ip, lead_id, hangup_cause,"
                + " dialstatus, channel, dial_time, answered_time, sip_hangup_cause, sip_hangup_reason, caller_code"
                + from;
    }

    /** A uniqueid {@code epoch.seq} with its epoch d.k days earlier (same length: 10 digits). */
    private static String shifted(String col) {
        return "CONCAT(CAST(SUBSTRING_INDEX(" + col + ", '.', 1) AS UNSIGNED) - 86400 * d.k, '.', SUBSTRING_INDEX("
                + col + ", '.', -1))";
    }

    private static void timed(Consumer<String> say, Statement st, String what, String sql) throws SQLException {
        long t0 = System.nanoTime();
        int n = st.executeUpdate(sql);
        say.accept(String.format(Locale.ROOT, "  %s: %,d rows in %,d ms", what, n,
                (System.nanoTime() - t0) / 1_000_000));
    }
}
