package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.app.ConsoleSession;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;

/**
 * The console's first screen on the lab, headless through Monocle: what it shows comes from the lab over real
 * JDBC and AMI, and lab faults show up as they should (red with text for a killed trunk, STALE when a dialer's
 * AMI goes away, back to normal after recovery).
 */
@ExtendWith(ApplicationExtension.class)
class MainViewLabTest {

    private static LabCluster lab;
    private static LabUnderTest fixture;
    private static ScheduledExecutorService scheduler;
    private ConsoleSession session;
    private MainView view;

    @BeforeAll
    static void startLab() throws Exception {
        fixture = LabUnderTest.start("ui-lab-test", LabDefaults.cluster(),
                dir -> new LabCluster.Options(dir, 5.0, false, false, 0, Duration.ofSeconds(15), 3L));
        lab = fixture.lab();
        scheduler = fixture.scheduler();
    }

    @AfterAll
    static void stopLab() {
        fixture.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        view = ConsoleOnLab.show(stage);
        session = ConsoleSession.start(ConsoleOnLab.access(lab, "Lab under test"), view, scheduler);
    }

    @org.junit.jupiter.api.AfterEach
    void closeSession() {
        session.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<TrunkView> table(FxRobot robot) {
        return robot.lookup("#trunkTable").queryAs(TableView.class);
    }

    private static void waitFor(FxRobot robot, String what, Predicate<TableView<TrunkView>> test) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> test.test(table(robot)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; table shows "
                    + table(robot).getItems().stream().map(t -> t.serverId() + "/" + t.peer() + "=" + t.state())
                    .toList());
        }
    }

    private static TrunkState stateOf(TableView<TrunkView> t, String server, String peer) {
        return t.getItems().stream().filter(v -> v.serverId().equals(server) && v.peer().equals(peer))
                .map(TrunkView::state).findFirst().orElse(null);
    }

    @Test
    void showsTheLabsDialersAndTrunksFromAmiAndJdbc(FxRobot robot) throws Exception {
        waitFor(robot, "every trunk has a verdict", t -> t.getItems().size() == 9
                && t.getItems().stream().noneMatch(v -> v.state() == TrunkState.UNKNOWN));
        ListView<?> servers = robot.lookup("#serverList").queryAs(ListView.class);
        assertEquals(3, servers.getItems().size());
        assertTrue(robot.lookup("LAB").tryQuery().isPresent(), "the lab is labelled as such");
        // the status bar is rebuilt with every snapshot: read it on the FX thread
        String dbChip = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#dbChip").queryAs(Label.class).getText())
                .get(5, TimeUnit.SECONDS);
        assertTrue(dbChip.contains("DB connected"), dbChip);
        assertEquals(TrunkState.UNMONITORED, stateOf(table(robot), "DIALER1", "velox"));
        assertTrue(robot.lookup("Carriers (Ctrl+3)").tryQuery().isPresent());
    }

    @Test
    void aKilledTrunkTurnsRedWithTextAndRecovers(FxRobot robot) {
        waitFor(robot, "orbit-west is reachable", t -> stateOf(t, "DIALER3", "orbit-west") == TrunkState.REACHABLE);
        lab.faults().killTrunk("orbit-west");
        try {
            waitFor(robot, "orbit-west is unreachable",
                    t -> stateOf(t, "DIALER3", "orbit-west") == TrunkState.UNREACHABLE);
            javafx.css.PseudoClass unreachable = javafx.css.PseudoClass.getPseudoClass("unreachable");
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                    javafx.scene.Node tile = robot.lookup("#tile-DIALER3-orbit-west").query();
                    return tile.getPseudoClassStates().contains(unreachable)
                            && robot.from(tile).lookup(".trunk-tile-state").queryLabeled().getText()
                            .startsWith("\u2716 Unreachable");
                });
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(
                        "the orbit-west tile is not red (:unreachable) with the words '\u2716 Unreachable'");
            }
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#impactView").queryListView()
                        .getItems().stream().anyMatch(i -> ((trunkops.topology.RouteImpact) i).campaignId()
                                .equals("SURVEY")));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the SURVEY campaign's route is not listed as hit: "
                        + robot.lookup("#impactView").queryListView().getItems());
            }
        } finally {
            lab.faults().restoreTrunk("orbit-west");
        }
        waitFor(robot, "orbit-west is back", t -> stateOf(t, "DIALER3", "orbit-west") == TrunkState.REACHABLE);
    }

    @Test
    void aDroppedAmiServerTurnsItsTrunksStaleNeverGreen(FxRobot robot) {
        waitFor(robot, "DIALER2 has verdicts", t -> stateOf(t, "DIALER2", "nsvoice") == TrunkState.REACHABLE);
        lab.faults().dropAmi("DIALER2");
        try {
            waitFor(robot, "DIALER2's trunks are stale", t -> t.getItems().stream()
                    .filter(v -> v.serverId().equals("DIALER2")).allMatch(v -> v.state() == TrunkState.STALE));
            // the table is filled first in the same FX pulse as the board: let that pulse finish before looking
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(table(robot).getItems().stream().filter(v -> v.serverId().equals("DIALER1"))
                    .noneMatch(v -> v.state() == TrunkState.STALE), "other dialers are unaffected");
            javafx.css.PseudoClass stale = javafx.css.PseudoClass.getPseudoClass("stale");
            assertTrue(robot.lookup("#tile-DIALER2-nsvoice").query().getPseudoClassStates().contains(stale),
                    "the board shows DIALER2's tiles as stale too");
        } finally {
            lab.faults().restartAmi("DIALER2");
        }
        waitFor(robot, "DIALER2 recovered", t -> stateOf(t, "DIALER2", "nsvoice") == TrunkState.REACHABLE);
    }

    @Test
    void theOperatorPicksAnotherClusterAndNothingOfTheOldOneStays(FxRobot robot) {
        waitFor(robot, "trunks are shown", t -> !t.getItems().isEmpty());
        java.util.concurrent.atomic.AtomicReference<String> picked = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> view.clusterChoices(java.util.List.of("Lab under test", "Production east"),
                "Lab under test", picked::set, null));
        assertTrue(robot.lookup("#clusterPicker").query().isVisible(), "two clusters: the picker is shown");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.K)
                .release(javafx.scene.input.KeyCode.K, javafx.scene.input.KeyCode.CONTROL);
        robot.clickOn("Production east");
        WaitForAsyncUtils.waitForFxEvents();
        org.junit.jupiter.api.Assertions.assertEquals("Production east", picked.get());
        session.close();
        robot.interact(() -> view.resetForCluster("Production east"));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertTrue(table(robot).getItems().isEmpty(), "no trunk of the old cluster is listed");
        assertTrue(robot.lookup("#startOverlay").query().isVisible(), "the board is covered until the new one reports");
        assertTrue(robot.lookup("#serverList").queryListView().getItems().isEmpty(), "no dialer of the old cluster");
    }
}
