package trunkops.traffic.ui;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * Answer rate over time per carrier, with the quality alarms drawn as bands behind the lines (the timeline): a band
 * from an episode's detection to its clearing, open-ended while it lasts. X is minutes of the database's wall clock.
 */
final class AsrChart extends LineChart<Number, Number> {

    /** An alarm band: [from, to) in minutes, {@code ongoing} when not cleared. */
    record Band(long from, long to, boolean ongoing, String tooltip) {
    }

    private final List<Rectangle> rects = new ArrayList<>();
    private List<Band> bands = List.of();
    private long maxGapMinutes = Long.MAX_VALUE;
    private String focused;
    private java.util.function.Consumer<String> onLegendClick = name -> { };

    AsrChart() {
        super(timeAxis(), percentAxis("ASR %"));
        setCreateSymbols(false);
        setAnimated(false);
        setTitle("Answer rate (ASR) per carrier");
        getStyleClass().add("asr-chart");
    }

    static NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number minute) {
                LocalDateTime t = LocalDateTime.ofEpochSecond(minute.longValue() * 60, 0, ZoneOffset.UTC);
                return String.format("%02d:%02d", t.getHour(), t.getMinute());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
        return x;
    }

    static NumberAxis percentAxis(String label) {
        NumberAxis y = new NumberAxis(0, 100, 10);
        y.setAutoRanging(false);
        y.setLabel(label);
        y.setMinorTickVisible(false);
        return y;
    }

    /** Sets the time span shown (minutes), with hour ticks for spans over 3 h. */
    void span(long fromMinute, long toMinute) {
        NumberAxis x = (NumberAxis) getXAxis();
        x.setLowerBound(fromMinute);
        x.setUpperBound(Math.max(toMinute, fromMinute + 1));
        long span = toMinute - fromMinute;
        x.setTickUnit(span > 180 ? 120 : span > 60 ? 30 : 10);
    }

    void bands(List<Band> b) {
        getPlotChildren().removeAll(rects);
        rects.clear();
        bands = List.copyOf(b);
        for (Band band : bands) {
            Rectangle r = new Rectangle();
            r.getStyleClass().add("alarm-band");
            if (band.ongoing()) {
                r.getStyleClass().add("alarm-band-ongoing");
            }
            r.setMouseTransparent(true);
            rects.add(r);
        }
        getPlotChildren().addAll(0, rects);
        requestChartLayout();
    }

    /**
     * Points further apart than this (minutes) are not joined: a night without calls, or a stretch of buckets
     * under the minimum attempts, shows as a gap rather than as a straight line that was never measured.
     */
    void maxGap(long minutes) {
        maxGapMinutes = minutes;
        requestChartLayout();
    }

    /** Line segments drawn across a gap (tests): 0 when every gap is broken. */
    int joinedGaps() {
        int n = 0;
        for (Series<Number, Number> s : getData()) {
            if (s.getNode() instanceof javafx.scene.shape.Path path) {
                List<Double> xs = sortedX(s);
                int offset = path.getElements().size() - xs.size();
                for (int i = 1; i < xs.size() && offset >= 0; i++) {
                    if (xs.get(i) - xs.get(i - 1) > maxGapMinutes
                            && path.getElements().get(i + offset) instanceof javafx.scene.shape.LineTo) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static List<Double> sortedX(Series<Number, Number> s) {
        List<Double> xs = new ArrayList<>();
        for (Data<Number, Number> d : s.getData()) {
            xs.add(d.getXValue().doubleValue());
        }
        xs.sort(null);
        return xs;
    }

    /**
     * Replaces the line across each gap by a move. LineChart draws one LineTo per point in x order, after a first
     * MoveTo (JavaFX 21: MoveTo to the first point, then LineTo to every point including the first).
     */
    private void breakGaps() {
        for (Series<Number, Number> s : getData()) {
            if (!(s.getNode() instanceof javafx.scene.shape.Path path)) {
                continue;
            }
            List<Double> xs = sortedX(s);
            var elements = path.getElements();
            int offset = elements.size() - xs.size();
            if (offset < 0 || offset > 1) {
                continue; // not the shape this relies on: leave the line as JavaFX drew it
            }
            for (int i = 1; i < xs.size(); i++) {
                if (xs.get(i) - xs.get(i - 1) > maxGapMinutes
                        && elements.get(i + offset) instanceof javafx.scene.shape.LineTo line) {
                    elements.set(i + offset, new javafx.scene.shape.MoveTo(line.getX(), line.getY()));
                }
            }
        }
    }

    /**
     * Four carriers' lines tangle: the focused one (by series name) is drawn on top at full strength, the others
     * dimmed. {@code null} shows every line alike.
     */
    void focus(String seriesName) {
        focused = seriesName;
        applyFocus();
        getData().stream().filter(s -> s.getName().equals(seriesName) && s.getNode() != null).findFirst()
                .ifPresent(s -> s.getNode().toFront());
    }

    /** Called with a series' name when the operator clicks its legend entry. */
    void onLegendClick(java.util.function.Consumer<String> action) {
        onLegendClick = action;
    }

    /** Whether {@code seriesName}'s line is dimmed (tests). */
    boolean dimmed(String seriesName) {
        return getData().stream().filter(s -> s.getName().equals(seriesName)).findFirst()
                .map(s -> s.getNode() != null && s.getNode().getOpacity() < 1).orElse(false);
    }

    private void applyFocus() {
        for (Series<Number, Number> s : getData()) {
            javafx.scene.Node line = s.getNode();
            if (line == null) {
                continue;
            }
            boolean on = focused == null || focused.equals(s.getName());
            line.setOpacity(on ? 1 : DIMMED);
            line.pseudoClassStateChanged(FOCUSED, focused != null && on);
        }
        for (javafx.scene.Node item : lookupAll(".chart-legend-item")) {
            if (item instanceof javafx.scene.control.Label l) {
                l.setOpacity(focused == null || focused.equals(l.getText()) ? 1 : DIMMED);
            }
        }
    }

    private static final double DIMMED = 0.22;
    private static final javafx.css.PseudoClass FOCUSED = javafx.css.PseudoClass.getPseudoClass("focused-series");

    @Override
    protected void updateLegend() {
        super.updateLegend();
        for (javafx.scene.Node item : lookupAll(".chart-legend-item")) {
            if (item instanceof javafx.scene.control.Label l) {
                l.setCursor(javafx.scene.Cursor.HAND);
                l.setOnMouseClicked(e -> onLegendClick.accept(l.getText()));
            }
        }
        applyFocus();
    }

    int bandCount() {
        return rects.size();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        breakGaps();
        applyFocus();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        double top = y.getDisplayPosition(y.getUpperBound());
        double bottom = y.getDisplayPosition(y.getLowerBound());
        for (int i = 0; i < rects.size(); i++) {
            Band b = bands.get(i);
            double x0 = x.getDisplayPosition(Math.max(b.from(), x.getLowerBound()));
            double x1 = x.getDisplayPosition(Math.min(b.to(), x.getUpperBound()));
            Rectangle r = rects.get(i);
            r.setX(x0);
            r.setY(top);
            r.setWidth(Math.max(2, x1 - x0));
            r.setHeight(Math.max(0, bottom - top));
        }
    }
}
