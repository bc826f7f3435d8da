package trunkops.drill.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.app.AppPaths;
import trunkops.drill.DrillConsole;
import trunkops.drill.DrillJournal;
import trunkops.drill.DrillLab;
import trunkops.drill.DrillOutcome;
import trunkops.drill.DrillRoleCheck;
import trunkops.routing.RouteVersion;

/**
 * The drill report view on the lab: a real drill from the wizard, then Enter on its history line opens the saved
 * report in its own window — the same report the drill produced (read back from the history), its verdict, one
 * table row per attempt, the trunks' latency chart and the evidence. Writes the README's docs/images/drill-report.png.
 */
@ExtendWith(ApplicationExtension.class)
class DrillReportViewLabTest {

    private static DrillLab lab;
    private static Path dir;
    private DrillView view;

    @BeforeAll
    static void startLab() throws Exception {
        dir = Files.createDirectories(Path.of("target", "drill-report-view-lab-test"));
        AppPaths.deleteTree(dir);
        lab = new DrillLab();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    private final trunkops.drill.ScheduleFile schedules = new trunkops.drill.ScheduleFile(dir.resolve("schedules.tsv"));
    private final List<trunkops.drill.DrillReport> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        DrillJournal journal = new DrillJournal(dir.resolve("drills.log"));
        DrillConsole console = new DrillConsole() {
            @Override
            public List<RouteVersion> routes() {
                return List.of(lab.prio, lab.weighted);
            }

            @Override
            public List<String> dialers() {
                return List.of(DrillLab.SERVER);
            }

            @Override
            public String actor() {
                return "ann@noc1";
            }

            @Override
            public DrillRoleCheck role() {
                return DrillRoleCheck.ALLOW;
            }

            @Override
            public DrillJournal journal() {
                return journal;
            }

            @Override
            public Optional<trunkops.drill.ScheduleFile> schedules() {
                return Optional.of(schedules);
            }

            @Override
            public Session open(String serverId) throws IOException {
                DrillLab.Links l = lab.new Links();
                return new Session(l.line, l.control, l);
            }

            @Override
            public void reported(trunkops.drill.DrillReport report) {
                reported.add(report); // the session publishes it as an alert
            }
        };
        view = new DrillView(console, ext -> Optional.of(dir.resolve("export." + ext)));
        Scene scene = new Scene(view, 1280, 760);
        scene.getStylesheets().addAll(List.of("tokens.css", "theme-dark.css", "main-view.css", "drill.css").stream()
                .map(s -> getClass().getResource("/styles/" + s).toExternalForm()).toList());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void enterOnAHistoryLineOpensTheSavedReport(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.route.getSelectionModel().select(lab.prio);
            view.dialer.getSelectionModel().select(DrillLab.SERVER);
            view.context.setText("drill-prio");
            view.calls.getValueFactory().setValue(3);
            view.number.setText(DrillLab.NUMBER);
            view.reason.setText("quarterly drill");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.start.isDisabled(), view.plan.getText());
        robot.interact(() -> view.start.fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.verdict.getText().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.history.getItems().size() == 1);
        assertEquals(1, reported.size());
        trunkops.drill.DrillReport r = reported.get(0);
        assertEquals(DrillOutcome.PASSED, r.outcome(), String.join("; ", r.reasons()));
        assertFalse(view.openReport.isDisabled(), "the report can be opened after the drill");

        robot.interact(() -> view.history.getSelectionModel().select(0));
        robot.clickOn("#drillHistory").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reportWindow().isPresent());
        DrillReportView rv = (DrillReportView) reportWindow().get().getScene().getRoot();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(r, new trunkops.drill.DrillHistory(new DrillJournal(dir.resolve("drills.log"))).load(r.id())
                .orElseThrow(), "the history keeps the whole report");
        assertEquals("✔ PASSED", rv.verdict.getText());
        long attempts = r.calls().stream().mapToLong(c -> Math.max(1, c.attempts().size())).sum();
        assertEquals(attempts, rv.calls.getItems().size(), "one row per attempt");
        assertTrue(rv.calls.getItems().stream().anyMatch(row -> row.get(1).equals("verify")
                && row.get(3).equals("SIP/trunk1") && row.get(5).equals("ANSWER")), "A answered the verify call");
        assertTrue(rv.calls.getItems().stream().anyMatch(row -> row.contains("SIP/trunk2") && row.contains("ANSWER")),
                rv.calls.getItems().toString());
        java.util.Set<String> trunks = new java.util.TreeSet<>();
        r.latency().forEach(s -> trunks.add(s.trunk()));
        assertEquals(trunks, rv.latency.getData().stream().map(s -> s.getName()).collect(
                java.util.stream.Collectors.toCollection(java.util.TreeSet::new)), "one series per trunk");
        assertFalse(trunks.isEmpty());
        assertTrue(rv.summary.getChildren().stream().anyMatch(n -> n instanceof javafx.scene.control.Label l
                && l.getText().equals(r.timeToFailoverMs() + " ms (A out → first test call answered on a backup)")),
                "time to failover shown");
        assertTrue(rv.evidence.getItems().stream().anyMatch(l -> l.startsWith("call 1 (drill) answered by")),
                rv.evidence.getItems().toString());
        assertTrue(rv.evidence.getItems().size() > r.calls().size(), "evidence lines under the calls");

        javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> new trunkops.ui.common.Snapshots()
                .take(rv.getScene())).get(10, TimeUnit.SECONDS);
        new trunkops.ui.common.Snapshots().writePng(shot, Path.of("docs", "images", "drill-report.png"));
        robot.interact(() -> reportWindow().ifPresent(w -> ((javafx.stage.Stage) w).close()));

        // the same choices, scheduled off-peak from the tab
        DrillScheduleEditor ed = robot.lookup("#drillSchedules").queryAs(DrillScheduleEditor.class);
        robot.interact(() -> {
            ed.name.setText("nightly prio");
            ed.add.fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ed.list.getItems().size() == 1);
        trunkops.drill.ScheduledDrill s = schedules.load().get(0);
        assertEquals(List.of("nightly prio", "RPRIO", "SIP/trunk1", DrillLab.SERVER, "3", DrillLab.NUMBER,
                "drill-prio", "02:00", "04:00", "5"), List.of(s.name(), s.route(), s.trunk(), s.serverId(),
                "" + s.calls(), s.number(), s.context(), s.from().toString(), s.to().toString(), "" + s.days().size()));
        robot.interact(() -> ed.add.fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ed.status.getText().contains("name is taken"));
        robot.interact(() -> {
            ed.list.getSelectionModel().select(0);
            ed.remove.fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ed.list.getItems().isEmpty());
        assertEquals(List.of(), schedules.load());
    }

    private static Optional<javafx.stage.Window> reportWindow() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DrillReportView).findFirst();
    }
}
