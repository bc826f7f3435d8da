package trunkops.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the one composition root of the console (wiring lands with the console shell). */
public final class TrunkOpsApp extends Application {

    private static LaunchOptions launchOptions;

    static void launch(LaunchOptions options) {
        launchOptions = options;
        Application.launch(TrunkOpsApp.class);
    }

    @Override
    public void start(Stage stage) {
        throw new IllegalStateException("console shell not wired yet: " + launchOptions);
    }
}
