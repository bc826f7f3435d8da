package trunkops.ami;

import java.io.IOException;
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
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.actions.DbGetTreeCompleteEvent;
import trunkops.ami.actions.DbGetTreeResponseEvent;
import trunkops.ami.actions.OutboundRegistrationDetailCompleteEvent;
import trunkops.ami.actions.OutboundRegistrationDetailEvent;
import trunkops.ami.actions.SipPeerStatusAction;
import trunkops.ami.actions.SipPeerstatusCompleteEvent;
import trunkops.ami.actions.SipQualifyPeerDoneEvent;

/**
 * The console's supervised manager link to one dialer, on asterisk-java. asterisk-java's own thread only hands
 * events over (O(1), bounded, drops counted); everything else runs on this gateway's single "ami-&lt;server&gt;"
 * thread. A dead link is noticed through the connection's own disconnect, the socket read timeout and a periodic
 * Ping; the gateway owns every reconnect (asterisk-java's built-in one is never believed, see {@link SessionGate}),
 * retries with backoff (a refused login only after minutes, saying so), and
 * follows each successful login with a full resync (SIPpeers, PJSIPShowEndpoints + PJSIPShowEndpoint per watched
 * endpoint, CoreShowChannels, SIPshowregistry, PJSIPShowRegistrationsOutbound), because events missed while
 * disconnected are gone; nothing the server sends before that login changes state. A dialer without chan_sip
 * (Asterisk 21+) or without res_pjsip is recognised by the refusal of SIPpeers / PJSIPShowEndpoints, and the
 * other stack's polls are then not sent.
 */
