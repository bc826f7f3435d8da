package trunkops.app.ui;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * Gives the board the room its tiles need, so no carrier hides below the fold: when the board's content is taller
 * than its pane, the divider moves down (up to {@link #MAX} of the height and never into the lower pane's minimum
 * height: the latency chart and impact keep the rest; beyond that the board scrolls). It only ever grows the board: a divider the operator moved up stays.
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
        // never below what the lower pane needs (its minimum height): SplitPane would clip the lower pane's top
        javafx.scene.Node lower = split.getItems().get(split.getItems().size() - 1);
        double lowest = (total - lower.minHeight(-1) - 6) / total;
        double wanted = Math.min(Math.min(MAX, lowest), needed / total);
        if (wanted > split.getDividerPositions()[0]) {
            split.setDividerPositions(wanted);
        }
    }
}
