package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.app.Styles;
import trunkops.db.DbLinkState;
import trunkops.db.DbLinkStatus;
import trunkops.health.BoardSnapshot;
import trunkops.health.TrunkScope;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.health.ui.TrunkTile;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;
import trunkops.ui.common.Ellipsis;

/**
 * At 1280 x 760 (the smallest window the console is made for) every state word is drawn whole: in every tile, in
 * the trunk table's state column, and in the header's summary, for every state and with the flapping badge.
 */
@ExtendWith(ApplicationExtension.class)
class StateWordsFitTest {

    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        view = ConsoleOnLab.show(stage);
    }

    static List<TrunkView> everyState() {
        List<TrunkView> out = new ArrayList<>();
        int i = 0;
        for (TrunkState s : TrunkState.values()) {
            for (boolean flapping : new boolean[] {false, true}) {
                i++;
                out.add(new TrunkView(new TrunkKey("DIALER" + (i % 3 + 1), Tech.SIP, "orbit-west-" + i), "ORBIT",
                        "Orbit SIP", "192.0.2.31", s, flapping, i % 2 == 0 ? TrunkScope.CARRIER_WIDE
                        : TrunkScope.SERVER_LOCAL, s == TrunkState.LAGGED ? 2576 : 31, 12, "OK 31 ms",
                        0, 0, new short[0], 1000));
            }
        }
        // the forced states (issue 10): their words, the probe verdict and until under them, on a tile and a row
        java.util.Optional<java.time.Instant> until = java.util.Optional.of(java.time.Instant.now().plusSeconds(7200));
        for (trunkops.control.AdminState a : List.of(trunkops.control.AdminState.OFFLINE,
                trunkops.control.AdminState.DRAIN)) {
            for (TrunkState s : List.of(TrunkState.REACHABLE, TrunkState.UNREACHABLE)) {
                i++;
                out.add(new TrunkView(new TrunkKey("DIALER" + (i % 3 + 1), Tech.SIP, "orbit-west-" + i), "ORBIT",
                        "Orbit SIP", "192.0.2.31", s, false, TrunkScope.NONE, 31, 12, "OK 31 ms", 0, 0,
                        new short[0], 1000, new trunkops.health.ForcedState(a, true, until,
                        java.util.Optional.empty())));
            }
        }
        return out;
    }

    @Test
    void everyStateWordFitsInTheTileTheTableAndTheHeader(FxRobot robot) {
        List<TrunkView> trunks = everyState();
        robot.interact(() -> {
            view.enableLabConsole(c -> "");
            view.update(new BoardSnapshot("Lab cluster (3 dialers)", true, null, List.of(), trunks, List.of(),
                    List.of(), new DbLinkStatus(DbLinkState.UP, "ok", 0), null, 1, 0, 0));
            view.selectTab(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            robot.lookup(".trunk-state-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                    .filter(Ellipsis::cut).forEach(c -> cut.add("state cell: " + Ellipsis.drawn(c)));
            cut.addAll(Ellipsis.cutUnder((javafx.scene.Parent) robot.lookup(".header-bar").query()));
        });
        assertEquals(List.of(), cut, "cut at 1280 x 760");

        FlowPane tiles = new FlowPane(6, 6);
        robot.interact(() -> {
            for (TrunkView v : trunks) {
                TrunkTile t = new TrunkTile();
                t.show(v);
                tiles.getChildren().add(t);
            }
            Scene scene = new Scene(tiles, 1280, 760);
            Styles.apply(scene);
            stage.setScene(scene);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (Node n : tiles.lookupAll(".trunk-tile-state")) {
                if (Ellipsis.cut((Label) n)) {
                    cut.add("tile: " + ((Label) n).getText() + " \u2192 " + Ellipsis.drawn((Label) n));
                }
            }
        });
        assertEquals(List.of(), cut, "tile state words cut");
    }
}
