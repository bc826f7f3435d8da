package trunkops.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.ReplicaRoute;
import trunkops.db.ViciDialRepository;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TopologyBuilder;

/**
 * Live per-carrier statistics for the console: one daemon thread ({@code traffic-db}) loads the window once, then
 * refreshes it incrementally every {@link Options#refresh()}, re-reads the topology every {@link Options#topology()},
 * reads live calls per trunk, evaluates the quality alarms and hands an immutable {@link TrafficSnapshot} to the
 * listener (on that thread: the caller coalesces it onto the FX thread). When the database fails, the last numbers
 * stay, marked "unavailable since ..."; every tick tries again, and the cursor resumes where it stopped.
 */
public final class CarrierTrafficService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierTrafficService.class);

    /**
     * @param refresh   incremental refresh period
     * @param topology  how often carriers, servers and campaigns are re-read (a change reloads the window)
     * @param engine    the engine's window, overlap and scan settings
     * @param rules     quality alarm rules
     * @param replica   whether ViciDial's read replica may be used
     * @param summaries where sealed per-minute cells are kept on this workstation (null: none; ADR 0011)
     */
    public record Options(Duration refresh, Duration topology, CarrierTrafficEngine.Settings engine,
                          QualityRules rules, ReplicaRoute.Mode replica, java.nio.file.Path summaries) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(60), CarrierTrafficEngine.Settings.defaults(),
                    QualityRules.defaults(), ReplicaRoute.Mode.AUTO);
        }

        /** Options without summaries. */
        public Options(Duration refresh, Duration topology, CarrierTrafficEngine.Settings engine, QualityRules rules,
                       ReplicaRoute.Mode replica) {
            this(refresh, topology, engine, rules, replica, null);
        }

        public Options withRefresh(Duration d) {
            return new Options(d, topology, engine, rules, replica, summaries);
        }

        /** Keeps summaries under {@code dir} (one directory per cluster and attribution key inside it). */
        public Options withSummaries(java.nio.file.Path dir) {
            return new Options(refresh, topology, engine, rules, replica, dir);
        }
    }

    private final Database.Settings settings;
    private final Supplier<char[]> password;
    private final Options options;
    private final Function<String, QualityAlarm.ProbeVerdict> probes;
    private final Consumer<TrafficSnapshot> listener;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private final QualityAlarmDetector detector;
    private volatile TrafficRequest request = TrafficRequest.defaults();
    private volatile CarrierLogSource source;
    private volatile CarrierTrafficEngine engine;
    private ClusterTopology topology;
    private Instant topologyRead = Instant.EPOCH;
    private TrafficSnapshot last;
    private Availability availability;
    private Instant replicaTried = Instant.EPOCH;
    /** Set after a failure while reading the replica: the next open reads the primary (checked every 10 min). */
    private boolean avoidReplica;
    private volatile boolean closed;
    private final java.util.Set<CompletableFuture<CarrierReport>> pending =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** How often a console that fell back to the primary checks whether the replica answers again. */
    static final Duration REPLICA_RETRY = Duration.ofMinutes(10);

    /**
     * @param probes   the trunk probes' verdict per carrier (from the health board; return UNKNOWN when unsure)
     * @param listener receives every snapshot, on the service's thread
     */
    public CarrierTrafficService(Database.Settings settings, Supplier<char[]> password, Options options,
                                 Function<String, QualityAlarm.ProbeVerdict> probes,
                                 Consumer<TrafficSnapshot> listener, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.password = Objects.requireNonNull(password, "password");
        this.options = Objects.requireNonNull(options, "options");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.detector = new QualityAlarmDetector(options.rules());
        this.availability = Availability.starting(clock.instant());
        this.last = TrafficSnapshot.empty(availability, request);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "traffic-db");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("{} died", th.getName(), e));
            return t;
        });
    }

    /** Starts the refresh loop (first load at once). */
    public void start() {
        worker.scheduleWithFixedDelay(this::tick, 0, options.refresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Changes what the series show; takes effect at once (a snapshot follows). Any thread. */
    public void request(TrafficRequest r) {
        request = Objects.requireNonNull(r, "request");
        worker.execute(() -> publish(snapshot()));
    }

    /** Refreshes now instead of at the next tick. Any thread. */
    public void refreshNow() {
        worker.execute(this::tick);
    }

    /**
     * A carrier report for [from, to) and the given dialers, built on the service's thread from what is loaded. A
     * span before the window is read one statement at a time ({@link ReportJob}) with the refreshes running in
     * between, so a first report over a past week does not stop the live charts.
     */
    public CompletableFuture<CarrierReport> report(java.time.LocalDateTime from, java.time.LocalDateTime to,
                                                   List<String> servers) {
        CompletableFuture<CarrierReport> f = new CompletableFuture<>();
        pending.add(f);
        f.whenComplete((r, e) -> pending.remove(f));
        try {
            worker.execute(() -> {
                CarrierTrafficEngine e = engine;
                if (e == null || !e.loaded()) {
                    f.completeExceptionally(new IllegalStateException("no carrier statistics loaded yet: "
                            + availability.message()));
                    return;
                }
                advance(e, e.reportJob(from, to, servers), f);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new IllegalStateException("the carrier statistics of this cluster are closed"));
        }
        return f;
    }

    /** One step of a report on the service's thread, then back in the queue behind any refresh that is due. */
    private void advance(CarrierTrafficEngine e, ReportJob job, CompletableFuture<CarrierReport> f) {
        if (f.isDone()) {
            return; // cancelled by the caller
        }
        if (engine != e) {
            f.completeExceptionally(new IllegalStateException("the carrier statistics were reopened during the report"
                    + " (database switched); run it again"));
            return;
        }
        try {
            if (!e.loaded()) {
                worker.schedule(() -> advance(e, job, f), 200, TimeUnit.MILLISECONDS); // the reload comes first
            } else if (job.step()) {
                f.complete(job.finish());
            } else {
                worker.execute(() -> advance(e, job, f));
            }
        } catch (java.util.concurrent.RejectedExecutionException x) {
            f.completeExceptionally(new IllegalStateException("the carrier statistics of this cluster are closed"));
        } catch (DbException | RuntimeException x) {
            f.completeExceptionally(x instanceof DbException ? new IllegalStateException(
                    "carrier log not read for the report: " + x.getMessage(), x) : x);
        }
    }

    /** The last snapshot published (any thread). */
    public TrafficSnapshot last() {
        return last;
    }

    private void tick() {
        try {
            if (source != null && source.replicaMissed()
                    && Duration.between(replicaTried, clock.instant()).compareTo(REPLICA_RETRY) >= 0) {
                replicaTried = clock.instant();
                if (source.replicaAnswersNow(password)) {
                    // the reads go back where ViciDial sends its reports; the window is loaded from there
                    LOG.info("carrier statistics: the replica answers again; moving the reads there");
                    avoidReplica = false;
                    source.close();
                    source = null;
                    engine = null;
                }
            }
            if (source == null) {
                CarrierLogSource opened = CarrierLogSource.open(settings, password, options.replica(), avoidReplica);
                source = opened; // closed meanwhile: the finally below closes it
                if (closed) {
                    return;
                }
                replicaTried = clock.instant();
                engine = new CarrierTrafficEngine(source.carrierLog(), options.engine());
                if (options.summaries() != null) {
                    engine.useSummaries(options.summaries(), settings.jdbcUrl());
                }
                topology = null;
            }
            readTopology();
            CarrierTrafficEngine.Stats s = engine.refresh();
            LOG.debug("carrier statistics refreshed: {}", s);
            LiveTrunkCalls live = source.schema().liveChannelsTable()
                    ? LiveTrunkCalls.of(engine.databaseNow(), source.carrierLog().liveChannels(), topology)
                    : LiveTrunkCalls.NONE;
            if (!availability.available()) {
                availability = new Availability(true, clock.instant(), source.onReplica() ? "replica" : "primary");
                LOG.info("carrier statistics available ({})", availability.message());
            }
            publish(snapshot(live));
        } catch (DbException | RuntimeException | Error e) {
            if (closed) {
                return;
            }
            if (source != null && source.onReplica()) {
                // the replica may be what failed (it can accept connections and still fail every scan): the next
                // tick reads the primary, and the replica is tried again every 10 minutes
                LOG.info("carrier statistics: leaving the replica after a failure; reading the primary next");
                avoidReplica = true;
                source.close();
                source = null;
                engine = null;
            }
            if (availability.available() || availability.message().equals("connecting")) {
                availability = new Availability(false, clock.instant(), e.getMessage());
                LOG.warn("carrier statistics unavailable: {}", e.getMessage());
            } else {
                availability = new Availability(false, availability.since(), e.getMessage());
            }
            if (!(e instanceof DbException)) {
                LOG.error("carrier statistics refresh failed", e);
            }
            publish(last.withAvailability(availability));
        } finally {
            if (closed) {
                closeSource();
            }
        }
    }

    private synchronized void closeSource() {
        CarrierLogSource s = source;
        source = null;
        engine = null;
        if (s != null) {
            s.close();
        }
    }

    private void readTopology() throws DbException {
        Instant now = clock.instant();
        if (topology == null || Duration.between(topologyRead, now).compareTo(options.topology()) >= 0) {
            ViciDialRepository.TopologyRows rows = source.topology().topologyRows();
            topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
            topologyRead = now;
            engine.setTopology(topology);
        }
    }

    private TrafficSnapshot snapshot() {
        return snapshot(last.live());
    }

    private TrafficSnapshot snapshot(LiveTrunkCalls live) {
        if (engine == null) {
            return TrafficSnapshot.empty(availability, request);
        }
        List<String> notes = new java.util.ArrayList<>();
        if (source != null) {
            notes.add(source.note());
        }
        if (!engine.summaryNote().isEmpty()) {
            notes.add(engine.summaryNote());
        }
        return TrafficSnapshots.build(engine, request, detector, probes, live, availability, notes);
    }

    private void publish(TrafficSnapshot s) {
        last = s;
        try {
            listener.accept(s);
        } catch (RuntimeException e) {
            LOG.error("carrier statistics listener failed", e);
        }
    }

    /**
     * Stops the refresh and closes the connections. A tick still connecting closes what it opened when it returns;
     * reports not built yet fail with "closed".
     */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        for (CompletableFuture<CarrierReport> f : List.copyOf(pending)) {
            f.completeExceptionally(new IllegalStateException("the carrier statistics of this cluster were closed"));
        }
        try {
            if (worker.awaitTermination(5, TimeUnit.SECONDS)) {
                closeSource();
            } else {
                LOG.info("carrier statistics: a refresh is still running; it closes its connections when it returns");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
