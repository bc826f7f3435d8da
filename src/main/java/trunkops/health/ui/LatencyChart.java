package trunkops.health.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

import trunkops.health.LatencyHistory;
import trunkops.health.Lttb;

/**
 * A trunk's qualify latency over a time window, drawn on a canvas: the series decimated with LTTB to about one
 * point per pixel (a day of 5-second samples draws like five minutes, see docs/adr/0005), gaps where nothing was
 * measured, a mark at the bottom for every failed probe, and the peer's qualify threshold as a dashed line.
 * Colours are CSS properties ({@code -chart-line}, {@code -chart-grid}, {@code -chart-text}, {@code -chart-fail},
 * {@code -chart-threshold}).
 */
public final class LatencyChart extends Region {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final double LEFT = 52;
    private static final double BOTTOM = 22;
    private static final double TOP = 8;
    private static final double RIGHT = 10;

    private final Canvas canvas = new Canvas();
    private final StyleableObjectProperty<Paint> line = paint(LINE, Color.DODGERBLUE);
    private final StyleableObjectProperty<Paint> grid = paint(GRID, Color.DIMGRAY);
    private final StyleableObjectProperty<Paint> text = paint(TEXT, Color.GRAY);
    private final StyleableObjectProperty<Paint> fail = paint(FAIL, Color.RED);
    private final StyleableObjectProperty<Paint> threshold = paint(THRESHOLD, Color.ORANGE);
    private LatencyHistory.Series series = new LatencyHistory.Series(new long[0], new short[0]);
    private long from;
    private long to;
    private int maxMs;
    private long lastDrawNanos;

    public LatencyChart() {
        getStyleClass().add("latency-chart");
        getChildren().add(canvas);
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    /** Shows {@code s} over [{@code fromMillis}, {@code toMillis}); {@code qualifyMaxMs} 0 = no threshold line. */
    public void show(LatencyHistory.Series s, long fromMillis, long toMillis, int qualifyMaxMs) {
        this.series = s;
        this.from = fromMillis;
        this.to = toMillis;
        this.maxMs = qualifyMaxMs;
        draw();
    }

    /** How long the last redraw took (for the benchmark). */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    void draw() {
        long t0 = System.nanoTime();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10 || to <= from) {
            return;
        }
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        int n = series.size();
        List<Integer> valid = new ArrayList<>(n);
        int top = 10;
        for (int i = 0; i < n; i++) {
            short v = series.values()[i];
            if (v >= 0) {
                valid.add(i);
                top = Math.max(top, v);
            }
        }
        // the qualify limit is part of the scale only when it is near the data; otherwise it is named at the top
        boolean limitOnScale = maxMs > 0 && maxMs <= top * 3;
        int yMax = niceCeiling((limitOnScale ? Math.max(top, maxMs) : top) * 1.1);
        g.setFont(Font.font(11));
        g.setLineWidth(1);
        g.setStroke(grid.get());
        g.setFill(text.get());
        int rows = yMax % 5 == 0 ? 5 : 4;
        for (int k = 0; k <= rows; k++) {
            double y = TOP + ph - ph * k / (double) rows;
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.fillText(yMax * k / rows + " ms", 4, y + 4);
        }
        long step = timeStep(to - from);
        long offset = java.util.TimeZone.getDefault().getOffset(from);
        for (long t = ((from + offset) / step + 1) * step - offset; t < to; t += step) {
            double x = LEFT + pw * (t - from) / (double) (to - from);
            g.strokeLine(x, TOP + ph, x, TOP + ph + 3);
            g.fillText(HM.format(Instant.ofEpochMilli(t)), Math.max(LEFT, Math.min(x - 14, w - 40)), h - 6);
        }
        if (maxMs > 0 && !limitOnScale) {
            g.setFill(threshold.get());
            g.fillText("qualify limit " + maxMs + " ms (above the scale)", LEFT + 4, TOP + 10);
        }
        if (limitOnScale && maxMs <= yMax) {
            double y = TOP + ph - ph * maxMs / yMax;
            g.setStroke(threshold.get());
            g.setLineDashes(6, 4);
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.setLineDashes();
            g.setFill(threshold.get());
            g.fillText("qualify " + maxMs + " ms", LEFT + 4, y - 3);
        }
        g.setFill(fail.get());
        for (int i = 0; i < n; i++) {
            if (series.values()[i] == LatencyHistory.UNREACHABLE) {
                double x = LEFT + pw * (series.times()[i] - from) / (double) (to - from);
                g.fillRect(x - 1, TOP + ph - 6, 2, 6);
            }
        }
        drawLine(g, valid, pw, ph, yMax);
        lastDrawNanos = System.nanoTime() - t0;
    }

