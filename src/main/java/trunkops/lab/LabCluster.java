package trunkops.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.ami.AmiServer;
import trunkops.lab.ami.EventClass;
import trunkops.lab.ami.ManagerConfig;
import trunkops.lab.ami.ManagerUser;
import trunkops.lab.db.AsyncViciWriter;
import trunkops.lab.db.CallHistoryGenerator;
import trunkops.lab.db.CallHistoryWriter;
import trunkops.lab.db.HistoryOptions;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.db.LabDatabaseOptions;
import trunkops.lab.db.LabSeeder;
import trunkops.lab.db.LabViciStore;
import trunkops.lab.db.ViciDialSchema;
import trunkops.lab.pbx.ConfigFiles;
import trunkops.lab.pbx.FarEnd;
import trunkops.lab.pbx.Pbx;
import trunkops.lab.vici.LiveChannelsFeed;
import trunkops.lab.vici.ViciConfGenerator;
import trunkops.lab.vici.ViciDialer;
import trunkops.lab.vici.ViciFastAgi;
import trunkops.lab.vici.ViciKeepalive;

/**
 * The embedded twin of a small ViciDial cluster: a MariaDB holding ViciDial's tables (seeded with the spec and
 * 24 h of call history), one simulated Asterisk dialer per server with its own manager port on its own loopback
 * address, the ViciDial processes around them (keepalive, FastAGI logging, the auto-dialer, the live-channels
 * feed), and a fault-injection API. The console reaches it only over TCP AMI and JDBC, like a real cluster.
 */
