package trunkops.health;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiGatewayListener;
import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.AmiTarget;
import trunkops.ami.PjsipContactInfo;
import trunkops.ami.RegistrationInfo;
import trunkops.ami.SipPeerInfo;
import trunkops.topology.ClusterTopology;
import trunkops.topology.Tech;

/**
 * One dialer watched headless (the {@code status} command): the same gateway and health model as the board,
 * for one server. With a topology (from the ViciDial database) the trunks are the carriers' peers on that
 * server; without one every peer the dialer lists is a trunk, so it works against a plain Asterisk too.
 */
public final class DialerWatch implements AutoCloseable, AmiGatewayListener {

    /** The first complete picture, or why there is none. */
    public record Picture(List<TrunkView> trunks, AmiLinkStatus link) {
    }

    private final String serverId;
    private final ClusterTopology topology;
    private final ClusterHealth health;
    private final AmiGateway gateway;
    private final ScheduledExecutorService thread;
    private final CompletableFuture<Picture> first = new CompletableFuture<>();
    private final Map<String, String> lastStates = new HashMap<>();
    /** Watch-thread confined: the listener, and the changes made before one was registered (bounded). */
    private Consumer<TrunkView> onChange;
    private final java.util.ArrayDeque<TrunkView> unheard = new java.util.ArrayDeque<>();
    private static final int UNHEARD_MAX = 10_000;
    private long snapshotAt;
    /** The PJSIP snapshot held round trips; the registrations follow it (the gateway's order after a connect). */
    private boolean pjsipPolled;
    private boolean registrationsRead;
    private boolean polled;

