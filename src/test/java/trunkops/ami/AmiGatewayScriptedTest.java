package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.testutil.ScriptedManager;
import trunkops.topology.Tech;

/** The gateway's semantics against a scripted manager that misbehaves the way real networks and servers do. */
class AmiGatewayScriptedTest {

    private ScriptedManager server;
    private RecordingScheduler scheduler;
    private final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
    private final List<Object> all = new CopyOnWriteArrayList<>();

    /** Remembers the delay of every one-shot task, so a test can see when a retry was planned. */
    static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Long> delaysMs = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1, r -> {
                Thread t = new Thread(r, "test-scheduler");
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysMs.add(unit.toMillis(delay));
            return super.schedule(command, delay, unit);
        }
    }

    private final AmiGatewayListener recorder = new AmiGatewayListener() {
        private void add(Object o) {
            all.add(o);
            seen.add(o);
        }

        @Override
        public void linkChanged(AmiLinkStatus status) {
            add(status);
        }

        @Override
        public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
            add(peers);
        }

        @Override
        public void peerStatus(String serverId, Tech tech, String peer, String status, Integer timeMs, long at) {
            add(tech + "/" + peer + "=" + status);
        }

        @Override
        public void channelsSnapshot(String serverId, List<String> channels, long atMillis) {
            add("channels");
        }

        @Override
        public void gatewayProblem(String serverId, String message) {
            add("problem: " + message);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedManager();
        server.peers.put("v1", "UNREACHABLE");
        server.peers.put("v2", "OK (20 ms)");
        scheduler = new RecordingScheduler();
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        server.close();
    }

    /** Ping every 5 s: a link loss must be noticed by the connection itself, not by the supervision tick. */
    private AmiGateway gateway(String secret) {
        return new AmiGateway(new AmiTarget("scripted", "127.0.0.1", server.port(), ScriptedManager.USER),
                secret::toCharArray, recorder, scheduler,
                new AmiGateway.Settings(10_000, 5_000, 5_000, 100, 200, 10_000, 0, 0, 60_000));
    }

    @SuppressWarnings("unchecked")
    private <T> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Object o = seen.poll(100, TimeUnit.MILLISECONDS);
            if (o != null && type.isInstance(o) && test.test((T) o)) {
                return (T) o;
            }
        }
        throw new AssertionError("timed out waiting for a matching " + type.getSimpleName() + "; seen: " + all);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            synchronized (lock) {
                lock.wait(20);
            }
        }
    }

    private static boolean hasStatus(List<?> peers, String peer, SipPeerInfo.QualifyStatus st) {
        return peers.stream().anyMatch(p -> p instanceof SipPeerInfo i && i.name().equals(peer) && i.status() == st);
    }

    @Test
    void eventsSentBeforeTheLoginResponseChangeNothing() throws Exception {
        server.beforeLoginResponse.add(ScriptedManager.peerStatus("SIP", "SIP/v1", "Reachable"));
        try (AmiGateway g = gateway(ScriptedManager.SECRET)) {
            g.start();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            await(List.class, l -> hasStatus(l, "v1", SipPeerInfo.QualifyStatus.UNREACHABLE));
            // an event after the login is believed: it also proves everything sent earlier was processed
            server.sendToLoggedIn(ScriptedManager.peerStatus("SIP", "SIP/v2", "Lagged"));
            await(String.class, s -> s.equals("SIP/v2=Lagged"));
            assertFalse(all.contains("SIP/v1=Reachable"), "a PeerStatus sent before the login answer was believed: "
                    + all);
        }
    }

    @Test
    void aPeerStatusAppliesOnlyToTheTechnologyItNames() throws Exception {
        try (AmiGateway g = gateway(ScriptedManager.SECRET)) {
            g.start();
            await(List.class, l -> !l.isEmpty());
            server.sendToLoggedIn(ScriptedManager.peerStatus("IAX2", "IAX2/v2", "Unreachable"));
            server.sendToLoggedIn(ScriptedManager.peerStatus("PJSIP", "PJSIP/v2", "Unreachable"));
            server.sendToLoggedIn(ScriptedManager.peerStatus(null, "v2", "Unreachable"));
            server.sendToLoggedIn(ScriptedManager.peerStatus("IAX2", "SIP/v2", "Unreachable"));
            server.sendToLoggedIn(ScriptedManager.peerStatus("SIP", "SIP/v1", "Reachable"));
            await(String.class, s -> s.equals("SIP/v1=Reachable"));
            assertTrue(all.contains("IAX2/v2=Unreachable"), all.toString());
            assertTrue(all.contains("PJSIP/v2=Unreachable"), all.toString());
            assertFalse(all.contains("SIP/v2=Unreachable"), "another technology's status reached chan_sip's v2: " + all);
            assertEquals(2, g.eventsMalformed(), "a bare peer and a ChannelType that contradicts the Peer are skipped");
        }
    }

    @Test
    void aRestartFasterThanAnyPollIsSeenAndResynchronised() throws Exception {
        server.peers.put("v1", "OK (20 ms)");
        try (AmiGateway g = gateway(ScriptedManager.SECRET)) {
            g.start();
            await(List.class, l -> hasStatus(l, "v1", SipPeerInfo.QualifyStatus.OK));
            await(String.class, s -> s.equals("SIP/v1=Reachable")); // the first latency poll: connect() is done
            // v1 fails while the manager restarts: its PeerStatus goes to nobody
            server.peers.put("v1", "UNREACHABLE");
            server.dropClients();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.DOWN);
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            await(List.class, l -> hasStatus(l, "v1", SipPeerInfo.QualifyStatus.UNREACHABLE));
            assertEquals(2, server.snapshots.get(), "one SIPpeers per login");
        }
    }

    @Test
    void excessPrivilegesAreWarnedAboutOncePerGateway() throws Exception {
        server.listCommands.add("Command: Execute Asterisk CLI Command. (Priv: command)\r\n");
        try (AmiGateway g = gateway(ScriptedManager.SECRET)) {
            g.start();
            String w = await(String.class, s -> s.startsWith("problem: AMI user 'noc' on scripted"));
            assertTrue(w.contains("'command'"), w);
            await(String.class, s -> s.equals("SIP/v2=Reachable")); // the first latency poll: connect() is done
            server.dropClients();
            await(AmiLinkStatus.class, s -> s.state() == AmiLinkState.CONNECTED);
            await(String.class, s -> s.equals("SIP/v2=Reachable"));
            assertEquals(1, all.stream().filter(o -> o.toString().startsWith("problem: AMI user")).count(),
                    "said once, not at every reconnect: " + all);
        }
    }

    @Test
    void aPeerNotQualifiedYetIsUnknownNotMalformed() throws Exception {
        // SIPpeerstatus says "Unknown" before a peer's first qualify answers; asterisk-java makes that word null
        server.peers.put("v3", "UNKNOWN");
        try (AmiGateway g = gateway(ScriptedManager.SECRET)) {
            g.start();
            await(String.class, s -> s.equals("SIP/v3=Unknown"));
            assertEquals(0, g.eventsMalformed(), all.toString());
            assertFalse(all.stream().anyMatch(o -> o.toString().startsWith("problem:")), all.toString());
        }
    }

    @Test
    void aListCommandsThatTimesOutIsAskedAgainAtTheNextPoll() throws Exception {
        server.listCommands.add("Command: Execute Asterisk CLI Command. (Priv: command)\r\n");
        server.listCommandsIgnored.set(1);
        try (AmiGateway g = new AmiGateway(new AmiTarget("scripted", "127.0.0.1", server.port(), ScriptedManager.USER),
                ScriptedManager.SECRET::toCharArray, recorder, scheduler,
                new AmiGateway.Settings(10_000, 5_000, 300, 100, 200, 10_000, 200))) {
            g.start();
            String w = await(String.class, s -> s.startsWith("problem: AMI user 'noc' on scripted"));
            assertTrue(w.contains("'command'"), w);
            assertEquals(0, server.listCommandsIgnored.get(), "the first ListCommands went unanswered");
        }
    }

    @Test
    void theLiveChannelsAreReadAgainPeriodically() throws Exception {
        try (AmiGateway g = new AmiGateway(new AmiTarget("scripted", "127.0.0.1", server.port(),
                ScriptedManager.USER), ScriptedManager.SECRET::toCharArray, recorder, scheduler,
                new AmiGateway.Settings(10_000, 5_000, 5_000, 100, 200, 10_000, 0).withChannelResync(100))) {
            g.start();
            awaitTrue(() -> all.stream().filter("channels"::equals).count() >= 3, "three CoreShowChannels: " + all);
            assertEquals(1, server.connections.get(), "on the same connection, no reconnect");
        }
    }

    @Test
    void aRefusedLoginIsNotRetriedOnTheBackoffLoop() throws Exception {
        try (AmiGateway g = gateway("not-the-secret")) {
            g.start();
            AmiLinkStatus s = await(AmiLinkStatus.class, st -> st.state() == AmiLinkState.AUTH_FAILED);
            assertTrue(s.message().contains("wrong secret?") && s.message().contains("not sent again for 1 min"), s.message());
            assertFalse(s.message().contains("not-the-secret"), "the secret never appears in messages");
            awaitTrue(() -> !scheduler.delaysMs.isEmpty(), "the next attempt to be planned");
            assertEquals(List.of(60_000L), scheduler.delaysMs, "the only retry planned is minutes away");
            assertEquals(1, server.logins.get(), "one login, not a loop");
        }
    }
}
