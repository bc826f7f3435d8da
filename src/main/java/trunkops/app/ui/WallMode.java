package trunkops.app.ui;

import javafx.scene.Parent;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

/**
 * The NOC wall display: full screen and larger type (style class {@code wall} on the root, see styles/wall.css).
 * F11, the header's toggle and the {@code --wall} launch option switch it; leaving full screen (Esc) leaves it.
 */
final class WallMode {

    static final String STYLE = "wall";

    private final Parent root;
    private final ToggleButton toggle;
    private boolean on;
    private boolean watchingFullScreen;

    WallMode(Parent root, ToggleButton toggle) {
        this.root = root;
        this.toggle = toggle;
        toggle.setOnAction(e -> set(toggle.isSelected()));
    }

    boolean on() {
        return on;
    }

    void toggle() {
        set(!on);
    }

    void set(boolean wall) {
        on = wall;
        toggle.setSelected(wall);
        root.getStyleClass().remove(STYLE);
        if (wall) {
            root.getStyleClass().add(STYLE);
        }
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            if (!watchingFullScreen) {
                watchingFullScreen = true;
                stage.setFullScreenExitHint("F11 or Esc leaves wall mode");
                stage.fullScreenProperty().addListener((o, was, full) -> {
                    if (!full && on) {
                        set(false); // the operator pressed Esc: the wall's large type goes with full screen
                    }
                });
            }
            stage.setFullScreen(wall);
        }
    }
}
