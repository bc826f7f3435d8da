package trunkops.health;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiGatewayListener;
import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.AmiTarget;
import trunkops.ami.SipPeerInfo;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.DbLinkState;
import trunkops.db.DbLinkStatus;
import trunkops.db.ViciDialRepository;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.TopologyBuilder;

/**
 * Watches one cluster: reads its topology from the ViciDial database (again every minute), keeps a supervised
 * AMI link to every dialing server, and folds link states, SIPpeers snapshots and PeerStatus events into
 * {@link BoardSnapshot}s. All state changes run on one "monitor" thread; nothing here touches JavaFX.
 */
public final class ClusterMonitor implements AutoCloseable, AmiGatewayListener {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMonitor.class);
    private static final long TOPOLOGY_REFRESH_MS = 60_000;

    private final ClusterAccess access;
    private final Consumer<BoardSnapshot> publish;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService monitor;
    private final TrunkStateBook book = new TrunkStateBook();
    private final Map<String, AmiGateway> gateways = new LinkedHashMap<>();
    private final Map<String, AmiLinkStatus> links = new HashMap<>();
    private Database database;
    private ViciDialRepository repository;
    private ClusterTopology topology;
    private String problem = "reading the cluster's database";
    private long version;
    private volatile boolean closed;

    public ClusterMonitor(ClusterAccess access, Consumer<BoardSnapshot> publish) {
        this.access = access;
        this.publish = publish;
        this.scheduler = Executors.newScheduledThreadPool(1, daemon("scheduler"));
        this.monitor = Executors.newSingleThreadExecutor(daemon("monitor"));
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
            database = new Database(Database.Settings.of(access.jdbcUrl(), access.dbUser()), access.dbPassword().get());
            database.onStatus(s -> monitor.execute(this::emit));
            repository = new ViciDialRepository(database);
            database.startProbe(scheduler);
            emit();
        });
        scheduler.scheduleWithFixedDelay(() -> monitor.execute(this::refreshTopology), 0, TOPOLOGY_REFRESH_MS,
                TimeUnit.MILLISECONDS);
    }

    /** Re-reads the topology now (e.g. the operator pressed refresh). */
    public void refreshNow() {
        monitor.execute(this::refreshTopology);
    }

    private void refreshTopology() {
        if (closed) {
            return;
        }
        try {
            ViciDialRepository.TopologyRows rows = repository.topologyRows();
            topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
            problem = null;
            connectDialers();
        } catch (DbException e) {
            problem = e.getMessage();
            LOG.warn("topology not read: {}", e.getMessage());
            if (topology == null) {
                scheduler.schedule(() -> monitor.execute(this::refreshTopology), 5, TimeUnit.SECONDS);
            }
        }
        emit();
    }

    private void connectDialers() {
        for (DialerServer s : topology.servers()) {
            if (!s.dials() || gateways.containsKey(s.serverId())) {
                continue;
            }
            AmiTarget target = new AmiTarget(s.serverId(), s.ami().host(), s.ami().port(), access.amiUser());
            AmiGateway g = new AmiGateway(target, access.amiSecret(), this, scheduler, AmiGateway.Settings.defaults());
            gateways.put(s.serverId(), g);
            g.start();
        }
    }

    // ---- gateway callbacks (gateway threads): hop to the monitor thread ----

    @Override
    public void linkChanged(AmiLinkStatus status) {
        monitor.execute(() -> {
            links.put(status.serverId(), status);
            if (status.state() != AmiLinkState.CONNECTED) {
                book.linkLost(status.serverId());
            }
            emit();
        });
    }

    @Override
    public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
        monitor.execute(() -> {
            book.snapshot(serverId, peers, atMillis);
            emit();
        });
    }

    @Override
    public void peerStatus(String serverId, String peer, String status, Integer timeMs, long atMillis) {
        monitor.execute(() -> {
            book.event(serverId, peer, status, timeMs, atMillis);
            emit();
        });
    }

    private void emit() {
        if (closed) {
            return;
        }
        List<ServerView> servers = new ArrayList<>();
        if (topology != null) {
            for (DialerServer s : topology.servers()) {
                if (!s.dials()) {
                    continue;
                }
                AmiGateway g = gateways.get(s.serverId());
                AmiLinkStatus link = links.getOrDefault(s.serverId(), g == null ? null : g.status());
                servers.add(new ServerView(s.serverId(), s.serverIp(), s.ami().toString(), link,
                        g == null ? 0 : g.eventsReceived(), g == null ? 0 : g.eventsDropped(),
                        topology.trunksOn(s.serverId()).size()));
            }
        }
        DbLinkStatus db = database == null ? new DbLinkStatus(DbLinkState.CONNECTING, "starting", 0) : database.status();
        List<TrunkView> trunks = topology == null ? List.of() : book.views(topology, links);
        publish.accept(new BoardSnapshot(access.name(), access.lab(), topology, servers, trunks, db, problem,
                ++version, System.currentTimeMillis()));
    }

    @Override
    public void close() {
        closed = true;
        monitor.shutdownNow();
        gateways.values().forEach(AmiGateway::close);
        scheduler.shutdownNow();
        if (database != null) {
            database.close();
        }
    }
}
