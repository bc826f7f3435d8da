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

/**
 * The query shapes considered for reading 24 h of a 10-dialer carrier log (1.5 M rows, {@link TrafficBenchData}),
 * each timed on its own (rows streamed and decoded, nothing aggregated), medians of {@code runs}:
 * <ul>
 *   <li>{@code console}: what the console runs (call_date cast to an integer, the binary protocol);</li>
 *   <li>{@code datetime-binary}: call_date as a DATETIME (a LocalDateTime per row), binary protocol;</li>
 *   <li>{@code datetime-text}: the same over the text protocol;</li>
 *   <li>{@code to-seconds-text}: call_date converted in SQL (TO_SECONDS), text protocol;</li>
 *   <li>{@code join-call-log}: every row joined to call_log on uniqueid (the literal route);</li>
 *   <li>{@code group-by-sql}: the cheapest aggregation MariaDB could do itself (per minute, dialer, dial-string
 *       prefix and outcome; no exact attribution possible at all);</li>
 *   <li>{@code index-range}: the narrow read forced through the call_date index, as for a table holding much more
 *       than the window;</li>
 *   <li>{@code vicidial}: AST_carrier_log_report.php's two GROUP BY statements.</li>
 * </ul>
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.CarrierLogQueryShapes [-Dexec.args="3 reuse"]}
 */
public final class CarrierLogQueryShapes {

    private static final String NARROW = "SELECT v.call_date, v.server_ip, v.dialstatus, v.hangup_cause,"
            + " v.sip_hangup_cause, v.sip_hangup_reason, v.dial_time, v.answered_time, v.channel, v.uniqueid"
            + " FROM vicidial_carrier_log v WHERE v.call_date >= ? AND v.call_date < ?";

    private record Shape(String name, String sql, boolean binary) {
    }

    private static final String CONSOLE = NARROW.replace("SELECT v.call_date", "SELECT CAST(v.call_date AS UNSIGNED)");

    private static final List<Shape> SHAPES = List.of(
            new Shape("console", CONSOLE, true),
            new Shape("datetime-binary", NARROW, true),
            new Shape("datetime-text", NARROW, false),
            new Shape("to-seconds-text", NARROW.replace("SELECT v.call_date", "SELECT TO_SECONDS(v.call_date)"),
                    false),
            new Shape("join-call-log", NARROW.replace("v.channel, v.uniqueid FROM vicidial_carrier_log v",
                    "cl.extension, v.uniqueid FROM vicidial_carrier_log v LEFT JOIN call_log cl"
                            + " ON cl.uniqueid = v.uniqueid"), true),
            new Shape("group-by-sql", "SELECT TO_SECONDS(call_date) DIV 60, server_ip, SUBSTRING(channel, 7, 2),"
                    + " dialstatus, hangup_cause, sip_hangup_cause, sip_hangup_reason, COUNT(*),"
                    + " SUM(GREATEST(dial_time, answered_time) - answered_time) FROM vicidial_carrier_log"
                    + " WHERE call_date >= ? AND call_date < ? GROUP BY 1, 2, 3, 4, 5, 6, 7", true),
            new Shape("index-range", CONSOLE.replace("vicidial_carrier_log v", "vicidial_carrier_log v"
                    + " FORCE INDEX (call_date)"), true));

    private CarrierLogQueryShapes() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean reuse = args.length > 1 && args[1].equals("reuse");
        Path dir = Path.of("target", "bench-traffic");
        try (TrafficBenchData data = reuse ? TrafficBenchData.reuseOrLoad(dir, System.out::println)
                : TrafficBenchData.load(dir, System.out::println)) {
            LocalDateTime to;
            try (Connection c = data.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT NOW()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                to = rs.getObject(1, LocalDateTime.class);
            }
            LocalDateTime from = to.minusHours(24);
            System.out.printf(Locale.ROOT, "%,d carrier-log rows; window %s to %s%n", data.carrierLogRows, from, to);
            // warm-up: the JIT compiles the decoders of every shape type before anything is timed
            run(data, CONSOLE, true, from, to);
            run(data, NARROW, true, from, to);
            run(data, NARROW, false, from, to);
            if (args.length > 2 && args[2].equals("protocols")) {
                protocols(data, runs, from, to);
                return;
            }
            for (Shape s : SHAPES) {
                List<Long> ms = new ArrayList<>();
                long rows = 0;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    rows = run(data, s.sql(), s.binary(), from, to);
                    ms.add((System.nanoTime() - t0) / 1_000_000);
                }
                print(s.name(), rows, ms);
            }
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                long rows = 0;
                for (String sql : List.of(CarrierTrafficBenchmark.VD_CAUSES, CarrierTrafficBenchmark.VD_SIP)) {
                    rows += run(data, String.format(sql, String.join(",", data.spec.servers().stream()
                            .map(x -> "'" + x.serverIp() + "'").toList())), false, from, to);
                }
                ms.add((System.nanoTime() - t0) / 1_000_000);
                if (i == runs - 1) {
                    print("vicidial", rows, ms);
                }
            }
        }
    }

    /** The console's shape, DATETIME over binary and over text, alternately, under the same conditions. */
    private static void protocols(TrafficBenchData data, int runs, LocalDateTime from, LocalDateTime to)
            throws Exception {
        List<Shape> shapes = SHAPES.subList(0, 3);
        List<List<Long>> ms = new ArrayList<>();
        shapes.forEach(x -> ms.add(new ArrayList<>()));
        long rows = 0;
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < shapes.size(); k++) {
                long t0 = System.nanoTime();
                rows = run(data, shapes.get(k).sql(), shapes.get(k).binary(), from, to);
                ms.get(k).add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        for (int k = 0; k < shapes.size(); k++) {
            print(shapes.get(k).name(), rows, ms.get(k));
        }
    }

    private static void print(String name, long rows, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "%-16s %,10d rows  median %,6d ms  %s%n", name, rows,
                sorted.get(sorted.size() / 2), ms);
    }

    /** Streams the result and decodes every column as the console does: numbers, DATETIMEs, strings. */
    private static long run(TrafficBenchData data, String sql, boolean binary, LocalDateTime from, LocalDateTime to)
            throws Exception {
        String url = data.db.jdbcUrl() + (binary ? "?useServerPrepStmts=true" : "");
        try (Connection c = DriverManager.getConnection(url, data.db.user(), data.db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(4096);
            ps.setObject(1, from);
            ps.setObject(2, to);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                java.sql.ResultSetMetaData md = rs.getMetaData();
                int cols = md.getColumnCount();
                int[] types = new int[cols + 1];
                for (int i = 1; i <= cols; i++) {
                    types[i] = md.getColumnType(i);
                }
                while (rs.next()) {
                    n++;
                    for (int i = 1; i <= cols; i++) {
                        switch (types[i]) {
                            case java.sql.Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
                            case java.sql.Types.TINYINT, java.sql.Types.SMALLINT, java.sql.Types.INTEGER,
                                    java.sql.Types.BIGINT, java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> rs.getLong(i);
                            default -> rs.getString(i);
                        }
                    }
                }
            }
            return n;
        }
    }
}
