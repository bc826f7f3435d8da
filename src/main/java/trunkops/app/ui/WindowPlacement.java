package trunkops.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the main window opens: where the operator left it (size, position, maximized; per user in the app's
 * config dir), or filling the screen's visible area on a first start or when the saved place is on no screen any
 * more (a wall display unplugged). The file is read before the window shows and written when it closes: the only
 * file access on the FX thread, at moments when no view is on screen to freeze.
 */
public final class WindowPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacement.class);
    /** The smallest window the console is laid out for (every state word whole, see StateWordsFitTest). */
    static final double MIN_WIDTH = 1280;
    static final double MIN_HEIGHT = 760;
    /** How much of a saved window must be on a screen to put it back there. */
    private static final double MIN_VISIBLE = 120;

    /** A window's place. */
    public record Place(double x, double y, double width, double height, boolean maximized) {
    }

    private final Path file;
    private Place normal;

    public WindowPlacement(Path file) {
        this.file = file;
    }

    /**
     * The saved place when enough of it is on one of {@code screens} (visual bounds) and not larger than that
     * screen; otherwise {@code primary} whole.
     */
    static Place choose(Optional<Place> saved, List<Rectangle2D> screens, Rectangle2D primary) {
        if (saved.isPresent()) {
            Place p = saved.get();
            for (Rectangle2D s : screens) {
                double w = Math.min(p.x() + p.width(), s.getMaxX()) - Math.max(p.x(), s.getMinX());
                double h = Math.min(p.y() + p.height(), s.getMaxY()) - Math.max(p.y(), s.getMinY());
                if (w >= MIN_VISIBLE && h >= MIN_VISIBLE) {
                    return new Place(p.x(), p.y(), Math.min(p.width(), s.getWidth()),
                            Math.min(p.height(), s.getHeight()), p.maximized());
                }
            }
        }
        return new Place(primary.getMinX(), primary.getMinY(), primary.getWidth(), primary.getHeight(), false);
    }

    /** Puts {@code stage} at its place (before it is shown) and saves the place when it is hidden. */
    public void apply(Stage stage) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        Place p = choose(load(), screens, primary);
        stage.setMinWidth(Math.min(MIN_WIDTH, primary.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, primary.getHeight()));
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
        normal = p;
        // remember the last place that was neither maximized nor full screen: that is what a restart restores
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isFullScreen() && stage.isShowing()) {
                normal = new Place(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        stage.xProperty().addListener(o -> track.run());
        stage.yProperty().addListener(o -> track.run());
        stage.widthProperty().addListener(o -> track.run());
        stage.heightProperty().addListener(o -> track.run());
        stage.setOnHiding(e -> save(new Place(normal.x(), normal.y(), normal.width(), normal.height(),
                stage.isMaximized())));
    }

    Optional<Place> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new Place(number(p, "x"), number(p, "y"), number(p, "width"), number(p, "height"),
                    Boolean.parseBoolean(p.getProperty("maximized"))));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("ignoring the saved window place in {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        double d = Double.parseDouble(v.strip());
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(key + " is not a number");
        }
        return d;
    }

    void save(Place place) {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(place.x()));
        p.setProperty("y", Double.toString(place.y()));
        p.setProperty("width", Double.toString(place.width()));
        p.setProperty("height", Double.toString(place.height()));
        p.setProperty("maximized", Boolean.toString(place.maximized()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "TrunkOps main window (written on close)");
            }
        } catch (IOException e) {
            LOG.warn("could not save the window place to {}: {}", file, e.getMessage());
        }
    }
}