    private void drawLine(GraphicsContext g, List<Integer> valid, double pw, double ph, int yMax) {
        int m = valid.size();
        if (m == 0) {
            return;
        }
        long[] xs = new long[m];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            xs[i] = series.times()[valid.get(i)];
            ys[i] = series.values()[valid.get(i)];
        }
        int[] keep = Lttb.downsample(xs, ys, Math.max(3, (int) pw));
        long slot = series.size() > 1 ? series.times()[1] - series.times()[0] : 5_000;
        g.setStroke(line.get());
        g.setLineWidth(1.5);
        g.beginPath();
        long prevT = Long.MIN_VALUE;
        int prevIndex = -1;
        for (int k : keep) {
            double x = LEFT + pw * (xs[k] - from) / (double) (to - from);
            double y = TOP + ph - ph * ys[k] / yMax;
            boolean gap = prevIndex >= 0 && valid.get(k) - valid.get(prevIndex) > 1
                    && xs[k] - prevT > slot * Math.max(2, (to - from) / slot / Math.max(1, (long) pw));
            if (prevIndex < 0 || gap) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
            prevT = xs[k];
            prevIndex = k;
        }
        g.stroke();
    }

    /** A round tick interval giving at most six labels over {@code spanMs}. */
    static long timeStep(long spanMs) {
        long minute = 60_000L;
        for (long m : new long[] {1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720}) {
            if (spanMs / (m * minute) <= 6) {
                return m * minute;
            }
        }
        return 1_440 * minute;
    }

    static int niceCeiling(double v) {
        double exp = Math.pow(10, Math.floor(Math.log10(Math.max(1, v))));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * exp >= v) {
                return (int) Math.round(f * exp);
            }
        }
        return (int) Math.round(10 * exp);
    }

    // ---- CSS ----

    private static CssMetaData<LatencyChart, Paint> meta(String name, Color fallback, int which) {
        return new CssMetaData<>(name, PaintConverter.getInstance(), fallback) {
            @Override
            public boolean isSettable(LatencyChart c) {
                return true;
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(LatencyChart c) {
                return switch (which) {
                    case 0 -> c.line;
                    case 1 -> c.grid;
                    case 2 -> c.text;
                    case 3 -> c.fail;
                    default -> c.threshold;
                };
            }
        };
    }

    private static final CssMetaData<LatencyChart, Paint> LINE = meta("-chart-line", Color.DODGERBLUE, 0);
    private static final CssMetaData<LatencyChart, Paint> GRID = meta("-chart-grid", Color.DIMGRAY, 1);
    private static final CssMetaData<LatencyChart, Paint> TEXT = meta("-chart-text", Color.GRAY, 2);
    private static final CssMetaData<LatencyChart, Paint> FAIL = meta("-chart-fail", Color.RED, 3);
    private static final CssMetaData<LatencyChart, Paint> THRESHOLD = meta("-chart-threshold", Color.ORANGE, 4);
    private static final List<CssMetaData<? extends Styleable, ?>> META;

    static {
        List<CssMetaData<? extends Styleable, ?>> m = new ArrayList<>(Region.getClassCssMetaData());
        m.addAll(List.of(LINE, GRID, TEXT, FAIL, THRESHOLD));
        META = Collections.unmodifiableList(m);
    }

    private StyleableObjectProperty<Paint> paint(CssMetaData<LatencyChart, Paint> meta, Color initial) {
        StyleableObjectProperty<Paint> p = new SimpleStyleableObjectProperty<>(meta, this, meta.getProperty(), initial);
        p.addListener(o -> draw());
        return p;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
