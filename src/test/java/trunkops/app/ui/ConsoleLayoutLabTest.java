package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.lab.LabCluster;
import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;
import trunkops.text.SafeText;
import trunkops.ui.common.Ellipsis;

/**
 * The main window at 1280 x 760 on a lab whose BlueLine carrier has a hostile, UTF-8 name in the database: the
 * sidebar's filter filters the board as well as the table, no state word is cut, names are shown escaped.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleLayoutLabTest {

    /** What an admin (or an attacker with database access) wrote as BlueLine's carrier_name. */
    static final String HOSTILE_NAME = "Bleu Téléphonie \u202egnp\n127.0.0.1 nsvoice REACHABLE";

    private static LabCluster lab;
    private static LabUnderTest fixture;
    private static ScheduledExecutorService scheduler;
    private ConsoleSession session;
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void startLab() throws Exception {
        LabClusterSpec d = LabDefaults.cluster();
        List<LabClusterSpec.Carrier> carriers = new ArrayList<>();
        for (LabClusterSpec.Carrier c : d.carriers()) {
            carriers.add(!c.carrierId().equals("BLUELINE") ? c : new LabClusterSpec.Carrier(c.carrierId(),
                    HOSTILE_NAME, c.description(), c.protocol(), c.serverIp(), c.active(), c.registrationString(),
                    c.globalsString(), c.accountEntry(), c.dialplanEntry()));
        }
        fixture = LabUnderTest.start("ui-layout-lab-test", new LabClusterSpec(d.servers(), carriers, d.campaigns(),
                d.lists(), d.remoteEndpoints()), dir -> new LabCluster.Options(dir, 5.0, false, false, 0,
                Duration.ofSeconds(15), 5L));
        lab = fixture.lab();
        scheduler = fixture.scheduler();
    }

    @AfterAll
    static void stopLab() {
        fixture.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        view = ConsoleOnLab.show(stage);
        session = ConsoleSession.start(ConsoleOnLab.access(lab, "Lab under test"), view, scheduler);
    }

    @AfterEach
    void closeSession() {
        session.close();
    }

    @SuppressWarnings("unchecked")
    private static TableView<TrunkView> table(FxRobot robot) {
        return robot.lookup("#trunkTable").queryAs(TableView.class);
    }

    private static void waitUntil(String what, BooleanSupplier test) {
        try {
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, test::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    private void allTrunksHaveVerdicts(FxRobot robot) {
        waitUntil("every trunk has a verdict", () -> view.lastSnapshot() != null
                && view.lastSnapshot().trunks().size() == 9
                && view.lastSnapshot().trunks().stream().noneMatch(v -> v.state() == TrunkState.UNKNOWN));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean tileShown(FxRobot robot, String id) {
        return Ellipsis.shown(robot.lookup("#" + id).query());
    }

    @Test
    void theSidebarFilterFiltersTheBoardAsWellAsTheTable(FxRobot robot) {
        allTrunksHaveVerdicts(robot);
        robot.clickOn("#trunkFilter").write("blue");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tileShown(robot, "tile-DIALER1-blueline"));
        assertFalse(tileShown(robot, "tile-DIALER1-nsvoice"), "a tile the filter excludes is hidden on the board");
        assertFalse(tileShown(robot, "tile-DIALER3-orbit-west"));
        assertEquals(3, table(robot).getItems().size());
        assertTrue(table(robot).getItems().stream().allMatch(t -> t.carrierId().equals("BLUELINE")));
        assertEquals("3 of 9 trunks shown (Esc shows all)", robot.lookup("#filterStatus").queryLabeled().getText());

        robot.interact(() -> robot.lookup("#serverList").queryListView().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tileShown(robot, "tile-DIALER2-blueline"));
        assertFalse(tileShown(robot, "tile-DIALER1-blueline"), "the selected dialer filters the board too");
        assertEquals(1, table(robot).getItems().size());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tileShown(robot, "tile-DIALER1-nsvoice"), "Esc shows everything again");
        assertEquals(9, table(robot).getItems().size());
        assertFalse(robot.lookup("#filterStatus").query().isVisible());
    }

    @Test
    void namesFromTheDatabaseAreShownEscapedAndUtf8Intact(FxRobot robot) {
        allTrunksHaveVerdicts(robot);
        String shown = SafeText.display(HOSTILE_NAME);
        assertTrue(shown.startsWith("Bleu Téléphonie \\u202egnp\\n127.0.0.1"), shown);
        assertTrue(robot.lookup(".board-carrier-name").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(shown)), "the board shows the name escaped on one line");
        robot.interact(() -> view.selectTab(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .anyMatch(c -> c.getText() != null && c.getText().contains("Bleu Téléphonie \\u202e")));
        List<String> forged = new ArrayList<>();
        robot.interact(() -> texts(stage.getScene().getRoot(), forged));
        assertEquals(List.of(), forged, "no text on screen carries the raw line feed or bidi override");
    }

    private static void texts(Node n, List<String> forged) {
        if (n instanceof Text t && t.getText() != null && (t.getText().contains("\n127.0.0.1")
                || t.getText().contains("\u202e"))) {
            forged.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, forged));
        }
    }

    @Test
    void noStateWordIsCutAt1280x760(FxRobot robot) {
        allTrunksHaveVerdicts(robot);
        lab.faults().killTrunk("orbit-west");
        lab.faults().dropAmi("DIALER2");
        try {
            waitUntil("orbit-west is unreachable and DIALER2 stale", () -> view.lastSnapshot().trunks().stream()
                    .anyMatch(t -> t.peer().equals("orbit-west") && t.state() == TrunkState.UNREACHABLE)
                    && view.lastSnapshot().trunks().stream().anyMatch(t -> t.state() == TrunkState.STALE));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(1280, stage.getScene().getWidth(), 0.5);
            assertEquals(760, stage.getScene().getHeight(), 0.5);
            List<String> cut = new ArrayList<>();
            robot.interact(() -> {
                for (Node tile : robot.lookup(".trunk-tile-state").queryAll()) {
                    if (Ellipsis.cut((Label) tile)) {
                        cut.add("tile: " + ((Label) tile).getText() + " \u2192 " + Ellipsis.drawn((Label) tile));
                    }
                }
                cut.addAll(Ellipsis.cutUnder((Parent) robot.lookup(".header-bar").query()));
                // and none below the fold: every state word inside the board's visible area, without scrolling
                Node scroll = robot.lookup("#boardScroll").query();
                javafx.geometry.Bounds area = scroll.localToScene(scroll.getLayoutBounds());
                for (Node state : robot.lookup(".trunk-tile-state").queryAll()) {
                    javafx.geometry.Bounds b = state.localToScene(state.getLayoutBounds());
                    if (b.getMaxY() > area.getMaxY() + 0.5 || b.getMaxX() > area.getMaxX() + 0.5) {
                        cut.add("below the fold: " + state.getParent().getId());
                    }
                }
            });
            robot.interact(() -> view.selectTab(2));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                for (Node cell : robot.lookup(".trunk-state-cell").queryAll()) {
                    if (Ellipsis.cut((javafx.scene.control.Labeled) cell)) {
                        cut.add("state cell: " + Ellipsis.drawn((javafx.scene.control.Labeled) cell));
                    }
                }
                robot.lookup("#trunkTable .column-header .label").queryAllAs(Label.class).stream()
                        .filter(Ellipsis::cut).forEach(l -> cut.add("column header: " + Ellipsis.drawn(l)));
            });
            assertEquals(List.of(), cut, "state words and headers cut at 1280 x 760");
        } finally {
            lab.faults().restoreTrunk("orbit-west");
            lab.faults().restartAmi("DIALER2");
        }
    }
}
