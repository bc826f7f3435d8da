package trunkops.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiGatewayListener;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.AmiTarget;
import trunkops.ami.SipPeerInfo;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.DbLinkState;
import trunkops.db.DbLinkStatus;
import trunkops.db.ViciDialRepository;
import trunkops.secrets.SessionSecret;
import trunkops.topology.ClusterTopology;
import trunkops.topology.Tech;
import trunkops.topology.DialerServer;
import trunkops.topology.TopologyBuilder;
import trunkops.topology.TrunkKey;

/**
 * Watches one cluster: reads its topology from the ViciDial database (again every minute), keeps a supervised AMI
 * link to every dialing server, and folds what the links report into the {@link ClusterHealth} model. Every
 * change runs on one "monitor" thread; snapshots are built at most every {@code PUBLISH_MS} when something
 * changed, and at least once a second (so that STALE appears on time). Nothing here touches JavaFX.
 */
public final class ClusterMonitor implements AutoCloseable, AmiGatewayListener {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMonitor.class);
    private static final long TOPOLOGY_REFRESH_MS = 60_000;
    static final long PUBLISH_MS = 50;
    private static final int TIMELINE_IN_SNAPSHOT = 200;
    /** How often every dialer's {@code trunkops/admin/*} flags are read (and at once after a connect or action). */
    static final long ADMIN_POLL_MS = 5_000;

    private final ClusterAccess access;
    private final Consumer<BoardSnapshot> publish;
    private final AmiGateway.Settings gatewaySettings;
    private final ScheduledExecutorService scheduler;
    /** JDBC reads of the topology: never on the monitor thread, which must keep up with AMI. */
    private final java.util.concurrent.ExecutorService dbReads;
    private final ExecutorService monitor;
    private final ClusterHealth health;
    private final Map<String, AmiGateway> gateways = new LinkedHashMap<>();
    private final LatencyStats publishLatency = new LatencyStats(4_096);
    private Database database;
    private ViciDialRepository repository;
    private volatile ClusterTopology topology;
    private String problem = "reading the cluster's database";
    private long version;
    private boolean dirty = true;
    private long oldestChangeMillis;
    private long lastPublishMillis;
    private volatile boolean closed;

    public ClusterMonitor(ClusterAccess access, Consumer<BoardSnapshot> publish) {
        this(access, publish, HealthSettings.defaults(), AmiGateway.Settings.defaults());
    }

    public ClusterMonitor(ClusterAccess access, Consumer<BoardSnapshot> publish, HealthSettings settings,
                          AmiGateway.Settings gatewaySettings) {
        this.access = access;
        this.publish = publish;
        this.gatewaySettings = gatewaySettings;
        this.health = new ClusterHealth(settings);
        this.scheduler = Executors.newScheduledThreadPool(1, daemon("scheduler"));
        this.monitor = Executors.newSingleThreadExecutor(daemon("monitor"));
        this.dbReads = Executors.newSingleThreadExecutor(daemon("topology-db"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        };
    }

    public void start() {
        monitor.execute(() -> {
            // the password is asked for by the first login (on the probe's thread), not here on the monitor thread
            database = new Database(Database.Settings.of(access.jdbcUrl(), access.dbUser()),
                    SessionSecret.of(access.dbPassword()));
            database.onStatus(s -> change(System.currentTimeMillis(), () -> health.db(s, System.currentTimeMillis())));
            repository = new ViciDialRepository(database);
            database.startProbe();
        });
        scheduler.scheduleWithFixedDelay(() -> monitor.execute(this::refreshTopology), 0, TOPOLOGY_REFRESH_MS,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> monitor.execute(this::tick), PUBLISH_MS, PUBLISH_MS,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> submitToMonitor(this::readAdminFlags), ADMIN_POLL_MS, ADMIN_POLL_MS,
                TimeUnit.MILLISECONDS);
    }

    /** Re-reads every dialer's admin flags now (after an operator action: another console's change shows too). */
    public void refreshAdminFlags() {
        submitToMonitor(this::readAdminFlags);
    }

    /** Where the board learns who forced a trunk and why (the audit journal, this console's own actions). */
    public void adminNotes(AdminNotes notes) {
        submitToMonitor(() -> health.notes(notes));
    }

    /** Monitor thread: a DBGetTree per connected dialer; each answer comes back on its gateway's thread. */
    private void readAdminFlags() {
        gateways.keySet().forEach(this::readAdminFlags);
    }

    private void readAdminFlags(String serverId) {
        AmiGateway g = gateways.get(serverId);
        if (closed || g == null || g.status().state() != trunkops.ami.AmiLinkState.CONNECTED) {
            return;
        }
        g.dbGetTree(trunkops.control.AdminFlag.FAMILY, "admin").whenComplete((tree, e) -> {
            long at = System.currentTimeMillis();
            if (e == null) {
                change(at, () -> health.adminFlags(serverId, tree, at));
            } else {
                Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                change(at, () -> health.adminFlagsFailed(serverId, "DBGetTree trunkops/admin failed: "
                        + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()), at));
            }
        });
    }

    /** Re-reads the topology now (e.g. the operator pressed refresh). */
    public void refreshNow() {
        monitor.execute(() -> {
            if (database != null) {
                database.retryNow(); // the operator's refresh is a retry: no backoff, a declined prompt again
            }
            refreshTopology();
        });
    }

    public ClusterTopology topology() {
        return topology;
    }

    /** Events the gateways received from every dialer since they started. */
    public long eventsReceived() {
        CompletableFuture<Long> f = CompletableFuture.supplyAsync(
                () -> gateways.values().stream().mapToLong(AmiGateway::eventsReceived).sum(), monitor);
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Milliseconds from a change arriving at the monitor to the snapshot that shows it (recent window). */
    public LatencyStats publishLatency() {
        return publishLatency;
    }

    /** One trunk's latency history between two instants, copied on the monitor thread. */
    public CompletableFuture<LatencyHistory.Series> latencyHistory(TrunkKey trunk, long fromMillis, long toMillis) {
        return CompletableFuture.supplyAsync(() -> health.history(trunk, fromMillis, toMillis), monitor);
    }

    /**
     * Monitor thread: starts a read of the topology on the {@code topology-db} thread. A read against a dead
     * database blocks for the connection timeout; the monitor keeps applying AMI observations and publishing
     * meanwhile, and applies the result when it comes.
     */
    private void refreshTopology() {
        ViciDialRepository repo = repository;
        if (closed || repo == null) {
            return;
        }
        try {
            dbReads.execute(() -> {
                ClusterTopology t;
                try {
                    ViciDialRepository.TopologyRows rows = repo.topologyRows();
                    t = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
                } catch (DbException e) {
                    submitToMonitor(() -> topologyFailed(e.getMessage()));
                    return;
                }
                submitToMonitor(() -> topologyRead(t));
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("monitor closed: topology not read");
        }
    }

    private void submitToMonitor(Runnable r) {
        try {
            monitor.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("monitor closed: topology result dropped");
        }
    }

    private void topologyRead(ClusterTopology t) {
        if (closed) {
            return;
        }
        topology = t;
        health.topology(t);
        problem = null;
        connectDialers(t);
        change(System.currentTimeMillis(), () -> { });
    }

    private void topologyFailed(String message) {
        if (closed) {
            return;
        }
        problem = message;
        LOG.warn("topology not read: {}", message);
        if (topology == null) {
            scheduler.schedule(() -> submitToMonitor(this::refreshTopology), 5, TimeUnit.SECONDS);
        }
        change(System.currentTimeMillis(), () -> { });
    }

    private void connectDialers(ClusterTopology t) {
        for (DialerServer s : t.servers()) {
            if (!s.dials() || gateways.containsKey(s.serverId())) {
                continue;
            }
            trunkops.ami.AmiTls tls = access.amiTls();
            AmiTarget target = new AmiTarget(s.serverId(), s.ami().host(), tls == null ? s.ami().port() : tls.port(),
                    access.amiUser(), tls);
            AmiGateway g = new AmiGateway(target, access.amiSecret(), this, scheduler, gatewaySettings);
            String serverId = s.serverId();
            g.watchPjsip(endpoint -> isPjsipTrunk(serverId, endpoint));
            gateways.put(s.serverId(), g);
            g.start();
        }
    }

    /** Whether {@code endpoint} is a PJSIP trunk on {@code serverId} in the current topology (the poll asks). */
    private boolean isPjsipTrunk(String serverId, String endpoint) {
        return topology != null && topology.trunksOn(serverId).stream()
                .anyMatch(r -> r.tech() == Tech.PJSIP && r.name().equals(endpoint));
    }

    /** The console's lagged thresholds for PJSIP trunks, per carrier (default 2000 ms). */
    public void pjsipThresholds(PjsipLagThresholds t) {
        change(System.currentTimeMillis(), () -> health.pjsipThresholds(t));
    }

    /** Runs {@code update} on the monitor thread and marks the board dirty. */
    private void change(long atMillis, Runnable update) {
        if (closed) {
            return;
        }
        monitor.execute(() -> {
            update.run();
            if (!dirty) {
                oldestChangeMillis = atMillis;
            }
            dirty = true;
        });
    }

    // ---- gateway callbacks (gateway threads) ----

    @Override
    public void linkChanged(AmiLinkStatus status) {
        change(System.currentTimeMillis(), () -> health.link(status, System.currentTimeMillis()));
        if (status.state() == trunkops.ami.AmiLinkState.CONNECTED) {
            submitToMonitor(() -> readAdminFlags(status.serverId()));
        }
    }

    @Override
    public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
        change(atMillis, () -> health.peersSnapshot(serverId, peers, atMillis));
    }

    @Override
    public void peerStatus(String serverId, Tech tech, String peer, String status, Integer timeMs, long atMillis) {
        change(atMillis, () -> health.peerStatus(serverId, tech, peer, status, timeMs, atMillis));
    }

    @Override
    public void pjsipContacts(String serverId, List<String> endpoints, List<trunkops.ami.PjsipContactInfo> contacts,
                              boolean snapshot, long atMillis) {
        change(atMillis, () -> health.pjsipContacts(serverId, endpoints, contacts, atMillis));
    }

    @Override
    public void contactStatus(String serverId, trunkops.ami.PjsipContactInfo contact, long atMillis) {
        change(atMillis, () -> health.contactStatus(serverId, contact, atMillis));
    }

    @Override
    public void registrations(String serverId, java.util.Set<Tech> techs, List<trunkops.ami.RegistrationInfo> list,
                              long atMillis) {
        change(atMillis, () -> health.registrations(serverId, techs, list, atMillis));
    }

    @Override
    public void registry(String serverId, Tech tech, String client, String server, String status, long at) {
        change(at, () -> health.registry(serverId, tech, client, server, status, at));
    }

    @Override
    public void channelsSnapshot(String serverId, List<String> channels, long atMillis) {
        change(atMillis, () -> health.channels(serverId, channels));
    }

    @Override
    public void channelStarted(String serverId, String channel, long atMillis) {
        change(atMillis, () -> health.channelStarted(serverId, channel));
    }

    @Override
    public void channelEnded(String serverId, String channel, long atMillis) {
        change(atMillis, () -> health.channelEnded(serverId, channel));
    }

    @Override
    public void channelHungUp(String server, String channel, int cause, int sipCode, long atMillis) {
        change(atMillis, () -> health.hangup(server, channel, cause, sipCode, atMillis));
    }

    @Override
    public void gatewayProblem(String serverId, String message) {
        change(System.currentTimeMillis(), () -> health.problem(serverId, message));
    }

    /** Monitor thread, every PUBLISH_MS: publish when dirty, and at least once a second. */
    private void tick() {
        long now = System.currentTimeMillis();
        if (!dirty && now - lastPublishMillis < 1_000) {
            return;
        }
        long changedAt = dirty ? oldestChangeMillis : now;
        if (dirty) {
            publishLatency.add(now - oldestChangeMillis);
        }
        dirty = false;
        lastPublishMillis = now;
        publish.accept(snapshot(now, changedAt));
    }

    private BoardSnapshot snapshot(long now, long changedAt) {
        ClusterTopology t = topology;
        List<ServerView> servers = new ArrayList<>();
        List<TrunkView> trunks = List.of();
        List<trunkops.topology.RouteImpact> impacts = List.of();
        if (t != null) {
            for (DialerServer s : t.servers()) {
                if (!s.dials()) {
                    continue;
                }
                AmiGateway g = gateways.get(s.serverId());
                AmiLinkStatus link = health.link(s.serverId());
                servers.add(new ServerView(s.serverId(), s.serverIp(), s.ami().toString(),
                        link != null ? link : g == null ? null : g.status(),
                        g == null ? 0 : g.eventsReceived(), g == null ? 0 : g.eventsDropped(),
                        t.trunksOn(s.serverId()).size(), health.calls(s.serverId()), health.problem(s.serverId())));
            }
            trunks = health.views(t, now);
            // forced offline or draining counts as not live: the campaigns that lose it show in the blast radius
            List<TrunkKey> down = trunks.stream().filter(TrunkView::notLive).map(TrunkView::key).toList();
            impacts = down.isEmpty() ? List.of() : t.blastRadius(down);
        }
        DbLinkStatus db = database == null ? new DbLinkStatus(DbLinkState.CONNECTING, "starting", 0) : database.status();
        return new BoardSnapshot(access.name(), access.lab(), t, servers, trunks, impacts,
                health.timeline(TIMELINE_IN_SNAPSHOT), db, problem, ++version, now, changedAt);
    }

    @Override
    public void close() {
        closed = true;
        monitor.shutdownNow();
        dbReads.shutdownNow();
        gateways.values().forEach(AmiGateway::close);
        scheduler.shutdownNow();
        if (database != null) {
            database.close();
        }
    }
}
