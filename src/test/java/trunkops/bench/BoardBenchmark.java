package trunkops.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import trunkops.app.AppPaths;
import trunkops.app.ConsoleSession;
import trunkops.app.Styles;
import trunkops.app.ui.MainView;
import trunkops.health.BoardSnapshot;
import trunkops.health.ClusterAccess;
import trunkops.health.ClusterMonitor;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.testutil.AmiWireClient;
import trunkops.ui.common.Coalescer;
import trunkops.ui.common.UiExecutor;

/**
 * The board under load, end to end on the lab: the real main view (headless JavaFX) fed by the real monitor,
 * gateways and coalescer. Measures (1) how old the newest change is when the FX thread shows it (p50/p99) at
 * the offered event rate, (2) the FX thread's CPU share, (3) how long after the lab emits {@code PeerStatus
 * Unreachable} a killed trunk shows UNREACHABLE on the board.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.BoardBenchmark [-Dexec.args="<traffic multiplier> [<dialers>]"]}; with
 * {@code <dialers>}: {@link LabDefaults#scaled} first (the chan_sip baseline), then {@link LabDefaults#scaledHalfPjsip}
 * in the same process.
 */
public final class BoardBenchmark {

    private BoardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double multiplier = args.length > 0 ? Double.parseDouble(args[0]) : 150;
        FxBench.start();
        if (args.length > 1) { // <multiplier> <dialers>: scaled(dialers) (chan_sip baseline), then half on PJSIP
            int dialers = Integer.parseInt(args[1]);
            System.out.println("--- scaled(" + dialers + ", 10): chan_sip only");
            run(LabDefaults.scaled(dialers, 10), multiplier, "SIP");
            System.out.println("--- scaledHalfPjsip(" + dialers + ", 10): BLUELINE and ORBIT on PJSIP (kills: PJSIP)");
            run(LabDefaults.scaledHalfPjsip(dialers, 10), multiplier, "PJSIP");
        } else {
            run(LabDefaults.cluster(), multiplier, "SIP");
        }
        javafx.application.Platform.exit();
        System.exit(0);
    }

    /** One lab, one main view: steady-load freshness and FX share, then six kills of ORBIT's trunks. */
    private static void run(trunkops.lab.LabClusterSpec spec, double multiplier, String killTech) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-board"));
        AppPaths.deleteTree(dir);
        LabCluster lab = LabCluster.start(spec, new LabCluster.Options(dir, 1.0, false, true,
                multiplier, Duration.ofSeconds(15), 11L), m -> { });
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
        MainView view = FxBench.onFx(() -> {
            try {
                FXMLLoader loader = new FXMLLoader(MainView.class.getResource("/trunkops/app/ui/MainView.fxml"));
                Parent root = loader.load();
                Scene scene = new Scene(root, 1280, 760);
                Styles.apply(scene);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.show();
                stages.add(stage);
                return (MainView) loader.getController();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long fxThread = FxBench.onFx(() -> Thread.currentThread().getId());
        List<Long> freshness = new ArrayList<>();
        AtomicLong pendingOldest = new AtomicLong(Long.MAX_VALUE);
        List<long[]> unreachableSeen = new ArrayList<>();
        java.util.Map<String, TrunkState> shownState = new java.util.concurrent.ConcurrentHashMap<>();
        Coalescer<BoardSnapshot> toUi = new Coalescer<>(scheduler, UiExecutor.fx(), ConsoleSession.UI_INTERVAL_MS, s -> {
            long oldest = pendingOldest.getAndSet(Long.MAX_VALUE);
            long now = System.currentTimeMillis();
            if (oldest != Long.MAX_VALUE) {
                synchronized (freshness) {
                    freshness.add(now - oldest);
                }
            }
            for (TrunkView t : s.trunks()) {
                if (t.serverId().equals("DIALER3")) {
                    shownState.put(t.peer(), t.state());
                }
                if (t.state() == TrunkState.UNREACHABLE) {
                    synchronized (unreachableSeen) {
                        unreachableSeen.add(new long[] {t.peer().hashCode(), now});
                    }
                }
            }
            view.update(s);
        });
        LabCluster.DbAccess db = lab.dbAccess();
        String secret = lab.amiAccess().get(0).secret();
        ClusterMonitor monitor = new ClusterMonitor(new ClusterAccess("bench", true, db.jdbcUrl(), db.user(),
                db.password()::toCharArray, LabCluster.CONSOLE_AMI_USER, secret::toCharArray), s -> {
                    pendingOldest.accumulateAndGet(s.oldestChangeMillis(), Math::min);
                    toUi.offer(s);
                });
        monitor.start();
        StormLab.pause(15_000);
        // (1) + (2): steady load
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        synchronized (freshness) {
            freshness.clear();
        }
        long events0 = totalEvents(monitor, lab);
        long cpu0 = mx.getThreadCpuTime(fxThread);
        long t0 = System.nanoTime();
        StormLab.pause(20_000);
        double wall = (System.nanoTime() - t0) / 1e9;
        double fxShare = (mx.getThreadCpuTime(fxThread) - cpu0) / 1e9 / wall;
        double evRate = (totalEvents(monitor, lab) - events0) / wall;
        List<Long> f;
        synchronized (freshness) {
            f = new ArrayList<>(freshness);
        }
        f.sort(Long::compare);
        System.out.printf(Locale.ROOT, "events/s into the monitor (all AMI links): %.0f%n", evRate);
        System.out.printf(Locale.ROOT, "change -> shown on the FX thread: p50 %d ms, p99 %d ms, max %d ms (%d deliveries)%n",
                pct(f, 50), pct(f, 99), f.isEmpty() ? -1 : f.get(f.size() - 1), f.size());
        System.out.printf(Locale.ROOT, "  of which receive -> snapshot published: p50 %d ms, p99 %d ms%n",
                monitor.publishLatency().percentile(50), monitor.publishLatency().percentile(99));
        System.out.printf(Locale.ROOT, "FX thread busy: %.1f %%%n", fxShare * 100);
        // (3): kill -> UNREACHABLE on the board
        LabCluster.AmiAccess d3 = lab.amiAccess().get(2);
        List<Long> killLatency = new ArrayList<>();
        try (AmiWireClient raw = new AmiWireClient(d3.host(), d3.port())) {
            raw.send("Action: Login\r\nUsername: " + d3.user() + "\r\nSecret: " + d3.secret()
                    + "\r\nEvents: system\r\n\r\n");
            for (int round = 0; round < 6; round++) {
                String peer = round % 2 == 0 ? "orbit-west" : "orbit-east";
                int before = raw.count();
                synchronized (unreachableSeen) {
                    unreachableSeen.clear();
                }
                lab.faults().killTrunk(peer);
                List<String> ev = raw.awaitFrom(before, m -> m.contains("Peer: " + killTech + "/" + peer) && m.contains("PeerStatus: Unreachable"),
                        Duration.ofSeconds(30));
                long emitted = System.currentTimeMillis();
                long shown = -1;
                long deadline = System.currentTimeMillis() + 10_000;
                while (shown < 0 && System.currentTimeMillis() < deadline) {
                    synchronized (unreachableSeen) {
                        for (long[] u : unreachableSeen) {
                            if (u[0] == peer.hashCode()) {
                                shown = u[1];
                            }
                        }
                    }
                    StormLab.pause(5);
                }
                if (ev != null && shown > 0) {
                    killLatency.add(Math.max(0, shown - emitted));
                }
                lab.faults().restoreTrunk(peer);
                long back = System.currentTimeMillis() + 60_000;
                while (shownState.get(peer) != TrunkState.REACHABLE && System.currentTimeMillis() < back) {
                    StormLab.pause(100);
                }
                StormLab.pause(2_000);
                if (raw.count() == before) {
                    break;
                }
            }
        }
        killLatency.sort(Long::compare);
        System.out.printf(Locale.ROOT, "lab emits Unreachable -> board shows UNREACHABLE: median %d ms, max %d ms (%s)%n",
                pct(killLatency, 50), killLatency.isEmpty() ? -1 : killLatency.get(killLatency.size() - 1), killLatency);
        monitor.close();
        scheduler.shutdownNow();
        lab.close();
        AppPaths.deleteTree(dir);
        FxBench.onFx(() -> {
            stages.forEach(Stage::close);
            stages.clear();
            return null;
        });
    }

    private static final List<Stage> stages = new ArrayList<>();

    private static long totalEvents(ClusterMonitor m, LabCluster lab) {
        return m.eventsReceived();
    }

    static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }
}
