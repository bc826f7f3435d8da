package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
import trunkops.routing.RouteFile;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;
import trunkops.ui.common.Snapshots;

/**
 * The push window in the real main window on the full lab (3 dialers, real MariaDB, real TCP AMI, the lab's
 * keepalive every 2 s): Push… on a saved route verifies on every dialer and shows NEW everywhere; a route whose
 * pattern another carrier serves has a lint error and Push is off; Cancel while the keepalive is stopped rolls back
 * and shows OLD everywhere; "Roll back to this version" in the history pushes v1 again; a row edited elsewhere after
 * the review stops the push with the three-way difference, nothing written. Takes the README's pictures
 * (target/push-diff.png, target/push-rollback.png; docs/images holds copies).
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushWindowLabTest {

    private static final String ROUTE = String.join("\n",
            "name = RENEW-SPLIT",
            "pattern = _51NXXNXXXXXX strip=1",
            "dialers = all",
            "strategy = weighted",
            "member = SIP/blueline weight=%d priority=1",
            "member = SIP/nsvoice weight=%d priority=2",
            "dial-timeout = 30");

    private static LabUnderTest fixture;
    private ConsoleSession session;

    @BeforeAll
    static void startLab() throws Exception {
        fixture = LabUnderTest.start("ui-push-lab-test", LabDefaults.cluster(),
                dir -> new LabCluster.Options(dir, 1.0, false, false, 0, Duration.ofSeconds(2), 11L));
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
    void closeSession() throws TimeoutException {
        fixture.lab().faults().restoreKeepalive();
        session.close();
        org.testfx.api.FxToolkit.cleanupStages();
    }

    private static RouteVersion save(String text, int basedOn) throws Exception {
        LabCluster.DbAccess db = fixture.lab().dbAccess();
        try (Database d = new Database(Database.Settings.of(db.jdbcUrl(), db.user()), db.password().toCharArray())) {
            RouteStore.SaveResult r = RouteRepository.open(d, "lab-engineer").save(RouteFile.parse(text), basedOn,
                    "lab-engineer", "weights " + basedOn);
            return assertInstanceOf(RouteStore.SaveResult.Saved.class, r, r.toString()).version();
        }
    }

    private static String route(int blue) {
        return String.format(ROUTE, blue, 100 - blue);
    }

    private static void waitFor(String what, int seconds, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    /** Ctrl+7, the route selected in the list, Ctrl+P; returns once the review says whether it may push. */
    private static void openPush(FxRobot robot, String name, int version, int routes) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        waitFor("the route store is open", 60, () -> text(robot, "#storeStatus").startsWith("\u2714"));
        robot.clickOn("#reloadRoutes"); // saved by "another console" after this session read the list
        TableView<?> list = robot.lookup("#routeList").queryTableView();
        java.util.function.IntPredicate wanted = i -> list.getItems().get(i).toString().contains("name=" + name + ",")
                && list.getItems().get(i).toString().contains("], version=" + version + ",");
        waitFor("the routes are listed", 60, () -> list.getItems().size() == routes
                && java.util.stream.IntStream.range(0, routes).anyMatch(wanted));
        int row = java.util.stream.IntStream.range(0, routes).filter(wanted).findFirst().orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(row));
        waitFor("Push is on", 30, () -> !robot.lookup("#pushRoute").queryButton().isDisabled());
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        waitFor("the review of " + name, 60, () -> text(robot, "#pushWhy").startsWith("\u2714")
                || text(robot, "#pushWhy").startsWith("\u2716") || text(robot, "#pushWhy").startsWith("="));
    }

    /** Each dialer's result word as its cell shows it, in the table's order. */
    private static List<String> results(FxRobot robot) {
        TableView<?> t = robot.lookup("#pushDialers").queryTableView();
        return t.getItems().stream().map(r -> {
            String s = r.toString();
            String state = s.substring(s.indexOf("result=") + 7, s.indexOf(',', s.indexOf("result=")));
            String word = state.equals("NEW") ? "\u2714 NEW" : state.equals("OLD") ? "\u21B6 OLD" : state;
            waitFor("a result cell reads " + word, 10, () -> robot.lookup(".push-result").queryAll().stream()
                    .anyMatch(n -> word.equals(((Labeled) n).getText())));
            return word;
        }).toList();
    }

    private static void shoot(FxRobot robot, String file) throws Exception {
        javafx.scene.image.WritableImage shot = WaitForAsyncUtils.asyncFx(() -> new Snapshots()
                .take(robot.lookup("#pushDialog").query().getScene())).get(10, TimeUnit.SECONDS);
        new Snapshots().writePng(shot, Path.of("target", file));
    }

    @Test
    @Order(1)
    void aPushThatVerifiesOnEveryDialerShowsNewEverywhere(FxRobot robot) throws Exception {
        save(route(70), 0);
        openPush(robot, "RENEW-SPLIT", 1, 1);
        Button push = robot.lookup("#confirmPush").queryButton();
        assertEquals("Push v1 to DIALER1, DIALER2, DIALER3", push.getText().replace("_", ""), text(robot, "#pushWhy"));
        assertTrue(text(robot, "#pushLive").contains("no router carrier"), text(robot, "#pushLive"));
        robot.clickOn("#confirmPush");
        waitFor("the push ends", 120, () -> !text(robot, "#pushOutcome").isEmpty());
        assertTrue(text(robot, "#pushOutcome").startsWith("\u2714 Pushed and verified"), text(robot, "#pushOutcome"));
        assertEquals(List.of("\u2714 NEW", "\u2714 NEW", "\u2714 NEW"), results(robot));
        waitFor("the push's steps are in the shared audit table", 30,
                () -> auditSteps("RENEW-SPLIT").containsAll(List.of("CANARY_WRITE", "VERIFY", "STAGE_OTHERS", "FINAL")));
    }

    /** The steps ({@code route} column) of the console's ROUTE_PUSH_STEP entries for a route, from the lab's database. */
    private static List<String> auditSteps(String route) {
        LabCluster.DbAccess db = fixture.lab().dbAccess();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             java.sql.PreparedStatement st = c.prepareStatement(
                     "SELECT route FROM trunkops_audit WHERE verb = 'ROUTE_PUSH_STEP' AND trunk LIKE ?")) {
            st.setString(1, "%" + route);
            List<String> steps = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString(1));
                }
            }
            return steps;
        } catch (java.sql.SQLException e) {
            return List.of(); // the table is written after the local journal; not there yet
        }
    }

    @Test
    @Order(2)
    void aLintErrorTurnsPushOff(FxRobot robot) throws Exception {
        // BLUELINE already serves _81NXXNXXXXXX on the lab's dialers: saved before that carrier existed, say
        save(route(70).replace("RENEW-SPLIT", "CLASH").replace("_51NXXNXXXXXX", "_81NXXNXXXXXX"), 0);
        openPush(robot, "CLASH", 1, 2);
        assertTrue(robot.lookup("#confirmPush").queryButton().isDisabled());
        assertTrue(text(robot, "#pushWhy").contains("lint error"), text(robot, "#pushWhy"));
        assertTrue(robot.lookup("#pushFindings").queryListView().getItems().stream()
                .anyMatch(f -> f.toString().contains("duplicate-across-carriers")));
    }

    @Test
    @Order(3)
    void cancelWhileWaitingRollsBackAndShowsOldEverywhere(FxRobot robot) throws Exception {
        save(route(50), 1);
        openPush(robot, "RENEW-SPLIT", 2, 2);
        assertTrue(robot.lookup("#pushDialerList").queryListView().getItems().get(0).toString().contains("~"),
                "v1 -> v2 changes lines on every dialer");
        shoot(robot, "push-diff.png");
        fixture.lab().faults().stopKeepalive();
        robot.clickOn("#confirmPush");
        waitFor("the wait for the keepalive", 60, () -> text(robot, "#pushStep").contains("waiting for ViciDial's"));
        robot.clickOn("#cancelPush");
        waitFor("the rollback", 60, () -> text(robot, "#pushStep").startsWith("Rolling back")
                || !text(robot, "#pushOutcome").isEmpty());
        fixture.lab().faults().restoreKeepalive();
        waitFor("the push ends", 120, () -> !text(robot, "#pushOutcome").isEmpty());
        assertTrue(text(robot, "#pushOutcome").contains("Rolled back"), text(robot, "#pushOutcome"));
        assertEquals(List.of("\u21B6 OLD", "\u21B6 OLD", "\u21B6 OLD"), results(robot));
    }

    @Test
    @Order(4)
    void rollbackFromTheHistoryPushesTheEarlierVersion(FxRobot robot) throws Exception {
        openPush(robot, "RENEW-SPLIT", 2, 2);
        robot.clickOn("#confirmPush"); // v2 live first
        waitFor("v2 is pushed", 120, () -> text(robot, "#pushOutcome").startsWith("\u2714"));
        robot.clickOn("#closeRun");
        robot.interact(() -> ((TabPane) robot.lookup("#routesView .tab-pane").query()).getSelectionModel().select(1));
        TableView<?> history = robot.lookup("#historyTable").queryTableView();
        waitFor("both versions", 30, () -> history.getItems().size() == 2);
        robot.interact(() -> history.getSelectionModel().select(1)); // newest first: v1
        robot.clickOn("#rollbackVersion");
        waitFor("the review of the rollback", 60, () -> text(robot, "#pushWhy").startsWith("\u2714"));
        assertEquals("Roll back to v1 on DIALER1, DIALER2, DIALER3",
                robot.lookup("#confirmPush").queryButton().getText().replace("_", ""));
        robot.clickOn("#confirmPush");
        waitFor("the rollback ends", 120, () -> !text(robot, "#pushOutcome").isEmpty());
        assertTrue(text(robot, "#pushOutcome").startsWith("\u2714 Rolled back to v1 as asked, verified"),
                text(robot, "#pushOutcome"));
        assertTrue(text(robot, "#pushOutcome").contains("RENEW-SPLIT v1 verified"), text(robot, "#pushOutcome"));
        assertEquals(List.of("\u2714 NEW", "\u2714 NEW", "\u2714 NEW"), results(robot));
        shoot(robot, "push-rollback.png");
    }

    @Test
    @Order(5)
    void aRowEditedElsewhereAfterTheReviewStopsThePushWithTheThreeWayDifference(FxRobot robot) throws Exception {
        openPush(robot, "RENEW-SPLIT", 2, 2); // v1 is live after the rollback above
        LabCluster.DbAccess db = fixture.lab().dbAccess();
        trunkops.push.RouterRow edited;
        try (Database d = new Database(Database.Settings.of(db.jdbcUrl(), db.user()), db.password().toCharArray())) {
            trunkops.db.RouterCarrierRepository other = new trunkops.db.RouterCarrierRepository(d.dataSource(),
                    java.time.Clock.systemDefaultZone(), "127.0.0.9");
            trunkops.push.RouterRow live = other.read("RENEW-SPLIT").orElseThrow();
            edited = new trunkops.push.RouterRow(live.carrierId(), live.dialplanEntry(), "EDITED=1", live.serverIp(),
                    live.active());
            other.write(java.util.Optional.of(live), java.util.Optional.of(edited), "admin", "edited in admin.php");
        }
        robot.clickOn("#confirmPush");
        waitFor("the three-way view", 60, () -> robot.lookup("#threeWayVerdict-globals_string").tryQuery()
                .isPresent());
        assertTrue(text(robot, "#pushOutcome").contains("Stopped"), text(robot, "#pushOutcome"));
        assertTrue(text(robot, "#threeWayVerdict-globals_string").contains("changed live since"));
        assertEquals("EDITED=1", robot.lookup("#threeWayLive-globals_string")
                .queryAs(javafx.scene.control.TextArea.class).getText());
        assertTrue(text(robot, "#threeWayVerdict-dialplan_entry").contains("the push changes it"),
                text(robot, "#threeWayVerdict-dialplan_entry"));
        try (Database d = new Database(Database.Settings.of(db.jdbcUrl(), db.user()), db.password().toCharArray())) {
            assertEquals(java.util.Optional.of(edited), new trunkops.db.RouterCarrierRepository(d.dataSource(),
                    java.time.Clock.systemDefaultZone(), "127.0.0.9").read("RENEW-SPLIT"), "nothing written");
        }
    }
}
