package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;


/** The wall display: F11 (or the header's toggle, or --wall) gives full screen and larger type, and back. */
@ExtendWith(ApplicationExtension.class)
class WallModeTest {

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ConsoleOnLab.show(stage);
    }

    @Test
    void f11TogglesFullScreenAndLargerType(FxRobot robot) {
        Label title = robot.lookup("#appTitle").queryAs(Label.class);
        double normal = title.getFont().getSize();
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getScene().getRoot().getStyleClass().contains(WallMode.STYLE));
        assertTrue(stage.isFullScreen(), "full screen");
        assertTrue(robot.lookup("#wallToggle").queryAs(ToggleButton.class).isSelected(), "the toggle says so");
        assertTrue(title.getFont().getSize() > normal * 1.3, normal + " -> " + title.getFont().getSize());
        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isFullScreen());
        assertFalse(stage.getScene().getRoot().getStyleClass().contains(WallMode.STYLE));
        assertEquals(normal, title.getFont().getSize(), 0.01);
    }

    @Test
    void theToggleAndTheLaunchOptionDoTheSame(FxRobot robot) {
        robot.clickOn("#wallToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFullScreen());
        robot.interact(() -> stage.setFullScreen(false)); // Esc leaves full screen: the wall type goes with it
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.getScene().getRoot().getStyleClass().contains(WallMode.STYLE));
        assertFalse(robot.lookup("#wallToggle").queryAs(ToggleButton.class).isSelected());
        // --wall sets the same mode at start: CliTest.consoleOptionsKeepTheirMeaning
    }
}
