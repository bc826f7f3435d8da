package trunkops.app;

import java.util.List;

import javafx.scene.Scene;

/** The stylesheets from styles/ (on the classpath under /styles), in cascade order. */
public final class Styles {

    public static final List<String> SHEETS = List.of("tokens.css", "theme-dark.css", "main-view.css",
            "trunk-table.css", "status-bar.css", "board.css", "dialogs.css", "routes.css", "audit.css", "wall.css",
            "push.css",
            "alerts.css");

    private Styles() {
    }

    public static void apply(Scene scene) {
        scene.getStylesheets().addAll(urls());
    }

    /** For a node shown in a scene of its own (a dialog's pane): the same sheets on the node. */
    public static void apply(javafx.scene.Parent root) {
        root.getStylesheets().addAll(urls());
    }

    private static List<String> urls() {
        List<String> urls = new java.util.ArrayList<>();
        for (String sheet : SHEETS) {
            java.net.URL url = Styles.class.getResource("/styles/" + sheet);
            if (url == null) {
                throw new IllegalStateException("stylesheet /styles/" + sheet + " missing from the build");
            }
            urls.add(url.toExternalForm());
        }
        return urls;
    }
}
