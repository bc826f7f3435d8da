package trunkops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import trunkops.app.AppPaths;
import trunkops.db.CarrierLogRepository;
import trunkops.db.Database;
import trunkops.db.ViciDialRepository;
import trunkops.lab.db.LabViciStore;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TopologyBuilder;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.CarrierTrafficEngine;

/**
 * Issue 14: carrier statistics on a table holding two years ({@link HistoryBenchData}), or only the newest day
 * ({@code day}: {@link TrafficBenchData}, for the per-call campaign regression), through the console's own engine,
 * with and without the summary store, against ViciDial's Carrier Log Report query in the same run:
 * <ol>
 *   <li>today's cold load (no summaries), median of {@code runs / 3};</li>
 *   <li>the first cold load with an empty store, and its first refresh (campaigns moved, 24 h sealed);</li>
 *   <li>later cold loads (a fresh engine, the store filled; 15 minutes of new rows at the cluster's peak rate were
 *       written first, so the unsealed tail is read as in production), median of {@code runs};</li>
 *   <li>an incremental refresh after a minute of new rows (median of 3);</li>
 *   <li>the report over the last 7 days: the first time (reads and seals 6 days) and later (median of 5);</li>
 *   <li>ViciDial's two GROUP BY statements over the 24 h and over the week.</li>
 * </ol>
 * The load on the database per operation: rows the server touched ({@code Handler_read_*} of the whole server,
 * which only the benchmark uses), rows the engine received, and the time its carrier-log statements ran (their
 * MyISAM read lock). Every report is checked equal to the full read's.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.HistoryBenchmark -Dexec.args="9"} (or {@code "9 day"}).
 */
