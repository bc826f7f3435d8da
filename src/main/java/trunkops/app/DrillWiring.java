package trunkops.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.FileChooser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.alert.Alert;
import trunkops.alert.AlertSink;
import trunkops.ami.AmiAstDbLink;
import trunkops.ami.AmiCallLink;
import trunkops.ami.AmiTarget;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlVerb;
import trunkops.db.Database;
import trunkops.db.DrillRepository;
import trunkops.db.RouteRepository;
import trunkops.drill.DrillReport;
import trunkops.drill.DrillConsole;
import trunkops.drill.DrillJournal;
import trunkops.drill.DrillRecovery;
import trunkops.drill.DrillRoleCheck;
import trunkops.drill.ScheduleFile;
import trunkops.drill.ScheduledDrills;
import trunkops.drill.ui.DrillView;
import trunkops.health.ClusterAccess;
import trunkops.routing.RouteVersion;
import trunkops.secrets.SessionSecret;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.ui.common.UiExecutor;

/**
 * The Drills tab of a console session, beside the Audit tab: reads the saved routes and the dialers off the FX
 * thread, first restores every drill a crash cut short on this cluster's dialers ({@link DrillRecovery}: A back
 * online when it still holds the drill's value, the drill marked aborted), then shows the wizard. A drill's links are
 * its own (an AMI call link and an ASTDB link to its one dialer, the console's AMI user); A's offline and online go
 * through the control core, journaled in the session's audit journal; the role is the audit's policy.
 */
