package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mariadb.jdbc.MariaDbDataSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.app.ConsoleSession;
import trunkops.control.ControlRequest;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditFixtures;
import trunkops.db.AuditTable;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;

/**
 * The Audit tab in the real main window on the lab: added beside the others by the session's wiring (no MainView
 * change), reading the cluster's trunkops_audit table, and removed when the session closes.
 */
@ExtendWith(ApplicationExtension.class)
class AuditTabLabTest {

    private static LabUnderTest fixture;
    private ConsoleSession session;

    @BeforeAll
    static void startLab() throws Exception {
        fixture = LabUnderTest.start("ui-audit-lab-test", LabDefaults.cluster(),
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

    @Test
    void theAuditTabShowsTheClustersTableAndLeavesWithTheSession(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        waitFor("the Audit tab is added", 30, () -> tabs.getTabs().stream().anyMatch(t -> "auditTab".equals(t.getId())));
        Tab audit = tabs.getTabs().stream().filter(t -> "auditTab".equals(t.getId())).findFirst().orElseThrow();
        assertEquals("Audit (Ctrl+8)", audit.getText(), "the eighth tab, with its shortcut named");
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT8)
                .release(javafx.scene.input.KeyCode.DIGIT8, javafx.scene.input.KeyCode.CONTROL);
        waitFor("Ctrl+8 opens the Audit tab", 10, () -> tabs.getSelectionModel().getSelectedItem() == audit);
        Label status = robot.lookup("#auditStatus").queryAs(Label.class);
        waitFor("the table is read", 60, () -> status.getText().contains("journaled action(s) from TrunkOps' table"));

        LabCluster.DbAccess db = fixture.lab().dbAccess();
        MariaDbDataSource ds = new MariaDbDataSource(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        ControlRequest r = AuditFixtures.offline("orbit-east", "seen in the tab", "dial1");
        String id = "tab-" + System.nanoTime();
        AuditTable.open(ds).upsert(AuditEntry.begun(id, Instant.now(), AuditFixtures.ALICE, r, Map.of()));
        robot.clickOn("#auditRefresh");
        TableView<?> table = robot.lookup("#auditTable").queryTableView();
        waitFor("the entry written by another console is listed", 30, () -> table.getItems().stream()
                .anyMatch(e -> ((AuditEntry) e).id().equals(id)));
        assertTrue(status.getText().contains("UNFINISHED"), status.getText());

        session.close();
        waitFor("the tab leaves with the session", 10, () -> !tabs.getTabs().contains(audit));
    }
}
