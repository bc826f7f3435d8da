package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.app.AppPaths;
import trunkops.app.ConsoleSession;
import trunkops.health.TimelineEntry;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.CarrierTrafficService;

/**
 * The carrier statistics inside the console, on the lab with its 24 h of history and live traffic: the report runs
 * by itself on the day, the charts tab is reachable by keyboard, the history's BlueLine incident is in the board's
 * timeline, and a carrier failure injected into the running lab (503 to most INVITEs while qualify stays OK) puts
 * "calls failing" under the carrier on the board.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleTrafficLabTest {

    private static LabCluster lab;
    private static Path dir;
    private static ScheduledExecutorService scheduler;
    private ConsoleSession session;
    private MainView view;

    @BeforeAll
    static void startLab() throws Exception {
        dir = Files.createDirectories(Path.of("target", "ui-traffic-lab-test"));
        AppPaths.deleteTree(dir);
        // lab time at 5x and traffic at 4x: a minute of calls every 12 s, so an alarm builds within a test's time
        lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 5.0, true, true, 4.0, Duration.ofSeconds(15), 20261126L), m -> { });
        scheduler = Executors.newScheduledThreadPool(1);
    }

    @AfterAll
    static void stopLab() {
        scheduler.shutdownNow();
        lab.close();
        AppPaths.deleteTree(dir);
    }

    @Start
    void start(Stage stage) throws Exception {
        view = ConsoleOnLab.show(stage);
        session = ConsoleSession.start(ConsoleOnLab.access(lab, "Lab under test"), view, scheduler,
                CarrierTrafficService.Options.defaults().withRefresh(Duration.ofSeconds(2)));
    }

    @AfterEach
    void closeSession() {
        session.close();
    }

    private static void waitFor(String what, long seconds, Callable<Boolean> test) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, test);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what);
        }
    }

    @Test
    void theReportRunsOnTheDayAndTheTimelineHasTheHistorysIncident(FxRobot robot) {
        waitFor("the carrier report ran by itself", 60, () -> robot.lookup("#carrierReportView").tryQuery()
                .map(n -> ((trunkops.traffic.ui.CarrierReportView) n).shown() != null).orElse(false));
        CarrierReport r = robot.lookup("#carrierReportView").queryAs(trunkops.traffic.ui.CarrierReportView.class)
                .shown();
        assertTrue(r.overall().attempts() > 10_000, "a day of the lab's calls: " + r.overall().attempts());
        assertEquals(java.util.Set.of("BLUELINE", "NSVOICE", "ORBIT", "VELOX"), r.byCarrier().keySet().stream()
                .map(k -> k.carrierId()).filter(c -> !c.startsWith("(")).collect(java.util.stream.Collectors.toSet()));

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT6)
                .release(javafx.scene.input.KeyCode.DIGIT6, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("reportTab", tabs.getSelectionModel().getSelectedItem().getId(), "Ctrl+6 opens the report");

        // a window before what the console holds is refused with a clear message, the report on screen stays
        TextField from = robot.lookup("#reportFrom").queryAs(TextField.class);
        robot.interact(() -> from.setText("2001-01-01 00:00"));
        robot.clickOn("#runReportButton");
        WaitForAsyncUtils.waitForFxEvents();
        String said = robot.lookup("#reportRunStatus").queryAs(Label.class).getText();
        assertTrue(said.contains("the console holds") && said.contains("carrier-report command"), said);
        assertEquals(r, robot.lookup("#carrierReportView").queryAs(trunkops.traffic.ui.CarrierReportView.class)
                .shown());
        robot.interact(() -> from.setText("yesterday"));
        robot.clickOn("#runReportButton");
        WaitForAsyncUtils.waitForFxEvents();
        said = robot.lookup("#reportRunStatus").queryAs(Label.class).getText();
        assertTrue(said.contains("'yesterday' is not a time"), said);

        // one dialer: the report is that dialer's rows (vicidial_carrier_log.server_ip), fewer than the cluster's
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> preset = robot.lookup("#reportPreset")
                .queryAs(javafx.scene.control.ComboBox.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> dialer = robot.lookup("#reportDialer")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> {
            preset.getSelectionModel().select(3);
            dialer.getSelectionModel().select("DIALER2");
        });
        assertEquals("Last 24 hours", preset.getValue().toString());
        robot.clickOn("#runReportButton");
        waitFor("the DIALER2 report is shown", 30, () -> robot.lookup("#carrierReportView")
                .queryAs(trunkops.traffic.ui.CarrierReportView.class).shown() != r);
        CarrierReport one = robot.lookup("#carrierReportView").queryAs(trunkops.traffic.ui.CarrierReportView.class)
                .shown();
        String ip = lab.spec().servers().stream().filter(x -> x.serverId().equals("DIALER2")).findFirst()
                .orElseThrow().serverIp();
        assertEquals(java.util.List.of(ip), one.servers());
        assertTrue(one.overall().attempts() > 1_000 && one.overall().attempts() < r.overall().attempts(),
                one.overall().attempts() + " of " + r.overall().attempts());
        assertTrue(robot.lookup("#reportHeader").queryAs(Label.class).getText().contains("DIALER2 (" + ip + ")"));

        waitFor("BlueLine's incident of the history is in the timeline", 30, () -> robot.lookup("#timeline")
                .queryListView().getItems().stream().anyMatch(e -> ((TimelineEntry) e).subject()
                        .equals("BLUELINE calls") && ((TimelineEntry) e).to().equals("CALLS FAILING")));
    }

    @Test
    void aCarrierFailingItsCallsIsFlaggedOnTheBoardWhileItsProbesStayGreen(FxRobot robot) {
        waitFor("carrier statistics loaded", 60, () -> robot.lookup("#carrierReportView").queryAs(
                trunkops.traffic.ui.CarrierReportView.class).shown() != null);
        assertTrue(robot.lookup("#callAlarm-BLUELINE").tryQuery().isEmpty(), "no alarm before the failure");
        lab.faults().failCalls("blueline", 503, 0.85);
        try {
            waitFor("BlueLine is flagged 'calls failing' on the board", 240,
                    () -> robot.lookup("#callAlarm-BLUELINE").tryQuery().isPresent());
        } finally {
            lab.faults().failCalls("blueline", 503, 0);
        }
        Label flag = robot.lookup("#callAlarm-BLUELINE").queryAs(Label.class);
        assertTrue(flag.getText().contains("calls failing"), "readable without colour: " + flag.getText());
        assertTrue(flag.getTooltip().getText().startsWith("BLUELINE: "), flag.getTooltip().getText());
        String tab = robot.lookup("#tabs").queryAs(TabPane.class).getTabs().stream()
                .filter(t -> "chartsTab".equals(t.getId())).findFirst().orElseThrow().getText();
        assertTrue(tab.contains("\u26A0 1"), tab);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<trunkops.health.TrunkView> trunks = robot.lookup("#trunkTable")
                .queryAs(javafx.scene.control.TableView.class);
        assertTrue(trunks.getItems().stream().filter(t -> t.carrierId().equals("BLUELINE"))
                .allMatch(t -> t.state() == trunkops.health.TrunkState.REACHABLE),
                "qualify still says BlueLine is fine: that is the point of the alarm");
    }
}
