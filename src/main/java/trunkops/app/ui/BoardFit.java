package trunkops.app.ui;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * Gives the board the room its tiles need, so no carrier hides below the fold: when the board's content is taller
 * than its pane, the divider moves down (up to {@link #MAX} of the height, the latency chart and impact keep the
 * rest; beyond that the board scrolls). It only ever grows the board: a divider the operator moved up stays.
 */
final class BoardFit {

    static final double MAX = 0.8;

    private BoardFit() {
    }

    static void attach(SplitPane split, ScrollPane scroll, Region board) {
        Runnable fit = () -> fit(split, scroll, board);
        split.heightProperty().addListener(o -> fit.run());
        board.heightProperty().addListener(o -> fit.run());
    }

    private static void fit(SplitPane split, ScrollPane scroll, Region board) {
        double total = split.getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (total <= 0 || viewport <= 0 || split.getDividers().isEmpty()) {
            return;
        }
        double chrome = scroll.getHeight() - viewport; // the scroll pane's own insets
        double needed = board.prefHeight(scroll.getViewportBounds().getWidth()) + chrome + 2;
        double wanted = Math.min(MAX, needed / total);
        if (wanted > split.getDividerPositions()[0]) {
            split.setDividerPositions(wanted);
        }
    }
}
