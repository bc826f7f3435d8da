package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.control.TableView;
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
import trunkops.control.AdminState;
import trunkops.health.TrunkView;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;

/**
 * The board's actions through the console's real control (the control core's ASTDB control on change links of its
 * own, journaled to the session's audit), on the lab over TCP AMI: offline from the dialog is applied and read back
 * on the dialer and shows on the board with who and why; online puts it back.
 */
@ExtendWith(ApplicationExtension.class)
class BoardControlLabTest {

    private static LabUnderTest fixture;
    private ConsoleSession session;
    private MainView view;

    @BeforeAll
    static void startLab() throws Exception {
        fixture = LabUnderTest.start("ui-board-control-lab-test", LabDefaults.cluster(),
                dir -> new LabCluster.Options(dir, 5.0, false, false, 0, Duration.ofSeconds(15), 13L));
    }

    @AfterAll
    static void stopLab() {
        fixture.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        view = ConsoleOnLab.show(stage);
        session = ConsoleSession.start(ConsoleOnLab.access(fixture.lab(), "Lab under test"), view,
                fixture.scheduler());
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static void waitFor(String what, int seconds, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    private TrunkView trunk() {
        var s = view.lastSnapshot();
        return s == null ? null : s.trunks().stream().filter(t -> t.serverId().equals("DIALER3")
                && t.peer().equals("orbit-east")).findFirst().orElse(null);
    }

    private void act(FxRobot robot, KeyCode key, String reason) {
        @SuppressWarnings("unchecked")
        TableView<TrunkView> table = robot.lookup("#trunkTable").queryAs(TableView.class);
        robot.interact(() -> view.selectTab(2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).serverId().equals("DIALER3")
                        && table.getItems().get(i).peer().equals("orbit-east")) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
            table.requestFocus();
        });
        waitFor("the control is connected", 30, () -> view.trunkActions().connected());
        waitFor("the table has the focus and the row", 10, () -> table.isFocused()
                && table.getSelectionModel().getSelectedItem() != null);
        waitFor("the dialog", 30, () -> {
            robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
            return robot.lookup("#controlDialog").tryQuery().isPresent();
        });
        robot.clickOn("#controlReason").write(reason);
        robot.clickOn("#controlConfirmName").write("orbit-east");
        robot.clickOn("#controlConfirm");
        waitFor("the result", 20, () -> robot.lookup("#controlResults").queryListView().isVisible());
        assertEquals("\u2714 SIP/orbit-east on DIALER3: applied",
                robot.lookup("#controlResults").queryListView().getItems().get(0),
                robot.lookup("#controlResults").queryListView().getItems().toString());
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#controlDialog")
                .queryAs(javafx.scene.control.DialogPane.class).lookupButton(javafx.scene.control.ButtonType.CLOSE))
                .fire());
    }

    @Test
    void offlineAndBackOnlineThroughTheRealControl(FxRobot robot) throws Exception {
        waitFor("orbit-east's flags read and the audit open", 60, () -> trunk() != null && trunk().forced().known()
                && robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                .anyMatch(t -> "auditTab".equals(t.getId())));
        act(robot, KeyCode.O, "lab: real control end to end");
        waitFor("forced offline on the board", 15, () -> trunk().forced().state() == AdminState.OFFLINE);
        assertEquals("lab: real control end to end", trunk().forced().note().orElseThrow().reason());
        assertTrue(fixture.lab().dialer("DIALER3").astdb().get("trunkops", "admin/orbit-east").startsWith("offline:"),
                "the flag is in the dialer's ASTDB");
        act(robot, KeyCode.U, "lab: back");
        waitFor("in service again", 15, () -> trunk().forced().known()
                && trunk().forced().state() == AdminState.IN_SERVICE);
        assertEquals(null, fixture.lab().dialer("DIALER3").astdb().get("trunkops", "admin/orbit-east"));

        // an ended window, set by someone else: the console deletes the expired flag (journaled as online)
        LabCluster.AmiAccess a = fixture.lab().amiAccess().stream().filter(x -> x.serverId().equals("DIALER3"))
                .findFirst().orElseThrow();
        long until = java.time.Instant.now().getEpochSecond() + 8;
        try (trunkops.testutil.AmiWireClient c = new trunkops.testutil.AmiWireClient(a.host(), a.port())) {
            c.send("Action: Login\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret() + "\r\nEvents: off\r\n\r\n"
                    + "Action: DBPut\r\nActionID: w1\r\nFamily: trunkops\r\nKey: admin/orbit-east\r\nVal: offline:"
                    + until + "\r\n\r\n");
            assertTrue(c.await(m -> m.contains("ActionID: w1") && m.contains("Response: Success"),
                    Duration.ofSeconds(10)) != null, "DBPut by another client");
        }
        waitFor("the window shows", 15, () -> trunk().forced().state() == AdminState.OFFLINE);
        waitFor("the console deleted the expired flag on the dialer", 40,
                () -> fixture.lab().dialer("DIALER3").astdb().get("trunkops", "admin/orbit-east") == null);
        waitFor("and the board shows it in service, no flag stored", 15,
                () -> trunk().forced().known() && !trunk().forced().expiredFlagStored()
                        && trunk().forced().state() == AdminState.IN_SERVICE);
    }

    /**
     * A maintenance window kept in TrunkOps' table (another console or the CLI made it) is applied by the running
     * console on its own: offline with until = the window's end, on the dialer that has the trunk.
     */
    @Test
    void aStoredMaintenanceWindowIsAppliedByTheRunningConsole() throws Exception {
        LabCluster.DbAccess a = fixture.lab().dbAccess();
        org.mariadb.jdbc.MariaDbDataSource ds = new org.mariadb.jdbc.MariaDbDataSource(a.jdbcUrl());
        ds.setUser(a.user());
        ds.setPassword(a.password());
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant end = now.plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long id = trunkops.db.MaintenanceRepository.open(ds).add(new trunkops.control.MaintenanceWindow(
                trunkops.topology.Tech.SIP, "velox", java.util.List.of(), now.minusSeconds(5), end,
                java.util.Optional.empty(), "lab: carrier maintenance", java.util.Optional.of("CHG-1"),
                "someone@elsewhere", now));
        assertTrue(id > 0);
        waitFor("the console applied the window on DIALER1", 75, () -> ("offline:" + end.getEpochSecond())
                .equals(fixture.lab().dialer("DIALER1").astdb().get("trunkops", "admin/velox")));
        waitFor("the board shows velox forced offline until the window's end", 20, () -> {
            var s = view.lastSnapshot();
            return s != null && s.trunks().stream().anyMatch(t -> t.peer().equals("velox")
                    && t.forced().state() == AdminState.OFFLINE
                    && t.forced().until().equals(java.util.Optional.of(end)));
        });
        // and with who and why from the audit (the console's scheduler journaled it; AuditNotes reads it back)
        waitFor("the board says why: the window's reason", 75, () -> {
            var s = view.lastSnapshot();
            return s != null && s.trunks().stream().anyMatch(t -> t.peer().equals("velox")
                    && t.forced().note().map(n -> n.reason().contains("lab: carrier maintenance")).orElse(false));
        });
    }
}
