package trunkops.app;

import java.util.Optional;
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
import trunkops.lab.LabDefaults;
import trunkops.secrets.Keyring;
import trunkops.ui.common.Snapshots;

/**
 * The JavaFX application and the one composition root: it decides which cluster to watch (the configured one,
 * or the embedded lab when none is configured), wires monitor → coalescer → view, and tears everything down in
 * order on exit. All slow work (starting the lab, JDBC, AMI) runs off the FX thread.
 */
public final class TrunkOpsApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkOpsApp.class);
    private static volatile LaunchOptions launchOptions = LaunchOptions.parse(new String[0]);

    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "bg-" + System.nanoTime() % 1000);
        t.setDaemon(true);
        return t;
    });
    private volatile LabCluster lab;
    private volatile ConsoleSession session;
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
        stage.show();
        background.execute(this::connect);
        if (launchOptions.screenshot() != null) {
            new ScreenshotWhenReady(view, scene, launchOptions.screenshot(), launchOptions.screenshotDelayMs(),
                    background).arm();
        }
        if (launchOptions.exitAfterMs() > 0) {
            background.schedule(() -> Platform.runLater(Platform::exit), launchOptions.exitAfterMs(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Runs on a background thread: picks the cluster, starts the lab if needed, starts the monitor. */
    private void connect() {
        try {
            Optional<ClusterProfile> profile = ClusterProfile.load();
            ClusterAccess access;
            if (profile.isPresent()) {
                ClusterProfile p = profile.get();
                Keyring keyring = Keyring.system();
                access = new ClusterAccess(p.name(), false, p.jdbcUrl(), p.dbUser(),
                        SecretDialogs.sessionSecret(keyring, new Keyring.Entry(Keyring.Kind.DB, p.dbUser(), p.jdbcUrl()),
                                "Database password for " + p.dbUser() + " @ " + p.jdbcUrl()),
                        p.amiUser(), SecretDialogs.sessionSecret(keyring,
                                new Keyring.Entry(Keyring.Kind.AMI, p.amiUser(), p.name()),
                                "AMI secret for user " + p.amiUser() + " on the dialers of " + p.name()));
            } else {
                access = startLab();
            }
            session = ConsoleSession.start(access, view, background);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("could not connect", e);
            Platform.runLater(() -> view.showFailure(e.getMessage()));
        }
    }

    private ClusterAccess startLab() throws java.io.IOException {
        Platform.runLater(() -> view.showStarting("No cluster configured (" + ClusterProfile.file()
                + ").\nStarting the embedded lab cluster\u2026"));
        LabCluster l = LabCluster.start(LabDefaults.cluster(), launchOptions.labOptions(AppPaths.newLabRunDir()),
                msg -> Platform.runLater(() -> view.showStarting(msg + "\u2026")));
        lab = l;
        trunkops.lab.LabCommands commands = new trunkops.lab.LabCommands(l);
        Platform.runLater(() -> view.enableLabConsole(commands::run));
        for (String c : launchOptions.labRun()) {
            LOG.info("lab> {}: {}", c, commands.run(c));
        }
        LabCluster.DbAccess db = l.dbAccess();
        String amiSecret = l.amiAccess().get(0).secret();
        return new ClusterAccess("Lab cluster (3 dialers)", true, db.jdbcUrl(), db.user(), db.password()::toCharArray,
                LabCluster.CONSOLE_AMI_USER, amiSecret::toCharArray);
    }

    @Override
    public void stop() {
        ConsoleSession s = session;
        if (s != null) {
            s.close();
        }
        LabCluster l = lab;
        if (l != null) {
            l.close();
        }
        background.shutdownNow();
    }

    /** Used by the screenshot mode and tests: the snapshot PNG writer. */
    static Snapshots snapshots() {
        return new Snapshots();
    }
}
