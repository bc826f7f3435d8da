package trunkops.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scratch: query shapes on the bench data. */
public final class TrafficQueryExplore {

    public static void main(String[] args) throws Exception {
        try (TrafficBenchData data = TrafficBenchData.reuseOrLoad(Path.of("target", "bench-traffic"), System.out::println)) {
            System.out.println("rows " + data.carrierLogRows + " load ms " + data.loadMillis);
            LocalDateTime to = LocalDateTime.ofInstant(data.now, TrafficBenchData.ZONE).plusMinutes(5);
            LocalDateTime from = to.minusHours(25);
            String url = data.db.jdbcUrl();
            String[] variants = args.length > 0 ? args : new String[] {"nojoin", "typed", "typed-binary", "typed-exten",
                    "typed-codes", "typed-par2", "server-only", "next-only", "guarded-join", "typed", "typed-binary"};
            try (Connection c = DriverManager.getConnection(url, data.db.user(), data.db.password())) {
                for (String sql : new String[] {TYPED, TYPED.replace("FROM vicidial_carrier_log v", "FROM vicidial_carrier_log v FORCE INDEX (call_date)"), JOIN}) {
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                        ps.setObject(1, from);
                        ps.setObject(2, to);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                StringBuilder sb = new StringBuilder();
                                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                    sb.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
                                }
                                System.out.println(sb);
                            }
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SHOW VARIABLES WHERE Variable_name IN ('key_buffer_size','optimizer_switch','read_buffer_size','read_rnd_buffer_size','concurrent_insert','version')"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        System.out.println(rs.getString(1) + " = " + rs.getString(2));
                    }
                }
            }
            for (String v : variants) {
                List<Long> times = new ArrayList<>();
                long rows = 0;
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    rows = run(v, url, data, from, to);
                    times.add((System.nanoTime() - t0) / 1_000_000);
                }
                times.sort(null);
                System.out.printf(Locale.ROOT, "%-14s rows %,9d  runs %s median %d ms%n", v, rows, times,
                        times.get(2));
            }
        }
    }

    static final String JOIN = "SELECT TO_SECONDS(v.call_date), v.server_ip, v.dialstatus, v.hangup_cause,"
            + " v.sip_hangup_cause, v.sip_hangup_reason, v.dial_time, v.answered_time, cl.extension"
            + " FROM vicidial_carrier_log v LEFT JOIN call_log cl ON cl.uniqueid = v.uniqueid"
            + " WHERE v.call_date >= ? AND v.call_date < ?";
    static final String NOJOIN = "SELECT TO_SECONDS(v.call_date), v.server_ip, v.dialstatus, v.hangup_cause,"
            + " v.sip_hangup_cause, v.sip_hangup_reason, v.dial_time, v.answered_time, v.channel"
            + " FROM vicidial_carrier_log v WHERE v.call_date >= ? AND v.call_date < ?";
    static final String GROUPBY = "SELECT TO_SECONDS(v.call_date) DIV 60, v.server_ip, LEFT(cl.extension,2),"
            + " v.dialstatus, v.hangup_cause, v.sip_hangup_cause, v.sip_hangup_reason, COUNT(*),"
            + " SUM(v.dial_time - v.answered_time)"
            + " FROM vicidial_carrier_log v LEFT JOIN call_log cl ON cl.uniqueid = v.uniqueid"
            + " WHERE v.call_date >= ? AND v.call_date < ? GROUP BY 1,2,3,4,5,6,7";
    static final String VD1 = "SELECT hangup_cause, dialstatus, COUNT(*) FROM vicidial_carrier_log WHERE call_date >= ?"
            + " AND call_date <= ? AND server_ip IN ('127.0.1.11','127.0.1.12','127.0.1.13','127.0.1.14','127.0.1.15',"
            + "'127.0.1.16','127.0.1.17','127.0.1.18','127.0.1.19','127.0.1.20') GROUP BY hangup_cause, dialstatus"
            + " ORDER BY hangup_cause, dialstatus";
    static final String VD2 = "SELECT sip_hangup_cause, sip_hangup_reason, COUNT(*) FROM vicidial_carrier_log WHERE"
            + " call_date >= ? AND call_date <= ? AND server_ip IN ('127.0.1.11','127.0.1.12','127.0.1.13','127.0.1.14',"
            + "'127.0.1.15','127.0.1.16','127.0.1.17','127.0.1.18','127.0.1.19','127.0.1.20')"
            + " GROUP BY sip_hangup_cause, sip_hangup_reason ORDER BY sip_hangup_cause, sip_hangup_reason";

    static long run(String v, String url, TrafficBenchData data, LocalDateTime from, LocalDateTime to)
            throws Exception {
        String u = url + (v.endsWith("binary") ? "?useServerPrepStmts=true" : "");
        try (Connection c = DriverManager.getConnection(u, data.db.user(), data.db.password())) {
            switch (v) {
                case "join", "join-binary":
                    return stream(c, JOIN, from, to);
                case "nojoin":
                    return stream(c, NOJOIN, from, to);
                case "join-chunked": {
                    long n = 0;
                    for (LocalDateTime t = from; t.isBefore(to); t = t.plusHours(1)) {
                        n += stream(c, JOIN, t, t.plusHours(1).isAfter(to) ? to : t.plusHours(1));
                    }
                    return n;
                }
                case "groupby-sql":
                    return stream(c, GROUPBY, from, to);
                case "vicidial":
                    return stream(c, VD1, from, to) + stream(c, VD2, from, to);
                case "typed", "typed-binary":
                    return typed(c, TYPED, from, to, false);
                case "typed-exten":
                    return typed(c, TYPED.replace("v.channel", "SUBSTRING_INDEX(SUBSTRING(v.channel, 7), '@', 1)"),
                            from, to, false);
                case "typed-codes":
                    return typed(c, TYPED.replace("v.dialstatus", "FIELD(v.dialstatus,'ANSWER','BUSY','NOANSWER',"
                            + "'CANCEL','CONGESTION','CHANUNAVAIL')").replace("v.server_ip", "FIELD(v.server_ip,"
                            + "'127.0.1.11','127.0.1.12','127.0.1.13','127.0.1.14','127.0.1.15','127.0.1.16',"
                            + "'127.0.1.17','127.0.1.18','127.0.1.19','127.0.1.20')"), from, to, true);
                case "typed-par2": {
                    LocalDateTime mid = from.plusSeconds(java.time.Duration.between(from, to).getSeconds() * 6 / 10);
                    java.util.concurrent.CompletableFuture<Long> other = java.util.concurrent.CompletableFuture
                            .supplyAsync(() -> {
                                try (Connection c2 = DriverManager.getConnection(u, data.db.user(),
                                        data.db.password())) {
                                    return typed(c2, TYPED, mid, to, false);
                                } catch (Exception e) {
                                    throw new RuntimeException(e);
                                }
                            });
                    return typed(c, TYPED, from, mid, false) + other.join();
                }
                case "server-only":
                    return stream(c, "SELECT COUNT(*), SUM(TO_SECONDS(v.call_date)), SUM(LENGTH(v.server_ip)),"
                            + " SUM(LENGTH(v.dialstatus)), SUM(v.hangup_cause), SUM(v.sip_hangup_cause),"
                            + " SUM(LENGTH(v.sip_hangup_reason)), SUM(v.dial_time), SUM(v.answered_time),"
                            + " SUM(LENGTH(v.channel)) FROM vicidial_carrier_log v WHERE v.call_date >= ?"
                            + " AND v.call_date < ?", from, to);
                case "next-only": {
                    try (PreparedStatement ps = c.prepareStatement(TYPED)) {
                        ps.setFetchSize(4096);
                        ps.setObject(1, from);
                        ps.setObject(2, to);
                        long n = 0;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                n++;
                            }
                        }
                        return n;
                    }
                }
                case "guarded-join":
                    return typed(c, TYPED.replace("v.channel", "COALESCE(cl.extension, v.channel)")
                            .replace("FROM vicidial_carrier_log v", "FROM vicidial_carrier_log v LEFT JOIN call_log cl"
                                    + " ON cl.uniqueid = IF(v.channel LIKE 'Local/%;2', NULL, v.uniqueid)"),
                            from, to, false);
                case "typed-force":
                    return typed(c, TYPED.replace("FROM vicidial_carrier_log v", "FROM vicidial_carrier_log v FORCE INDEX (call_date)"), from, to, false);
                case "server-force":
                    return stream(c, "SELECT COUNT(*), SUM(TO_SECONDS(v.call_date)), SUM(LENGTH(v.server_ip)),"
                            + " SUM(LENGTH(v.dialstatus)), SUM(v.hangup_cause), SUM(v.sip_hangup_cause),"
                            + " SUM(LENGTH(v.sip_hangup_reason)), SUM(v.dial_time), SUM(v.answered_time),"
                            + " SUM(LENGTH(v.channel)) FROM vicidial_carrier_log v FORCE INDEX (call_date) WHERE v.call_date >= ?"
                            + " AND v.call_date < ?", from, to);
                case "server-min":
                    return stream(c, "SELECT COUNT(*), SUM(v.hangup_cause) FROM vicidial_carrier_log v WHERE v.call_date >= ?"
                            + " AND v.call_date < ?", from, to);
                case "C-binary":
                    return nextOnly(c, SCAN.replace("TO_SECONDS(call_date)", "call_date"), from, to);
                case "C-typed", "C-binary-typed": {
                    try (PreparedStatement ps = c.prepareStatement(SCAN.replace("TO_SECONDS(call_date)", "call_date"))) {
                        ps.setFetchSize(4096);
                        ps.setObject(1, from);
                        ps.setObject(2, to);
                        long n = 0;
                        long sink = 0;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                n++;
                                LocalDateTime t = rs.getObject(1, LocalDateTime.class);
                                sink += t.getMinute();
                                sink += rs.getString(2).length() + rs.getString(3).length() + rs.getInt(4) + rs.getInt(5);
                                String r = rs.getString(6);
                                sink += (r == null ? 0 : r.length()) + rs.getInt(7) + rs.getInt(8) + rs.getString(9).length() + rs.getString(10).length();
                            }
                        }
                        return n + (sink == 42 ? 1 : 0);
                    }
                }
                case "A", "A-binary":
                    return nextOnly(c, SCAN, from, to);
                case "B":
                    return nextOnly(c, SCAN.replace(", uniqueid FROM", " FROM"), from, to);
                case "C":
                    return nextOnly(c, SCAN.replace("TO_SECONDS(call_date)", "call_date"), from, to);
                case "D":
                    return nextOnly(c, SCAN.replace("TO_SECONDS(call_date)", "call_date").replace(", uniqueid FROM", " FROM"), from, to);
                case "F":
                    return nextOnly(c, SCAN.replace(", uniqueid FROM", ", IF(channel LIKE 'Local/%;2', NULL, uniqueid) FROM"), from, to);
                case "G":
                    return nextOnly(c, "SELECT call_date FROM vicidial_carrier_log WHERE call_date >= ? AND call_date < ?", from, to);
                case "count-index":
                    return stream(c, "SELECT TO_SECONDS(call_date) DIV 60, COUNT(*) FROM vicidial_carrier_log"
                            + " WHERE call_date >= ? AND call_date < ? GROUP BY 1", from, to);
                default:
                    throw new IllegalArgumentException(v);
            }
        }
    }

    static final String TYPED = "SELECT TO_SECONDS(v.call_date), v.server_ip, v.dialstatus, v.hangup_cause,"
            + " v.sip_hangup_cause, v.sip_hangup_reason, v.dial_time, v.answered_time, v.channel"
            + " FROM vicidial_carrier_log v WHERE v.call_date >= ? AND v.call_date < ?";

    static long typed(Connection c, String sql, LocalDateTime from, LocalDateTime to, boolean codes) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(4096);
            ps.setObject(1, from);
            ps.setObject(2, to);
            long n = 0;
            long sink = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    sink += rs.getLong(1);
                    if (codes) {
                        sink += rs.getInt(2) + rs.getInt(3);
                    } else {
                        sink += rs.getString(2).length();
                        String st = rs.getString(3);
                        sink += st == null ? 0 : st.length();
                    }
                    sink += rs.getInt(4) + rs.getInt(5);
                    String r = rs.getString(6);
                    sink += r == null ? 0 : r.length();
                    sink += rs.getInt(7) - rs.getInt(8);
                    String ch = rs.getString(9);
                    sink += ch == null ? 0 : ch.length();
                }
            }
            if (sink == 42) {
                System.out.print("");
            }
            return n;
        }
    }

    static final String SCAN = "SELECT TO_SECONDS(call_date), server_ip, dialstatus, hangup_cause, sip_hangup_cause,"
            + " sip_hangup_reason, dial_time, answered_time, channel, uniqueid FROM vicidial_carrier_log"
            + " WHERE call_date >= ? AND call_date < ?";

    static long nextOnly(Connection c, String sql, LocalDateTime from, LocalDateTime to) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(4096);
            ps.setObject(1, from);
            ps.setObject(2, to);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    static long stream(Connection c, String sql, LocalDateTime from, LocalDateTime to) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(4096);
            ps.setObject(1, from);
            ps.setObject(2, to);
            long n = 0;
            long sink = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    n++;
                    for (int i = 1; i <= cols; i++) {
                        String s = rs.getString(i);
                        sink += s == null ? 0 : s.length();
                    }
                }
            }
            if (sink == 42) {
                System.out.print("");
            }
            return n;
        }
    }
}
