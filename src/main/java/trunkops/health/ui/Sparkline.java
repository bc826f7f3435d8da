package trunkops.health.ui;

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
import javafx.scene.paint.Paint;

import trunkops.health.LatencyHistory;

/**
 * A tiny latency line for a trunk tile: one point per history slot, gaps for missing samples, a tick for a
 * failed probe. Its two colours are CSS properties ({@code -spark-stroke}, {@code -spark-fail}) so they come
 * from the theme's tokens like everything else.
 */
final class Sparkline extends Canvas {

    private static final CssMetaData<Sparkline, Paint> STROKE = new CssMetaData<>("-spark-stroke",
            PaintConverter.getInstance(), javafx.scene.paint.Color.GRAY) {
        @Override
        public boolean isSettable(Sparkline s) {
            return !s.stroke.isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(Sparkline s) {
            return s.stroke;
        }
    };
    private static final CssMetaData<Sparkline, Paint> FAIL = new CssMetaData<>("-spark-fail",
            PaintConverter.getInstance(), javafx.scene.paint.Color.RED) {
        @Override
        public boolean isSettable(Sparkline s) {
            return !s.fail.isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(Sparkline s) {
            return s.fail;
        }
    };
    private static final List<CssMetaData<? extends Styleable, ?>> META;

    static {
        List<CssMetaData<? extends Styleable, ?>> m = new ArrayList<>(Canvas.getClassCssMetaData());
        m.add(STROKE);
        m.add(FAIL);
        META = Collections.unmodifiableList(m);
    }

    private final StyleableObjectProperty<Paint> stroke = new SimpleStyleableObjectProperty<>(STROKE, this, "stroke",
            javafx.scene.paint.Color.GRAY);
    private final StyleableObjectProperty<Paint> fail = new SimpleStyleableObjectProperty<>(FAIL, this, "fail",
            javafx.scene.paint.Color.RED);
    private short[] values = new short[0];

    Sparkline(double width, double height) {
        super(width, height);
        getStyleClass().add("sparkline");
        stroke.addListener(o -> draw());
        fail.addListener(o -> draw());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }

    void show(short[] newValues) {
        this.values = newValues;
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        int n = values.length;
        if (n == 0) {
            return;
        }
        int max = 1;
        for (short v : values) {
            max = Math.max(max, v);
        }
        double dx = n > 1 ? w / (n - 1) : w;
        g.setLineWidth(1.2);
        g.setStroke(stroke.get());
        g.setFill(fail.get());
        boolean drawing = false;
        for (int i = 0; i < n; i++) {
            short v = values[i];
            double x = i * dx;
            if (v >= 0) {
                double y = h - 2 - (h - 4) * v / max;
                if (drawing) {
                    g.lineTo(x, y);
                } else {
                    g.beginPath();
                    g.moveTo(x, y);
                    drawing = true;
                }
            } else {
                if (drawing) {
                    g.stroke();
                    drawing = false;
                }
                if (v == LatencyHistory.UNREACHABLE) {
                    g.fillRect(x - 1, h - 4, 2, 4);
                }
            }
        }
        if (drawing) {
            g.stroke();
        }
    }
}
