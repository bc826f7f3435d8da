package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.control.TrunkControl;
import trunkops.db.DbLinkState;
import trunkops.db.DbLinkStatus;
import trunkops.health.BoardSnapshot;
import trunkops.health.ForcedState;
import trunkops.health.TrunkScope;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.health.ui.TrunkActions;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;
import trunkops.topology.Trunk;

/**
 * The operator's confirmation in the real main window, on the lab topology, with a test double for the control:
 * it names verb and target, needs a reason and the target's name, refuses the last live trunk of a campaign
 * without the override, shows progress while the action runs and the result per dialer after.
 */
@ExtendWith(ApplicationExtension.class)
class ControlDialogTest {

    private MainView view;
    private final List<ControlRequest> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<ControlResult>> pending = new CopyOnWriteArrayList<>();
    private final List<List<ControlResult>> after = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        view = ConsoleOnLab.show(stage);
        ClusterTopology topology = new LabRows().build();
        List<TrunkView> trunks = new ArrayList<>();
        for (Trunk t : topology.trunks()) {
            trunks.add(new TrunkView(t.key(), t.carrierId(), "", "192.0.2.1", TrunkState.REACHABLE, false,
                    TrunkScope.NONE, 23, 2, "Reachable 23 ms", 1, 1, new short[0], 1000, ForcedState.IN_SERVICE));
        }
        view.update(new BoardSnapshot("Lab", true, topology, List.of(), trunks, List.of(), List.of(),
                new DbLinkStatus(DbLinkState.UP, "ok", 0), null, 1, 0, 0));
        TrunkControl control = r -> {
            sent.add(r);
            CompletableFuture<ControlResult> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        };
        view.trunkActions().connect(new TrunkActions.Connection(control, Runnable::run, () -> "ann@noc1",
                after::add));
        view.selectTab(2);
    }

    private static void waitFor(String what, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    @SuppressWarnings("unchecked")
    private void select(FxRobot robot, String server, String peer) {
        TableView<TrunkView> table = robot.lookup("#trunkTable").queryAs(TableView.class);
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                TrunkView v = table.getItems().get(i);
                if (v.serverId().equals(server) && v.peer().equals(peer)) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(i);
                }
            }
            table.requestFocus();
        });
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    private static boolean confirmDisabled(FxRobot robot) {
        return robot.lookup("#controlConfirm").queryAs(Button.class).isDisabled();
    }

    @Test
    void theLastLiveTrunkOfACampaignNeedsNameReasonAndOverride(FxRobot robot) {
        select(robot, "DIALER2", "blueline");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor("the dialog", () -> robot.lookup("#controlDialog").tryQuery().isPresent());
        assertEquals("Take blueline offline on DIALER2", text(robot, "#controlTitle"));
        assertEquals("Take blueline offline on DIALER2", text(robot, "#controlConfirm"), "the button names it");
        ListView<String> impact = robot.lookup("#controlImpact").queryListView();
        assertTrue(impact.getItems().stream().anyMatch(l -> l.startsWith("\u2716 no live trunk left: RENEW")
                && l.contains("on DIALER2")), impact.getItems().toString());
        assertTrue(confirmDisabled(robot), "nothing typed yet");

        robot.clickOn("#controlReason").write("carrier says 503 storm");
        assertTrue(confirmDisabled(robot), "a reason is not enough");
        robot.clickOn("#controlConfirmName").write("bluelin");
        assertTrue(confirmDisabled(robot), "a near miss of the name is not the name");
        robot.write("e");
        assertTrue(confirmDisabled(robot), "RENEW would be left with nothing: refused without the override");
        assertTrue(text(robot, "#controlProblems").contains("refused: "), text(robot, "#controlProblems"));
        robot.clickOn("#controlTicket").write("INC-4711");
        robot.clickOn("#controlUntil").write("+2h");
        robot.clickOn("#controlOverride");
        assertFalse(confirmDisabled(robot), text(robot, "#controlProblems"));

        robot.clickOn("#controlConfirm");
        waitFor("sent", () -> pending.size() == 1);
        assertTrue(robot.lookup("#controlProgress").query().isVisible(), "progress while it runs");
        ControlRequest r = sent.get(0);
        assertEquals(ControlVerb.OFFLINE, r.verb());
        assertEquals("blueline", r.peer());
        assertEquals(List.of("DIALER2"), r.serverIds());
        assertEquals("carrier says 503 storm", r.reason());
        assertEquals(Optional.of("INC-4711"), r.ticket());
        assertEquals("ann@noc1", r.actor());
        assertTrue(r.until().isPresent());
        long inMinutes = Duration.between(java.time.Instant.now(), r.until().get()).toMinutes();
        assertTrue(inMinutes >= 118 && inMinutes <= 120, "until = now + 2 h: " + r.until());

        pending.get(0).complete(new ControlResult(r, List.of(new DialerOutcome("DIALER2",
                DialerOutcome.Status.APPLIED, "")), Duration.ofMillis(42)));
        waitFor("the result", () -> robot.lookup("#controlResults").queryListView().isVisible());
        assertEquals(List.of("\u2714 SIP/blueline on DIALER2: applied"),
                robot.lookup("#controlResults").queryListView().getItems());
        assertFalse(robot.lookup("#controlProgress").query().isVisible());
        waitFor("the board is told", () -> after.size() == 1);
        close(robot);
    }

    @Test
    void everyDialerFromTheContextMenuShowsWhatFailedWhere(FxRobot robot) {
        select(robot, "DIALER1", "nsvoice");
        javafx.scene.Node row = robot.lookup("#trunkTable .table-row-cell").match(n -> n instanceof
                javafx.scene.control.TableRow<?> tr && tr.getItem() instanceof TrunkView v
                && v.serverId().equals("DIALER1") && v.peer().equals("nsvoice")).query();
        javafx.scene.control.ContextMenu menu = robot.lookup("#trunkTable").queryAs(TableView.class)
                .getContextMenu();
        // Monocle makes no ContextMenuEvent of a right click: the menu is shown where the table would show it
        robot.interact(() -> menu.show(row, javafx.geometry.Side.BOTTOM, 20, 0));
        waitFor("the menu", menu::isShowing);
        assertEquals(List.of("Force offline", "Drain (no new calls)", "Put back online"), menu.getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).toList());
        robot.clickOn("Drain (no new calls)");
        robot.clickOn("On every dialer that has nsvoice");
        waitFor("the dialog", () -> robot.lookup("#controlDialog").tryQuery().isPresent());
        assertEquals("Drain nsvoice on DIALER1, DIALER2, DIALER3", text(robot, "#controlTitle"));
        robot.clickOn("#controlReason").write("maintenance");
        robot.clickOn("#controlConfirmName").write("nsvoice");
        List<?> impact = robot.lookup("#controlImpact").queryListView().getItems();
        assertEquals(3, impact.stream().filter(l -> l.toString().startsWith("\u2716 no live trunk left: SALES1"))
                .count(), "SALES1 dials only through nsvoice, on each dialer: " + impact);
        assertTrue(impact.stream().anyMatch(l -> l.toString().startsWith("\u25CB paused, no trunk left: WINBACK")),
                "a paused campaign is listed, and needs no override: " + impact);
        assertTrue(confirmDisabled(robot));
        robot.clickOn("#controlOverride");
        assertTrue(text(robot, "#controlOverride").contains("3 campaign route(s)"), text(robot, "#controlOverride"));
        robot.clickOn("#controlConfirm");
        waitFor("sent", () -> pending.size() == 1);
        ControlRequest r = sent.get(0);
        assertEquals(ControlVerb.DRAIN, r.verb());
        assertEquals(List.of("DIALER1", "DIALER2", "DIALER3"), r.serverIds());
        pending.get(0).complete(new ControlResult(r, List.of(
                new DialerOutcome("DIALER1", DialerOutcome.Status.APPLIED, ""),
                new DialerOutcome("DIALER2", DialerOutcome.Status.FAILED, "read back 'offline:0', expected 'drain:0'"),
                new DialerOutcome("DIALER3", DialerOutcome.Status.UNREACHABLE, "no answer in 2000 ms")),
                Duration.ofMillis(2000)));
        waitFor("the result", () -> robot.lookup("#controlResults").queryListView().isVisible());
        assertEquals(List.of("\u2714 SIP/nsvoice on DIALER1: applied",
                "\u2716 SIP/nsvoice on DIALER2: failed: read back 'offline:0', expected 'drain:0'",
                "? SIP/nsvoice on DIALER3: unreachable: no answer in 2000 ms"),
                robot.lookup("#controlResults").queryListView().getItems());
        assertTrue(text(robot, "#controlProblems").startsWith("\u2716 not applied everywhere"));
        close(robot);
    }

    @Test
    void aRoleThatMayNotIsToldBeforeTypingAndNothingIsSent(FxRobot robot) {
        robot.interact(() -> view.trunkActions().connect(new TrunkActions.Connection(r -> {
            sent.add(r);
            return new CompletableFuture<>();
        }, Runnable::run, () -> "val@noc3", after::add, verb -> verb == ControlVerb.ONLINE ? Optional.empty()
                : Optional.of("val@noc3 is a viewer: offline and drain need the operator role"))));
        select(robot, "DIALER3", "orbit-east");
        javafx.scene.control.ContextMenu menu = robot.lookup("#trunkTable").queryAs(TableView.class)
                .getContextMenu();
        robot.interact(() -> menu.show(robot.lookup("#trunkTable").query(), javafx.geometry.Side.TOP, 40, 80));
        waitFor("the menu", menu::isShowing);
        assertTrue(menu.getItems().get(0).isDisable() && menu.getItems().get(0).getText()
                .endsWith("val@noc3 is a viewer: offline and drain need the operator role"), menu.getItems().get(0)
                .getText());
        assertFalse(menu.getItems().get(2).isDisable(), "online is allowed");
        robot.interact(menu::hide);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitFor("the dialog", () -> robot.lookup("#controlDialog").tryQuery().isPresent());
        robot.clickOn("#controlReason").write("trying anyway");
        robot.clickOn("#controlConfirmName").write("orbit-east");
        assertTrue(confirmDisabled(robot));
        assertTrue(text(robot, "#controlProblems").startsWith("refused: val@noc3 is a viewer"),
                text(robot, "#controlProblems"));
        assertEquals(List.of(), sent);
        robot.interact(() -> ((Button) robot.lookup("#controlDialog").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire());
    }

    private void close(FxRobot robot) {
        javafx.scene.control.DialogPane pane = robot.lookup("#controlDialog").queryAs(
                javafx.scene.control.DialogPane.class);
        Button close = (Button) pane.lookupButton(javafx.scene.control.ButtonType.CLOSE);
        assertTrue(close != null && pane.lookupButton(javafx.scene.control.ButtonType.CANCEL) == null,
                "after the result only Close is offered");
        robot.interact(close::fire);
        waitFor("closed", () -> view.trunkActions().dialog().isEmpty());
    }
}
