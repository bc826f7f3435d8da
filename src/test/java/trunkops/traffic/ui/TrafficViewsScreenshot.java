package trunkops.traffic.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import trunkops.app.AppPaths;
import trunkops.app.Styles;
import trunkops.db.Database;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.CarrierTrafficService;
import trunkops.traffic.QualityAlarm;
import trunkops.traffic.TrafficSnapshot;
import trunkops.ui.common.Snapshots;
import trunkops.ui.common.UiExecutor;

/**
 * The README's pictures, from real lab traffic: starts the lab (24 h of history, live campaign traffic at 4x),
 * injects a carrier failure (BlueLine's SBC answers 85 % of INVITEs with 503 while its qualify probes stay OK), runs
 * the console's {@link CarrierTrafficService} against the lab database and, once the alarm is up, saves the charts
 * and the report of the last hour as PNG.
 *
 * <p>Run under a display: {@code mvn -q test-compile && xvfb-run -a -s "-screen 0 1600x1000x24" mvn -q exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=trunkops.traffic.ui.TrafficViewsScreenshot -Dexec.args=docs/images}
 */
public final class TrafficViewsScreenshot {

    private TrafficViewsScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        Path dir = Files.createDirectories(Path.of("target", "traffic-screenshot"));
        AppPaths.deleteTree(dir);
        LabCluster lab = LabCluster.start(LabDefaults.cluster(), new LabCluster.Options(dir, 1.0, true, true, 4.0,
                Duration.ofSeconds(15), 20261126L), m -> { });
        ExecutorService io = Executors.newSingleThreadExecutor(r -> daemon(r, "screenshot-io"));
        LinkedBlockingQueue<TrafficSnapshot> snapshots = new LinkedBlockingQueue<>();
        LabCluster.DbAccess db = lab.dbAccess();
        try (CarrierTrafficService service = new CarrierTrafficService(Database.Settings.of(db.jdbcUrl(), db.user()),
                db.password()::toCharArray, CarrierTrafficService.Options.defaults().withRefresh(Duration.ofSeconds(3)),
                c -> QualityAlarm.ProbeVerdict.OK, snapshots::add, Clock.systemDefaultZone())) {
            lab.faults().failCalls("blueline", 503, 0.85);
            service.start();
            TrafficSnapshot alarmed = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
            while (alarmed == null && System.nanoTime() < deadline) {
                TrafficSnapshot s = snapshots.poll(5, TimeUnit.SECONDS);
                if (s != null && s.ongoingAlarms().stream().anyMatch(a -> a.carrierId().equals("BLUELINE"))) {
                    alarmed = s;
                }
            }
            if (alarmed == null) {
                throw new IllegalStateException("no BlueLine alarm within 8 minutes");
            }
            LocalDateTime now = alarmed.databaseNow();
            CarrierReport report = service.report(now.minusHours(1), now.plusMinutes(1), List.of()).get();
            shoot(alarmed, report, io, out);
        } finally {
            io.shutdownNow();
            lab.close();
            AppPaths.deleteTree(dir);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(TrafficSnapshot s, CarrierReport report, ExecutorService io, Path out)
            throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CompletableFuture<Path> charts = new CompletableFuture<>();
        CompletableFuture<Path> table = new CompletableFuture<>();
        Platform.runLater(() -> {
            CarrierChartsView chartsView = new CarrierChartsView(io, UiExecutor.fx());
            chartsView.show(s);
            Stage a = stage(chartsView, 1560, 900);
            CarrierReportView reportView = new CarrierReportView(io, UiExecutor.fx());
            reportView.show(report);
            Stage b = stage(reportView, 1560, 820);
            // let two pulses lay the charts out before the snapshots
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            wait.setOnFinished(e -> {
                write(a.getScene(), out.resolve("carrier-charts.png"), io, charts);
                write(b.getScene(), out.resolve("carrier-report.png"), io, table);
            });
            wait.play();
        });
        System.out.println(charts.get(30, TimeUnit.SECONDS));
        System.out.println(table.get(30, TimeUnit.SECONDS));
    }

    private static Stage stage(javafx.scene.Parent root, double w, double h) {
        Stage stage = new Stage();
        Scene scene = new Scene(root, w, h);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static void write(Scene scene, Path file, ExecutorService io, CompletableFuture<Path> done) {
        var image = new Snapshots().take(scene);
        io.execute(() -> {
            try {
                new Snapshots().writePng(image, file);
                done.complete(file);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
