package trunkops.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's place: the screen on a first start, where it was left afterwards, never off every screen. */
class WindowPlacementTest {

    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 2560, 1400);
    private static final Rectangle2D RIGHT = new Rectangle2D(2560, 0, 1920, 1050);

    @Test
    void aFirstStartFillsTheVisibleScreenNot1280x760() {
        assertEquals(new WindowPlacement.Place(0, 0, 2560, 1400, false),
                WindowPlacement.choose(Optional.empty(), List.of(WIDE), WIDE));
    }

    @Test
    void theSavedPlaceComesBackWhileItsScreenIsThere() {
        WindowPlacement.Place onRight = new WindowPlacement.Place(2700, 40, 1600, 900, true);
        assertEquals(onRight, WindowPlacement.choose(Optional.of(onRight), List.of(WIDE, RIGHT), WIDE));
        assertEquals(new WindowPlacement.Place(0, 0, 2560, 1400, false),
                WindowPlacement.choose(Optional.of(onRight), List.of(WIDE), WIDE), "its screen is gone");
        WindowPlacement.Place huge = new WindowPlacement.Place(0, 0, 4000, 3000, false);
        assertEquals(new WindowPlacement.Place(0, 0, 2560, 1400, false),
                WindowPlacement.choose(Optional.of(huge), List.of(WIDE), WIDE), "never larger than the screen");
    }

    @Test
    void thePlaceIsSavedAndReadBackPerUser(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trunkops").resolve("window.properties");
        WindowPlacement w = new WindowPlacement(file);
        assertEquals(Optional.empty(), w.load());
        w.save(new WindowPlacement.Place(12, 34, 1500, 900, true));
        assertEquals(Optional.of(new WindowPlacement.Place(12, 34, 1500, 900, true)), new WindowPlacement(file).load());
        Files.writeString(file, "x=12\nwidth=oops\n");
        assertEquals(Optional.empty(), new WindowPlacement(file).load(), "a damaged file is ignored, not fatal");
    }
}
