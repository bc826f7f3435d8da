package trunkops.alert.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.sun.net.httpserver.HttpServer;

import trunkops.alert.Alert;
import trunkops.alert.AlertCenter;
import trunkops.alert.AlertJson;
import trunkops.alert.AlertRules;
import trunkops.alert.BoardAlerts;
import trunkops.alert.MaintenanceCheck;
import trunkops.alert.Silence;
import trunkops.alert.WebhookSender;
import trunkops.control.ControlVerb;
import trunkops.control.audit.Identity;
import trunkops.control.audit.LocalJournal;
import trunkops.control.audit.Role;
import trunkops.health.TrunkScope;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;
import trunkops.ui.common.UiExecutor;

/**
 * The Alerts tab on a real AlertCenter fed by the real detector: acknowledge, silence with a reason (journaled),
 * a webhook test against a server that holds the request (the FX thread keeps running), and a burst of alerts that
 * becomes a few notifications without blocking the FX thread. Also makes the README's picture.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsViewTest {

    private static final Instant T0 = Instant.now().minus(Duration.ofMinutes(20));

    @TempDir
    Path dir;

    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<HttpServer> servers = new ArrayList<>();
    private final WebhookSender sender = new WebhookSender(new WebhookSender.Settings(2, Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(3), 10));
    private AlertsView view;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        view = new AlertsView();
        Scene scene = new Scene(view, 1280, 560);
        scene.getStylesheets().addAll(List.of("tokens.css", "theme-dark.css", "main-view.css", "alerts.css").stream()
                .map(x -> getClass().getResource("/styles/" + x).toExternalForm()).toList());
        s.setScene(scene);
        s.show();
    }

    @AfterEach
    void stop() {
        release.countDown();
        servers.forEach(x -> x.stop(0));
        sender.close();
        io.shutdownNow();
    }

    private static TrunkView trunk(String server, String peer, String carrier, String name, TrunkState s,
                                   Instant since) {
        TrunkKey k = new TrunkKey(server, Tech.SIP, peer);
        return new TrunkView(k, carrier, name, "10.0.0.1", s, false, TrunkScope.NONE, 25, 0,
                s == TrunkState.UNREACHABLE ? "PeerStatus Unreachable" : s.label() + " 25 ms", since.toEpochMilli(),
                since.toEpochMilli(), new short[0], 2000);
    }

    /** A short story through the real detector: NorthStar out on both dialers, BlueLine's trunk down then back. */
    private static void story(AlertCenter center) {
        BoardAlerts a = new BoardAlerts(AlertRules.defaults(), MaintenanceCheck.NONE);
        List<TrunkView> up = List.of(trunk("DIALER1", "nsvoice", "NSVOICE", "NorthStar", TrunkState.REACHABLE, T0),
                trunk("DIALER2", "nsvoice", "NSVOICE", "NorthStar", TrunkState.REACHABLE, T0),
                trunk("DIALER1", "blueline", "BLUELINE", "BlueLine", TrunkState.REACHABLE, T0),
                trunk("DIALER2", "blueline", "BLUELINE", "BlueLine", TrunkState.REACHABLE, T0));
        a.next(up, T0).forEach(center::publish);
        Instant t1 = T0.plusSeconds(60);
        List<TrunkView> out = List.of(trunk("DIALER1", "nsvoice", "NSVOICE", "NorthStar", TrunkState.UNREACHABLE, t1),
                trunk("DIALER2", "nsvoice", "NSVOICE", "NorthStar", TrunkState.UNREACHABLE, t1), up.get(2),
                trunk("DIALER2", "blueline", "BLUELINE", "BlueLine", TrunkState.UNREACHABLE, t1));
        a.next(out, t1).forEach(center::publish);
        a.next(out, t1.plusSeconds(10)).forEach(center::publish);
        Instant t2 = t1.plusSeconds(240);
        List<TrunkView> back = new ArrayList<>(out);
        back.set(3, trunk("DIALER2", "blueline", "BLUELINE", "BlueLine", TrunkState.REACHABLE, t2));
        a.next(back, t2).forEach(center::publish);
        center.publish(new Alert(trunkops.alert.AlertKind.CALLS_FAILING, "VELOX", "VELOX", "",
                "VELOX: calls failing, probes OK", "72% of calls failing (normally 18%) - CONGESTION / SIP 503",
                t2.plusSeconds(30)));
        center.publish(Alert.drill("US-OUT", "SIP/orbit-east", true, "5/5 calls failed over to orbit-west in 0.4 s",
                t2.plusSeconds(60)));
    }

    private AlertsView.Actions actions(AlertCenter center, URI hook) {
        return new AlertsView.Actions() {
            @Override
            public void acknowledge(long id) {
                center.acknowledge(id, "ann");
            }

            @Override
            public Silence silence(String scope, Duration length, String reason) throws Exception {
                return center.silence(scope, length, reason, "ann");
            }

            @Override
            public boolean lift(String id, String reason) throws Exception {
                return center.lift(id, "ann", reason);
            }

            @Override
            public List<Silence> silences() {
                return center.activeSilences();
            }

            @Override
            public String saveWebhook(String url) {
                return "saved";
            }

            @Override
            public CompletableFuture<String> testWebhook() {
                return sender.send(hook, AlertJson.of(Alert.test("noc1", Instant.now()), "noc1"))
                        .thenApply(d -> d.delivered() ? "delivered" : "\u2716 " + d.message());
            }

            @Override
            public void desktopNotifications(boolean on) {
            }

            @Override
            public List<trunkops.alert.IncidentEvent> incidentTimeline(AlertCenter.Item item) {
                List<Alert> all = center.items().stream().map(AlertCenter.Item::alert).toList();
                trunkops.alert.Incident inc = trunkops.alert.Incident.around(item.alert(), all);
                return trunkops.alert.IncidentTimeline.build(inc, new trunkops.alert.IncidentTimeline.Sources(
                        java.util.Set.of(), java.util.Set.of(), List.of(), List.of(), java.time.ZoneId.of("UTC"),
                        List.of(), java.util.Map.of(), 5_000, all));
            }

            @Override
            public String exportEvidence(AlertCenter.Item item, Path zip) {
                return "not in this test";
            }
        };
    }

    @Test
    void acknowledgeSilenceAndASlowWebhookTestNeverBlockTheFxThread(FxRobot robot) throws Exception {
        LocalJournal journal = LocalJournal.open(dir.resolve("audit.log"), new Identity("ann", "noc1", Role.OPERATOR),
                Clock.systemUTC());
        AlertCenter center = new AlertCenter(Clock.systemUTC(), () -> Optional.of(journal), null, 100);
        center.onChange(items -> Platform.runLater(() -> view.show(items)));
        AtomicInteger hits = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.createContext("/", x -> {
            hits.incrementAndGet();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.start();
        servers.add(slow);
        URI hook = URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/hook");
        robot.interact(() -> view.connect(actions(center, hook), io, UiExecutor.fx(), true));
        story(center);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> titles = view.table.getItems().stream().map(i -> i.alert().title()).toList();
        assertEquals(List.of("drill of US-OUT (SIP/orbit-east out) passed", "VELOX: calls failing, probes OK",
                "blueline up on DIALER2 (BlueLine)", "blueline UNREACHABLE on DIALER2 (BlueLine)",
                "NorthStar: every trunk down (2)"), titles);

        robot.interact(() -> view.table.getSelectionModel().select(4));
        robot.clickOn("#ackButton");
        waitFor(() -> view.table.getItems().get(4).acknowledged());
        assertEquals("acknowledged by ann", view.table.getItems().get(4).stateWords());

        robot.interact(() -> view.table.getSelectionModel().select(3));
        robot.clickOn("#timelineButton");
        waitFor(() -> view.statusText().startsWith("incident timeline of"));
        assertEquals(List.of("trunk down", "trunk up", "drill passed"), view.timeline.getItems().stream()
                .map(e -> e.what()).toList(), "blueline's incident: its down, its up, the drill in its window");

        robot.interact(() -> {
            view.table.getSelectionModel().select(1);
            view.scope.getSelectionModel().select("the whole carrier");
        });
        assertTrue(view.silence.isDisabled(), "no silence without a reason");
        robot.clickOn("#silenceReason").write("VELOX ticket CT-77 open");
        robot.clickOn("#silenceButton");
        waitFor(() -> view.silences.getItems().size() == 1);
        assertEquals("carrier:VELOX", view.silences.getItems().get(0).scope());
        assertEquals(ControlVerb.ALERT_SILENCE, journal.read().entries().get(0).verb());
        assertTrue(view.statusText().startsWith("silenced carrier:VELOX until"), view.statusText());

        center.publish(new Alert(trunkops.alert.AlertKind.CALLS_RECOVERED, "VELOX", "VELOX", "",
                "VELOX: calls recovered", "failures back to normal", Instant.now()));
        waitFor(() -> view.table.getItems().size() == 6);
        assertEquals("silenced (VELOX ticket CT-77 open)", view.table.getItems().get(0).stateWords());
        Path png = Path.of("target", "alerts-view.png");
        Files.createDirectories(png.getParent());
        robot.interact(() -> {
            view.table.getSelectionModel().clearSelection();
            view.reason.clear();
            view.table.getSelectionModel().select(0);
        });
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = new trunkops.ui.common.Snapshots().take(stage.getScene()));
        new trunkops.ui.common.Snapshots().writePng(img[0], png);
        assertTrue(Files.size(png) > 10_000);

        robot.clickOn("#webhookTest");
        assertEquals("webhook test sent\u2026", view.statusText());
        waitFor(() -> hits.get() == 1);
        // the server holds the request: the FX thread still runs everything else at once
        CountDownLatch ran = new CountDownLatch(1);
        Platform.runLater(ran::countDown);
        assertTrue(ran.await(2, TimeUnit.SECONDS), "the FX thread is free while the webhook waits");
        waitFor(() -> view.statusText().startsWith("\u2716 gave up after 2 attempts: timed out"));

    }

    @Test
    void aBurstBecomesAFewNotificationsWithoutWaitingOnTheFxThread() throws Exception {
        DesktopNotifier n = new DesktopNotifier(UiExecutor.fx());
        List<String> shown = new CopyOnWriteArrayList<>();
        n.onShown(shown::add);
        AlertCenter center = new AlertCenter(Clock.systemUTC(), Optional::empty, null, 100);
        center.onDelivery(n);
        CountDownLatch hold = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                hold.await(5, TimeUnit.SECONDS); // the FX thread is busy while the alerts arrive
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long t0 = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            center.publish(new Alert(trunkops.alert.AlertKind.TRUNK_DOWN, "D1/p" + i, "C", "D1", "p" + i + " down",
                    "", Instant.now()));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1_000, "publishing never waited for the busy FX thread: " + ms + " ms");
        hold.countDown();
        waitFor(() -> shown.size() == DesktopNotifier.BURST + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DesktopNotifier.BURST + 1, shown.size(), shown.toString());
        assertEquals("7 more alerts: see the Alerts tab", shown.get(DesktopNotifier.BURST));
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            boolean[] r = new boolean[1];
            WaitForAsyncUtils.asyncFx(() -> r[0] = c.getAsBoolean()).get();
            return r[0];
        });
    }
}
