package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import trunkops.topology.ui.CarriersView;

/** The real main view (FXML, no lab) has the Carriers tab's Lint column and the findings list below the table. */
@ExtendWith(ApplicationExtension.class)
class CarrierLintTabTest {

    @Start
    void start(Stage stage) throws IOException {
        ConsoleOnLab.show(stage);
    }

    @Test
    void carriersTabHasLintColumnAndNotes(FxRobot robot) {
        robot.clickOn("Carriers (Ctrl+3)");
        CarriersView view = robot.lookup("#carriersView").queryAs(CarriersView.class);
        assertTrue(view.getColumns().stream().anyMatch(c -> "lintColumn".equals(c.getId())), "Lint column");
        assertTrue(robot.lookup("#carrierNotes").tryQuery().isPresent(), "findings list below the table");
    }
}
