package trunkops.ami;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.SipPeersAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.PeerEntryEvent;
import org.asteriskjava.manager.event.PeerStatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's supervised manager link to one dialer, on asterisk-java. asterisk-java's own thread only hands
 * events over (O(1), bounded, drops counted); everything else runs on this gateway's single "ami-&lt;server&gt;"
 * thread. A dead link is noticed through the socket read timeout plus a periodic Ping; every (re)connect,
 * including after a failed first login, is retried with backoff, and each successful login is followed by a
 * full SIPpeers snapshot, because events missed while disconnected are gone.
 */
public final class AmiGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiGateway.class);

    /** Tunables; defaults notice a silent link within 10 s. */
    public record Settings(int readTimeoutMs, int pingIntervalMs, int actionTimeoutMs, int minBackoffMs,
                           int maxBackoffMs, int queueCapacity) {
        public static Settings defaults() {
            return new Settings(8_000, 3_000, 10_000, 1_000, 30_000, 100_000);
        }
    }

    private final AmiTarget endpoint;
    private final Supplier<char[]> secret;
    private final AmiGatewayListener listener;
    private final ScheduledExecutorService scheduler;
    private final Settings settings;
    private final ThreadPoolExecutor worker;
    private final AtomicLong eventsReceived = new AtomicLong();
    private final AtomicLong eventsDropped = new AtomicLong();
    private volatile ManagerConnection connection;
    private volatile AmiLinkStatus status;
    private volatile boolean stopped;
    private final java.util.concurrent.atomic.AtomicBoolean snapshotPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long lastPongNanos;
    private int failures;

    public AmiGateway(AmiTarget endpoint, Supplier<char[]> secret, AmiGatewayListener listener,
                      ScheduledExecutorService scheduler, Settings settings) {
        this.endpoint = endpoint;
        this.secret = secret;
        this.listener = listener;
        this.scheduler = scheduler;
        this.settings = settings;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), r -> {
                    Thread t = new Thread(r, "ami-" + endpoint.serverId());
                    t.setDaemon(true);
                    t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
                    return t;
                }, (r, ex) -> eventsDropped.incrementAndGet());
        this.status = new AmiLinkStatus(endpoint.serverId(), AmiLinkState.IDLE, "not started",
                System.currentTimeMillis(), 0);
    }

    public AmiTarget endpoint() {
        return endpoint;
    }

    public AmiLinkStatus status() {
        return status;
    }

    public long eventsReceived() {
        return eventsReceived.get();
    }

    /** Events that could not be handed over because the console fell behind (never silent: shown to the operator). */
    public long eventsDropped() {
        return eventsDropped.get();
    }

    public void start() {
        submit(this::connect);
        scheduler.scheduleWithFixedDelay(() -> submit(this::supervise), settings.pingIntervalMs(),
                settings.pingIntervalMs(), TimeUnit.MILLISECONDS);
    }

    private void submit(Runnable task) {
        if (stopped) {
            return;
        }
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            eventsDropped.incrementAndGet();
        }
    }

    private void setStatus(AmiLinkState state, String message) {
        AmiLinkStatus previous = status;
        long since = previous.state() == state ? previous.sinceMillis() : System.currentTimeMillis();
        status = new AmiLinkStatus(endpoint.serverId(), state, message, since, failures);
        if (previous.state() != state || !previous.message().equals(message)) {
            LOG.info("AMI {}: {} ({})", endpoint, state, message);
        }
        listener.linkChanged(status);
    }

    private void connect() {
        if (stopped || connection != null) {
            return;
        }
        setStatus(AmiLinkState.CONNECTING, "connecting to " + endpoint.host() + ":" + endpoint.port());
        char[] pw = secret.get();
        ManagerConnection c = new ManagerConnectionFactory(endpoint.host(), endpoint.port(), endpoint.username(),
                new String(pw)).createManagerConnection();
        java.util.Arrays.fill(pw, '\0');
        c.setSocketReadTimeout(settings.readTimeoutMs());
        c.setSocketTimeout(settings.actionTimeoutMs());
        c.setKeepAliveAfterAuthenticationFailure(false);
        c.addEventListener(this::onEvent);
        try {
            c.login("system,call");
        } catch (AuthenticationFailedException e) {
            quietLogoff(c);
            failed(AmiLinkState.AUTH_FAILED, "login refused for user '" + endpoint.username()
                    + "': check the AMI user and secret (manager.conf)");
            return;
        } catch (IOException | TimeoutException | IllegalStateException e) {
            quietLogoff(c);
            failed(AmiLinkState.DOWN, describe(e));
            return;
        }
        connection = c;
        failures = 0;
        lastPongNanos = System.nanoTime();
        setStatus(AmiLinkState.CONNECTED, "logged in as " + endpoint.username());
        snapshot();
    }

    private static String describe(Exception e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
            return "no answer (timeout)";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private void failed(AmiLinkState state, String message) {
        failures++;
        setStatus(state, message);
        long backoff = Math.min(settings.maxBackoffMs(), (long) settings.minBackoffMs() << Math.min(failures - 1, 5));
        if (state == AmiLinkState.AUTH_FAILED) {
            backoff = settings.maxBackoffMs();
        }
        scheduler.schedule(() -> submit(this::connect), backoff, TimeUnit.MILLISECONDS);
    }

    /** asterisk-java's event thread: hand over, never block. */
    private void onEvent(ManagerEvent e) {
        eventsReceived.incrementAndGet();
        submit(() -> handle(e));
    }

    private void handle(ManagerEvent e) {
        if (e instanceof DisconnectEvent) {
            lost(e.getSource(), "connection lost");
        } else if (e instanceof PeerStatusEvent p) {
            String peer = p.getPeer() == null ? "" : p.getPeer();
            int slash = peer.indexOf('/');
            listener.peerStatus(endpoint.serverId(), slash >= 0 ? peer.substring(slash + 1) : peer,
                    p.getPeerStatus(), p.getTime(), System.currentTimeMillis());
            // chan_sip's PeerStatus carries no latency on Reachable/Lagged: read it back shortly after
            if (snapshotPending.compareAndSet(false, true)) {
                scheduler.schedule(() -> submit(() -> {
                    snapshotPending.set(false);
                    snapshot();
                }), 1_000, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void lost(Object source, String why) {
        ManagerConnection c = connection;
        if (c == null || (source != null && source != c)) {
            return;
        }
        connection = null;
        quietLogoff(c);
        failed(AmiLinkState.DOWN, why);
    }

    /** Pings a connected link; a link that stopped answering is declared down and re-established. */
    private void supervise() {
        ManagerConnection c = connection;
        if (c == null || stopped) {
            return;
        }
        if (c.getState() != ManagerConnectionState.CONNECTED) {
            lost(c, "connection lost");
            return;
        }
        long silentMs = (System.nanoTime() - lastPongNanos) / 1_000_000L;
        if (silentMs > settings.readTimeoutMs()) {
            lost(c, "no answer to Ping for " + silentMs + " ms");
            return;
        }
        try {
            c.sendAction(new PingAction(), response -> lastPongNanos = System.nanoTime());
        } catch (IOException | IllegalStateException e) {
            lost(c, "Ping failed: " + describe(e));
        }
    }

    /** Reads the full peer list (SIPpeers) and reports it. Runs on the gateway thread. */
    public void requestSnapshot() {
        submit(this::snapshot);
    }

    @SuppressWarnings("deprecation") // PeerEntry's IPport header lands in getIpPort(); getPort() stays empty
    private void snapshot() {
        ManagerConnection c = connection;
        if (c == null) {
            return;
        }
        try {
            ResponseEvents re = c.sendEventGeneratingAction(new SipPeersAction(), settings.actionTimeoutMs());
            List<SipPeerInfo> peers = new ArrayList<>();
            for (ManagerEvent ev : re.getEvents()) {
                if (ev instanceof PeerEntryEvent pe) {
                    peers.add(SipPeerInfo.of(pe.getObjectName(), pe.getIpAddress(),
                            pe.getIpPort() == null ? 0 : pe.getIpPort(), pe.getStatus()));
                }
            }
            listener.peersSnapshot(endpoint.serverId(), List.copyOf(peers), System.currentTimeMillis());
        } catch (IOException | IllegalStateException | org.asteriskjava.manager.EventTimeoutException e) {
            LOG.warn("AMI {}: SIPpeers failed: {}", endpoint, describe(e));
            lost(c, "SIPpeers failed: " + describe(e));
        }
    }

    private static void quietLogoff(ManagerConnection c) {
        Thread t = new Thread(() -> {
            try {
                if (c.getState() == ManagerConnectionState.CONNECTED
                        || c.getState() == ManagerConnectionState.RECONNECTING) {
                    c.logoff();
                }
            } catch (RuntimeException e) {
                LOG.debug("logoff of a dead AMI link failed", e);
            }
        }, "ami-logoff");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        stopped = true;
        ManagerConnection c = connection;
        connection = null;
        if (c != null) {
            quietLogoff(c);
        }
        status = new AmiLinkStatus(endpoint.serverId(), AmiLinkState.STOPPED, "stopped", System.currentTimeMillis(),
                failures);
        worker.shutdownNow();
    }
}