public final class LabCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabCluster.class);

    /** AMI user the console logs in with (a dedicated, restricted user, as docs/design.md asks of real clusters). */
    public static final String CONSOLE_AMI_USER = "trunkops";

    /** How the lab runs. */
    public record Options(Path dataDir, double speed, boolean history, boolean traffic, double trafficMultiplier,
                          Duration keepalivePeriod, long seed) {
        public static Options defaults(Path dataDir) {
            return new Options(dataDir, 1.0, true, true, 1.0, Duration.ofSeconds(15), 20261126L);
        }
    }

    /** Credentials of one simulated dialer's manager interface (lab-only, random per run). */
    public record AmiAccess(String serverId, String host, int port, String user, String secret) {
        @Override
        public String toString() {
            return "AmiAccess[" + serverId + " " + host + ":" + port + " " + user + "]";
        }
    }

    /** Credentials of the lab database (lab-only, random per run). */
    public record DbAccess(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "DbAccess[" + jdbcUrl + " " + user + "]";
        }
    }

    private final LabClusterSpec spec;
    private final Options options;
    private final LabClock clock;
    private final Map<String, Pbx> dialers = new LinkedHashMap<>();
    private final Map<String, AmiServer> amiServers = new LinkedHashMap<>();
    private final Map<String, FarEnd> farEnds = new LinkedHashMap<>();
    private final List<ViciDialer> trafficDialers = new ArrayList<>();
    private final Map<String, trunkops.lab.vici.PlacedCalls> placed = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private LabDatabase database;
    private AsyncViciWriter writer;
    private ViciKeepalive keepalive;
    private String consoleSecret;
    private LabFaults faults;

    private LabCluster(LabClusterSpec spec, Options options) {
        this.spec = spec;
        this.options = options;
        this.clock = new LabClock(options.speed());
    }

    /** Starts everything; {@code progress} hears what is happening (for a splash or a log). */
    public static LabCluster start(LabClusterSpec spec, Options options, Consumer<String> progress) {
        LabCluster lab = new LabCluster(spec, options);
        try {
            lab.boot(progress);
            return lab;
        } catch (IOException | SQLException | RuntimeException e) {
            lab.close();
            throw new LabStartException("the lab could not start: " + e.getMessage(), e);
        }
    }

    private void boot(Consumer<String> progress) throws IOException, SQLException {
        long t0 = System.nanoTime();
        progress.accept("Starting the lab database (MariaDB " + LabDatabaseOptions.MARIADB_VERSION + ")");
        database = LabDatabase.startIn(options.dataDir().resolve("mariadb"));
        ViciDialSchema.create(database.dataSource());
        consoleSecret = randomSecret();
        String cronSecret = randomSecret();
        progress.accept("Starting " + spec.servers().size() + " simulated dialers");
        for (LabClusterSpec.RemoteEndpoint r : spec.remoteEndpoints().values()) {
            farEnds.put(r.host(), new FarEnd(r.host(), r.medianLatencyMs(), r.latencySpread(), r.outcomes(),
                    options.seed() ^ r.host().hashCode()));
        }
        ManagerConfig managers = ManagerConfig.of(List.of(
                new ManagerUser(CONSOLE_AMI_USER, consoleSecret, EventClass.parseMask("system,call,reporting,user"),
                        // what the console needs (docs/lab.md): no 'command' or 'config', which the console's
                        // privilege check would rightly warn about
                        EventClass.parseMask("system,call,reporting,originate"),
                        List.of("127.0.0.0/8"), 5000),
                new ManagerUser(LabSeeder.AMI_USER, cronSecret, EventClass.ALL, EventClass.ALL,
                        List.of("127.0.0.0/8"), 5000)));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (LabClusterSpec.Server s : spec.servers()) {
            ConfigFiles files = new ConfigFiles();
            files.install("sip.conf", ViciConfGenerator.baseSipConf());
            files.install("extensions.conf", ViciConfGenerator.baseExtensionsConf());
            if (spec.carriers().stream().anyMatch(c -> "PJSIP".equalsIgnoreCase(c.protocol()))) {
                files.install("pjsip.conf", ViciConfGenerator.basePjsipConf()); // res_pjsip loaded (not noload)
            }
            Pbx pbx = new Pbx(s.serverId(), clock, managers, files);
            farEnds.values().forEach(pbx::addFarEnd);
            AmiServer ami = new AmiServer(s.serverId(), pbx, bindAddress(s.serverIp()), 0);
            ami.start();
            dialers.put(s.serverId(), pbx);
            amiServers.put(s.serverId(), ami);
            ports.put(s.serverId(), ami.port());
        }
        progress.accept("Seeding ViciDial's tables");
        LabSeeder.seed(database.dataSource(), spec, ports, cronSecret);
        ZoneId zone = ZoneId.systemDefault();
        if (options.history()) {
            progress.accept("Writing 24 hours of call history");
            CallHistoryWriter.Result r = new CallHistoryWriter(zone).write(database.dataSource(),
                    new CallHistoryGenerator(spec).generate(
                            HistoryOptions.withDefaultIncidents(spec, clock.now(), options.seed(), zone)));
            LOG.info("lab history: {} carrier-log rows in {} ms", r.carrierLogRows(), r.millis());
        }
        LabViciStore store = new LabViciStore(database.dataSource(), zone);
        writer = new AsyncViciWriter(store, 200_000, 2_000);
        closeables.add(writer);
        Map<String, Pbx> byIp = new LinkedHashMap<>();
        for (LabClusterSpec.Server s : spec.servers()) {
            byIp.put(s.serverIp(), dialers.get(s.serverId()));
        }
        progress.accept("Generating Asterisk configuration from the carrier rows (keepalive)");
        keepalive = new ViciKeepalive(store, byIp, clock);
        closeables.add(keepalive);
        keepalive.runOnce();
        for (LabClusterSpec.Server s : spec.servers()) {
            Pbx pbx = dialers.get(s.serverId());
            pbx.setHooks(new ViciFastAgi(s.serverIp(), clock, writer, true, placedCalls(s.serverId())));
            pbx.boot();
        }
        keepalive.start(options.keepalivePeriod().toMillis());
        LiveChannelsFeed live = new LiveChannelsFeed(byIp, writer, clock);
        live.start();
        closeables.add(live);
        if (options.traffic()) {
            progress.accept("Starting campaign traffic");
            startTraffic(zone);
        }
        faults = new LabFaults(clock, dialers, amiServers, farEnds, database, keepalive);
        LOG.info("lab cluster up in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** One dialer's placed auto-dial calls, shared by its dialer (writes) and its FastAGI (vicidial_log rows). */
    private trunkops.lab.vici.PlacedCalls placedCalls(String serverId) {
        return placed.computeIfAbsent(serverId, k -> new trunkops.lab.vici.PlacedCalls());
    }

    private void startTraffic(ZoneId zone) {
        for (LabClusterSpec.Server s : spec.servers()) {
            Map<String, Double> rates = new LinkedHashMap<>();
            for (LabClusterSpec.Campaign c : spec.campaigns()) {
                if (c.serverIds().contains(s.serverId())) {
                    rates.put(c.campaignId(), c.attemptsPerMinutePerServer());
                }
            }
            ViciDialer d = new ViciDialer(s.serverId(), s.serverIp(), dialers.get(s.serverId()),
                    database.dataSource(), writer, clock, zone, rates, placedCalls(s.serverId()),
                    options.seed() ^ s.serverId().hashCode());
            d.setRateMultiplier(options.trafficMultiplier());
            d.start();
            trafficDialers.add(d);
        }
    }

    /** Binds each dialer to its own loopback address (server_ip) when the OS allows, else 127.0.0.1. */
    private static InetAddress bindAddress(String serverIp) throws IOException {
        InetAddress a = InetAddress.getByName(serverIp);
        if (a.isLoopbackAddress()) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, a)) {
                LOG.debug("{} can be bound (probe port {})", serverIp, probe.getLocalPort());
                return a;
            } catch (IOException e) {
                LOG.warn("cannot bind {} here; the lab dialer listens on 127.0.0.1 instead", serverIp);
            }
        }
        return InetAddress.getLoopbackAddress();
    }

    private static String randomSecret() {
        SecureRandom r = new SecureRandom();
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public List<AmiAccess> amiAccess() {
        List<AmiAccess> out = new ArrayList<>();
        for (Map.Entry<String, AmiServer> e : amiServers.entrySet()) {
            out.add(new AmiAccess(e.getKey(), e.getValue().host(), e.getValue().port(), CONSOLE_AMI_USER,
                    consoleSecret));
        }
        return out;
    }

    public DbAccess dbAccess() {
        return new DbAccess(database.jdbcUrl(), database.user(), database.password());
    }

    public LabFaults faults() {
        return faults;
    }

    public LabClock clock() {
        return clock;
    }

    public LabClusterSpec spec() {
        return spec;
    }

    public Pbx dialer(String serverId) {
        return dialers.get(serverId);
    }

    public Map<String, Pbx> dialers() {
        return Map.copyOf(dialers);
    }

    /** Scales the campaigns' call rates on every dialer (0 stops new calls). */
    public void setTrafficMultiplier(double m) {
        trafficDialers.forEach(d -> d.setRateMultiplier(m));
    }

    public ViciKeepalive keepalive() {
        return keepalive;
    }

    public AsyncViciWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        trafficDialers.forEach(ViciDialer::close);
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing lab part", e);
            }
        }
        amiServers.values().forEach(AmiServer::close);
        dialers.values().forEach(Pbx::close);
        if (database != null) {
            database.close();
        }
    }
}