public final class AmiGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiGateway.class);

    /**
     * Tunables; defaults notice a silent link within 10 s, poll qualify latency every 5 s, re-read the live
     * channels every 60 s (channels whose Hangup was missed age out there) and, after a refused login, wait 10
     * minutes before trying the same secret again (a manager user is never hammered with a wrong secret).
     */
    public record Settings(int readTimeoutMs, int pingIntervalMs, int actionTimeoutMs, int minBackoffMs,
                           int maxBackoffMs, int queueCapacity, int latencyPollMs, int channelResyncMs,
                           int authRetryMs) {
        public Settings(int readTimeoutMs, int pingIntervalMs, int actionTimeoutMs, int minBackoffMs, int maxBackoffMs,
                        int queueCapacity, int latencyPollMs) {
            this(readTimeoutMs, pingIntervalMs, actionTimeoutMs, minBackoffMs, maxBackoffMs, queueCapacity,
                    latencyPollMs, 60_000, 600_000);
        }

        public static Settings defaults() {
            return new Settings(8_000, 3_000, 10_000, 1_000, 30_000, 100_000, 5_000);
        }

        public Settings withLatencyPoll(int ms) {
            return new Settings(readTimeoutMs, pingIntervalMs, actionTimeoutMs, minBackoffMs, maxBackoffMs,
                    queueCapacity, ms, channelResyncMs, authRetryMs);
        }

        public Settings withChannelResync(int ms) {
            return new Settings(readTimeoutMs, pingIntervalMs, actionTimeoutMs, minBackoffMs, maxBackoffMs,
                    queueCapacity, latencyPollMs, ms, authRetryMs);
        }

        public Settings withAuthRetry(int ms) {
            return new Settings(readTimeoutMs, pingIntervalMs, actionTimeoutMs, minBackoffMs, maxBackoffMs,
                    queueCapacity, latencyPollMs, channelResyncMs, ms);
        }
    }

    private final AmiTarget target;
    private final Supplier<char[]> secret;
    private final AmiGatewayListener listener;
    private final ScheduledExecutorService scheduler;
    private final Settings settings;
    private final ThreadPoolExecutor worker;
    private final AtomicLong eventsReceived = new AtomicLong();
    private final AtomicLong eventsDropped = new AtomicLong();
    private final AmiEventTranslator events;
    private final PjsipPollPlan pjsip = new PjsipPollPlan();
    private final SipStackReads stacks;
    private volatile ManagerConnection connection;
    private volatile SessionGate gate;
    private final PrivilegeWatch privileges;
    private volatile AmiLinkStatus status;
    private volatile boolean stopped;
    private volatile boolean pollRefused;
    private volatile long lastPongNanos;
    private int failures;

    public AmiGateway(AmiTarget target, Supplier<char[]> secret, AmiGatewayListener listener,
                      ScheduledExecutorService scheduler, Settings settings) {
        this.target = target;
        this.secret = secret;
        this.listener = listener;
        this.scheduler = scheduler;
        this.settings = settings;
        this.privileges = new PrivilegeWatch(target, listener, settings.actionTimeoutMs());
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), r -> {
                    Thread t = new Thread(r, "ami-" + target.serverId());
                    t.setDaemon(true);
                    t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
                    return t;
                }, (r, ex) -> eventsDropped.incrementAndGet());
        this.events = new AmiEventTranslator(target.serverId(), listener);
        this.stacks = new SipStackReads(target, listener, pjsip, settings.actionTimeoutMs());
        this.status = new AmiLinkStatus(target.serverId(), AmiLinkState.IDLE, "not started",
                System.currentTimeMillis(), 0);
    }

    public AmiTarget target() {
        return target;
    }

    public AmiLinkStatus status() {
        return status;
    }

    public long eventsReceived() {
        return eventsReceived.get();
    }

    /** Events the console uses that arrived without the fields it needs, and frames dropped on the wire. */
    public long eventsMalformed() {
        return events.malformedCount();
    }

    /** Events that could not be handed over because the console fell behind (never silent: shown to the operator). */
    public long eventsDropped() {
        return eventsDropped.get();
    }

    public void start() {
        submit(this::connect);
        scheduler.scheduleWithFixedDelay(() -> submit(this::supervise), settings.pingIntervalMs(),
                settings.pingIntervalMs(), TimeUnit.MILLISECONDS);
        if (settings.latencyPollMs() > 0) {
            scheduler.scheduleWithFixedDelay(() -> submit(this::pollLatency), settings.latencyPollMs(),
                    settings.latencyPollMs(), TimeUnit.MILLISECONDS);
        }
        if (settings.channelResyncMs() > 0) {
            scheduler.scheduleWithFixedDelay(() -> submit(this::resync), settings.channelResyncMs(),
                    settings.channelResyncMs(), TimeUnit.MILLISECONDS);
        }
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
        status = new AmiLinkStatus(target.serverId(), state, message, since, failures);
        if (previous.state() != state || !previous.message().equals(message)) {
            LOG.info("AMI {}: {} ({})", target, state, message);
        }
        listener.linkChanged(status);
    }

    private void connect() {
        if (stopped || connection != null) {
            return;
        }
        setStatus(AmiLinkState.CONNECTING, "connecting to " + target.host() + ":" + target.port());
        char[] pw = secret.get();
        ManagerConnection c = new BoundedManagerConnection(target, pw, WireLimits.defaults(), this::frameDropped);
        java.util.Arrays.fill(pw, '\0');
        c.setSocketReadTimeout(settings.readTimeoutMs());
        c.setSocketTimeout(settings.actionTimeoutMs());
        c.setKeepAliveAfterAuthenticationFailure(false);
        c.registerUserEventClass(SipPeerstatusCompleteEvent.class);
        c.registerUserEventClass(SipQualifyPeerDoneEvent.class);
        c.registerUserEventClass(DbGetTreeResponseEvent.class);
        c.registerUserEventClass(DbGetTreeCompleteEvent.class);
        c.registerUserEventClass(OutboundRegistrationDetailEvent.class);
        c.registerUserEventClass(OutboundRegistrationDetailCompleteEvent.class);
        c.registerUserEventClass(trunkops.ami.actions.HangupEvent.class); // with TechCause
        SessionGate g = new SessionGate();
        c.addEventListener(e -> onEvent(c, g, e));
        try {
            c.login("system,call");
        } catch (AuthenticationFailedException e) {
            g.end();
            AmiLists.quietLogoff(c);
            refused();
            return;
        } catch (IOException | TimeoutException | RuntimeException e) {
            if (e instanceof RuntimeException) {
                // whatever asterisk-java throws, the link is retried: a gateway must never stop trying
                LOG.warn("AMI {}: login failed unexpectedly", target, e);
            }
            g.end();
            AmiLists.quietLogoff(c);
            failed(AmiLinkState.DOWN, AmiLists.describe(e));
            return;
        }
        connection = c;
        gate = g;
        failures = 0;
        lastPongNanos = System.nanoTime();
        // from here on the dialer's events count; what came before the login is covered by the resync below
        g.open();
        setStatus(AmiLinkState.CONNECTED, "logged in as " + target.username());
        snapshot();
        stacks.endpoints(c, true); // PJSIPShowEndpoints, then PJSIPShowEndpoint per watched endpoint
        channels();
        stacks.registrations(c);
        privileges.check(c);
        pollLatency();
    }

    /**
     * A refused login: never the backoff loop (a wrong secret retried every 30 s locks accounts and fills logs). The
     * same secret is tried again only after {@code authRetryMs} (minutes), and the link says when.
     */
    private void refused() {
        failed(AmiLinkState.AUTH_FAILED, "login refused for user '" + target.username() + "' \u2014 wrong secret?"
                + " Check the AMI user and its secret (manager.conf); the same secret is not sent again for "
                + Math.max(1, settings.authRetryMs() / 60_000) + " min (until " + java.time.LocalTime.now()
                .plusNanos(settings.authRetryMs() * 1_000_000L).withNano(0) + ")");
    }

    private void failed(AmiLinkState state, String message) {
        failures++;
        setStatus(state, message);
        long backoff = state == AmiLinkState.AUTH_FAILED ? settings.authRetryMs()
                : Math.min(settings.maxBackoffMs(), (long) settings.minBackoffMs() << Math.min(failures - 1, 5));
        scheduler.schedule(() -> submit(this::connect), backoff, TimeUnit.MILLISECONDS);
    }

    /**
     * asterisk-java's event thread: count, and hand over only what the console uses; O(1), never blocks. A full
     * hand-over queue drops the event and counts it (shown to the operator), never silently. Only events of a
     * session this gateway logged in itself pass ({@link SessionGate}); the loss of the connection is matched
     * by the connection the listener was registered on ({@code DisconnectEvent}'s source is asterisk-java's
     * inner connection object, never {@code c}).
     */
    private void onEvent(ManagerConnection c, SessionGate g, ManagerEvent e) {
        eventsReceived.incrementAndGet();
        if (e instanceof DisconnectEvent) {
            if (g.end()) {
                submit(() -> lost(c, "connection lost"));
            }
            return;
        }
        if (!g.admits()) {
            return;
        }
        if (AmiEventTranslator.wanted(e)) {
            long receivedAt = System.currentTimeMillis();
            submit(() -> events.handle(e, receivedAt));
        }
    }

    /**
     * asterisk-java's reader thread: a frame over the {@link WireLimits}, or one its reader would die on, was
     * dropped before it; counted as malformed.
     */
    private void frameDropped(String why) {
        submit(() -> events.malformed("dropped a " + why));
    }

    /**
     * The latency poll: chan_sip's SIPpeerstatus (every qualified peer's round trip; the list items arrive as
     * PeerStatus events) when the dialer has chan_sip, and the PJSIP contacts ({@link SipStackReads#poll}) when it has
     * res_pjsip.
     */
    private void pollLatency() {
        ManagerConnection c = connection;
        if (c == null || stopped) {
            return;
        }
        privileges.retry(c);
        if (pjsip.hasPjsip()) {
            stacks.poll(c, false);
        }
        if (!pjsip.hasChanSip()) {
            return;
        }
        try {
            c.sendAction(new SipPeerStatusAction(), response -> {
                if (response instanceof ManagerError err && !pollRefused) {
                    pollRefused = true;
                    listener.gatewayProblem(target.serverId(), "latency poll (SIPpeerstatus) refused: "
                            + err.getMessage() + " (the AMI user needs write class 'system')");
                }
            });
        } catch (IOException | IllegalStateException e) {
            lost(c, "SIPpeerstatus failed: " + AmiLists.describe(e));
        }
    }

    /**
     * CoreShowChannels after a connect and every {@code channelResyncMs}: the live channels; the model drops every
     * channel not in it (a missed Hangup ages out here), then the event stream keeps it up to date.
     */
    private void channels() {
        ManagerConnection c = connection;
        if (c == null) {
            return;
        }
        try {
            listener.channelsSnapshot(target.serverId(), AmiLists.channels(c, settings.actionTimeoutMs()),
                    System.currentTimeMillis());
        } catch (IOException | IllegalStateException | org.asteriskjava.manager.EventTimeoutException e) {
            LOG.warn("AMI {}: CoreShowChannels failed: {}", target, AmiLists.describe(e));
        }
    }

    /** Every resync: the channels, the PJSIP endpoint list (a reload may add or drop one) and the registrations. */
    private void resync() {
        channels();
        ManagerConnection c = connection;
        if (c != null) {
            stacks.endpoints(c, false);
            stacks.registrations(c);
        }
    }

    /** Which PJSIP endpoints the poll reads (the topology's trunks: phones never); default every one listed. */
    public void watchPjsip(java.util.function.Predicate<String> endpoints) {
        pjsip.watch(endpoints);
    }

    /** DBGetTree (runs on the gateway thread; the future completes there). */
    public java.util.concurrent.CompletableFuture<java.util.Map<String, String>> dbGetTree(String family,
                                                                                          String key) {
        java.util.concurrent.CompletableFuture<java.util.Map<String, String>> result =
                new java.util.concurrent.CompletableFuture<>();
        submit(() -> {
            ManagerConnection c = connection;
            if (c == null) {
                result.completeExceptionally(new IllegalStateException(target.serverId() + ": AMI not connected"));
                return;
            }
            try {
                result.complete(AmiLists.dbTree(c, family, key, settings.actionTimeoutMs()));
            } catch (IOException | IllegalStateException | org.asteriskjava.manager.EventTimeoutException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void lost(ManagerConnection source, String why) {
        ManagerConnection c = connection;
        if (c == null || source != c) {
            return;
        }
        SessionGate g = gate;
        if (g != null) {
            g.end();
        }
        connection = null;
        AmiLists.quietLogoff(c);
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
            lost(c, "Ping failed: " + AmiLists.describe(e));
        }
    }

    /** Reads the full peer list (SIPpeers) and reports it. Runs on the gateway thread. */
    public void requestSnapshot() {
        submit(this::snapshot);
    }

    private void snapshot() {
        ManagerConnection c = connection;
        if (c == null) {
            return;
        }
        try {
            List<SipPeerInfo> peers = AmiLists.sipPeers(c, settings.actionTimeoutMs());
            pjsip.chanSip(peers != null);
            listener.peersSnapshot(target.serverId(), peers == null ? List.of() : peers, System.currentTimeMillis());
        } catch (IOException | IllegalStateException | org.asteriskjava.manager.EventTimeoutException e) {
            LOG.warn("AMI {}: SIPpeers failed: {}", target, AmiLists.describe(e));
            lost(c, "SIPpeers failed: " + AmiLists.describe(e));
        }
    }

    @Override
    public void close() {
        stopped = true;
        ManagerConnection c = connection;
        connection = null;
        if (c != null) {
            AmiLists.quietLogoff(c);
        }
        status = new AmiLinkStatus(target.serverId(), AmiLinkState.STOPPED, "stopped", System.currentTimeMillis(),
                failures);
        worker.shutdownNow();
    }
}