final class DrillWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DrillWiring.class);
    private static final int TIMEOUT_MS = 3_000;

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drill-io");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drill-schedule");
        t.setDaemon(true);
        return t;
    });
    private volatile DrillView view;
    private volatile Database database;
    private volatile Tab tab;

    private DrillWiring() {
    }

    /** Call on the FX thread once the audit is open; {@code besideTab} is any node inside the main tabs. */
    static DrillWiring start(ClusterAccess access, Node besideTab, AtomicBoolean detached,
                             Supplier<ClusterTopology> topology, AuditWiring audit,
                             Supplier<Optional<AlertSink>> alerts) {
        DrillWiring w = new DrillWiring();
        w.io.execute(() -> {
            try {
                ClusterTopology t = topology.get();
                for (int i = 0; t == null && i < 240 && !detached.get(); i++) {
                    Thread.sleep(500); // the first topology is read when the session starts
                    t = topology.get();
                }
                if (t == null) {
                    LOG.warn("the Drills tab was not added: no topology read");
                    return;
                }
                Database db = new Database(Database.Settings.of(access.jdbcUrl(), access.dbUser()),
                        SessionSecret.of(access.dbPassword()));
                w.database = db;
                List<RouteVersion> routes = RouteRepository.reader(db.dataSource()).latest();
                DrillJournal journal = new DrillJournal(AppPaths.stateDir().resolve("drill").resolve("drills.log"),
                        DrillRepository.open(db.dataSource()));
                Console console = new Console(access, t, audit, journal, alerts);
                console.schedules = new ScheduleFile(AppPaths.stateDir().resolve("drill")
                        .resolve("schedules-" + AlertsWiring.fileName(access.name()) + ".tsv"));
                console.recover();
                w.schedule(console, db);
                UiExecutor.fx().execute(() -> {
                    if (!detached.get()) {
                        w.addTab(besideTab, console, routes);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("the Drills tab was not added: {}", e.toString());
            }
        });
        return w;
    }

    /** Every 30 s the due scheduled drills run on the {@code drill-schedule} thread, their results as alerts. */
    private void schedule(Console console, Database db) {
        ScheduledDrills drills = new ScheduledDrills(console, console.schedules,
                () -> RouteRepository.reader(db.dataSource()).latest(), Clock.systemUTC(), ZoneId.systemDefault(),
                console::reported, (s, why) -> console.alerts.get().ifPresent(sink -> sink.publish(Alert.drill(
                        s.route(), s.trunk(), false, why, Instant.now()))));
        timer.scheduleWithFixedDelay(() -> {
            try {
                drills.runDue();
            } catch (RuntimeException e) {
                LOG.warn("scheduled drills pass failed: {}", e.toString());
            }
        }, 30, 30, TimeUnit.SECONDS);
    }

    /** A drill's report as an alert (the Alerts tab, the desktop notification and the webhook). */
    static void publish(AlertSink sink, DrillReport r, Instant at) {
        String why = r.reason().startsWith("scheduled drill") ? r.reason() + ": " : "";
        sink.publish(Alert.drill(r.route(), r.trunk(), r.passed(), why + r.summary(), at));
    }

    private void addTab(Node besideTab, Console console, List<RouteVersion> routes) {
        TabPane tabs = AuditWiring.tabPaneOf(besideTab);
        if (tabs == null) {
            LOG.warn("the Drills tab was not added: no TabPane");
            return;
        }
        console.routes = routes;
        view = new DrillView(console, ext -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("drill-report." + ext);
            java.io.File f = fc.showSaveDialog(tabs.getScene() == null ? null : tabs.getScene().getWindow());
            return Optional.ofNullable(f).map(java.io.File::toPath);
        });
        view.getStylesheets().add(DrillWiring.class.getResource("/styles/drill.css").toExternalForm());
        tab = new Tab("Drills", view);
        tab.setId("drillTab");
        tabs.getTabs().add(tab);
    }

    /** The session's side of the wizard. */
    private static final class Console implements DrillConsole {
        private final ClusterAccess access;
        private final ClusterTopology topology;
        private final AuditWiring audit;
        private final DrillJournal journal;
        private final Supplier<Optional<AlertSink>> alerts;
        private volatile List<RouteVersion> routes = List.of();
        private volatile ScheduleFile schedules;

        Console(ClusterAccess access, ClusterTopology topology, AuditWiring audit, DrillJournal journal,
                Supplier<Optional<AlertSink>> alerts) {
            this.access = access;
            this.topology = topology;
            this.audit = audit;
            this.journal = journal;
            this.alerts = alerts;
        }

        @Override
        public void reported(DrillReport r) { // the Alerts tab, the desktop notification and the webhook
            alerts.get().ifPresent(sink -> publish(sink, r, Instant.now()));
        }

        /** Restores the drills a crash cut short on this cluster's dialers. */
        void recover() {
            try {
                for (DrillJournal.Unfinished u : journal.unfinished()) {
                    if (!dialers().contains(u.serverId())) {
                        continue;
                    }
                    try (Session s = open(u.serverId())) {
                        new DrillRecovery(journal, s.control(), (server, peer) -> s.line().adminFlag(peer),
                                Clock.systemUTC(), actor()).resolve(x -> x.id().equals(u.id()));
                    }
                }
            } catch (Exception e) {
                LOG.warn("cut-short drills not recovered: {}", e.toString());
            }
        }

        @Override
        public List<RouteVersion> routes() {
            return routes;
        }

        @Override
        public List<String> dialers() {
            return topology.servers().stream().filter(DialerServer::dials).map(DialerServer::serverId).toList();
        }

        @Override
        public String actor() {
            return audit.identity().who();
        }

        @Override
        public DrillRoleCheck role() {
            return () -> {
                var d = audit.policy().check(audit.identity(), ControlVerb.OFFLINE);
                return d.allowed() ? Optional.empty() : Optional.of(d.message());
            };
        }

        @Override
        public Optional<ScheduleFile> schedules() {
            return Optional.ofNullable(schedules);
        }

        @Override
        public DrillJournal journal() {
            return journal;
        }

        @Override
        public Session open(String serverId) throws IOException {
            DialerServer s = topology.servers().stream().filter(x -> x.serverId().equals(serverId)).findFirst()
                    .orElseThrow(() -> new IOException("unknown dialer " + serverId));
            var tls = access.amiTls();
            AmiTarget target = new AmiTarget(s.serverId(), s.ami().host(), tls == null ? s.ami().port() : tls.port(),
                    access.amiUser(), tls);
            AmiCallLink calls = AmiCallLink.open(target, access.amiSecret(), TIMEOUT_MS);
            AmiAstDbLink astdb = new AmiAstDbLink(target, access.amiSecret(), TIMEOUT_MS);
            AstDbTrunkControl control = new AstDbTrunkControl(Map.of(serverId, astdb), () -> Optional.of(topology),
                    audit.journal(), Duration.ofMillis(TIMEOUT_MS), Clock.systemUTC());
            AmiDrillLine line = new AmiDrillLine(calls, astdb, "\"TrunkOps drill\" <0000000000>", Optional.empty());
            return new Session(line, control, () -> {
                control.close();
                astdb.close();
                calls.close();
            });
        }
    }

    @Override
    public void close() {
        DrillView v = view;
        if (v != null) {
            UiExecutor.fx().execute(v::close);
        }
        Tab t = tab;
        if (t != null && t.getTabPane() != null) {
            UiExecutor.fx().execute(() -> {
                if (t.getTabPane() != null) {
                    t.getTabPane().getTabs().remove(t);
                }
            });
        }
        io.shutdownNow();
        timer.shutdownNow();
        Database db = database;
        if (db != null) {
            db.close();
        }
    }
}
