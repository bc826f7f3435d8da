package trunkops.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.app.ui.MainView;
import trunkops.app.ui.SecretDialogs;
import trunkops.health.ClusterAccess;
import trunkops.lab.LabCluster;
import trunkops.secrets.Keyring;
import trunkops.ui.common.Snapshots;

/**
 * The JavaFX application and the one composition root: it decides which cluster to watch (the first configured
 * profile, the one named by {@code --cluster}, or the embedded lab when none is configured; the operator switches
 * in the header), wires monitor → coalescer → view, and tears everything down in
 * order on exit. All slow work (starting the lab, JDBC, AMI) runs off the FX thread.
 */
public final class TrunkOpsApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkOpsApp.class);
    private static volatile LaunchOptions launchOptions = LaunchOptions.defaults();

    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bg-" + System.nanoTime() % 1000);
        t.setDaemon(true);
        return t;
    });
    static final String LAB_NAME = "Lab cluster (3 dialers)";
    private volatile LabRun labRun;
    private volatile trunkops.lab.LabCommands labCommands;
    private volatile ConsoleSession session;
    private volatile List<ClusterProfile> profiles = List.of();
    private final Map<String, ClusterAccess> accessByProfile = new ConcurrentHashMap<>();
    private MainView view;

    static void launch(LaunchOptions options) {
        launchOptions = options;
        Application.launch(TrunkOpsApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("/trunkops/app/ui/MainView.fxml"));
        Parent root = loader.load();
        view = loader.getController();
        Scene scene = new Scene(root);
        Styles.apply(scene);
        stage.setTitle("TrunkOps");
        stage.setScene(scene);
        new trunkops.app.ui.WindowPlacement(AppPaths.configDir().resolve("window.properties")).apply(stage);
        stage.show();
        view.wallMode(launchOptions.wall());
        background.execute(this::connect);
        if (launchOptions.screenshot() != null) {
            new ScreenshotWhenReady(view, scene, launchOptions.screenshot(), launchOptions.screenshotDelayMs(),
                    background).tab(launchOptions.screenshotTab()).arm();
        }
        if (launchOptions.exitAfterMs() > 0) {
            background.schedule(() -> Platform.runLater(Platform::exit), launchOptions.exitAfterMs(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Runs on a background thread: reads the profiles, offers them, opens the first cluster. */
    private void connect() {
        ClusterProfile.Catalog catalog = ClusterProfile.loadAll();
        for (String problem : catalog.problems()) {
            LOG.warn("cluster profile not used: {}", problem);
        }
        profiles = catalog.profiles();
        List<String> names = new ArrayList<>();
        profiles.forEach(p -> names.add(p.name()));
        names.add(LAB_NAME);
        String first = launchOptions.cluster() != null ? pick(launchOptions.cluster(), names)
                : profiles.isEmpty() ? LAB_NAME : profiles.get(0).name();
        String problems = catalog.problems().isEmpty() ? null : String.join("\n", catalog.problems());
        Platform.runLater(() -> view.clusterChoices(names, first, name -> background.execute(() -> open(name)),
                problems));
        open(first);
    }

    private static String pick(String wanted, List<String> names) {
        if (wanted.equalsIgnoreCase("lab")) {
            return LAB_NAME;
        }
        return names.stream().filter(n -> n.equalsIgnoreCase(wanted)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no cluster profile named '" + wanted + "' (have " + names + ")"));
    }

    /** Background thread: closes the session on the current cluster and opens {@code name}. */
    private synchronized void open(String name) {
        ConsoleSession old = session;
        session = null;
        if (old != null) {
            old.detach(); // nothing of the old cluster reaches the view from now on
        }
        Platform.runLater(() -> view.resetForCluster(name));
        if (old != null) {
            old.close(); // may take seconds (a refresh still connecting): the view is already reset
        }
        try {
            ClusterAccess access;
            if (name.equals(LAB_NAME)) {
                access = labAccess();
            } else {
                ClusterProfile p = profiles.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
                access = accessFor(p);
            }
            session = ConsoleSession.start(access, view, background);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("could not open {}", name, e);
            Platform.runLater(() -> view.showFailure(e.getMessage()));
        }
    }

    /** The same secret suppliers every time a cluster is reopened, so that a session asks only once. */
    private ClusterAccess accessFor(ClusterProfile p) {
        return accessByProfile.computeIfAbsent(p.name(), n -> {
            Keyring keyring = Keyring.system();
            return new ClusterAccess(p.name(), false, p.jdbcUrl(), p.dbUser(),
                    SecretDialogs.sessionSecret(keyring, new Keyring.Entry(Keyring.Kind.DB, p.dbUser(), p.jdbcUrl()),
                            "Database password for " + p.dbUser() + " @ " + p.jdbcUrl()),
                    p.amiUser(), SecretDialogs.sessionSecret(keyring,
                            new Keyring.Entry(Keyring.Kind.AMI, p.amiUser(), p.name()),
                            "AMI secret for user " + p.amiUser() + " on the dialers of " + p.name()), p.amiTls());
        });
    }

    private ClusterAccess labAccess() throws java.io.IOException {
        LabRun run = labRun;
        if (run == null) {
            Platform.runLater(() -> view.showStarting((profiles.isEmpty() ? "No cluster configured ("
                    + ClusterProfile.file() + " or " + ClusterProfile.directory() + ").\n" : "")
                    + "Starting the embedded lab cluster\u2026"));
            run = LabRun.start(launchOptions, msg -> Platform.runLater(() -> view.showStarting(msg + "\u2026")));
            labRun = run;
            labCommands = new trunkops.lab.LabCommands(run.lab());
            for (String c : launchOptions.labRun()) {
                LOG.info("lab> {}: {}", c, labCommands.run(c));
            }
        }
        trunkops.lab.LabCommands commands = labCommands;
        Platform.runLater(() -> view.enableLabConsole(commands::run));
        LabCluster l = run.lab();
        LabCluster.DbAccess db = l.dbAccess();
        String amiSecret = l.amiAccess().get(0).secret();
        return new ClusterAccess(LAB_NAME, true, db.jdbcUrl(), db.user(), db.password()::toCharArray,
                LabCluster.CONSOLE_AMI_USER, amiSecret::toCharArray);
    }

    @Override
    public void stop() {
        ConsoleSession s = session;
        if (s != null) {
            s.close();
        }
        LabRun r = labRun;
        if (r != null) {
            r.close();
        }
        background.shutdownNow();
    }

    /** Used by the screenshot mode and tests: the snapshot PNG writer. */
    static Snapshots snapshots() {
        return new Snapshots();
    }
}
