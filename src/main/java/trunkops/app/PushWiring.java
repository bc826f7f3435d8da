package trunkops.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.AmiDialplanReader;
import trunkops.ami.AmiTarget;
import trunkops.ami.AmiTls;
import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.control.audit.RolePolicy;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.RouterCarrierRepository;
import trunkops.health.ClusterAccess;
import trunkops.push.ChangeSet;
import trunkops.push.PushException;
import trunkops.push.JournalStepLog;
import trunkops.push.PushJob;
import trunkops.push.PushReport;
import trunkops.push.PushStore;
import trunkops.push.RouterRow;
import trunkops.push.ui.PushBackend;
import trunkops.push.ui.PushLauncher;
import trunkops.routing.RouteVersion;
import trunkops.routing.ui.PushActions;
import trunkops.routing.ui.RoutesView;
import trunkops.secrets.SessionSecret;
import trunkops.topology.ClusterTopology;
import trunkops.topology.Tech;
import trunkops.ui.common.UiExecutor;

/**
 * The console's push for one cluster session (docs/push.md): the Routes tab's "Push…" and the history's "Roll back to
 * this version" open the push window ({@code trunkops.push.ui}); this is its backend: its own database handle, a
 * {@code push-db} thread for reads and a {@code push-job} thread for the job, the role (engineer) and the session's
 * audit journal (one entry per push, as the CLI writes), ShowDialPlan over the console's AMI user.
 */
