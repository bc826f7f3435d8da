package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import trunkops.app.ConsoleSession;
import trunkops.drill.DrillJournal;
import trunkops.drill.DrillOutcome;
import trunkops.drill.DrillPlan;
import trunkops.drill.DrillState;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.routing.Route;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

/**
 * The Drills tab in the real console on the lab cluster: a drill the previous console left cut short (A forced
 * offline on DIALER2, journaled, never ended) is restored when the session starts and marked aborted; the tab lists
 * the cluster's dialers and leaves with the session.
 */
@ExtendWith(ApplicationExtension.class)
class DrillTabLabTest {

    private static LabUnderTest fixture;
    private static DrillJournal journal;
    private static String id;
    private ConsoleSession session;

    @BeforeAll
    static void startLab() throws Exception {
        fixture = LabUnderTest.start("ui-drill-lab-test", LabDefaults.cluster(),
                dir -> new LabCluster.Options(dir, 5.0, false, false, 0, Duration.ofSeconds(15), 5L));
        journal = new DrillJournal(AppPaths.stateDir().resolve("drill").resolve("drills.log"));
        Route r = Route.of("RENEW-DRILL", new RoutePattern("_81NXXNXXXXXX", 1), Strategy.PRIORITY, List.of(
                new RouteMember(Tech.SIP, "blueline", 1, 0, OptionalInt.empty()),
                new RouteMember(Tech.SIP, "nsvoice", 2, 0, OptionalInt.empty())));
        DrillPlan p = new DrillPlan(new RouteVersion(r, 1, "lab", Instant.EPOCH, ""), r.members().get(0), "DIALER2",
                3, "812125551234", "default", Optional.empty(), Duration.ofSeconds(30), 1, "crashed@lab", "drill");
        id = "D20261205T000000Z-" + String.format("%08x", System.nanoTime() & 0xffffffffL);
        journal.begin(id, p, Instant.now());
        journal.state(id, DrillState.CALLS);
        journal.out(id, "DIALER2", "SIP/blueline", "offline:0");
        fixture.lab().dialer("DIALER2").astdb().put("trunkops", "admin/blueline", "offline:0");
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

    private static void waitFor(String what, int seconds, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    @Test
    void aCutShortDrillIsRestoredAtStartAndTheTabListsTheDialers(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        waitFor("the Drills tab is added", 90, () -> tabs.getTabs().stream().anyMatch(t -> "drillTab".equals(t.getId())));
        Tab drills = tabs.getTabs().stream().filter(t -> "drillTab".equals(t.getId())).findFirst().orElseThrow();
        assertNull(fixture.lab().dialer("DIALER2").astdb().get("trunkops", "admin/blueline"),
                "the console restored A of the cut-short drill");
        assertTrue(journal.unfinished().stream().noneMatch(u -> u.id().equals(id)));
        assertEquals(DrillOutcome.ABORTED, journal.history().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow().outcome());
        trunkops.lab.LabCluster.DbAccess db = fixture.lab().dbAccess();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT route, trunk, server_id, outcome FROM trunkops_drills WHERE drill_id = ?")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the recovered drill is in the cluster's drill table (V7)");
                assertEquals("RENEW-DRILL SIP/blueline DIALER2 ABORTED", rs.getString(1) + " " + rs.getString(2)
                        + " " + rs.getString(3) + " " + rs.getString(4));
            }
        }
        robot.interact(() -> tabs.getSelectionModel().select(drills));
        @SuppressWarnings("unchecked")
        ComboBox<String> dialers = robot.lookup("#drillDialer").queryAs(ComboBox.class);
        assertEquals(List.of("DIALER1", "DIALER2", "DIALER3"), List.copyOf(dialers.getItems()));
        session.close();
        waitFor("the tab leaves with the session", 10, () -> !tabs.getTabs().contains(drills));
    }
}
