package trunkops.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import trunkops.db.CarrierLogRepository;
import trunkops.db.Database;
import trunkops.db.ViciDialRepository;
import trunkops.lab.db.LabViciStore;
import trunkops.lab.db.ViciRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TopologyBuilder;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.CarrierTrafficEngine;

/**
 * Per-carrier aggregation of 24 h of a 10-dialer cluster (1.5 million carrier-log rows, {@link TrafficBenchData}),
 * through the console's own code (Database, CarrierLogRepository, CarrierTrafficEngine) on a lab MariaDB, against
 * the equivalent of ViciDial's Carrier Log Report query on the same data in the same run:
 * <ol>
 *   <li>cold: a fresh engine loads the window (the first load in the JVM is reported apart, JIT cold);</li>
 *   <li>cold through the call_date index: the same with chunked range statements, what a table holding more history
 *       than the window costs;</li>
 *   <li>incremental: a minute of new rows (2,052, the cluster's peak minute) is written as FastAGI writes them, then
 *       one refresh, five times a minute apart (so each refresh reads one new minute and the overlap, as in
 *       production); reconciliation is timed on its own;</li>
 *   <li>ViciDial: AST_carrier_log_report.php's two GROUP BY statements (hangup_cause x dialstatus, sip_hangup_cause
 *       x sip_hangup_reason) over the window and the ten server_ips.</li>
 * </ol>
 * Medians over {@code runs} (argument 1, default 7).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.CarrierTrafficBenchmark [-Dexec.args=7]}
 */
public final class CarrierTrafficBenchmark {

    private CarrierTrafficBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        boolean reuse = args.length > 1 && args[1].equals("reuse");
        Path dir = Path.of("target", "bench-traffic");
        try (TrafficBenchData data = reuse ? TrafficBenchData.reuseOrLoad(dir, CarrierTrafficBenchmark::say)
                : TrafficBenchData.load(dir, CarrierTrafficBenchmark::say);
             Database db = new Database(CarrierLogRepository.readerSettings(
                     Database.Settings.of(data.db.jdbcUrl(), data.db.user())), data.db.password().toCharArray())) {
            say(String.format(Locale.ROOT, "data: %,d carrier-log rows, loaded in %,d ms", data.carrierLogRows,
                    data.loadMillis));
            ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
            ClusterTopology topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(),
                    rows.lists());
            CarrierLogRepository repo = new CarrierLogRepository(db);
            CarrierTrafficEngine.Settings settings = CarrierTrafficEngine.Settings.defaults().withReconcile(
                    java.time.Duration.ofHours(2), 0);

