package trunkops.app.ui;

import java.io.IOException;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import trunkops.app.Styles;
import trunkops.health.ClusterAccess;
import trunkops.lab.LabCluster;

/** The console's main window as the application builds it, and the access a session needs to reach a lab. */
final class ConsoleOnLab {

    private ConsoleOnLab() {
    }

    /** Loads the main view from its FXML into {@code stage} (1280 x 760, the dark theme), shows it, returns it. */
    static MainView show(Stage stage) throws IOException {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("/trunkops/app/ui/MainView.fxml"));
        Parent root = loader.load();
        Scene scene = new Scene(root, 1280, 760);
        Styles.apply(scene);
        stage.setScene(scene);
        // Monocle's headless screen is 1280 x 800: keep the window on it
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return loader.getController();
    }

    /** The lab's database and the console's AMI user, under {@code name}. */
    static ClusterAccess access(LabCluster lab, String name) {
        LabCluster.DbAccess db = lab.dbAccess();
        String secret = lab.amiAccess().get(0).secret();
        return new ClusterAccess(name, true, db.jdbcUrl(), db.user(), db.password()::toCharArray,
                LabCluster.CONSOLE_AMI_USER, secret::toCharArray);
    }
}
