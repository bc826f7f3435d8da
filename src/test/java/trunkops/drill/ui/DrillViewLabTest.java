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
 * The Drills tab on the lab dialer: choose the priority route, trunk A, the dialer, number, context and reason;
 * the plan and the named start button; the drill runs off the FX thread with progress and the live log; the
 * verdict in words; the report kept in the history. Takes the README's picture (target/drill-wizard.png).
 */
@ExtendWith(ApplicationExtension.class)
class DrillViewLabTest {

    private static DrillLab lab;
    private static Path dir;
    private DrillView view;

    @BeforeAll
    static void startLab() throws Exception {
        dir = Files.createDirectories(Path.of("target", "drill-view-lab-test"));
        AppPaths.deleteTree(dir);
        lab = new DrillLab();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

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
    void aDrillRunsFromTheWizardWithProgressLogAndVerdict(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.route.getSelectionModel().select(lab.prio);
            view.dialer.getSelectionModel().select(DrillLab.SERVER);
            view.context.setText("drill-prio");
            view.calls.getValueFactory().setValue(3);
        });
        assertTrue(view.start.isDisabled(), "no number, no reason yet");
        robot.clickOn("#drillNumber").write(DrillLab.NUMBER);
        robot.clickOn("#drillReason").write("quarterly drill");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.start.isDisabled(), view.plan.getText());
        assertEquals("Take SIP/trunk1 out on fixture-lab and place 3 test calls", view.start.getText());
        assertTrue(view.plan.getText().contains("3 test call(s): Originate Local/" + DrillLab.NUMBER + "@drill-prio"));
        robot.clickOn("#drillStart");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.verdict.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✔ PASSED", view.verdict.getText(), view.reasons.getText());
        assertTrue(view.log.getItems().stream().anyMatch(l -> l.contains("SIP/trunk1 forced offline on fixture-lab")));
        assertTrue(view.log.getItems().stream().anyMatch(l -> l.contains("SIP/trunk1 is back")));
        assertEquals(1.0, view.progress.getProgress());
        assertEquals(List.of(DrillOutcome.PASSED), reported.stream().map(trunkops.drill.DrillReport::outcome).toList(),
                "the report handed to the session once, for the alert");
        assertNull(lab.flag("trunk1"));
        assertEquals(DrillOutcome.PASSED, new DrillJournal(dir.resolve("drills.log")).history().get(0).outcome());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.history.getItems().size() == 1);
        assertTrue(view.history.getItems().get(0).contains("PASSED"), view.history.getItems().toString());
        robot.interact(() -> view.exportPdf.fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("export.pdf"))
                && Files.size(dir.resolve("export.pdf")) > 1000);
        javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> new trunkops.ui.common.Snapshots()
                .take(view.getScene())).get(10, TimeUnit.SECONDS);
        new trunkops.ui.common.Snapshots().writePng(shot, Path.of("target", "drill-wizard.png"));
    }
}
