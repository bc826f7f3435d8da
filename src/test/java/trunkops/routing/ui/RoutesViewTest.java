package trunkops.routing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.health.TrunkState;
import trunkops.routing.GeneratedRoute;
import trunkops.routing.LintFinding;
import trunkops.routing.Route;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;
import trunkops.ui.common.UiExecutor;

/**
 * The Routes tab on a test-only store (fast; the lab test runs it on the database-backed store): inline validation
 * and Save, weight slider and number in step, the customer-outcome override, the live split, read-only, Ctrl+S /
 * Esc and the conflict dialog.
 */
@ExtendWith(ApplicationExtension.class)
class RoutesViewTest {

    /** Not the real generator: the route file text, so that the view's plumbing is tested without it. */
    static final RouteTools TOOLS = new RouteTools() {
        @Override
        public GeneratedRoute render(Route route, int version) {
            return new GeneratedRoute(route.name(), RouteFile.format(route), "", "trunkops route " + route.name()
                    + " v" + version);
        }

        @Override
        public List<LintFinding> lint(GeneratedRoute g, trunkops.topology.ClusterTopology t) {
            return g.dialplanEntry().contains("BUSY") ? List.of(new LintFinding(LintFinding.Severity.ERROR, 1,
                    "customer-failover", "fails over on BUSY", "remove BUSY")) : List.of();
        }
    };

    private final TestRouteStore store = new TestRouteStore();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private RoutesView view;