final class PushWiring implements PushBackend, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PushWiring.class);

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> thread(r, "push-db"));
    private final ExecutorService job = Executors.newSingleThreadExecutor(r -> thread(r, "push-job"));
    private final ClusterAccess access;
    private final Database database;
    private final Supplier<Optional<AuditWiring>> audit;
    private final Duration reloadTimeout;
    private volatile CancelSwitch running;
    private volatile RouterCarrierRepository store;

    PushWiring(ClusterAccess access, Supplier<Optional<AuditWiring>> audit, Duration reloadTimeout) {
        this.access = access;
        this.audit = audit;
        this.reloadTimeout = reloadTimeout;
        this.database = new Database(Database.Settings.of(access.jdbcUrl(), access.dbUser()),
                SessionSecret.of(access.dbPassword()));
    }

    /** Plugs the push window into {@code view} (FX thread soon after) unless the session was detached meanwhile. */
    static PushWiring start(ClusterAccess access, RoutesView view, Supplier<Optional<AuditWiring>> audit,
                            AtomicBoolean detached) {
        PushWiring w = new PushWiring(access, audit, PushJob.Settings.defaults("").reloadTimeout());
        PushLauncher launcher = new PushLauncher(w, w.io, w.job, UiExecutor.fx());
        UiExecutor.fx().execute(() -> {
            if (!detached.get()) {
                view.pushActions(new PushActions() {
                    @Override
                    public void push(javafx.scene.Node from, RouteVersion latest) {
                        if (!detached.get()) {
                            launcher.push(from, latest);
                        }
                    }

                    @Override
                    public void rollback(javafx.scene.Node from, RouteVersion to, RouteVersion latest) {
                        if (!detached.get()) {
                            launcher.rollback(from, to, latest);
                        }
                    }
                });
            }
        });
        return w;
    }

    @Override
    public Optional<String> refusal() {
        Optional<AuditWiring> a = audit.get();
        if (a.isEmpty()) {
            return Optional.of("the audit journal is not open, nothing is pushed unjournaled");
        }
        RolePolicy.Decision d = a.get().policy().check(a.get().identity(), RolePolicy.Action.ROUTE_PUSH);
        return d.allowed() ? Optional.empty() : Optional.of(d.message());
    }

    @Override
    public Prepared prepare(RouteVersion v) throws PushException {
        RouterCarrierRepository s = store();
        List<PushStore.Dialer> dialers = s.dialers();
        if (dialers.isEmpty()) {
            throw new PushException("no active dialer generates ViciDial's conf files (servers)");
        }
        ChangeSet change = ChangeSet.build(v, s.read(v.name()), dialers);
        // the text's own findings and those needing the cluster (a pattern another carrier already serves)
        return new Prepared(change, RoutesWiring.TOOLS.lint(change.generated(), topology()), dialers.get(0));
    }

    @Override
    public PushReport run(Prepared p, Consumer<PushJob.Progress> progress, CancelSwitch cancel)
            throws InterruptedException {
        Optional<String> refused = refusal();
        if (refused.isPresent() || p.lintErrors()) {
            return new PushReport(PushReport.Outcome.REFUSED, List.of(), refused.map(r -> "refused: " + r)
                    .orElse("refused: the new dialplan has lint errors") + "; nothing written");
        }
        AuditWiring a = audit.get().orElseThrow();
        String actor = a.identity().who();
        ChangeSet c = p.change();
        ControlRequest request = new ControlRequest(ControlVerb.ROUTE_PUSH, Tech.SIP, c.version().name(),
                c.dialers().stream().map(PushStore.Dialer::serverId).toList(), Optional.of("ROUTE"),
                OptionalInt.of(c.version().version()), Optional.empty(), "pushed from the console", Optional.empty(),
                actor);
        ControlJournal journal = a.journal();
        String entry;
        List<AmiTarget> targets;
        try {
            targets = targets(topology());
            entry = journal.begin(request, Map.of("row", c.live().map(RouterRow::serverIp).orElse("none")));
        } catch (PushException | ControlJournal.JournalException | RuntimeException e) {
            return new PushReport(PushReport.Outcome.FAILED, List.of(), "nothing written: " + e.getMessage());
        }
        long t0 = System.nanoTime();
        PushReport report;
        running = cancel;
        try (AmiDialplanReader reader = new AmiDialplanReader(targets, t -> access.amiSecret(),
                ConsoleControl.TIMEOUT_MS * 3)) {
            PushJob j = new PushJob(c, store(), reader, new PushJob.Settings(reloadTimeout, Duration.ofSeconds(20),
                    Duration.ofMillis(500), Optional.of(p.canary().serverId()), actor), progress,
                    new JournalStepLog(journal, c.version().name(), c.version().version(), "pushed from the console",
                            actor)); // every step in the audit journal, as the CLI does
            cancel.attach(j);
            report = j.run();
        } finally {
            running = null;
        }
        complete(journal, entry, request, report, Duration.ofNanos(System.nanoTime() - t0));
        return report;
    }

    private static void complete(ControlJournal journal, String entry, ControlRequest request, PushReport report,
                                 Duration took) {
        List<DialerOutcome> outcomes = report.dialers().stream().map(s -> new DialerOutcome(s.serverId(),
                s.state() == PushReport.State.NEW ? DialerOutcome.Status.APPLIED : DialerOutcome.Status.FAILED,
                s.state() + ": " + s.detail())).toList();
        try {
            journal.complete(entry, new ControlResult(request, outcomes, took));
        } catch (ControlJournal.JournalException | RuntimeException e) {
            LOG.warn("the journal entry of the push of {} could not be completed: {}", request.peer(), e.toString());
        }
    }

    @Override
    public Optional<RouterRow> live(String carrierId) throws PushException {
        return store().read(carrierId);
    }

    @Override
    public Duration reloadTimeout() {
        return reloadTimeout;
    }

    private RouterCarrierRepository store() {
        RouterCarrierRepository s = store;
        if (s == null) {
            s = new RouterCarrierRepository(database.dataSource(), Clock.systemDefaultZone(), host());
            store = s;
        }
        return s;
    }

    private ClusterTopology topology() throws PushException {
        try {
            return DbOptions.topology(database);
        } catch (DbException e) {
            throw new PushException("the cluster's topology could not be read: " + e.getMessage(), e);
        }
    }

    private List<AmiTarget> targets(ClusterTopology t) {
        AmiTls tls = access.amiTls();
        List<AmiTarget> out = new ArrayList<>();
        t.servers().forEach(s -> out.add(new AmiTarget(s.serverId(), s.ami().host(),
                tls == null ? s.ami().port() : tls.port(), access.amiUser(), tls)));
        return out;
    }

    /** The address vicidial_admin_log names (as PushRun does); resolved on push-db, never on the FX thread. */
    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught on {}", th.getName(), e));
        return t;
    }

    /**
     * A running push is cancelled (rolled back) and allowed to finish on its own thread; reads are stopped. The
     * database handle closes once the job thread is done.
     */
    @Override
    public void close() {
        CancelSwitch c = running;
        if (c != null) {
            LOG.warn("session closing during a push: cancelling it (the rollback runs to its end)");
            c.cancel();
        }
        io.shutdownNow();
        job.execute(database::close);
        job.shutdown();
    }
}
