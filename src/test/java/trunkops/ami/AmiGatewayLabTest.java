package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.lab.FixtureLab;
import trunkops.topology.Tech;

/** The console's asterisk-java gateway against a lab dialer over real TCP. */
class AmiGatewayLabTest {

    private FixtureLab lab;
    private ScheduledExecutorService scheduler;
    private final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();

    private final AmiGatewayListener recorder = new AmiGatewayListener() {
        @Override
        public void linkChanged(AmiLinkStatus status) {
            seen.add(status);
        }

        @Override
        public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
            seen.add(peers);
        }

        @Override
        public void peerStatus(String serverId, Tech tech, String peer, String status, Integer timeMs,
                               long atMillis) {
            seen.add(tech + "/" + peer + "=" + status);
        }

        @Override
        public void gatewayProblem(String serverId, String message) {
            seen.add("problem: " + message);
        }
    };

    @BeforeEach
    void start() throws Exception {
        lab = new FixtureLab(10.0);
        assertTrue(lab.awaitPeer("trunk1", "OK", Duration.ofSeconds(5)));
        assertTrue(lab.awaitPeer("trunk2", "OK", Duration.ofSeconds(5)));
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        lab.close();
    }

    private AmiGateway gateway(String secret) {
        return gateway(secret::toCharArray);
    }

    private AmiGateway gateway(java.util.function.Supplier<char[]> secret) {
        AmiTarget ep = new AmiTarget("fixture-lab", lab.ami.host(), lab.ami.port(), FixtureLab.USER);
        return new AmiGateway(ep, secret, recorder, scheduler,
                new AmiGateway.Settings(2_000, 500, 5_000, 200, 1_000, 10_000, 1_000));
    }

    @SuppressWarnings("unchecked")
    private <T> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> other = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            Object o = seen.poll(100, TimeUnit.MILLISECONDS);
            if (o != null && type.isInstance(o) && test.test((T) o)) {
                return (T) o;
            }
            if (o instanceof AmiLinkStatus st && other.size() < 40) {
                other.add(st.state() + " '" + st.message() + "'");
            }
        }
        throw new AssertionError("timed out waiting for a matching " + type.getSimpleName() + "; link states seen: "
                + other);
    }

    @Test
    void connectsTakesSnapshotAndFollowsQualify() throws Exception {
        try (AmiGateway g = gateway(FixtureLab.SECRET)) {
            g.start();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            @SuppressWarnings("unchecked")
            List<SipPeerInfo> peers = await(List.class, l -> !l.isEmpty());
            assertEquals(List.of("trunk1", "trunk2"), peers.stream().map(SipPeerInfo::name).toList());
            assertEquals(SipPeerInfo.QualifyStatus.OK, peers.get(0).status());
            lab.trunk2.kill();
            await(String.class, s -> s.equals("SIP/trunk2=Unreachable"));
            assertEquals(0, g.eventsDropped());
        }
    }

    @Test
    void wrongSecretIsReportedAsAuthFailure() throws Exception {
        try (AmiGateway g = gateway("not-the-secret")) {
            g.start();
            AmiLinkStatus s = await(AmiLinkStatus.class, st -> st.state() == AmiLinkState.AUTH_FAILED);
            assertTrue(s.message().contains("refused"), s.message());
            assertTrue(!s.message().contains("not-the-secret"), "the secret must never appear in messages");
        }
    }

    @Test
    void reconnectsAndResyncsAfterTheServerComesBack() throws Exception {
        try (AmiGateway g = gateway(FixtureLab.SECRET)) {
            g.start();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            await(List.class, l -> !l.isEmpty());
            lab.ami.stop();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.DOWN);
            lab.ami.start();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            await(List.class, l -> !l.isEmpty());
        }
    }

    @Test
    void aManagerRestartFasterThanThePingIsSeenAndResynced() throws Exception {
        AmiTarget ep = new AmiTarget("fixture-lab", lab.ami.host(), lab.ami.port(), FixtureLab.USER);
        // Ping every 10 s and no latency poll: only the connection itself can tell that the manager restarted
        try (AmiGateway g = new AmiGateway(ep, FixtureLab.SECRET::toCharArray, recorder, scheduler,
                new AmiGateway.Settings(20_000, 10_000, 5_000, 200, 1_000, 10_000, 0))) {
            g.start();
            await(List.class, l -> !l.isEmpty());
            await(String.class, s -> s.equals("SIP/trunk2=Reachable")); // the first latency poll: connect() is done
            lab.ami.stop();
            // trunk2 dies while the manager is away: its PeerStatus reaches nobody
            lab.trunk2.kill();
            assertTrue(lab.awaitPeer("trunk2", "UNREACHABLE", Duration.ofSeconds(10)));
            lab.ami.start();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.DOWN);
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            @SuppressWarnings("unchecked")
            List<SipPeerInfo> after = await(List.class, l -> !l.isEmpty());
            assertEquals(SipPeerInfo.QualifyStatus.UNREACHABLE, after.get(1).status(), after.toString());
        }
    }

    @Test
    void aUserWithMoreThanTheConsoleNeedsIsWarned() throws Exception {
        try (AmiGateway g = gateway(FixtureLab.SECRET)) {
            g.start();
            String w = await(String.class, s -> s.startsWith("problem: AMI user 'noc'"));
            assertTrue(w.contains("write class 'command' runs any CLI command"), w);
        }
    }

    @Test
    void aHungServerIsDeclaredDown() throws Exception {
        try (AmiGateway g = gateway(FixtureLab.SECRET)) {
            g.start();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            lab.ami.freeze(true);
            AmiLinkStatus down = await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.DOWN);
            assertTrue(down.message().length() > 0);
            lab.ami.freeze(false);
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
        }
    }

    @Test
    void aFailedFirstLoginIsRetriedAfterTheAuthRetryAndTheSecretIsAskedAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        AmiTarget ep = new AmiTarget("fixture-lab", lab.ami.host(), lab.ami.port(), FixtureLab.USER);
        // a refused login waits authRetryMs (minutes by default; 300 ms here) and takes the secret again
        try (AmiGateway g = new AmiGateway(ep, () -> (asked.incrementAndGet() < 3 ? "wrong" : FixtureLab.SECRET)
                .toCharArray(), recorder, scheduler,
                new AmiGateway.Settings(2_000, 500, 5_000, 200, 1_000, 10_000, 1_000).withAuthRetry(300))) {
            g.start();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.AUTH_FAILED);
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            assertTrue(asked.get() >= 3, "asked " + asked.get() + " times");
            await(List.class, l -> !l.isEmpty());
        }
    }

    @Test
    void aServerThatIsDownAtStartIsConnectedWhenItComesUp() throws Exception {
        lab.ami.stop();
        try (AmiGateway g = gateway(FixtureLab.SECRET)) {
            g.start();
            AmiLinkStatus down = await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.DOWN);
            assertTrue(down.message().length() > 0, "the operator is told why");
            lab.ami.start();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            await(List.class, l -> !l.isEmpty());
        } finally {
            if (!lab.ami.isRunning()) {
                lab.ami.start();
            }
        }
    }
}