public final class HistoryBenchmark {

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        boolean day = args.length > 1 && args[1].equals("day");
        Path store = Path.of("target", day ? "bench-summaries-day" : "bench-summaries").toAbsolutePath();
        AppPaths.deleteTree(store);
        Files.createDirectories(store);
        try (TrafficBenchData data = day ? TrafficBenchData.reuseOrLoad(Path.of("target", "bench-traffic"),
                HistoryBenchData::say) : HistoryBenchData.open(HistoryBenchData.DIR, HistoryBenchData::say);
             Database db = new Database(CarrierLogRepository.readerSettings(
                     Database.Settings.of(data.db.jdbcUrl(), data.db.user())), data.db.password().toCharArray())) {
            new HistoryBenchmark().run(data, db, store, runs);
        }
    }

    private TrafficBenchData data;
    private CarrierLogRepository repo;
    private ClusterTopology topology;
    private Path store;
    private final CarrierTrafficEngine.Settings settings = CarrierTrafficEngine.Settings.defaults()
            .withReconcile(Duration.ofHours(2), 0);

    private void run(TrafficBenchData d, Database db, Path summaryDir, int runs) throws Exception {
        data = d;
        store = summaryDir;
        repo = new CarrierLogRepository(db);
        ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
        topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
        say(String.format(Locale.ROOT, "table: %,d carrier-log rows", data.count(
                "SELECT COUNT(*) FROM vicidial_carrier_log")));
        SplittableRandom rng = new SplittableRandom(14);
        long[] seq = {(System.currentTimeMillis() % 100_000) * 10_000};
        LabViciStore writer = new LabViciStore(data.db.dataSource(), TrafficBenchData.ZONE);
        writer.write(CarrierTrafficBenchmark.rowsOfLast(data, rng, seq, 15 * 2_052, 15 * 60_000));

        List<Long> today = new ArrayList<>();
        CarrierTrafficEngine full = null;
        for (int i = 0; i < Math.max(1, runs / 3); i++) {
            Measured m = cold(null);
            today.add(m.millis);
            full = m.engine;
            say("today's cold load: " + m);
        }
        full.refresh(); // campaigns moved: the reference numbers

        Measured first = cold(store);
        say("first cold load with an empty store: " + first);
        Load sealing = measure(() -> first.engine.refresh());
        say("its first refresh (campaigns moved, the day sealed): " + sealing);
        List<Long> later = new ArrayList<>();
        Measured last = null;
        for (int i = 0; i < runs; i++) {
            last = cold(store);
            later.add(last.millis);
            if (i == 0) {
                say("later cold load: " + last);
            }
        }
        say("later cold load, last: " + last);
        CarrierTrafficEngine engine = last.engine;
        say("its first refresh (2 h of loaded minutes checked by count, the tail's campaigns moved): "
                + measure(engine::refresh));
        check(full, engine, engine.windowStart().plusMinutes(5), engine.databaseNow().minusMinutes(20));

        List<Long> refresh = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writer.write(CarrierTrafficBenchmark.rowsOfLast(data, rng, seq, 2_052, 60_000));
            Load l = measure(engine::refresh);
            refresh.add(l.millis);
            say("incremental refresh (+2,052 rows): " + l);
        }

        LocalDateTime now = engine.databaseNow();
        LocalDateTime weekFrom = now.minusDays(7).withSecond(0);
        LocalDateTime weekTo = now.minusMinutes(20).withSecond(0);
        Load weekFirst = measure(() -> engine.report(weekFrom, weekTo, List.of()));
        say("week report, first time: " + weekFirst);
        List<Long> week = new ArrayList<>();
        CarrierReport weekReport = null;
        for (int i = 0; i < 5; i++) {
            CarrierReport[] r = new CarrierReport[1];
            Load l = measure(() -> r[0] = engine.report(weekFrom, weekTo, List.of()));
            week.add(l.millis);
            weekReport = r[0];
            if (i == 0) {
                say("week report, later: " + l);
            }
        }
        CarrierTrafficEngine weekFull = new CarrierTrafficEngine(repo, settings);
        weekFull.setTopology(topology);
        weekFull.load(weekFrom, weekTo);
        if (!weekFull.report(weekFrom, weekTo, List.of()).equals(weekReport)) {
            throw new IllegalStateException("the week's report from the summaries differs from the full read");
        }
        say(String.format(Locale.ROOT, "week report equals the full read (%,d calls)",
                weekReport.overall().attempts()));

        List<Long> vd = new ArrayList<>();
        List<Long> vdWeek = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            vd.add(vicidial(now.minusHours(24), now));
        }
        for (int i = 0; i < 3; i++) {
            vdWeek.add(vicidial(weekFrom, weekTo));
        }
        say("");
        say(String.format(Locale.ROOT, "today's cold load (no summaries)      : %,7d ms %s", median(today), today));
        say(String.format(Locale.ROOT, "first cold load, empty store          : %,7d ms", first.millis));
        say(String.format(Locale.ROOT, "later cold load (median of %d)         : %,7d ms %s", runs, median(later),
                later));
        say(String.format(Locale.ROOT, "incremental refresh                   : %,7d ms %s", median(refresh), refresh));
        say(String.format(Locale.ROOT, "week report, first / later (median 5) : %,7d ms / %,d ms %s",
                weekFirst.millis, median(week), week));
        say(String.format(Locale.ROOT, "ViciDial's report queries, 24 h        : %,7d ms %s", median(vd), vd));
        say(String.format(Locale.ROOT, "ViciDial's report queries, week        : %,7d ms %s", median(vdWeek), vdWeek));
        say(String.format(Locale.ROOT, "ratio later cold / ViciDial 24 h       : %.2f  (today's: %.2f)",
                (double) median(later) / median(vd), (double) median(today) / median(vd)));
        say(String.format(Locale.ROOT, "ratio week later / ViciDial week       : %.2f", (double) median(week)
                / median(vdWeek)));
        say("summaries: " + store + " " + sizeOf(store) / 1024 + " KB");
    }

    private record Measured(CarrierTrafficEngine engine, long millis, CarrierTrafficEngine.Stats stats, long handlerRows) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d ms; rows received %,d, from summaries %,d min in %,d ms,"
                    + " statements %d, carrier-log lock %,d ms; server rows touched %,d", millis, stats.rowsRead(),
                    stats.fromSummaries(), stats.summaryMillis(), stats.statements(), stats.lockMillis(),
                    handlerRows);
        }
    }

    private record Load(long millis, Object result, long handlerRows) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d ms; server rows touched %,d; %s", millis, handlerRows,
                    result instanceof CarrierTrafficEngine.Stats s ? "rows received " + s.rowsRead() + ", lock "
                            + s.lockMillis() + " ms" : "");
        }
    }

    @FunctionalInterface
    private interface Op {
        Object run() throws Exception;
    }

    private Load measure(Op op) throws Exception {
        long h0 = handlerReads();
        long t0 = System.nanoTime();
        Object r = op.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Load(ms, r, handlerReads() - h0);
    }

    private Measured cold(Path summaries) throws Exception {
        CarrierTrafficEngine e = new CarrierTrafficEngine(repo, settings);
        if (summaries != null) {
            e.useSummaries(summaries, data.db.jdbcUrl());
        }
        e.setTopology(topology);
        long h0 = handlerReads();
        long t0 = System.nanoTime();
        CarrierTrafficEngine.Stats s = e.refresh();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Measured(e, ms, s, handlerReads() - h0);
    }

    private static void check(CarrierTrafficEngine full, CarrierTrafficEngine e, LocalDateTime from,
                              LocalDateTime to) {
        if (!full.report(from, to, List.of()).equals(e.report(from, to, List.of()))) {
            throw new IllegalStateException("the summaries' numbers differ from the full read's");
        }
        say("24 h numbers equal the full read's (" + from + " to " + to + ")");
    }

    /** Rows the server read through handlers (index and table), whole server. */
    private long handlerReads() throws Exception {
        try (Connection c = data.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT SUM(VARIABLE_VALUE) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN"
                        + " ('HANDLER_READ_NEXT','HANDLER_READ_RND_NEXT','HANDLER_READ_KEY','HANDLER_READ_RND',"
                        + "'HANDLER_READ_PREV','HANDLER_READ_FIRST','HANDLER_READ_LAST')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long vicidial(LocalDateTime from, LocalDateTime to) throws Exception {
        String servers = String.join(",", data.spec.servers().stream().map(s -> "'" + s.serverIp() + "'").toList());
        long t0 = System.nanoTime();
        try (Connection c = data.db.dataSource().getConnection()) {
            for (String sql : List.of(CarrierTrafficBenchmark.VD_CAUSES, CarrierTrafficBenchmark.VD_SIP)) {
                try (PreparedStatement ps = c.prepareStatement(String.format(sql, servers))) {
                    ps.setObject(1, from);
                    ps.setObject(2, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(3);
                        }
                    }
                }
            }
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long sizeOf(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static void say(String line) {
        HistoryBenchData.say(line);
    }
}
