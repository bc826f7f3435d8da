package trunkops.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.alert.Alert;
import trunkops.alert.AlertCenter;
import trunkops.alert.AlertJson;
import trunkops.alert.AlertRules;
import trunkops.alert.AlertSettings;
import trunkops.alert.AlertSink;
import trunkops.alert.BoardAlerts;
import trunkops.alert.MaintenanceCheck;
import trunkops.alert.QualityAlerts;
import trunkops.alert.Silence;
import trunkops.alert.SilenceFile;
import trunkops.alert.WebhookSender;
import trunkops.alert.WebhookUrl;
import trunkops.alert.ui.AlertsView;
import trunkops.alert.ui.DesktopNotifier;
import trunkops.db.Database;
import trunkops.db.MaintenanceRepository;
import trunkops.health.BoardSnapshot;
import trunkops.health.ClusterAccess;
import trunkops.health.ClusterMonitor;
import trunkops.secrets.Keyring;
import trunkops.secrets.SessionSecret;
import trunkops.traffic.CarrierTrafficService;
import trunkops.traffic.TrafficSnapshot;
import trunkops.ui.common.UiExecutor;

/**
 * Alerts for one cluster session (docs/alerts.md): the detectors on the newest board and traffic snapshots (one
 * {@code alerts} thread, every second), the maintenance windows (re-read every minute), the {@link AlertCenter}, its
 * delivery to desktop notifications and the webhook, the settings and the webhook address (OS keyring), and the
 * Alerts tab. The monitor's and the traffic service's threads only set a reference here.
 */