    @Start
    void start(Stage stage) {
        view = new RoutesView();
        Scene scene = new Scene(view, 1200, 780);
        scene.getStylesheets().addAll(List.of("tokens.css", "theme-dark.css", "main-view.css", "routes.css").stream()
                .map(s -> getClass().getResource("/styles/" + s).toExternalForm()).toList());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private void connect(FxRobot robot) {
        robot.interact(() -> view.connect(store, TOOLS, io, UiExecutor.fx(), "tester"));
        waitFor("the store status is shown", () -> text(robot, "#storeStatus").contains("route(s)"));
    }

    private static void waitFor(String what, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    /** Focuses a control first: the form scrolls it into view, as it does for a keyboard user. */
    private static FxRobot focused(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        return robot;
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    private static String problems(FxRobot robot) {
        StringBuilder sb = new StringBuilder();
        robot.lookup("#routeProblems").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .forEach(n -> sb.append(((Label) n).getText()).append('\n'));
        return sb.toString();
    }

    /** Fills a valid two-member weighted route, as an operator would, through the controls. */
    private void fillRoute(FxRobot robot, String name) {
        focused(robot, "#routeName").clickOn("#routeName").write(name);
        focused(robot, "#routePatterns").clickOn("#routePatterns").write("_91NXXNXXXXXX strip=1");
        focused(robot, "#addMember").clickOn("#addMember");
        focused(robot, "#addMember").clickOn("#addMember");
        robot.interact(() -> {
            robot.lookup("#memberTrunk-0").queryAs(ComboBox.class).setValue("SIP/alpha");
            robot.lookup("#memberTrunk-1").queryAs(ComboBox.class).setValue("SIP/beta");
        });
        focused(robot, "#memberWeight-0").doubleClickOn("#memberWeight-0").write("70");
        focused(robot, "#memberWeight-1").doubleClickOn("#memberWeight-1").write("30");
        focused(robot, "#maxAttempts").doubleClickOn("#maxAttempts").write("2");
    }

    @Test
    void problemsShowAsTheOperatorTypesAndSaveWaitsForThem(FxRobot robot) {
        connect(robot);
        Button save = robot.lookup("#saveRoute").queryButton();
        assertTrue(save.isDisabled(), "an empty route cannot be saved");
        focused(robot, "#routeName").clickOn("#routeName").write("US;OUT");
        assertTrue(problems(robot).contains("'US;OUT' is not a route name"), problems(robot));
        assertTrue(robot.lookup("#routeName").query().getPseudoClassStates().contains(RouteEditor.ERROR));
        robot.interact(() -> robot.lookup("#routeName").queryAs(TextField.class).clear());
        fillRoute(robot, "US-OUT");
        assertFalse(problems(robot).contains("error"), problems(robot));
        assertFalse(save.isDisabled(), "a valid route can be saved");
        focused(robot, "#dialTimeout").doubleClickOn("#dialTimeout").write("abc");
        assertTrue(problems(robot).contains("dial timeout: 'abc' is not a whole number"), problems(robot));
        assertTrue(save.isDisabled());
        assertTrue(robot.lookup("#generatedStatus").queryLabeled().getText().contains("has errors"));
        focused(robot, "#dialTimeout").doubleClickOn("#dialTimeout").write("30");
        assertFalse(save.isDisabled());
        assertTrue(robot.lookup("#generatedText").queryAs(TextArea.class).getText().contains("name = US-OUT"));
    }

    @Test
    void theWeightSliderAndNumberStayInStep(FxRobot robot) {
        connect(robot);
        fillRoute(robot, "W");
        Slider slider = robot.lookup("#memberWeightSlider-0").queryAs(Slider.class);
        assertEquals(70, slider.getValue(), 0.01, "typing moves the slider");
        focused(robot, "#memberWeightSlider-0").clickOn("#memberWeightSlider-0").press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        TextField number = robot.lookup("#memberWeight-0").queryAs(TextField.class);
        assertEquals(Integer.toString((int) Math.round(slider.getValue())), number.getText(),
                "moving the slider types the number");
        assertTrue(slider.getValue() != 70, "the slider moved");
        focused(robot, "#memberWeight-0").doubleClickOn("#memberWeight-0").write("-5");
        assertTrue(problems(robot).contains("weight -5 is outside 0-1000"), problems(robot));
    }

    @Test
    void customerOutcomesHideBehindAnOverrideWithAWarning(FxRobot robot) {
        connect(robot);
        assertFalse(shown(robot.lookup("#trigger-BUSY").query()), "BUSY is not offered without the override");
        assertTrue(robot.lookup("#trigger-CHANUNAVAIL").queryAs(CheckBox.class).isSelected(), "safe defaults");
        focused(robot, "#customerOverride").clickOn("#customerOverride");
        assertTrue(shown(robot.lookup("#overrideWarning").query()));
        assertTrue(text(robot, "#overrideWarning").contains("re-dials a customer"));
        fillRoute(robot, "CUST");
        focused(robot, "#trigger-BUSY").clickOn("#trigger-BUSY");
        assertTrue(problems(robot).contains("warning: failover: fails over on customer outcomes (BUSY)"),
                problems(robot));
        assertTrue(robot.lookup("#lintFindings").queryListView().getItems().size() == 1, "the linter's finding");
        focused(robot, "#customerOverride").clickOn("#customerOverride");
        assertFalse(robot.lookup("#trigger-BUSY").queryAs(CheckBox.class).isSelected(),
                "dropping the override drops the customer outcomes");
    }

    @Test
    void thePreviewSpreadsTheWeightsOverTheMembersThatAreUpNow(FxRobot robot) {
        connect(robot);
        fillRoute(robot, "LIVE");
        robot.interact(() -> view.show(board(TrunkState.REACHABLE, TrunkState.REACHABLE)));
        assertEquals("70 %", text(robot, "#share-0"));
        assertEquals("30 %", text(robot, "#share-1"));
        robot.interact(() -> view.show(board(TrunkState.REACHABLE, TrunkState.UNREACHABLE)));
        assertEquals("100 %", text(robot, "#share-0"));
        assertEquals("0 %", text(robot, "#share-1"));
        assertTrue(text(robot, "#memberState-1").startsWith("\u2716 Unreachable"), "the state reads without colour");
        robot.interact(() -> robot.lookup("#routeStrategy").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(Strategy.ROUND_ROBIN));
        assertEquals("100 %", text(robot, "#share-0"), "round-robin over the one live member");
    }

    @Test
    void aSavedRouteIsListedWithItsLiveStateAndCtrlSSavesTheNextVersion(FxRobot robot) {
        connect(robot);
        fillRoute(robot, "US-OUT");
        focused(robot, "#saveComment").clickOn("#saveComment").write("first");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        TableView<?> list = robot.lookup("#routeList").queryTableView();
        waitFor("the route is listed", () -> list.getItems().size() == 1);
        robot.interact(() -> view.show(board(TrunkState.REACHABLE, TrunkState.UNREACHABLE)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".route-live-cell").queryAll().stream()
                .anyMatch(c -> "1/2 up \u26A0".equals(((javafx.scene.control.Labeled) c).getText())));
        focused(robot, "#memberWeight-1").doubleClickOn("#memberWeight-1").write("40");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertEquals("30", robot.lookup("#memberWeight-1").queryAs(TextField.class).getText(), "Esc cancels the edit");
        focused(robot, "#memberWeight-1").doubleClickOn("#memberWeight-1").write("40");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor("v2 is saved", () -> store.history("US-OUT").size() == 2);
        waitFor("the history lists both versions",
                () -> robot.lookup("#historyTable").queryTableView().getItems().size() == 2);
        assertEquals("v1 \u2192 v2: -1 +1", text(robot, "#diffSummary"));
    }

    @Test
    void aReadOnlyStoreSaysSoAndTheEditorStillRendersButCannotSave(FxRobot robot) {
        store.writable = false;
        robot.interact(() -> view.connect(store, TOOLS, io, UiExecutor.fx(), "tester"));
        waitFor("read-only is shown", () -> text(robot, "#storeStatus").startsWith("\u26A0 Read-only"));
        assertTrue(text(robot, "#storeStatus").contains("may not create tables"));
        fillRoute(robot, "RO");
        assertTrue(robot.lookup("#saveRoute").queryButton().isDisabled());
        assertFalse(robot.lookup("#generatedText").queryAs(TextArea.class).getText().isEmpty(), "still rendered");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, store.saves, "Ctrl+S does not save on a read-only store");
    }

    @Test
    void aSaveBasedOnAnOldVersionShowsBothVersionsAndLosesNothing(FxRobot robot) {
        Route v1 = Route.of("US-OUT", new RoutePattern("_91NXXNXXXXXX", 1), Strategy.PRIORITY, List.of(
                new RouteMember(Tech.SIP, "alpha", 1, 1, java.util.OptionalInt.empty()),
                new RouteMember(Tech.SIP, "beta", 2, 1, java.util.OptionalInt.empty())));
        store.save(v1, 0, "ann", "v1");
        connect(robot);
        robot.clickOn("US-OUT");
        waitFor("v1 is in the editor", () -> text(robot, "#editorHeading").contains("based on v1"));
        store.save(v1.withTiming(1, 30, 5), 1, "bob", "bob's change");
        focused(robot, "#dialTimeout").doubleClickOn("#dialTimeout").write("40");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor("the conflict dialog", () -> robot.lookup("#conflictTheirs").tryQuery().isPresent());
        assertTrue(robot.lookup("#conflictMine").queryAs(TextArea.class).getText().contains("dial-timeout = 40"));
        assertTrue(robot.lookup("#conflictTheirs").queryAs(TextArea.class).getText().contains("max-attempts = 1"));
        assertTrue(text(robot, "#conflictTheirsWho").contains("v2 by bob"));
        robot.clickOn("Keep editing");
        assertEquals("40", robot.lookup("#dialTimeout").queryAs(TextField.class).getText(), "the edit is kept");
        assertEquals(2, store.history("US-OUT").size(), "nothing saved over bob");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor("the conflict dialog again", () -> robot.lookup("#conflictTheirs").tryQuery().isPresent());
        robot.clickOn("Save mine as v3");
        waitFor("v3 saved over v2", () -> store.history("US-OUT").size() == 3);
        assertEquals(40, store.history("US-OUT").get(2).route().dialTimeoutSeconds());
    }

    /** Two trunks on one dialer, as the app's wiring reduces the board for this tab. */
    static LiveBoard board(TrunkState alpha, TrunkState beta) {
        return new LiveBoard(null, List.of(trunk("alpha", alpha), trunk("beta", beta)));
    }

    private static LiveBoard.Trunk trunk(String peer, TrunkState state) {
        LiveBoard.Health h = state == TrunkState.REACHABLE ? LiveBoard.Health.UP
                : state == TrunkState.UNREACHABLE ? LiveBoard.Health.DOWN : LiveBoard.Health.UNSURE;
        return new LiveBoard.Trunk("DIALER1", "10.0.0.11", Tech.SIP, peer, state.glyph(), state.label(), h,
                h == LiveBoard.Health.DOWN ? 5 : 0, 0);
    }
}