    public DialerWatch(AmiTarget target, Supplier<char[]> secret, ClusterTopology topology, HealthSettings settings,
                       AmiGateway.Settings gatewaySettings) {
        this.serverId = target.serverId();
        this.topology = topology;
        this.health = new ClusterHealth(settings);
        if (topology != null) {
            health.topology(topology);
        }
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watch-" + target.serverId());
            t.setDaemon(true);
            return t;
        });
        this.gateway = new AmiGateway(target, secret, this, thread, gatewaySettings);
        if (topology != null) {
            gateway.watchPjsip(pjsipTrunks(topology, serverId));
        }
    }

    /** The PJSIP endpoints that are trunks of {@code topology} on {@code serverId}: what the latency poll reads. */
    static java.util.function.Predicate<String> pjsipTrunks(ClusterTopology topology, String serverId) {
        java.util.Set<String> names = new java.util.HashSet<>();
        topology.trunksOn(serverId).stream().filter(t -> t.tech() == Tech.PJSIP).forEach(t -> names.add(t.name()));
        return names::contains;
    }

    /** The console's lagged thresholds for PJSIP trunks (default: 2000 ms for every carrier). */
    public void pjsipThresholds(PjsipLagThresholds t) {
        onThread(() -> health.pjsipThresholds(t));
    }

    public void start() {
        gateway.start();
        thread.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
    }

    public long eventsReceived() {
        return gateway.eventsReceived();
    }

    public long eventsDropped() {
        return gateway.eventsDropped();
    }

    /** Called (on the watch thread) once per distinct problem the gateway reports (e.g. excess AMI privileges). */
    public void onProblem(Consumer<String> action) {
        this.onProblem = action;
    }

    /**
     * Completes when the dialer refuses the login after the first picture (a secret changed while watching): the
     * gateway will not retry for minutes, so a watch should stop and say so.
     */
    public CompletableFuture<AmiLinkStatus> loginRefused() {
        return refused;
    }

    /** The first full picture (snapshot plus a latency poll), or the link problem that prevents it. */
    public CompletableFuture<Picture> firstPicture() {
        return first;
    }

    /**
     * Called (on the watch thread) for every change of a trunk's state after the first picture, in order. Changes
     * made between the first picture and this call are not lost: they are delivered first.
     */
    public void onChange(Consumer<TrunkView> action) {
        onThread(() -> {
            while (!unheard.isEmpty()) {
                action.accept(unheard.poll());
            }
            onChange = action;
        });
    }

    private void changed(TrunkView t) {
        if (onChange != null) {
            onChange.accept(t);
        } else if (unheard.size() < UNHEARD_MAX) {
            unheard.add(t);
        }
    }

    /** Every trunk's view now (the board's words, registration included), on the watch thread. */
    public CompletableFuture<List<TrunkView>> views() {
        return CompletableFuture.supplyAsync(() -> views(System.currentTimeMillis()), thread);
    }

    private List<TrunkView> views(long now) {
        List<TrunkView> all = topology != null ? health.views(topology, now) : health.adoptedViews(serverId, now);
        return all.stream().filter(v -> v.serverId().equals(serverId)).toList();
    }

    /** Time alone changes states too (STALE when reports stop); events are evaluated as they arrive. */
    private void tick() {
        evaluate();
    }

    /**
     * Runs on the watch thread after every observation the model takes (and on the tick): completes the first
     * picture, then hands every trunk whose state differs from the one last reported to {@link #onChange}. Because
     * it runs per event, not per sample, a trunk that goes down and up again within milliseconds reports both
     * changes, in the order the model made them.
     */
    private void evaluate() {
        long now = System.currentTimeMillis();
        AmiLinkStatus link = health.link(serverId);
        if (!first.isDone()) {
            if (link != null && (link.state() == AmiLinkState.AUTH_FAILED
                    || link.state() == AmiLinkState.DOWN && link.failedAttempts() >= 2)) {
                first.complete(new Picture(List.of(), link));
            } else if (snapshotAt > 0 && (polled || pjsipPolled && registrationsRead || now - snapshotAt > 3_000)) {
                List<TrunkView> v = views(now);
                v.forEach(t -> lastStates.put(t.key().toString(), signature(t)));
                first.complete(new Picture(v, link));
            }
            return;
        }
        if (link != null && link.state() == AmiLinkState.AUTH_FAILED) {
            refused.complete(link);
        }
        for (TrunkView t : views(now)) {
            String sig = signature(t);
            if (!sig.equals(lastStates.put(t.key().toString(), sig))) {
                changed(t);
            }
        }
    }

    /** What counts as a change: the state, and the state of the trunk's registration. */
    private static String signature(TrunkView t) {
        return t.state() + (t.registration() == null ? "" : " " + t.registration().state() + t.registration().fresh());
    }

    /** Problems already said (watch thread), the problem listener, and the refusal of a later login. */
    private final java.util.Set<String> problemsSaid = new java.util.HashSet<>();
    private volatile Consumer<String> onProblem = m -> { };
    private final CompletableFuture<AmiLinkStatus> refused = new CompletableFuture<>();

    /**
     * Runs a gateway callback on the watch thread; dropped once the watch is closed (the status command closes it
     * after its first picture while the gateway may still be finishing its connect-time reads).
     */
    private void onThread(Runnable r) {
        try {
            thread.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed: nobody is listening any more
        }
    }

    // ---- gateway callbacks: the gateway runs on this watch's own thread, so these are sequential ----

    @Override
    public void linkChanged(AmiLinkStatus status) {
        onThread(() -> {
            health.link(status, System.currentTimeMillis());
            evaluate();
        });
    }

    @Override
    public void peersSnapshot(String server, List<SipPeerInfo> peers, long atMillis) {
        onThread(() -> {
            if (topology == null) {
                health.adopt(server, peers);
            }
            health.peersSnapshot(server, peers, atMillis);
            snapshotAt = atMillis;
            evaluate();
        });
    }

    @Override
    public void peerStatus(String server, Tech tech, String peer, String status, Integer timeMs, long atMillis) {
        onThread(() -> {
            boolean watched = health.peerStatus(server, tech, peer, status, timeMs, atMillis);
            if (snapshotAt > 0 && timeMs != null) {
                polled = true;
            }
            if (watched || !first.isDone()) { // a phone's status changes no trunk: no need to rebuild every view
                evaluate();
            }
        });
    }

    @Override
    public void pjsipContacts(String server, List<String> endpoints, List<PjsipContactInfo> contacts,
                              boolean snapshot, long atMillis) {
        onThread(() -> {
            if (topology == null) {
                health.adoptPjsip(server, endpoints);
            }
            boolean watched = health.pjsipContacts(server, endpoints, contacts, atMillis);
            if (snapshot && !endpoints.isEmpty()) {
                pjsipPolled = true; // a PJSIP poll carries the round trips: no need to wait for chan_sip's
            }
            if (watched || snapshot || !first.isDone()) {
                evaluate();
            }
        });
    }

    @Override
    public void contactStatus(String server, PjsipContactInfo contact, long atMillis) {
        onThread(() -> {
            if (health.contactStatus(server, contact, atMillis)) {
                evaluate();
            }
        });
    }

    @Override
    public void registrations(String server, java.util.Set<Tech> techs, List<RegistrationInfo> list, long atMillis) {
        onThread(() -> {
            health.registrations(server, techs, list, atMillis);
            registrationsRead = true;
            evaluate();
        });
    }

    @Override
    public void registry(String server, Tech tech, String client, String domain, String status, long atMillis) {
        onThread(() -> {
            health.registry(server, tech, client, domain, status, atMillis);
            evaluate();
        });
    }

    @Override
    public void channelsSnapshot(String server, List<String> channels, long atMillis) {
        onThread(() -> health.channels(server, channels));
    }

    @Override
    public void channelStarted(String server, String channel, long atMillis) {
        onThread(() -> health.channelStarted(server, channel));
    }

    @Override
    public void channelEnded(String server, String channel, long atMillis) {
        onThread(() -> health.channelEnded(server, channel));
    }

    @Override
    public void channelHungUp(String server, String channel, int cause, int sipCode, long atMillis) {
        onThread(() -> health.hangup(server, channel, cause, sipCode, atMillis));
    }

    @Override
    public void gatewayProblem(String server, String message) {
        onThread(() -> {
            if (problemsSaid.add(message)) {
                onProblem.accept(message);
            }
        });
    }

    @Override
    public void close() {
        gateway.close();
        thread.shutdownNow();
    }
}
