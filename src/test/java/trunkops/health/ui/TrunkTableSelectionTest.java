package trunkops.health.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import trunkops.health.TrunkScope;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;

/**
 * The board refreshes the trunk table every second with new rows (new latencies, new states): the row the operator
 * selected stays selected (a keyboard action such as Ctrl+O acts on it), also when it moves in the sort order.
 */
@ExtendWith(ApplicationExtension.class)
class TrunkTableSelectionTest {

    private TrunkTable table;

    @Start
    void start(Stage stage) {
        table = new TrunkTable();
        stage.setScene(new Scene(table, 900, 400));
        stage.show();
    }

    private static List<TrunkView> rows(int latencyOfSecond, TrunkState stateOfSecond) {
        List<TrunkView> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(new TrunkView(new TrunkKey("DIALER" + (i + 1), Tech.SIP, "orbit-east"), "ORBIT", "Orbit SIP",
                    "192.0.2.31", i == 1 ? stateOfSecond : TrunkState.REACHABLE, false, TrunkScope.NONE,
                    i == 1 ? latencyOfSecond : 30 + i, 0, "OK", 0, 0, new short[0], 1000));
        }
        return out;
    }

    @Test
    void theSelectedTrunkStaysSelectedAcrossRefreshes(FxRobot robot) {
        robot.interact(() -> {
            table.show(rows(40, TrunkState.REACHABLE));
            table.getSortOrder().add(table.getColumns().get(4)); // by state: a change moves the row
            table.getSelectionModel().select(table.getItems().stream()
                    .filter(t -> t.serverId().equals("DIALER2")).findFirst().orElseThrow());
        });
        for (int n = 0; n < 5; n++) {
            TrunkState s = n % 2 == 0 ? TrunkState.UNREACHABLE : TrunkState.REACHABLE;
            int ms = 41 + n;
            robot.interact(() -> table.show(rows(ms, s)));
            TrunkView selected = table.getSelectionModel().getSelectedItem();
            assertNotNull(selected, "the selection was lost at refresh " + n);
            assertEquals("DIALER2", selected.serverId());
            assertEquals(ms, selected.latencyMs(), "the selection is the fresh row, not the old one");
            assertEquals(1, table.getSelectionModel().getSelectedItems().size());
        }
    }
}