            long first = timeCold(repo, topology, settings, true);
            breakdown(repo, topology, runs);
            List<Long> cold = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                cold.add(timeCold(repo, topology, settings, i == 0));
            }
            List<Long> vicidial = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                vicidial.add(timeVicidial(data, repo.now()));
            }
            List<Long> chunked = new ArrayList<>();
            for (int i = 0; i < Math.min(runs, 3); i++) {
                chunked.add(timeCold(repo, topology, settings.withFullScanMaxRows(0), false));
            }

            CarrierTrafficEngine engine = new CarrierTrafficEngine(repo, settings);
            engine.setTopology(topology);
            engine.refresh();
            List<Long> incremental = new ArrayList<>();
            List<Long> incrementalRows = new ArrayList<>();
            LabViciStore store = new LabViciStore(data.db.dataSource(), TrafficBenchData.ZONE);
            SplittableRandom rng = new SplittableRandom(7);
            long[] seq = {9_000_000L};
            int incrementalRuns = Math.min(runs, 5);
            for (int i = 0; i < incrementalRuns; i++) {
                if (i > 0) {
                    // real time passes as in production: the next refresh finds one new minute (+ the overlap)
                    java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(60));
                }
                store.write(minuteOfRows(data, rng, seq, 2_052));
                long t0 = System.nanoTime();
                CarrierTrafficEngine.Stats s = engine.refresh();
                incremental.add((System.nanoTime() - t0) / 1_000_000);
                incrementalRows.add(s.rowsRead());
            }
            long held = engine.size()[0];
            long inDb = data.count("SELECT COUNT(*) FROM vicidial_carrier_log WHERE call_date >= '"
                    + engine.windowStart().toString().replace('T', ' ') + "'");
            List<Long> reconcile = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                long now = Math.floorDiv(trunkops.db.CarrierLogRow.second(engine.databaseNow()), 60);
                int reloaded = reconcileSpan(engine, now - 122, now - 2);
                reconcile.add((System.nanoTime() - t0) / 1_000_000);
                if (reloaded != 0) {
                    say("reconcile reloaded " + reloaded + " minutes");
                }
            }
            CarrierReport report = engine.report(engine.windowStart(), engine.databaseNow().plusMinutes(6),
                    List.of());

            say("");
            say(String.format(Locale.ROOT, "cold load, first in this JVM         : %,6d ms", first));
            say(String.format(Locale.ROOT, "cold load (median of %d)              : %,6d ms  %s", runs, median(cold),
                    cold));
            say(String.format(Locale.ROOT, "cold load via call_date index ranges : %,6d ms  %s", median(chunked),
                    chunked));
            say(String.format(Locale.ROOT, "ViciDial Carrier Log Report queries  : %,6d ms  %s", median(vicidial),
                    vicidial));
            say(String.format(Locale.ROOT, "ratio cold / ViciDial                : %.2f", (double) median(cold)
                    / median(vicidial)));
            say(String.format(Locale.ROOT, "incremental refresh (+2,052 rows)    : %,6d ms  %s rows read %s (max %d ms)",
                    median(incremental), incremental, incrementalRows,
                    incremental.stream().mapToLong(Long::longValue).max().orElse(0)));
            say(String.format(Locale.ROOT, "reconcile 2 h of minute counts       : %,6d ms  %s", median(reconcile),
                    reconcile));
            say(String.format(Locale.ROOT, "engine holds %,d rows in %,d cells (database: %,d in the window)", held,
                    engine.size()[1], inDb));
            report.byCarrier().forEach((k, m) -> say(String.format(Locale.ROOT,
                    "  %-12s attempts=%,d answered=%,d asr=%.1f ner=%.1f", k.carrierId(), m.attempts(), m.answered(),
                    m.asr(), m.ner())));
            say("  " + report.attribution().summary());
        }
    }

    /** Where cold time goes: the scan alone (rows decoded, nothing done), + attribution, the full engine. */
    private static void breakdown(CarrierLogRepository repo, ClusterTopology topology, int runs) throws Exception {
        trunkops.db.CarrierLogSchema schema = repo.schema();
        LocalDateTime now = repo.now();
        trunkops.traffic.CarrierAttributor attributor = new trunkops.traffic.CarrierAttributor(topology);
        List<Long> scanOnly = new ArrayList<>();
        List<Long> attributed = new ArrayList<>();
        long[] sink = {0};
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            repo.scan(schema, now.minusHours(24), now.plusMinutes(5), r -> false, r -> false,
                    r -> sink[0] += r.dialTime());
            scanOnly.add((System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            repo.scan(schema, now.minusHours(24), now.plusMinutes(5), attributor::needsDetails,
                    attributor::needsDialLog, r -> sink[0] += attributor.attribute(r).carrierId().length());
            attributed.add((System.nanoTime() - t0) / 1_000_000);
        }
        say(String.format(Locale.ROOT, "breakdown: scan only %d ms %s, scan + attribution %d ms %s (%d)",
                median(scanOnly), scanOnly, median(attributed), attributed, sink[0] % 10));
    }

    private static int reconcileSpan(CarrierTrafficEngine engine, long from, long to) throws Exception {
        java.lang.reflect.Method m = CarrierTrafficEngine.class.getDeclaredMethod("reconcile", long.class,
                long.class);
        m.setAccessible(true);
        return (int) m.invoke(engine, from, to);
    }

    private static long timeCold(CarrierLogRepository repo, ClusterTopology topology,
                                 CarrierTrafficEngine.Settings settings, boolean report) throws Exception {
        CarrierTrafficEngine engine = new CarrierTrafficEngine(repo, settings);
        engine.setTopology(topology);
        long t0 = System.nanoTime();
        CarrierTrafficEngine.Stats s = engine.refresh();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (report) {
            say(String.format(Locale.ROOT, "cold: %,d rows, %d statements, %d looked up, %d ms", s.rowsRead(),
                    s.statements(), s.detailLookups(), ms));
        }
        return ms;
    }

    static final String VD_CAUSES = "SELECT hangup_cause, dialstatus, count(*) AS ct FROM vicidial_carrier_log"
            + " WHERE call_date >= ? AND call_date <= ? AND server_ip IN (%s)"
            + " GROUP BY hangup_cause, dialstatus ORDER BY hangup_cause, dialstatus";
    static final String VD_SIP = "SELECT sip_hangup_cause, sip_hangup_reason, count(*) AS ct FROM vicidial_carrier_log"
            + " WHERE call_date >= ? AND call_date <= ? AND server_ip IN (%s)"
            + " GROUP BY sip_hangup_cause, sip_hangup_reason ORDER BY sip_hangup_cause, sip_hangup_reason";

    /** AST_carrier_log_report.php ~432 and ~473, with every server selected. */
    private static long timeVicidial(TrafficBenchData data, LocalDateTime now) throws Exception {
        String servers = String.join(",", data.spec.servers().stream().map(s -> "'" + s.serverIp() + "'").toList());
        long t0 = System.nanoTime();
        try (Connection c = data.db.dataSource().getConnection()) {
            for (String sql : List.of(VD_CAUSES, VD_SIP)) {
                try (PreparedStatement ps = c.prepareStatement(String.format(sql, servers))) {
                    ps.setObject(1, now.minusHours(24));
                    ps.setObject(2, now);
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

    /** {@code n} calls that hung up in the last minute, spread over the dialers, as FastAGI_log.pl writes them. */
    private static List<ViciRow> minuteOfRows(TrafficBenchData data, SplittableRandom rng, long[] seq, int n) {
        return rowsOfLast(data, rng, seq, n, 60_000);
    }

    /** {@code n} such calls that hung up in the last {@code spanMillis}. */
    static List<ViciRow> rowsOfLast(TrafficBenchData data, SplittableRandom rng, long[] seq, int n, long spanMillis) {
        List<ViciRow> rows = new ArrayList<>();
        Instant end = Instant.now();
        String[] prefixes = {"9", "8", "9", "8", "7", "6"};
        for (int i = 0; i < n; i++) {
            var server = data.spec.servers().get(rng.nextInt(data.spec.servers().size()));
            String prefix = prefixes[rng.nextInt(prefixes.length)];
            if (prefix.equals("7") && !server.serverId().equals("DIALER3")
                    || prefix.equals("6") && !server.serverId().equals("DIALER1")) {
                prefix = "9";
            }
            String dial = prefix + "1" + (2 + rng.nextInt(8)) + "025550" + String.format("%03d", rng.nextInt(1000));
            Instant at = end.minusMillis(rng.nextLong(spanMillis));
            String uid = at.getEpochSecond() + "." + (seq[0]++);
            String channel = "Local/" + dial + "@default-" + String.format("%08x", seq[0]) + ";2";
            String code = "V1126120000" + String.format("%09d", seq[0] % 1_000_000_000L);
            boolean answer = rng.nextDouble() < 0.3;
            rows.add(ViciRow.CallLogStart.localChannel(uid, channel, server.serverIp(), dial, code,
                    at.minusSeconds(20)));
            rows.add(new ViciRow.CallLogEnd(uid, channel, at));
            rows.add(new ViciRow.CarrierLog(uid, at, server.serverIp(), 1000 + i, answer ? 16 : 0,
                    answer ? "ANSWER" : "CANCEL", channel, 20, answer ? 12 : 0, answer ? 200 : 180,
                    answer ? "OK" : "Ringing", code));
        }
        return rows;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    @SuppressWarnings("java:S106")
    private static void say(String line) {
        System.out.println(line);
    }
}
