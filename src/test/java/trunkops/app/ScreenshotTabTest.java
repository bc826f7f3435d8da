package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code --screenshot-tab} by number or by name: a tab added late (Alerts, Drills) is not there yet, then is
 * selected once it exists; the outer tabs are found even when a tab holds tabs of its own.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTabTest {

    private TabPane tabs;
    private Scene scene;

    @Start
    void start(Stage stage) {
        TabPane inner = new TabPane(new Tab("Impact"), new Tab("Timeline"));
        tabs = new TabPane(new Tab("Board (Ctrl+1)", inner), new Tab("Trunks (Ctrl+2)"));
        scene = new Scene(new BorderPane(tabs), 400, 300);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void selectsByNumberOrNameOnceTheTabExists(FxRobot robot) {
        robot.interact(() -> {
            assertSame(tabs, ScreenshotWhenReady.mainTabs(scene));
            assertFalse(ScreenshotWhenReady.select(tabs, "Alerts"), "not added yet");
            assertFalse(ScreenshotWhenReady.select(tabs, "3"));
            tabs.getTabs().add(new Tab("Alerts", new Label("alerts")));
            assertTrue(ScreenshotWhenReady.select(tabs, "alerts"));
            assertEquals("Alerts", tabs.getSelectionModel().getSelectedItem().getText());
            assertTrue(ScreenshotWhenReady.select(tabs, "trunks"), "the (Ctrl+n) hint is not part of the name");
            assertEquals(1, tabs.getSelectionModel().getSelectedIndex());
            assertTrue(ScreenshotWhenReady.select(tabs, "3"));
            assertEquals(2, tabs.getSelectionModel().getSelectedIndex());
            assertFalse(ScreenshotWhenReady.select(tabs, "Impact"), "an inner tab is not a main tab");
        });
    }
}