final class AlertsWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsWiring.class);
    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration MAINTENANCE_EVERY = Duration.ofMinutes(1);

    private final ScheduledExecutorService alerts = Executors.newSingleThreadScheduledExecutor(named("alerts"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(named("alerts-io"));
    private final AtomicReference<BoardSnapshot> board = new AtomicReference<>();
    private final AtomicReference<TrafficSnapshot> trafficSnapshot = new AtomicReference<>();
    private final AtomicReference<URI> webhook = new AtomicReference<>();
    private final AtomicReference<AlertSettings> settings = new AtomicReference<>(AlertSettings.DEFAULTS);
    private final ClusterAccess access;
    private final AlertCenter center;
    private final BoardAlerts boardAlerts = new BoardAlerts(AlertRules.defaults(), MaintenanceCheck.NONE);
    private final QualityAlerts qualityAlerts = new QualityAlerts(ZoneId.systemDefault());
    private volatile MaintenanceCheck maintenance = MaintenanceCheck.NONE;
    private final WebhookSender sender = new WebhookSender(WebhookSender.Settings.defaults());
    private final DesktopNotifier notifier = new DesktopNotifier(UiExecutor.fx());
    private final Database database;
    private final Supplier<Optional<AuditWiring>> audit;
    private final AlertsView view = new AlertsView();
    private final Path settingsFile = AppPaths.configDir().resolve("alerts.properties");
    private EvidenceExport evidence;
    private volatile Tab tab;
    private javafx.scene.input.KeyCombination key;

    private AlertsWiring(ClusterAccess access, Supplier<Optional<AuditWiring>> audit) {
        this.access = access;
        this.audit = audit;
        this.center = new AlertCenter(Clock.systemUTC(), () -> audit.get().map(AuditWiring::journal),
                new SilenceFile(AppPaths.stateDir().resolve("alerts").resolve(fileName(access.name()) + ".silences")),
                500);
        this.database = new Database(Database.Settings.of(access.jdbcUrl(), access.dbUser()),
                SessionSecret.of(access.dbPassword()));
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        };
    }

    static String fileName(String cluster) {
        return cluster.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Starts the detectors and adds the Alerts tab beside {@code besideTab}'s. FX thread. */
    static AlertsWiring start(ClusterAccess access, Node besideTab, ClusterMonitor monitor,
                              CarrierTrafficService traffic, Supplier<Optional<AuditWiring>> audit,
                              AtomicBoolean detached) {
        AlertsWiring w = new AlertsWiring(access, audit);
        w.evidence = new EvidenceExport(monitor, traffic, w.board::get, audit, w.database, console());
        w.center.onChange(items -> UiExecutor.fx().execute(() -> {
            if (!detached.get()) {
                w.view.show(items);
            }
        }));
        w.center.onDelivery(w::deliver);
        w.io.execute(w::loadSettings);
        w.alerts.scheduleWithFixedDelay(w::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        w.alerts.scheduleWithFixedDelay(() -> w.io.execute(w::readMaintenance), 0, MAINTENANCE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        w.addTab(besideTab);
        return w;
    }

    /** The newest board (monitor thread): O(1). */
    void board(BoardSnapshot s) {
        board.set(s);
    }

    /** The newest carrier statistics (traffic thread): O(1). */
    void traffic(TrafficSnapshot s) {
        trafficSnapshot.set(s);
    }

    /** Where other features post alerts (the drill's results). */
    AlertSink sink() {
        return center;
    }

    AlertCenter center() {
        return center;
    }

    AlertsView view() {
        return view;
    }

    /** {@code alerts} thread, every second: the detectors on the newest snapshots. */
    private void tick() {
        Instant now = Instant.now();
        BoardSnapshot b = board.get();
        MaintenanceCheck m = maintenance;
        boardAlerts.maintenance(m);
        if (b != null && b.topology() != null) {
            boardAlerts.next(b.trunks(), now).forEach(center::publish);
        }
        TrafficSnapshot t = trafficSnapshot.getAndSet(null);
        if (t != null && b != null) {
            qualityAlerts.next(t.alarms(), carrier -> b.trunks().stream().filter(v -> v.carrierId().equals(carrier))
                    .allMatch(v -> m.covers(v.key(), now)) && b.trunks().stream()
                    .anyMatch(v -> v.carrierId().equals(carrier))).forEach(center::publish);
        }
    }

    private MaintenanceRepository maintenanceRepo;

    /** alerts-io: TrunkOps' maintenance table (created like the console's other tables when the account may). */
    private void readMaintenance() {
        try {
            if (maintenanceRepo == null) {
                maintenanceRepo = MaintenanceRepository.open(database.dataSource());
            }
            if (!maintenanceRepo.access().readable()) {
                return;
            }
            maintenance = MaintenanceCheck.of(maintenanceRepo.windows().stream().map(s -> s.window()).toList(),
                    AlertRules.defaults().maintenanceGrace());
        } catch (Exception e) {
            LOG.info("maintenance windows not read for alerts (the last ones read still apply): {}", e.toString());
        }
    }

    private void deliver(AlertCenter.Item item) {
        notifier.accept(item);
        URI url = webhook.get();
        if (url != null) {
            sender.send(url, AlertJson.of(item.alert(), console())).thenAccept(d -> {
                if (!d.delivered()) {
                    UiExecutor.fx().execute(() -> view.showStatus("\u2716 webhook: " + d.message()));
                }
            });
        }
    }

    static String console() {
        return trunkops.control.audit.Identity.localHost();
    }

    private Keyring.Entry keyringEntry() {
        return new Keyring.Entry(Keyring.Kind.WEBHOOK, "alerts", access.name());
    }

    /** alerts-io: the settings file, and the webhook address from the keyring when it is kept there. */
    private void loadSettings() {
        center.loadSilences();
        try {
            AlertSettings s = AlertSettings.load(settingsFile);
            settings.set(s);
            notifier.enabled(s.desktop());
            if (s.webhook().equals("keyring")) {
                Optional<char[]> url = Keyring.system().lookup(keyringEntry());
                url.ifPresent(c -> {
                    webhook.set(WebhookUrl.parse(new String(c)));
                    java.util.Arrays.fill(c, '\0');
                });
            }
        } catch (Exception e) {
            LOG.warn("alert settings: {}", e.getMessage());
        }
        AlertSettings s = settings.get();
        List<Silence> active = center.activeSilences();
        UiExecutor.fx().execute(() -> {
            view.connect(actions(), io, UiExecutor.fx(), s.desktop());
            view.showSilences(active);
            view.showStatus(webhook.get() == null ? (s.webhook().equals("session")
                    ? "webhook: the address was kept for one session only; enter it again" : "no webhook configured")
                    : "webhook: " + WebhookUrl.display(webhook.get()));
        });
    }

    private AlertsView.Actions actions() {
        return new AlertsView.Actions() {
            @Override
            public void acknowledge(long id) {
                center.acknowledge(id, ControlRun.actor());
            }

            @Override
            public Silence silence(String scope, Duration length, String reason) throws Exception {
                refusal().ifPresent(r -> {
                    throw new IllegalStateException(r);
                });
                return center.silence(scope, length, reason, ControlRun.actor());
            }

            @Override
            public boolean lift(String silenceId, String reason) throws Exception {
                refusal().ifPresent(r -> {
                    throw new IllegalStateException(r);
                });
                return center.lift(silenceId, ControlRun.actor(), reason);
            }

            @Override
            public List<Silence> silences() {
                return center.activeSilences();
            }

            @Override
            public String saveWebhook(String text) throws Exception {
                return AlertsWiring.this.saveWebhook(text);
            }

            @Override
            public CompletableFuture<String> testWebhook() {
                URI url = webhook.get();
                if (url == null) {
                    return CompletableFuture.completedFuture("\u2716 no webhook configured");
                }
                return sender.send(url, AlertJson.of(Alert.test(console(), Instant.now()), console())).thenApply(d ->
                        (d.delivered() ? "webhook test delivered to " : "\u2716 webhook test to ")
                                + WebhookUrl.display(url) + ": " + d.message() + " (" + d.attempts() + " attempt"
                                + (d.attempts() == 1 ? ")" : "s)"));
            }

            @Override
            public void desktopNotifications(boolean on) {
                notifier.enabled(on);
                saveSettings(settings.updateAndGet(s -> s.withDesktop(on)));
            }

            @Override
            public List<trunkops.alert.IncidentEvent> incidentTimeline(AlertCenter.Item item) throws Exception {
                return evidence.gather(item, center.items()).timeline();
            }

            @Override
            public String exportEvidence(AlertCenter.Item item, Path zip) throws Exception {
                return evidence.export(item, center.items(), zip);
            }
        };
    }

    private Optional<String> refusal() {
        Optional<AuditWiring> a = audit.get();
        if (a.isEmpty()) {
            return Optional.of("the audit journal is not open: a silence must be journaled");
        }
        var d = a.get().policy().check(a.get().identity(), trunkops.control.ControlVerb.ALERT_SILENCE);
        return d.allowed() ? Optional.empty() : Optional.of(d.message());
    }

    /** alerts-io: checks the address, keeps it in the keyring (or for this session), remembers where. */
    private String saveWebhook(String text) {
        URI url = WebhookUrl.parse(text);
        String where;
        String said;
        try {
            Keyring.system().store(keyringEntry(), text.strip().toCharArray());
            where = "keyring";
            said = "webhook saved in the OS keyring: " + WebhookUrl.display(url);
        } catch (Exception e) {
            LOG.debug("webhook not stored in the keyring: {}", e.getMessage());
            where = "session";
            said = "OS keyring not available \u2014 the webhook " + WebhookUrl.display(url)
                    + " is kept for this session only";
        }
        webhook.set(url);
        String w = where;
        saveSettings(settings.updateAndGet(s -> s.withWebhook(w, WebhookUrl.display(url))));
        return said;
    }

    private void saveSettings(AlertSettings s) {
        try {
            s.save(settingsFile);
        } catch (java.io.IOException e) {
            LOG.warn("alert settings not saved: {}", e.toString());
        }
    }

    private void addTab(Node besideTab) {
        TabPane tabs = AuditWiring.tabPaneOf(besideTab);
        if (tabs == null) {
            LOG.warn("the Alerts tab was not added: no TabPane around {}", besideTab);
            return;
        }
        tab = new Tab("Alerts", view);
        tab.setId("alertsTab");
        tabs.getTabs().add(tab);
        int n = tabs.getTabs().indexOf(tab) + 1;
        if (n <= 9 && tabs.getScene() != null) { // Ctrl+n like the other tabs, named in its title
            key = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.valueOf("DIGIT" + n),
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN);
            Tab t = tab;
            tabs.getScene().getAccelerators().put(key, () -> tabs.getSelectionModel().select(t));
            tab.setText("Alerts (Ctrl+" + n + ")");
        }
    }

    @Override
    public void close() {
        Tab t = tab;
        if (t != null) {
            UiExecutor.fx().execute(() -> {
                if (t.getTabPane() != null) {
                    if (t.getTabPane().getScene() != null && key != null) {
                        t.getTabPane().getScene().getAccelerators().remove(key);
                    }
                    t.getTabPane().getTabs().remove(t);
                }
            });
        }
        alerts.shutdownNow();
        io.shutdownNow();
        sender.close();
        database.close();
    }
}
