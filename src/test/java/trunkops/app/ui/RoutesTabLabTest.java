package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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

import trunkops.app.ConsoleSession;
import trunkops.db.Database;
import trunkops.db.RouteRepository;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;

/**
 * The real Routes tab in the real main window on the lab, with the database-backed route store (TrunkOps' tables
 * in the lab's MariaDB): create a route, save it, see it listed, edit and save v2, diff the versions, and a save
 * based on v2 after someone else saved v3 shows both versions.
 */
@ExtendWith(ApplicationExtension.class)
class RoutesTabLabTest {

    private static LabUnderTest fixture;
    private ConsoleSession session;

    @BeforeAll
    static void startLab() throws Exception {
        fixture = LabUnderTest.start("ui-routes-lab-test", LabDefaults.cluster(),
                dir -> new LabCluster.Options(dir, 5.0, false, false, 0, Duration.ofSeconds(15), 5L));
    }

    @AfterAll
    static void stopLab() {
        fixture.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        MainView view = ConsoleOnLab.show(stage);
        session = ConsoleSession.start(ConsoleOnLab.access(fixture.lab(), "Lab under test"), view,
                fixture.scheduler());
    }

    @AfterEach
    void closeSession() {
        session.close();
    }

    private static void waitFor(String what, int seconds, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    private static FxRobot focused(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        return robot;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    private static void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    @Test
    @SuppressWarnings("unchecked")
    void createSaveEditDiffAndAConflictOnTheLabsDatabase(FxRobot robot) throws Exception {
        ctrl(robot, KeyCode.DIGIT7);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("routesTab", tabs.getSelectionModel().getSelectedItem().getId(), "Ctrl+7 opens Routes");
        waitFor("the store is writable", 60, () -> text(robot, "#storeStatus").startsWith("\u2714"));
        ctrl(robot, KeyCode.N);
        focused(robot, "#routeName").write("LABRT");
        focused(robot, "#routePatterns").write("_8881NXXNXXXXXX strip=3");
        focused(robot, "#routeDialers").doubleClickOn("#routeDialers").write(LabDefaults.DIALER3_IP);
        focused(robot, "#addMember").clickOn("#addMember");
        focused(robot, "#addMember").clickOn("#addMember");
        ComboBox<String> firstBox = robot.lookup("#memberTrunk-0").queryAs(ComboBox.class);
        waitFor("the topology's trunks are offered", 60, () -> firstBox.getItems().contains("SIP/orbit-east"));
        robot.interact(() -> {
            robot.lookup("#memberTrunk-0").queryAs(ComboBox.class).setValue("SIP/orbit-east");
            robot.lookup("#memberTrunk-1").queryAs(ComboBox.class).setValue("SIP/orbit-west");
        });
        focused(robot, "#memberWeight-0").doubleClickOn("#memberWeight-0").write("70");
        focused(robot, "#memberWeight-1").doubleClickOn("#memberWeight-1").write("30");
        focused(robot, "#maxAttempts").doubleClickOn("#maxAttempts").write("2");
        waitFor("Save is on", 10, () -> !robot.lookup("#saveRoute").queryButton().isDisabled());
        String generated = robot.lookup("#generatedText").queryAs(TextArea.class).getText();
        assertTrue(generated.contains("NoOp(trunkops route LABRT v1)"), generated);
        focused(robot, "#saveComment").write("first cut");
        ctrl(robot, KeyCode.S);
        TableView<?> list = robot.lookup("#routeList").queryTableView();
        waitFor("LABRT v1 is listed", 30, () -> list.getItems().size() == 1
                && text(robot, "#editorHeading").contains("based on v1"));
        waitFor("the count follows", 10, () -> text(robot, "#storeStatus").startsWith("\u2714 1 route(s)"));
        waitFor("its live state is shown", 60, () -> robot.lookup(".route-live-cell").queryAll().stream()
                .anyMatch(c -> ((javafx.scene.control.Labeled) c).getText() != null
                        && ((javafx.scene.control.Labeled) c).getText().contains("/2 up")));

        focused(robot, "#memberWeight-1").doubleClickOn("#memberWeight-1").write("50");
        focused(robot, "#saveComment").write("more to west");
        ctrl(robot, KeyCode.S);
        waitFor("v2 is saved and in the history", 30,
                () -> robot.lookup("#historyTable").queryTableView().getItems().size() == 2);
        robot.interact(() -> ((javafx.scene.control.TabPane) robot.lookup("#routesView .tab-pane").query())
                .getSelectionModel().select(1));
        assertEquals("v1 \u2192 v2: -1 +1", text(robot, "#diffSummary"));
        robot.clickOn("#diffDialplan");
        assertFalse(text(robot, "#diffSummary").contains("no change"), text(robot, "#diffSummary"));
        assertTrue(text(robot, "#diffSummary").startsWith("v1 \u2192 v2"), text(robot, "#diffSummary"));

        // the picture in the README (docs/images/routes-tab.png is a copy of it)
        javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> new trunkops.ui.common.Snapshots()
                .take(robot.lookup("#tabs").query().getScene())).get(10, TimeUnit.SECONDS);
        new trunkops.ui.common.Snapshots().writePng(shot, java.nio.file.Path.of("target", "routes-tab.png"));

        LabCluster.DbAccess db = fixture.lab().dbAccess();
        try (Database other = new Database(Database.Settings.of(db.jdbcUrl(), db.user()),
                db.password().toCharArray())) {
            RouteRepository theirStore = RouteRepository.open(other, "other-operator");
            RouteVersion v2 = theirStore.version("LABRT", 2).orElseThrow();
            RouteStore.SaveResult theirs = theirStore.save(v2.route().withTiming(1, 30, 5), 2, "other-operator",
                    "one attempt only");
            assertTrue(theirs instanceof RouteStore.SaveResult.Saved, theirs.toString());
        }
        focused(robot, "#dialTimeout").doubleClickOn("#dialTimeout").write("40");
        ctrl(robot, KeyCode.S);
        waitFor("the conflict dialog", 30, () -> robot.lookup("#conflictTheirs").tryQuery().isPresent());
        assertTrue(text(robot, "#conflictTheirsWho").contains("v3 by other-operator"),
                text(robot, "#conflictTheirsWho"));
        assertTrue(robot.lookup("#conflictMine").queryAs(TextArea.class).getText().contains("dial-timeout = 40"));
        assertTrue(robot.lookup("#conflictTheirs").queryAs(TextArea.class).getText().contains("max-attempts = 1"));
        robot.clickOn("Keep editing");
        assertEquals("40", robot.lookup("#dialTimeout").queryAs(javafx.scene.control.TextField.class).getText(),
                "the edit is still in the editor");
    }
}
