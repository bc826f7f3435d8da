package trunkops.lab.pbx;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.LabClock;
import trunkops.lab.ami.ActionRegistry;
import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.AmiSession;
import trunkops.lab.ami.ManagerConfig;
import trunkops.lab.ami.ManagerCore;
import trunkops.lab.ami.ManagerEvent;

/**
 * One simulated Asterisk 20 (chan_sip) dialer. All simulated state lives on one thread ("pbx-&lt;server&gt;"):
 * manager actions, dialplan execution, qualify timers and call progress are tasks on it, so the simulation is
 * consistent without locks and events come out in the order the simulation produced them.
 */
public final class Pbx implements ManagerCore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pbx.class);

    private final String serverId;
    private final LabClock clock;
    private volatile ManagerConfig managerConfig;
    private final ActionRegistry actions = new ActionRegistry();
    private final ScheduledExecutorService executor;
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final ConfigFiles files;
    private final AstDb astdb = new AstDb();
    private final Map<String, FarEnd> farEnds = new ConcurrentHashMap<>();
    private final java.util.Set<String> blockedHosts = ConcurrentHashMap.newKeySet();
    private final AtomicLong eventsPublished = new AtomicLong();
    final ChannelEvents events;
    final Channels channels;
    final SipDriver sip;
    final PjsipDriver pjsip;
    final DialplanRunner runner;
    final Modules modules;
    final Originator originator;
    private final long startMicros;
    private volatile long lastReloadMicros;
    private volatile PbxHooks hooks = PbxHooks.NONE;

    public Pbx(String serverId, LabClock clock, ManagerConfig managerConfig, ConfigFiles files) {
        this.serverId = serverId;
        this.clock = clock;
        this.managerConfig = managerConfig;
        this.files = files;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pbx-" + serverId);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        });
        this.startMicros = clock.nowMicros() - 170_000_000L;
        this.lastReloadMicros = startMicros;
        this.events = new ChannelEvents(this);
        this.channels = new Channels(this);
        this.sip = new SipDriver(this);
        this.pjsip = new PjsipDriver(this);
        this.runner = new DialplanRunner(this);
        this.modules = new Modules(this);
        this.originator = new Originator(this);
        PbxActions.register(this, actions);
        if (files.read("pjsip.conf").isPresent()) {
            // res_pjsip is loaded (its actions registered before the manager answers anyone) when the dialer has a
            // pjsip.conf; Modules loads its objects at boot
            PjsipActions.register(this, actions);
        }
    }

    /** Loads the configuration files and starts qualifying peers, as Asterisk does at boot. */
    public void boot() {
        callAndWait(() -> {
            modules.loadAll();
            return null;
        });
    }

    public String serverId() {
        return serverId;
    }

    public ConfigFiles files() {
        return files;
    }

    public AstDb astdb() {
        return astdb;
    }

    public void setHooks(PbxHooks hooks) {
        this.hooks = hooks;
    }

    PbxHooks hooks() {
        return hooks;
    }

    public void setManagerConfig(ManagerConfig config) {
        this.managerConfig = config;
    }

    /** Registers the far end a peer's {@code host} points at. */
    public void addFarEnd(FarEnd farEnd) {
        farEnds.put(farEnd.host(), farEnd);
    }

    public FarEnd farEnd(String host) {
        return farEnds.get(host);
    }

    public Map<String, FarEnd> farEnds() {
        return Map.copyOf(farEnds);
    }

    /** The SIPpeers Status text of every peer, e.g. {@code OK (28 ms)} (read on the PBX thread). */
    public Map<String, String> peerStatuses() {
        return callAndWait(() -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (SipPeer p : sip.sorted()) {
                out.put(p.name(), p.statusText());
            }
            return out;
        });
    }

    /**
     * Every PJSIP contact as {@code aor/uri} → its qualify status: {@code Reachable}, {@code Unreachable},
     * {@code Unknown} (not qualified yet) or {@code NonQual} (no endpoint uses the aor, or qualify_frequency 0).
     */
    public Map<String, String> pjsipContactStatuses() {
        return callAndWait(() -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (PjsipState.Contact c : pjsip.contacts()) {
                out.put(c.aor + "/" + c.uri, c.qualified ? c.status : "NonQual");
            }
            return out;
        });
    }

    /** Every PJSIP contact as {@code aor/uri} → its last qualify RTT in µs (0 when unreachable or unknown). */
    public Map<String, Long> pjsipContactRttUsec() {
        return callAndWait(() -> {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (PjsipState.Contact c : pjsip.contacts()) {
                out.put(c.aor + "/" + c.uri, c.rttUsec);
            }
            return out;
        });
    }

    /** Every PJSIP outbound registration → Registered, Rejected or Unregistered. */
    public Map<String, String> registrationStatuses() {
        return callAndWait(() -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (PjsipState.Registration r : pjsip.registrations()) {
                out.put(r.cfg.id(), r.status);
            }
            return out;
        });
    }

    /** Sends a REGISTER for the named outbound registration now (CLI {@code pjsip send register}); false if none. */
    public boolean pjsipRegisterNow(String registration) {
        return callAndWait(() -> pjsip.registerNow(registration));
    }

    /** The PJSIP endpoint names this dialer has loaded. */
    public java.util.List<String> pjsipEndpoints() {
        return callAndWait(() -> java.util.List.copyOf(pjsip.objects().of("endpoint").keySet()));
    }

    /** Names of the live channels. */
    public java.util.List<String> channelNames() {
        return callAndWait(() -> channels.all().stream().map(Channel::name).toList());
    }

    /**
     * The host a peer points at, or null when this dialer has no such peer. A chan_sip peer first; else a PJSIP
     * endpoint (its first contact's host) or a PJSIP outbound registration (its server_uri's host), so the trunk
     * faults work by endpoint name too.
     */
    public String peerHost(String peer) {
        return callAndWait(() -> {
            SipPeer p = sip.peer(peer);
            if (p != null) {
                return p.host();
            }
            String uri = null;
            PjObject e = pjsip.endpoint(peer);
            if (e != null && !pjsip.contactsOf(e).isEmpty()) {
                uri = pjsip.contactsOf(e).get(0).uri;
            }
            PjObject reg = pjsip.objects().get("registration", peer);
            if (uri == null && reg != null) {
                uri = reg.opt("server_uri");
            }
            if (uri == null) {
                return null;
            }
            String hp = PjsipState.hostPort(uri);
            return hp.substring(0, hp.lastIndexOf(':'));
        });
    }

    /** A picture of the live channels (taken on the PBX thread). */
    public java.util.List<ChannelView> channelViews() {
        return callAndWait(() -> channels.all().stream().map(ChannelView::of).toList());
    }

    /** Runs a CLI command as the console of the dialer would (e.g. the keepalive's {@code sip reload}). */
    public java.util.List<String> cli(String command) {
        return callAndWait(() -> new PbxCli(this).run(command, command.strip().split("\\s+")).lines());
    }

    /**
     * Makes one far end unreachable from this dialer only (a server-local network problem), or reachable again.
     */
    public void blockHost(String host, boolean blocked) {
        if (blocked) {
            blockedHosts.add(host);
        } else {
            blockedHosts.remove(host);
        }
    }

    boolean hostBlocked(String host) {
        return blockedHosts.contains(host);
    }

    /**
     * Places a call the way ViciDial's AST_manager_send does for an auto-dial: an async Originate of
     * {@code Local/<dialString>@<localContext>} answered into {@code context,exten,1}, with the caller code as
     * the caller-id name. Runs on the PBX thread; returns at once.
     */
    public void originateLocal(String dialString, String localContext, String context, String exten,
                               String callerIdName, String callerIdNum, long timeoutMs) {
        execute(() -> originator.originateLocal(dialString, localContext, context, exten, callerIdName,
                callerIdNum, timeoutMs));
    }

    /** Reloads the named module as the Reload action would (null = everything). */
    public String reloadModule(String module) {
        return callAndWait(() -> modules.reload(module, module == null ? "All" : module).name());
    }

    /** Warnings the last configuration loads produced (what Asterisk would have logged). */
    public java.util.List<String> configWarnings() {
        return modules.lastWarnings();
    }

    public long eventsPublished() {
        return eventsPublished.get();
    }

    void reloaded() {
        lastReloadMicros = clock.nowMicros();
    }

    // ---- ManagerCore ----

    @Override
    public ManagerConfig config() {
        return managerConfig;
    }

    @Override
    public ActionRegistry actions() {
        return actions;
    }

    @Override
    public LabClock clock() {
        return clock;
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guard(task));
    }

    @Override
    public void schedule(long labMillis, Runnable task) {
        if (labMillis <= 0) {
            execute(task);
        } else {
            executor.schedule(guard(task), clock.realNanos(labMillis), TimeUnit.NANOSECONDS);
        }
    }

    private Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("lab PBX {} task failed", serverId, e);
            }
        };
    }

    /** Runs {@code task} on the PBX thread and returns its result (for tests, faults and the keepalive). */
    public <T> T callAndWait(java.util.concurrent.Callable<T> task) {
        try {
            return executor.submit(task).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("lab PBX " + serverId + " task failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(ManagerEvent event) {
        eventsPublished.incrementAndGet();
        for (AmiSession s : sessions) {
            s.deliverEvent(event);
        }
    }

    @Override
    public ManagerEvent event(String name, int classMask, AmiMessage.Builder body) {
        return new ManagerEvent(name, classMask, body.build().headers(),
                managerConfig.timestampEvents() ? clock.amiTimestamp() : null);
    }

    @Override
    public long uptimeSeconds() {
        return (clock.nowMicros() - startMicros) / 1_000_000L;
    }

    @Override
    public long lastReloadSeconds() {
        return (clock.nowMicros() - lastReloadMicros) / 1_000_000L;
    }

    @Override
    public void attach(AmiSession session) {
        sessions.add(session);
    }

    @Override
    public void detach(AmiSession session) {
        sessions.remove(session);
    }

    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
