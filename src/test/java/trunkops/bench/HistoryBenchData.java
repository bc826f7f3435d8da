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
 * MariaDB copies that day into the past (resumably, step by step) with every date and the uniqueid's epoch shifted by whole days:
 * <ul>
 *   <li>days 1–{@value #FULL_DAYS}: every carrier-log row (a week's report has the full cluster's volume); day 1 also
 *       every call_log and vicidial_log row (so its shared-prefix campaigns resolve through vicidial_log; on days
 *       2–6 they stay labelled "by prefix", alike in the full read and the summaries);</li>
 *   <li>days {@value #FULL_DAYS}+1–729: one carrier-log row in {@value #SPARSE}, chosen by CRC32 of the uniqueid
 *       (1.1 billion rows for two full years do not fit the shared machine; what a years-long table changes for the
 *       console's reads — the window is a small part of it, read through the call_date index — is kept).</li>
 * </ul>
 */
public final class HistoryBenchData {

    static final int DAYS = 730;
    static final int FULL_DAYS = 6;
    static final int DETAIL_DAYS = 1;
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
        long t0 = System.nanoTime();
        TrafficBenchData day = null;
        if (Files.isDirectory(dir.resolve("mariadb"))) {
            LabDatabase db = LabDatabase.startIn(dir.resolve("mariadb"));
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), MAX(call_date), DATEDIFF(MAX(call_date), MIN(call_date)),"
                            + " (SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                            + " AND TABLE_NAME = 'bench_src_vicidial_carrier_log') FROM vicidial_carrier_log");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                TrafficBenchData found = TrafficBenchData.reopened(db, rs.getObject(2,
                        java.time.LocalDateTime.class), rs.getLong(1));
                if (rs.getInt(3) >= DAYS - 2 && rs.getInt(4) == 0) {
                    say.accept(String.format(Locale.ROOT, "reusing %,d carrier-log rows over %d days in %s",
                            rs.getLong(1), rs.getInt(3), dir));
                    return found;
                }
                if (rs.getInt(4) == 1) {
                    say.accept("resuming the copy left in " + dir);
                    day = found;
                }
            } catch (SQLException e) {
                say.accept("cannot reuse " + dir + ": " + e.getMessage());
            }
            if (day == null) {
                db.close();
            }
        }
        if (day == null) {
            day = TrafficBenchData.load(dir, say);
            say.accept(String.format(Locale.ROOT, "the newest day: %,d rows in %,d ms; copying it into the past",
                    day.carrierLogRows, day.loadMillis));
        }
        copy(day, say);
        long rows = day.count("SELECT COUNT(*) FROM vicidial_carrier_log");
        long bytes = day.count("SELECT DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'vicidial_carrier_log'");
        say.accept(String.format(Locale.ROOT, "two years: %,d carrier-log rows, %,d MB (data + index), made in %,d s",
                rows, bytes >> 20, (System.nanoTime() - t0) / 1_000_000_000L));
        return day.withRows(rows);
    }

    /**
     * Copies the newest day into the past in steps recorded in {@code bench_progress}, so an interrupted copy
     * resumes (a step cut short is deleted by its call_date range and run again).
     */
    private static void copy(TrafficBenchData day, Consumer<String> say) throws SQLException {
        // a connection of its own without the lab pool's socket timeout: one copy statement runs for minutes
        try (Connection c = java.sql.DriverManager.getConnection(day.db.jdbcUrl(), day.db.user(),
                day.db.password()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bench_progress (step VARCHAR(40) PRIMARY KEY) ENGINE=MyISAM");
            java.util.Set<String> done = new java.util.HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT step FROM bench_progress")) {
                while (rs.next()) {
                    done.add(rs.getString(1));
                }
            }
            if (done.isEmpty() && exists(st, "bench_src_vicidial_carrier_log")) {
                // a copy started before steps were recorded got through day -1 of all three tables
                done.addAll(List.of("src", "day1 carrier", "day1 call_log", "day1 vicidial_log"));
            }
            if (!done.contains("src")) {
                st.execute("CREATE TABLE bench_days (k INT PRIMARY KEY) ENGINE=MyISAM");
                StringBuilder values = new StringBuilder();
                for (int k = 1; k < DAYS; k++) {
                    values.append(k == 1 ? "" : ",").append('(').append(k).append(')');
                }
                st.execute("INSERT INTO bench_days VALUES " + values);
                timed(say, st, "sparse sample", "CREATE TABLE bench_sample ENGINE=MyISAM AS SELECT * FROM"
                        + " vicidial_carrier_log WHERE MOD(CRC32(uniqueid), " + SPARSE + ") = 0");
                for (String t : List.of("vicidial_carrier_log", "call_log", "vicidial_log")) {
                    timed(say, st, "the day's " + t, "CREATE TABLE bench_src_" + t + " ENGINE=MyISAM AS SELECT *"
                            + " FROM " + t);
                    st.execute("ALTER TABLE " + t + " DISABLE KEYS");
                }
                mark(st, done, "src");
            }
            String first;
            try (ResultSet rs = st.executeQuery("SELECT MIN(call_date) FROM bench_src_vicidial_carrier_log")) {
                rs.next();
                first = rs.getString(1);
            }
            for (int k = 1; k <= FULL_DAYS; k++) {
                String from = " FROM %s l JOIN bench_days d ON d.k = " + k;
                step(say, st, done, "day" + k + " carrier", rangeOf(first, k, k), carrierLogCopy(String.format(from,
                        "bench_src_vicidial_carrier_log")));
                if (k <= DETAIL_DAYS) {
                    step(say, st, done, "day" + k + " call_log", null, "INSERT INTO call_log (uniqueid, channel,"
                            + " channel_group, type, server_ip, extension, number_dialed, caller_code, start_time,"
                            + " start_epoch, end_time, end_epoch, length_in_sec, length_in_min) SELECT "
                            + shifted("l.uniqueid") + ", channel, channel_group, type, server_ip, extension,"
                            + " number_dialed, caller_code, start_time - INTERVAL d.k DAY, start_epoch - 86400 * d.k,"
                            + " end_time - INTERVAL d.k DAY, end_epoch - 86400 * d.k, length_in_sec, length_in_min"
                            + String.format(from, "bench_src_call_log"));
                    step(say, st, done, "day" + k + " vicidial_log", null, "INSERT INTO vicidial_log (uniqueid,"
                            + " lead_id, list_id, campaign_id, call_date, start_epoch, end_epoch, length_in_sec,"
                            + " status, phone_code, phone_number, user, comments, processed, user_group,"
                            + " term_reason, alt_dial, called_count) SELECT " + shifted("l.uniqueid") + ", lead_id,"
                            + " list_id, campaign_id, call_date - INTERVAL d.k DAY, start_epoch - 86400 * d.k,"
                            + " end_epoch - 86400 * d.k, length_in_sec, status, phone_code, phone_number, user,"
                            + " comments, processed, user_group, term_reason, alt_dial, called_count"
                            + String.format(from, "bench_src_vicidial_log"));
                }
            }
            for (int k = FULL_DAYS + 1; k < DAYS; k += 120) {
                int last = Math.min(DAYS - 1, k + 119);
                step(say, st, done, "sparse " + k, rangeOf(first, k, last), carrierLogCopy(
                        " FROM bench_sample l JOIN bench_days d ON d.k BETWEEN " + k + " AND " + last));
            }
            for (String t : List.of("vicidial_carrier_log", "call_log", "vicidial_log")) {
                timed(say, st, "index rebuild of " + t, "ALTER TABLE " + t + " ENABLE KEYS");
            }
            for (String t : List.of("bench_sample", "bench_days", "bench_progress", "bench_src_vicidial_carrier_log",
                    "bench_src_call_log", "bench_src_vicidial_log")) {
                st.execute("DROP TABLE IF EXISTS " + t);
            }
        }
    }

    /** The call_date range a carrier-log copy of days k..last writes (the newest day starts at {@code first}). */
    private static String rangeOf(String first, int k, int last) {
        return "call_date >= '" + first + "' - INTERVAL " + last + " DAY AND call_date < '" + first
                + "' - INTERVAL " + (k - 1) + " DAY";
    }

    private static void step(Consumer<String> say, Statement st, java.util.Set<String> done, String name,
                             String range, String sql) throws SQLException {
        if (done.contains(name)) {
            return;
        }
        if (range != null) {
            st.executeUpdate("DELETE FROM vicidial_carrier_log WHERE " + range);
        }
        timed(say, st, name, sql);
        mark(st, done, name);
    }

    private static void mark(Statement st, java.util.Set<String> done, String name) throws SQLException {
        st.executeUpdate("INSERT INTO bench_progress VALUES ('" + name + "')");
        done.add(name);
    }

    private static boolean exists(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                + " DATABASE() AND TABLE_NAME = '" + table + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
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
