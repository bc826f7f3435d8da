package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiLinkState;
import trunkops.health.BoardSnapshot;
import trunkops.health.ClusterAccess;
import trunkops.health.ClusterMonitor;
import trunkops.health.HealthSettings;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.secrets.Keyring;
import trunkops.topology.Tech;

/**
 * Issue 13's lab acceptance, end to end: the console's real {@link ClusterMonitor} (and the {@code status} command,
 * and the carrier statistics) against the lab with PJSIP carriers ({@link LabDefaults#pjsipCluster()}), over real
 * TCP AMI and MariaDB. The lab runs at {@value #SPEED}× speed, so Asterisk's detection times (lab seconds) are
 * divided by it; the console's own allowance (+1 s) is real time. Measured times are logged at INFO.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PjsipLabAcceptanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(PjsipLabAcceptanceTest.class);
    private static final double SPEED = 4.0;
    private static final List<String> ENDPOINTS = List.of(LabDefaults.PJSIP_ENDPOINT,
            LabDefaults.PJSIP_REGISTERING_ENDPOINT);
    private static LabCluster lab;
    private static Path dir;
    private static ClusterMonitor monitor;
    private static final AtomicReference<BoardSnapshot> latest = new AtomicReference<>();
    private static final BlockingQueue<BoardSnapshot> updates = new LinkedBlockingQueue<>();
    /** Every snapshot that listed trunks, the first few kept (to see what was shown before the first PJSIP data). */
    private static final List<BoardSnapshot> early = new CopyOnWriteArrayList<>();
    private static long monitorStartedNanos;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "pjsip-acceptance-test"));
        AppPaths.deleteTree(dir);
        lab = LabCluster.start(LabDefaults.pjsipCluster(),
                new LabCluster.Options(dir, SPEED, true, false, 0, Duration.ofSeconds(15), 13L), m -> { });
        LabCluster.DbAccess db = lab.dbAccess();
        String secret = lab.amiAccess().get(0).secret();
        AmiGateway.Settings settings = AmiGateway.Settings.defaults(); // the console as shipped: latency poll 5 s
        monitor = new ClusterMonitor(new ClusterAccess("pjsip lab", true, db.jdbcUrl(), db.user(),
                db.password()::toCharArray, LabCluster.CONSOLE_AMI_USER, secret::toCharArray),
                PjsipLabAcceptanceTest::publish, HealthSettings.defaults(), settings);
        monitorStartedNanos = System.nanoTime();
        monitor.start();
    }

    @AfterAll
    static void stop() {
        if (monitor != null) {
            monitor.close();
        }
        if (lab != null) {
            lab.close();
        }
        AppPaths.deleteTree(dir);
    }

    private static void publish(BoardSnapshot s) {
        if (!s.trunks().isEmpty() && early.size() < 20) {
            early.add(s);
        }
        latest.set(s);
        updates.offer(s);
    }

    /** The newest snapshot, or one published after it, that passes {@code test} (woken by each publication). */
    private static BoardSnapshot await(String what, Duration timeout, Predicate<BoardSnapshot> test) {
        long deadline = System.nanoTime() + timeout.toNanos();
        updates.clear();
        BoardSnapshot s = latest.get();
        while (s == null || !test.test(s)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting until " + what + "; last: " + describe(latest.get()));
            }
            try {
                BoardSnapshot next = updates.poll(left, TimeUnit.NANOSECONDS);
                s = next == null ? s : next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
        return s;
    }

    private static String describe(BoardSnapshot s) {
        if (s == null) {
            return "none";
        }
        StringBuilder b = new StringBuilder("db=" + s.db() + " problem=" + s.problem() + " trunks=");
        s.trunks().forEach(t -> b.append(t.serverId()).append('/').append(t.peerLabel()).append('=')
                .append(t.state()).append('(').append(t.latencyMs()).append(" ms")
                .append(t.registration() == null ? "" : " reg " + t.registration().state()).append(") "));
        return b.toString();
    }

    private static List<TrunkView> pjsip(BoardSnapshot s, String endpoint) {
        return s.trunks().stream().filter(t -> t.key().tech() == Tech.PJSIP && t.peer().equals(endpoint)).toList();
    }

    private static boolean all(BoardSnapshot s, String endpoint, Predicate<TrunkView> test) {
        List<TrunkView> l = pjsip(s, endpoint);
        return !l.isEmpty() && l.stream().allMatch(test);
    }

    /** The RTT in ms the lab's dialer reports for the endpoint's contact (what Asterisk would say). */
    private static long labRttMs(String serverId, String endpoint) {
        return lab.dialer(serverId).pjsipContactRttUsec().entrySet().stream()
                .filter(e -> e.getKey().startsWith(endpoint + "/")).mapToLong(Map.Entry::getValue).findFirst()
                .orElse(-1) / 1000;
    }

    private static void ready() {
        await("every PJSIP trunk is REACHABLE", Duration.ofSeconds(90), s -> ENDPOINTS.stream()
                .allMatch(e -> all(s, e, t -> t.state() == TrunkState.REACHABLE)));
    }

    @Test
    @Order(1)
    void everyPjsipTrunkIsUnknownUntilItsFirstSnapshotThenReachableWithALatency() {
        BoardSnapshot up = await("every PJSIP trunk is REACHABLE", Duration.ofSeconds(90), s -> ENDPOINTS.stream()
                .allMatch(e -> all(s, e, t -> t.state() == TrunkState.REACHABLE && t.latencyMs() >= 0)));
        LOG.info("measured: all PJSIP trunks REACHABLE {} ms after the monitor started",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - monitorStartedNanos));
        for (String e : ENDPOINTS) {
            assertEquals(lab.dialers().size(), pjsip(up, e).size(), "one trunk per dialer: " + describe(up));
        }
        // each dialer shows the warning at some point (a later transient problem of that dialer may replace it on the
        // board: the warning is raised once per connection)
        Map<String, String> warnings = new ConcurrentHashMap<>();
        await("each dialer's PJSIP password warning", Duration.ofSeconds(60), s -> {
            s.servers().stream().filter(v -> v.problem() != null && v.problem().contains(
                    "read every PJSIP trunk password")).forEach(v -> warnings.putIfAbsent(v.serverId(), v.problem()));
            return warnings.size() == lab.dialers().size();
        });
        assertTrue(warnings.values().stream().noneMatch(w -> w.contains("more than the console needs")),
                "the console's own user has only what it needs: " + warnings);
        BoardSnapshot first = early.get(0);
        assertFalse(pjsip(first, LabDefaults.PJSIP_ENDPOINT).isEmpty(), describe(first));
        // the database may list the trunks before or after a dialer's first AMI snapshot (a race under load), so
        // the check is per board: a PJSIP trunk shows a state only once its dialer is logged in, and a reachable
        // one always with the latency it came with; everything else is UNKNOWN (the deterministic order is
        // PjsipHealthTest's)
        for (BoardSnapshot s : early) {
            Set<String> loggedIn = new HashSet<>();
            s.servers().stream().filter(v -> v.link() != null && v.link().state() == AmiLinkState.CONNECTED)
                    .forEach(v -> loggedIn.add(v.serverId()));
            for (TrunkView t : s.trunks()) {
                if (t.key().tech() != Tech.PJSIP || t.state() == TrunkState.UNKNOWN) {
                    continue;
                }
                assertTrue(loggedIn.contains(t.serverId()), "a state before the dialer's snapshot: " + describe(s));
                assertTrue(t.state() != TrunkState.REACHABLE || t.latencyMs() >= 0,
                        "reachable without a latency: " + describe(s));
            }
        }
        for (TrunkView t : pjsip(up, LabDefaults.PJSIP_ENDPOINT)) {
            long rtt = labRttMs(t.serverId(), LabDefaults.PJSIP_ENDPOINT);
            assertTrue(Math.abs(t.latencyMs() - rtt) <= 50, t.serverId() + ": board " + t.latencyMs()
                    + " ms, Asterisk " + rtt + " ms");
            assertEquals("ZENTRA", t.carrierId());
        }
    }

    @Test
    @Order(2)
    void aKilledPjsipTrunkIsUnreachableWithinAsterisksDetectionTimePlusOneSecond() throws Exception {
        ready();
        LabCluster.AmiAccess a = lab.amiAccess().stream().filter(x -> x.serverId().equals("DIALER1")).findFirst()
                .orElseThrow();
        try (trunkops.testutil.AmiWireClient wire = new trunkops.testutil.AmiWireClient(a.host(), a.port())) {
            // a raw AMI session beside the console's: when did Asterisk (the lab's DIALER1) say Unreachable?
            wire.send("Action: Login\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret() + "\r\n\r\n");
            assertNotNull(wire.await(m -> m.contains("Message: Authentication accepted"), Duration.ofSeconds(30)));
            long labT0 = lab.clock().nowMillis();
            long t0 = System.nanoTime();
            CompletableFuture<Long> said = CompletableFuture.supplyAsync(() -> wire.await(m -> m.contains(
                    "Event: PeerStatus") && m.contains("Peer: PJSIP/zentra") && m.contains("PeerStatus: Unreachable"),
                    Duration.ofSeconds(30)) == null ? -1L : System.nanoTime());
            lab.faults().killTrunk(LabDefaults.PJSIP_ENDPOINT);
            try {
                await("DIALER1's zentra UNREACHABLE on the board", Duration.ofSeconds(30), s -> pjsip(s,
                        LabDefaults.PJSIP_ENDPOINT).stream().anyMatch(t -> t.serverId().equals("DIALER1")
                        && t.state() == TrunkState.UNREACHABLE));
                long boardAt = System.nanoTime();
                long saidAt = said.get(30, TimeUnit.SECONDS);
                assertTrue(saidAt > 0, "Asterisk never said Unreachable");
                long consoleMs = TimeUnit.NANOSECONDS.toMillis(boardAt - saidAt);
                LOG.info("measured: DIALER1 zentra on the board {} ms after Asterisk's PeerStatus Unreachable",
                        consoleMs);
                assertTrue(consoleMs <= 1000, "the console's share: " + consoleMs + " ms");
                BoardSnapshot down = await("zentra UNREACHABLE on every dialer", Duration.ofSeconds(30),
                        s -> all(s, LabDefaults.PJSIP_ENDPOINT, t -> t.state() == TrunkState.UNREACHABLE));
                long realMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                long labMs = lab.clock().nowMillis() - labT0;
                long boundMs = Math.round((15 + 3) * 1000 / SPEED) + 1000;
                LOG.info("measured: kill zentra -> UNREACHABLE on every dialer's board after {} ms real ({} ms lab"
                        + " time at {}x); bound {} ms real", realMs, labMs, SPEED, boundMs);
                assertTrue(realMs <= boundMs, "took " + realMs + " ms, bound " + boundMs + " ms");
                assertTrue(all(down, LabDefaults.PJSIP_REGISTERING_ENDPOINT,
                        t -> t.state() == TrunkState.REACHABLE), "kestrel unaffected: " + describe(down));
            } finally {
                lab.faults().restoreTrunk(LabDefaults.PJSIP_ENDPOINT);
            }
        }
        long r0 = System.nanoTime();
        await("zentra REACHABLE again", Duration.ofSeconds(30),
                s -> all(s, LabDefaults.PJSIP_ENDPOINT, t -> t.state() == TrunkState.REACHABLE));
        LOG.info("measured: restore zentra -> REACHABLE after {} ms real",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - r0));
    }

    @Test
    @Order(3)
    void twoAndAHalfSecondsOfRttIsTheConsolesLaggedWithTheRealRtt() {
        ready();
        long t0 = System.nanoTime();
        lab.faults().lagTrunk(LabDefaults.PJSIP_ENDPOINT, 2500);
        try {
            BoardSnapshot lagged = await("zentra LAGGED", Duration.ofSeconds(30),
                    s -> all(s, LabDefaults.PJSIP_ENDPOINT, t -> t.state() == TrunkState.LAGGED));
            LOG.info("measured: lag zentra 2.5 s -> LAGGED on the board after {} ms real",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            for (TrunkView t : pjsip(lagged, LabDefaults.PJSIP_ENDPOINT)) {
                long rtt = labRttMs(t.serverId(), LabDefaults.PJSIP_ENDPOINT);
                assertTrue(rtt >= 2500 && Math.abs(t.latencyMs() - rtt) <= 50, t.serverId() + ": board "
                        + t.latencyMs() + " ms, Asterisk " + rtt + " ms");
                LOG.info("measured: {} zentra LAGGED at {} ms (Asterisk's RoundtripUsec: {} ms)", t.serverId(),
                        t.latencyMs(), rtt);
                assertTrue(t.consoleVerdict(), "LAGGED is the console's own verdict for PJSIP");
                assertEquals(2000, t.maxMs(), "the console's default PJSIP threshold");
                assertTrue(t.dialerStatus().toLowerCase(java.util.Locale.ROOT).contains("console"),
                        "the words say whose verdict it is: " + t.dialerStatus());
                assertEquals("Reachable", lab.dialer(t.serverId()).pjsipContactStatuses().entrySet().stream()
                        .filter(e -> e.getKey().startsWith("zentra/")).findFirst().orElseThrow().getValue(),
                        "Asterisk itself still says Reachable");
            }
        } finally {
            lab.faults().restoreTrunk(LabDefaults.PJSIP_ENDPOINT);
        }
        await("zentra REACHABLE after the lag", Duration.ofSeconds(30),
                s -> all(s, LabDefaults.PJSIP_ENDPOINT, t -> t.state() == TrunkState.REACHABLE));
    }

    @Test
    @Order(4)
    void aDeadRegistrarShowsRejectedOnTheCarriersTrunkAndRegisteredAfterwards() {
        ready();
        String k = LabDefaults.PJSIP_REGISTERING_ENDPOINT;
        BoardSnapshot before = await("kestrel Registered", Duration.ofSeconds(60), s -> all(s, k,
                t -> t.registration() != null && "Registered".equals(t.registration().state())));
        assertTrue(pjsip(before, LabDefaults.PJSIP_ENDPOINT).stream().allMatch(t -> t.registration() == null),
                "zentra has no registration: " + describe(before));
        long t0 = System.nanoTime();
        lab.faults().registrarDown(k, true);
        try {
            BoardSnapshot rejected = await("kestrel's registration Rejected", Duration.ofSeconds(90),
                    s -> all(s, k, t -> t.registrationFailed() && "Rejected".equals(t.registration().state())));
            LOG.info("measured: registrar down -> Rejected on every dialer's kestrel after {} ms real (the next"
                    + " refresh, expiration 120 s lab, plus timer B 32 s lab, at {}x)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), SPEED);
            for (TrunkView t : pjsip(rejected, k)) {
                assertEquals(LabDefaults.PJSIP_REGISTRATION, t.registration().name());
                assertTrue(t.problem(), "a failed registration is a trunk problem");
                assertEquals("KESTREL", t.carrierId());
            }
            assertTrue(all(rejected, k, t -> t.state() == TrunkState.REACHABLE), "OPTIONS still answer");
        } finally {
            lab.faults().registrarDown(k, false);
        }
        long r0 = System.nanoTime();
        await("kestrel Registered again", Duration.ofSeconds(90), s -> all(s, k,
                t -> !t.registrationFailed() && "Registered".equals(t.registration().state())));
        LOG.info("measured: registrar up -> Registered after {} ms real",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - r0));
    }

    @Test
    @Order(5)
    void statusWithTheDatabaseListsPjsipTrunksBesideChanSipPeers() {
        ready();
        LabCluster.AmiAccess a = lab.amiAccess().stream().filter(x -> x.serverId().equals("DIALER1")).findFirst()
                .orElseThrow();
        LabCluster.DbAccess db = lab.dbAccess();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StatusCommand.run(List.of("status", "--ami", "DIALER1", "--user", a.user(), "--secret-env", "S",
                        "--jdbc", db.jdbcUrl(), "--db-user", db.user(), "--db-password-env", "P"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("S", a.secret(), "P", db.password())::get, CompletableFuture.completedFuture(null),
                new Keyring("no-such-secret-tool", Map.of()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = text.lines().toList();
        LOG.info("status --jdbc on the PJSIP lab:\n{}", text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("DIALER1 nsvoice REACHABLE \\d+ \\d+")), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("DIALER1 PJSIP/zentra REACHABLE \\d+ \\d+")), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("DIALER1 PJSIP/kestrel REACHABLE \\d+ \\d+ reg=Registered")),
                text);
        assertFalse(text.contains(LabDefaults.PJSIP_LAB_PASSWORD), "no PJSIP password in the output");
        assertFalse(err.toString(StandardCharsets.UTF_8).contains(LabDefaults.PJSIP_LAB_PASSWORD));
    }

    @Test
    @Order(6)
    void statusWithoutTheDatabaseAdoptsEveryPjsipEndpointBesideEveryPeer() {
        LabCluster.AmiAccess a = lab.amiAccess().stream().filter(x -> x.serverId().equals("DIALER2")).findFirst()
                .orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StatusCommand.run(List.of("status", "--ami", a.host() + ":" + a.port(), "--user", a.user(),
                        "--secret-env", "S"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("S", a.secret())::get,
                CompletableFuture.completedFuture(null), new Keyring("no-such-secret-tool", Map.of()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        LOG.info("status (AMI only) on the PJSIP lab:\n{}", text);
        List<String> lines = text.lines().toList();
        String ip = java.util.regex.Pattern.quote(a.host());
        assertTrue(lines.stream().anyMatch(l -> l.matches(ip + " PJSIP/zentra REACHABLE \\d+ \\d+")), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches(ip + " PJSIP/kestrel REACHABLE \\d+ \\d+ reg=Registered")),
                text);
        assertTrue(lines.stream().anyMatch(l -> l.matches(ip + " nsvoice REACHABLE \\d+ \\d+")), text);
    }

    @Test
    @Order(7)
    void theLabsPjsipCarriersAppearInTheCarrierChartsAndReport() throws Exception {
        LabCluster.DbAccess db = lab.dbAccess();
        BlockingQueue<trunkops.traffic.TrafficSnapshot> q = new LinkedBlockingQueue<>();
        trunkops.traffic.CarrierTrafficService.Options o = trunkops.traffic.CarrierTrafficService.Options.defaults()
                .withRefresh(Duration.ofSeconds(2));
        try (trunkops.traffic.CarrierTrafficService service = new trunkops.traffic.CarrierTrafficService(
                trunkops.db.Database.Settings.of(db.jdbcUrl(), db.user()), db.password()::toCharArray, o,
                c -> trunkops.traffic.QualityAlarm.ProbeVerdict.UNKNOWN, q::add, java.time.Clock.systemDefaultZone())) {
            service.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            trunkops.traffic.TrafficSnapshot s = null;
            while (System.nanoTime() < deadline && (s == null || !s.availability().available())) {
                s = q.poll(1, TimeUnit.SECONDS);
            }
            assertNotNull(s, "no carrier statistics");
            assertTrue(s.availability().available(), s.availability().toString());
            for (String carrier : List.of("ZENTRA", "KESTREL")) {
                trunkops.traffic.CarrierMetrics m = s.totals().get(trunkops.traffic.SeriesKey.carrier(carrier));
                assertNotNull(m, carrier + " not in the charts' totals: " + s.totals().keySet());
                assertTrue(m.attempts() > 0 && m.answered() > m.attempts() / 10, carrier + ": " + m.attempts()
                        + " attempts, " + m.answered() + " answered");
                LOG.info("measured: carrier charts {} attempts {} answered {}", carrier, m.attempts(), m.answered());
            }
            java.time.LocalDateTime to = s.databaseNow().plusMinutes(1);
            trunkops.traffic.CarrierReport r = service.report(s.windowStart(), to, List.of()).get(60, TimeUnit.SECONDS);
            for (String carrier : List.of("ZENTRA", "KESTREL")) {
                assertTrue(r.byCampaign().entrySet().stream().anyMatch(e -> e.getKey().carrierId().equals(carrier)
                        && String.valueOf(e.getKey().campaign()).contains("PJSALES") && e.getValue().attempts() > 0),
                        carrier + " has no PJSALES calls in the report: " + r.byCampaign().keySet());
            }
        }
    }
}
