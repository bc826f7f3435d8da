package trunkops.app;

import java.util.List;

import javafx.scene.Scene;

/** The stylesheets from styles/ (on the classpath under /styles), in cascade order. */
public final class Styles {

    public static final List<String> SHEETS = List.of("tokens.css", "theme-dark.css", "main-view.css",
            "trunk-table.css", "status-bar.css", "board.css");

    private Styles() {
    }

    public static void apply(Scene scene) {
        for (String sheet : SHEETS) {
            java.net.URL url = Styles.class.getResource("/styles/" + sheet);
            if (url == null) {
                throw new IllegalStateException("stylesheet /styles/" + sheet + " missing from the build");
            }
            scene.getStylesheets().add(url.toExternalForm());
        }
    }
}
