package trunkops.app.ui;

import java.nio.file.Path;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import trunkops.app.ClusterProfile;

/**
 * What Ctrl+K (the cluster picker) says when no cluster is configured: where the profile goes, an example, and
 * that secrets never go in it. A card over the top right of the main area; Esc or Close hides it.
 */
final class ClusterHint extends VBox {

    ClusterHint() {
        setId("clusterHint");
        getStyleClass().add("cluster-hint");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setFillWidth(true);
        Label title = new Label("No cluster configured: the console is on the embedded lab");
        title.getStyleClass().add("cluster-hint-title");
        Label how = new Label(text(ClusterProfile.file(), ClusterProfile.directory()));
        how.setId("clusterHintText");
        how.getStyleClass().add("cluster-hint-text");
        how.setWrapText(true);
        how.setMaxWidth(560);
        Button close = new Button("Close");
        close.setId("clusterHintClose");
        close.setOnAction(e -> hide());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(title, how, new HBox(spacer, close));
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        hide();
    }

    static String text(Path file, Path directory) {
        return "To watch a real cluster, create " + file + "\n(or one file per cluster in " + directory
                + "/*.properties), for example:\n\n"
                + "name = Production east\n"
                + "jdbc.url = jdbc:mariadb://10.0.0.5:3306/asterisk\n"
                + "db.user = trunkops_ro\n"
                + "ami.user = trunkops\n\n"
                + "No passwords in the file: the console asks for them once per session or takes them from the "
                + "OS keyring. Restart TrunkOps to load it; then Ctrl+K switches between your clusters and the lab.";
    }

    void show() {
        setVisible(true);
        setManaged(true);
        toFront();
    }

    void hide() {
        setVisible(false);
        setManaged(false);
    }
}
