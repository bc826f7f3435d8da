package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;
import trunkops.topology.ui.CarrierNotesList;
import trunkops.topology.ui.CarriersView;

/** The Carriers tab shows the linter's findings: a summary column, and the selected carrier's findings below. */
@ExtendWith(ApplicationExtension.class)
class CarrierLintNotesTest {

    private CarriersView view;
    private CarrierNotesList notes;

    @Start
    void start(Stage stage) {
        view = new CarriersView();
        notes = new CarrierNotesList();
        notes.follow(view, CarrierLintNotes::of);
        stage.setScene(new Scene(new SplitPane(view, notes), 1200, 500));
        stage.show();
    }

    @Test
    void summaryColumnAndFindingsOfTheSelectedCarrier(FxRobot robot) {
        ClusterTopology t = new LabRows().build();
        robot.interact(() -> view.show(t));
        Carrier velox = t.carrier("VELOX").orElseThrow();
        String summary = (String) view.getColumns().stream().filter(c -> "lintColumn".equals(c.getId())).findFirst()
                .orElseThrow().getCellData(velox);
        assertTrue(summary.contains("\u25B2 1 warning"), summary);
        robot.interact(() -> view.getSelectionModel().select(velox));
        assertTrue(notes.getItems().stream().anyMatch(l -> l.startsWith("\u25B2 warning line ")
                && l.contains("[qualify-detection]") && l.contains("fix: ")), notes.getItems().toString());
        robot.interact(() -> view.getSelectionModel().clearSelection());
        assertEquals(0, notes.getItems().size());
    }
}
