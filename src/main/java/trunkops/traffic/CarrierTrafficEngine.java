package trunkops.traffic;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.db.CarrierLogRepository;
import trunkops.db.CarrierLogRow;
import trunkops.db.CarrierLogSchema;
import trunkops.db.DbException;
import trunkops.topology.ClusterTopology;

/**
 * Keeps per-carrier statistics of a sliding window (24 h by default) of {@code vicidial_carrier_log}: one cold load,
 * then incremental refreshes that read only rows at or after the cursor. Single-threaded: one worker calls it (a cold
 * load hands rows to a helper thread of its own, {@link PipelinedSink}, and waits for it before it returns).
 *
 * <p><b>Cold load.</b> When MariaDB's optimizer would read the window by scanning the whole table (the window holds
 * most of it, as with ViciDial's {@code --carrier-daily} archiving, which keeps one to two days) and the table is not
 * bigger than {@link Settings#fullScanMaxRows()}, one streamed statement reads it (a table scan costs about 0.5 µs a
 * row, so its read lock lasts about as long as ViciDial's own Carrier Log Report holds one on the same data);
 * otherwise the window is read in {@link Settings#chunk()} ranges of call_date through the index, each a short
 * statement with a short read lock (about 3 µs a row on MyISAM, docs/benchmarks.md).
 *
 * <p><b>Cursor.</b> Rows are written at hangup with each dialer's own clock, so they do not arrive in call_date
 * order across dialers. The cursor is the newest call_date seen, capped at the database's {@code NOW()} (a dialer
 * whose clock runs ahead cannot drag it into the future); each refresh re-reads from the cursor minus
 * {@link Settings#overlap()} (the tolerated clock spread, 1 min by default) and recognises rows it already has by
 * uniqueid: an unchanged row is skipped, a changed one (AST_manager_listen fills SIP causes in later) replaces its
 * old contribution. Rows later than the overlap are not lost either: every {@link Settings#reconcileEvery()}
 * refreshes the per-minute row counts of the last {@link Settings#reconcileSpan()} before the overlap are compared
 * with the database's (an index-only query) and any minute that differs is reloaded.
 */
public final class CarrierTrafficEngine {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierTrafficEngine.class);

    /**
     * @param window          how much history is kept (the charts' span)
     * @param overlap         how far behind the cursor each refresh re-reads: the clock spread between dialers it absorbs
     * @param futureSkew      how far ahead of the database clock rows are read (dialers whose clock runs ahead)
     * @param reconcileSpan   how far back late rows are looked for
     * @param reconcileEvery  every how many refreshes they are looked for (0 = never)
     * @param fullScanMaxRows above this many rows in the table the cold load always reads in chunks (a whole-table
     *                        read lock lasts about 0.5 µs a row)
     * @param chunk           the call_date range of one cold-load statement when chunking
     */
    public record Settings(Duration window, Duration overlap, Duration futureSkew, Duration reconcileSpan,
                           int reconcileEvery, long fullScanMaxRows, Duration chunk, Duration sealAge) {
        public static Settings defaults() {
            return new Settings(Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofMinutes(5),
                    Duration.ofHours(2), 6, 3_000_000, Duration.ofHours(1), Duration.ofMinutes(10));
        }

        /** The settings before summaries (sealed 10 minutes after the minute, ADR 0011). */
        public Settings(Duration window, Duration overlap, Duration futureSkew, Duration reconcileSpan,
                        int reconcileEvery, long fullScanMaxRows, Duration chunk) {
            this(window, overlap, futureSkew, reconcileSpan, reconcileEvery, fullScanMaxRows, chunk,
                    Duration.ofMinutes(10));
        }

        public Settings withSealAge(Duration age) {
            return new Settings(window, overlap, futureSkew, reconcileSpan, reconcileEvery, fullScanMaxRows, chunk,
                    age);
        }

        public Settings withWindow(Duration w) {
            return new Settings(w, overlap, futureSkew, reconcileSpan, reconcileEvery, fullScanMaxRows, chunk, sealAge);
        }

        public Settings withFullScanMaxRows(long rows) {
            return new Settings(window, overlap, futureSkew, reconcileSpan, reconcileEvery, rows, chunk, sealAge);
        }

        public Settings withReconcile(Duration span, int every) {
            return new Settings(window, overlap, futureSkew, span, every, fullScanMaxRows, chunk, sealAge);
        }
    }

    /**
     * What one load or refresh did; {@code lockMillis}: how long its carrier-log statements ran (the MyISAM read
     * lock), summed; {@code fromSummaries}: minutes a cold load took from the summary store, in
     * {@code summaryMillis}.
     */
    public record Stats(boolean cold, long rowsRead, long rowsChanged, int statements, long detailLookups,
                        int minutesReloaded, long millis, long lockMillis, long fromSummaries, long summaryMillis) {
        public Stats(boolean cold, long rowsRead, long rowsChanged, int statements, long detailLookups,
                     int minutesReloaded, long millis) {
            this(cold, rowsRead, rowsChanged, statements, detailLookups, minutesReloaded, millis, 0, 0, 0);
        }
    }

    private final CarrierLogRepository repository;
    private final Settings settings;
    private final TrafficCube cube = new TrafficCube();
    private final Map<String, TrafficCube.Fact> recent = new HashMap<>();
    private ClusterTopology topology;
    private CarrierAttributor attributor;
    private CarrierLogSchema schema;
    private boolean loaded;
    private long maxSeen = Long.MIN_VALUE;
    private long windowStartMinute;
    private LocalDateTime databaseNow;
    private int refreshes;
    private Object fingerprint;
    private int generation;
    /** Shared-prefix calls the last cold load counted under their prefix key, for the next refresh to move. */
    private CallCampaigns pendingCampaigns;
    private LocalDateTime pendingFrom;
    private LocalDateTime pendingTo;
    /** Where sealed minutes are kept (null: none, every cold load reads the carrier log). */
    private java.nio.file.Path summaryRoot;
    private String cluster;
    private SummaryKeeper summaries;
    /**
     * The minutes a cold load took from the summaries within the reconciliation span: their row counts are compared
     * with the database's by the first refresh after it (rows written while the console was closed), as the
     * campaigns of shared-prefix calls are moved then.
     */
    private long[] reconcileAfterCold;

    public CarrierTrafficEngine(CarrierLogRepository repository, Settings settings) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Sets the topology rows are attributed with. Only a change to what attribution reads (dial patterns, live
     * carriers per dialer, campaign prefixes; {@link CarrierAttributor#fingerprint}) makes the next refresh cold:
     * a full reload scans the window's rows again, so it is not done for a renamed carrier or a list switched on.
     */
    public void setTopology(ClusterTopology t) {
        Objects.requireNonNull(t, "topology");
        Object fp = CarrierAttributor.fingerprint(t);
        topology = t;
        if (!fp.equals(fingerprint)) {
            fingerprint = fp;
            generation++;
            attributor = new CarrierAttributor(t);
            loaded = false;
        }
    }

    /**
     * Keeps sealed per-minute cells under {@code root} for the cluster named {@code cluster} (its database URL), so
     * a cold load reads only what they lack (ADR 0011). Takes effect at the next cold load.
     */
    public void useSummaries(java.nio.file.Path root, String clusterName) {
        summaryRoot = Objects.requireNonNull(root, "root");
        cluster = Objects.requireNonNull(clusterName, "cluster");
        loaded = false;
    }

    /** What the summaries say for the charts' notes ("" when there is nothing to say or none are kept). */
    public String summaryNote() {
        return summaries == null ? "" : summaries.note();
    }

    /** The summary directory in use (null before the first cold load or without summaries). */
    public java.nio.file.Path summaryDirectory() {
        return summaries == null ? null : summaries.store().directory();
    }

    public boolean loaded() {
        return loaded;
    }

    /** The active carriers of the topology rows are attributed with (empty before {@link #setTopology}). */
    public List<String> carrierIds() {
        return topology == null ? List.of()
                : topology.carriers().stream().filter(c -> c.active()).map(c -> c.carrierId()).toList();
    }

    public CarrierLogSchema schema() {
        return schema;
    }

    /** The database clock at the last load or refresh. */
    public LocalDateTime databaseNow() {
        return databaseNow;
    }

    TrafficCube cube() {
        return cube;
    }

    /** Loads the window ending at the database's clock the first time (or after a topology change), else refreshes. */
    public Stats refresh() throws DbException {
        requireTopology();
        long t0 = System.nanoTime();
        LocalDateTime now = repository.now();
        databaseNow = now;
        if (!loaded) {
            LocalDateTime from = minuteFloor(now.minus(settings.window()));
            return cold(from, now.plus(settings.futureSkew()), now, t0, false);
        }
        movePendingCampaigns();
        if (reconcileAfterCold != null) {
            long[] r = reconcileAfterCold;
            reconcileAfterCold = null;
            reconcile(r[0], r[1]);
        }
        Stats s = incremental(now, t0);
        if (summaries != null) {
            long nowMinute = CubeQueries.minute(now);
            summaries.seal(cube, windowStartMinute, nowMinute);
            summaries.catchUpStep(this::scanInto);
        }
        return s;
    }

    /** Scans [from, to) into {@code into} with every campaign resolved (summaries of past hours). */
    private long scanInto(LocalDateTime from, LocalDateTime to, TrafficCube into) throws DbException {
        return scanAttributed(from, to, Long.MIN_VALUE, into::add).rows();
    }

    /**
     * The first refresh after a cold load moves the shared-prefix calls the load counted under their prefix key to
     * the campaign vicidial_log gives them (before the incremental scan, so the window and the remembered rows are
     * still the load's). The load itself published without waiting for that read.
     */
    private void movePendingCampaigns() {
        CallCampaigns p = pendingCampaigns;
        pendingCampaigns = null;
        if (p == null || p.size() == 0) {
            return;
        }
        int n = p.size();
        long r0 = System.nanoTime();
        try {
            p.move(repository, pendingFrom, pendingTo, (row, counted, resolved) -> {
                TrafficCube.Fact old = cube.fact(row, counted);
                TrafficCube.Fact f = cube.fact(row, resolved);
                cube.apply(old, -1);
                cube.apply(f, 1);
                if (row.uniqueid() != null && old.equals(recent.get(row.uniqueid()))) {
                    recent.put(row.uniqueid(), f);
                }
            });
        } catch (DbException e) {
            LOG.warn("campaigns of shared-prefix calls not moved: {}", e.getMessage());
        }
        LOG.info("{} calls with a shared dial prefix moved to their campaign from vicidial_log in {} ms", n,
                (System.nanoTime() - r0) / 1_000_000);
    }

    /** A one-off load of a fixed window [from, to) (the report command); no cursor is kept. */
    public Stats load(LocalDateTime from, LocalDateTime to) throws DbException {
        requireTopology();
        databaseNow = to;
        return cold(from, to, to, System.nanoTime(), true);
    }

    private void requireTopology() {
        if (attributor == null) {
            throw new IllegalStateException("setTopology first: rows are attributed with the cluster's carriers");
        }
    }

    /**
     * {@code resolveNow}: shared-prefix calls wait for their campaign before the load returns (a one-off report);
     * otherwise they are counted under their prefix key and moved by the next refresh.
     */
    private Stats cold(LocalDateTime from, LocalDateTime to, LocalDateTime now, long t0, boolean resolveNow)
            throws DbException {
        schema = repository.schema();
        pendingCampaigns = null;
        reconcileAfterCold = null;
        cube.clear();
        recent.clear();
        generation++;
        maxSeen = Long.MIN_VALUE;
        windowStartMinute = CubeQueries.minute(from);
        long rememberFrom = CarrierLogRow.second(now) - 2 * settings.overlap().toSeconds();
        List<LocalDateTime[]> ranges = new ArrayList<>();
        summaries = null;
        if (summaryRoot != null) {
            summaries = new SummaryKeeper(MinuteStore.open(summaryRoot, cluster, MinuteStore.key(fingerprint,
                    schema.sipColumns(), schema.vicidialLogTable())), settings.sealAge());
            long end = ceilMinute(to);
            for (long[] run : summaries.loadWindow(CubeQueries.minute(from), end, CubeQueries.minute(now), cube)) {
                LocalDateTime a = CubeQueries.time(run[0]);
                LocalDateTime b = run[1] >= end ? to : CubeQueries.time(run[1]);
                ranges.addAll(plan(a, b, repository.extent(a, b)));
            }
        } else {
            ranges.addAll(plan(from, to, repository.extent(from, to)));
        }
        CarrierLogRepository.ScanStats total = new CarrierLogRepository.ScanStats(0, 0, 0, 0);
        long[] newest = {Long.MIN_VALUE};
        java.util.function.BiConsumer<CarrierLogRow, Attribution> apply = (row, a) -> {
            if (row.callDateSecond() >= rememberFrom && row.uniqueid() != null) {
                TrafficCube.Fact f = cube.fact(row, a);
                cube.apply(f, 1);
                recent.put(row.uniqueid(), f);
            } else {
                cube.add(row, a);
            }
            newest[0] = Math.max(newest[0], row.callDateSecond());
        };
        CallCampaigns calls = new CallCampaigns(schema.vicidialLogTable());
        PipelinedSink sink = new PipelinedSink(row -> {
            if (resolveNow) {
                calls.hold(row, attributor.attribute(row), apply);
            } else {
                calls.countNowMoveLater(row, attributor.attribute(row), apply);
            }
        }, 2048);
        try {
            for (LocalDateTime[] r : ranges) {
                total = total.plus(scan(r[0], r[1], rememberFrom, sink));
            }
            sink.finish();
            if (resolveNow) {
                calls.release(repository, from, to, apply);
            } else {
                pendingCampaigns = calls;
                // only what was scanned: with summaries that is the tail, not the window
                pendingFrom = ranges.isEmpty() ? from : ranges.get(0)[0];
                pendingTo = to;
            }
        } catch (DbException | RuntimeException e) {
            sink.abandon();
            cube.clear();
            recent.clear();
            throw e;
        }
        maxSeen = newest[0];
        if (summaries != null && summaries.frozenEnd() != Long.MIN_VALUE) {
            // minutes from the store are final: the live cursor starts after them at the earliest, and the last
            // reconciliation span of them is checked now (rows written late while the console was closed)
            long frozen = summaries.frozenEnd() * 60;
            maxSeen = Math.max(maxSeen, frozen);
            long nowMinute = CubeQueries.minute(now);
            reconcileAfterCold = new long[] {Math.max(windowStartMinute, nowMinute
                    - settings.reconcileSpan().toMinutes()), Math.min(summaries.frozenEnd(), nowMinute)};
        }
        adoptRecent(CarrierLogRow.second(now), rememberFrom);
        loaded = true;
        refreshes = 0;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("carrier log {} to {} loaded: {} rows in {} statements, {} looked up, {} ms", from, to,
                total.rows(), total.statements(), total.detailLookups(), ms);
        return new Stats(true, total.rows(), total.rows(), total.statements(), total.detailLookups(), 0, ms,
                total.lockMillis(), summaries == null ? 0 : summaries.minutesFromStore(),
                summaries == null ? 0 : summaries.loadMillis());
    }

    /**
     * The next refresh re-reads from the cursor minus the overlap and must recognise every row there. The load
     * remembered rows from {@code rememberFrom}; when the newest row is older than that (a quiet dialer, a night),
     * the rows between are read once more and remembered without being counted again.
     */
    private void adoptRecent(long nowSecond, long rememberFrom) throws DbException {
        if (maxSeen == Long.MIN_VALUE) {
            return;
        }
        long lower = Math.max(Math.min(maxSeen, nowSecond) - settings.overlap().toSeconds(), frozenSecond());
        if (lower < rememberFrom) {
            scanAttributed(CubeQueries.time(0).plusSeconds(lower), CubeQueries.time(0).plusSeconds(rememberFrom),
                    Long.MIN_VALUE, (row, a) -> {
                        if (row.uniqueid() != null) {
                            recent.put(row.uniqueid(), cube.fact(row, a));
                        }
                    });
        }
    }

    /** One statement when MariaDB would scan the table anyway and the table is small enough, else chunks. */
    List<LocalDateTime[]> plan(LocalDateTime from, LocalDateTime to, CarrierLogRepository.Extent extent) {
        List<LocalDateTime[]> out = new ArrayList<>();
        if (extent.fullScan() && extent.tableRows() <= settings.fullScanMaxRows()) {
            out.add(new LocalDateTime[] {from, to});
            return out;
        }
        for (LocalDateTime a = from; a.isBefore(to); a = a.plus(settings.chunk())) {
            LocalDateTime b = a.plus(settings.chunk());
            out.add(new LocalDateTime[] {a, b.isAfter(to) ? to : b});
        }
        return out;
    }

    private CarrierLogRepository.ScanStats scan(LocalDateTime from, LocalDateTime to, long uniqueidFrom,
                                                java.util.function.Consumer<CarrierLogRow> sink) throws DbException {
        return repository.scan(schema, from, to, uniqueidFrom, attributor::sharedPrefix, attributor::needsDetails,
                attributor::needsDialLog, sink);
    }

    /**
     * Scans [from, to) and hands every row with its attribution; rows whose dial prefix several campaigns share come
     * after the statement, with their campaign from vicidial_log ({@link CallCampaigns}).
     */
    private CarrierLogRepository.ScanStats scanAttributed(LocalDateTime from, LocalDateTime to, long uniqueidFrom,
            java.util.function.BiConsumer<CarrierLogRow, Attribution> sink) throws DbException {
        CallCampaigns calls = new CallCampaigns(schema.vicidialLogTable());
        CarrierLogRepository.ScanStats s = scan(from, to, uniqueidFrom,
                row -> calls.hold(row, attributor.attribute(row), sink));
        calls.release(repository, from, to, sink);
        return s;
    }

    private Stats incremental(LocalDateTime now, long t0) throws DbException {
        long nowSecond = CarrierLogRow.second(now);
        long windowStart = CarrierLogRow.second(minuteFloor(now.minus(settings.window())));
        long cursor = maxSeen == Long.MIN_VALUE ? windowStart : Math.min(maxSeen, nowSecond);
        long lower = Math.max(Math.max(cursor - settings.overlap().toSeconds(), windowStart), frozenSecond());
        long[] changed = {0};
        CarrierLogRepository.ScanStats s = scanAttributed(CubeQueries.time(0).plusSeconds(lower),
                now.plus(settings.futureSkew()), Long.MIN_VALUE, (row, a) -> {
                    TrafficCube.Fact f = cube.fact(row, a);
                    TrafficCube.Fact old = row.uniqueid() == null ? null : recent.put(row.uniqueid(), f);
                    if (old == null || !old.equals(f)) {
                        if (old != null) {
                            cube.apply(old, -1);
                        }
                        cube.apply(f, 1);
                        changed[0]++;
                    }
                    maxSeen = Math.max(maxSeen, row.callDateSecond());
                });
        long nextLower = Math.max(Math.max(Math.min(maxSeen, nowSecond) - settings.overlap().toSeconds(), windowStart),
                frozenSecond());
        long nextLowerMinute = Math.floorDiv(nextLower, 60);
        for (Iterator<TrafficCube.Fact> it = recent.values().iterator(); it.hasNext(); ) {
            if (it.next().minute() < nextLowerMinute) {
                it.remove();
            }
        }
        windowStartMinute = Math.floorDiv(windowStart, 60);
        cube.dropBefore(windowStartMinute);
        int reloaded = 0;
        refreshes++;
        if (settings.reconcileEvery() > 0 && refreshes % settings.reconcileEvery() == 0) {
            reloaded = reconcile(Math.max(windowStartMinute + 1,
                    nextLowerMinute - settings.reconcileSpan().toMinutes()), nextLowerMinute);
        }
        return new Stats(false, s.rows(), changed[0], s.statements(), s.detailLookups(), reloaded,
                (System.nanoTime() - t0) / 1_000_000, s.lockMillis(), 0, 0);
    }

    /** The first second the live cursor may re-read (after the minutes loaded from the summary store). */
    private long frozenSecond() {
        return summaries == null || summaries.frozenEnd() == Long.MIN_VALUE ? Long.MIN_VALUE
                : summaries.frozenEnd() * 60;
    }

    /** Compares per-minute row counts in [from, to) with the database's and reloads every minute that differs. */
    int reconcile(long fromMinute, long toMinute) throws DbException {
        if (fromMinute >= toMinute) {
            return 0;
        }
        NavigableMap<Long, Long> db = repository.minuteCounts(CubeQueries.time(fromMinute),
                CubeQueries.time(toMinute));
        NavigableMap<Long, Long> held = cube.minuteTotals(fromMinute, toMinute);
        Set<Long> minutes = new java.util.TreeSet<>(db.keySet());
        minutes.addAll(held.keySet());
        int reloaded = 0;
        for (long m : minutes) {
            if (!Objects.equals(db.get(m), held.get(m))) {
                LOG.info("carrier log minute {} holds {} rows, the console had {}: reloading it (late rows, clock"
                        + " skew or deletions)", CubeQueries.time(m), db.get(m), held.get(m));
                cube.dropMinute(m);
                scanAttributed(CubeQueries.time(m), CubeQueries.time(m + 1), Long.MIN_VALUE,
                        (row, a) -> cube.apply(cube.fact(row, a), 1));
                reloaded++;
                if (summaries != null) {
                    summaries.reloaded(m);
                }
            }
        }
        return reloaded;
    }

    private static LocalDateTime minuteFloor(LocalDateTime t) {
        return t.withSecond(0).withNano(0);
    }

    // ---- reading ----

    Predicate<String> serverFilter(List<String> servers) {
        if (servers == null || servers.isEmpty()) {
            return s -> true;
        }
        Set<String> set = Set.copyOf(servers);
        return set::contains;
    }

    boolean sip() {
        return schema == null || schema.sipColumns();
    }

    /** The first minute held and the minute after the database's clock: the span the charts cover. */
    public LocalDateTime windowStart() {
        return CubeQueries.time(windowStartMinute);
    }

    /** Series of the loaded window ending at the database clock (the last bucket is the current, partial one). */
    public List<MetricsSeries> series(BucketSize size, Dimension dim, List<String> servers) {
        long to = CubeQueries.minute(databaseNow == null ? windowStart() : databaseNow) + 1;
        return CubeQueries.series(cube, windowStartMinute, to, size, dim, serverFilter(servers), sip());
    }

    /** Totals per key over [from, to). */
    public Map<SeriesKey, CarrierMetrics> totals(LocalDateTime from, LocalDateTime to, Dimension dim,
                                                 List<String> servers) {
        return CubeQueries.totals(cube, CubeQueries.minute(from), ceilMinute(to), dim, serverFilter(servers), sip());
    }

    /**
     * The report for [from, to) (minute resolution) and the given dialers (empty = all). With summaries, a span
     * reaching before the window is built from the sealed minutes, reading (and sealing) only what they lack; the
     * first report over a past week reads it, later ones do not (ADR 0011). All at once: the console's service runs
     * the same {@link ReportJob} step by step between its refreshes.
     */
    public CarrierReport report(LocalDateTime from, LocalDateTime to, List<String> servers) {
        ReportJob job = reportJob(from, to, servers);
        try {
            while (!job.step()) {
                // one statement's range at a time
            }
        } catch (DbException e) {
            throw new IllegalStateException("carrier log not read for the report: " + e.getMessage(), e);
        }
        return job.finish();
    }

    /** A report to be built step by step on the thread that refreshes this engine. */
    ReportJob reportJob(LocalDateTime from, LocalDateTime to, List<String> servers) {
        return new ReportJob(this, from, to, servers);
    }

    /** Changes at every cold load and attribution change: a report being built starts again. */
    int generation() {
        return generation;
    }

    /** Whether minutes before the window can be read for a report (summaries are kept). */
    boolean pastReadable() {
        return summaries != null;
    }

    long windowStartMinute() {
        return windowStartMinute;
    }

    /** Past minutes [a, b) from the summaries into {@code past}; the statements' ranges for what they lack. */
    List<LocalDateTime[]> loadPast(long a, long b, TrafficCube past) throws DbException {
        List<LocalDateTime[]> out = new ArrayList<>();
        for (long[] run : summaries.loadPast(a, b, past)) {
            LocalDateTime x = CubeQueries.time(run[0]);
            LocalDateTime y = CubeQueries.time(run[1]);
            out.addAll(plan(x, y, repository.extent(x, y)));
        }
        return out;
    }

    /** Reads [from, to) of the past into {@code past} and seals its minutes at once; the rows read. */
    long scanPast(LocalDateTime from, LocalDateTime to, TrafficCube past) throws DbException {
        long rows = scanInto(from, to, past);
        List<Long> minutes = new ArrayList<>();
        for (long m = CubeQueries.minute(from); m < CubeQueries.minute(to); m++) {
            minutes.add(m);
        }
        summaries.sealPast(past, minutes);
        return rows;
    }

    String degradedReason() {
        return schema == null ? "" : schema.degradedReason();
    }

    /** How the rows of [from, to) were attributed. */
    public AttributionStats attribution(LocalDateTime from, LocalDateTime to) {
        return cube.attributionStats(CubeQueries.minute(from), ceilMinute(to));
    }

    static long ceilMinute(LocalDateTime t) {
        long m = CubeQueries.minute(t);
        return t.equals(CubeQueries.time(m)) ? m : m + 1;
    }

    /** Rows held and cells used (for the benchmark's memory note). */
    public long[] size() {
        return new long[] {cube.rows(), cube.cells(), recent.size()};
    }
}
