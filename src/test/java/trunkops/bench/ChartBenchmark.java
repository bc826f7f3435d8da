package trunkops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import trunkops.app.Styles;
import trunkops.health.LatencyHistory;
import trunkops.health.Lttb;
import trunkops.health.ui.LatencyChart;

/**
 * A latency chart redraw with a full day of history (17,280 samples at 5 s, with failures and gaps): the
 * console's {@link LatencyChart} (Canvas + LTTB to one point per pixel) against JavaFX's built-in
 * {@link LineChart} fed the same raw series, and the built-in chart fed the LTTB-decimated series, in the same
 * process. "Redraw" = new data in, CSS + layout, and a full software render of the node ({@code snapshot}),
 * all on the FX thread; medians of 30 redraws after 10 warm-ups. Windows: 5 min, 1 h, 24 h.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.ChartBenchmark}.
 */
public final class ChartBenchmark {

    private static final int WARMUP = 10;
    private static final int RUNS = 30;
    private static final long SLOT = 5_000;
    private static double lastCanvasDrawOnly;

    private ChartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        FxBench.start();
        long now = System.currentTimeMillis() / SLOT * SLOT;
        LatencyHistory day = syntheticDay(now);
        System.out.printf(Locale.ROOT, "%-8s %-9s %-18s %-22s %-22s %-22s%n", "window", "samples", "canvas draw() (ms)", "canvas+LTTB (ms)",
                "LineChart raw (ms)", "LineChart+LTTB (ms)");
        for (long window : new long[] {300_000L, 3_600_000L, 86_400_000L}) {
            LatencyHistory.Series s = day.range(now - window, now + SLOT);
            double canvas = FxBench.onFx(() -> canvas(s, now - window, now + SLOT));
            double lineRaw = FxBench.onFx(() -> lineChart(s, false));
            double lineLttb = FxBench.onFx(() -> lineChart(s, true));
            System.out.printf(Locale.ROOT, "%-8s %-9d %-18.2f %-22.2f %-22.2f %-22.2f%n", label(window), s.size(), lastCanvasDrawOnly, canvas,
                    lineRaw, lineLttb);
        }
        javafx.application.Platform.exit();
        System.exit(0);
    }

    private static String label(long window) {
        return window >= 86_400_000L ? "24 h" : window >= 3_600_000L ? "1 h" : "5 min";
    }

    /** A day of qualify latencies: a 20-40 ms baseline, a lagging afternoon, short outages and one gap. */
    static LatencyHistory syntheticDay(long now) {
        LatencyHistory h = new LatencyHistory(SLOT, 17_280);
        Random r = new Random(5);
        long start = now - 86_400_000L + SLOT;
        for (long t = start; t <= now; t += SLOT) {
            long i = (t - start) / SLOT;
            if (i % 4_000 > 3_990) {
                h.record(t, -1);
            } else if (i >= 9_000 && i < 9_100) {
                continue;
            } else {
                int base = i > 12_000 && i < 13_500 ? 180 : 25;
                h.record(t, base + r.nextInt(15) + (r.nextInt(200) == 0 ? 400 : 0));
            }
        }
        return h;
    }

    private static double canvas(LatencyHistory.Series s, long from, long to) {
        LatencyChart chart = new LatencyChart();
        Stage stage = stage(chart);
        List<Double> drawOnly = new ArrayList<>();
        double ms = median(k -> {
            chart.show(s, from, to - (k % 2), 500);
            drawOnly.add(chart.lastDrawNanos() / 1e6);
            chart.applyCss();
            chart.layout();
            chart.snapshot(null, null);
        });
        stage.close();
        List<Double> measured = new ArrayList<>(drawOnly.subList(WARMUP, drawOnly.size()));
        measured.sort(Double::compare);
        lastCanvasDrawOnly = measured.get(measured.size() / 2);
        return ms;
    }

    private static double lineChart(LatencyHistory.Series s, boolean decimate) {
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setAnimated(false);
        y.setAnimated(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        Stage stage = stage(chart);
        List<XYChart.Data<Number, Number>> points = points(s, decimate, 820);
        double ms = median(k -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            // Data objects belong to one series; a redraw with new history hands the chart new ones
            List<XYChart.Data<Number, Number>> fresh = new ArrayList<>(points.size());
            for (XYChart.Data<Number, Number> d : points) {
                fresh.add(new XYChart.Data<>(d.getXValue(), d.getYValue()));
            }
            series.getData().setAll(fresh);
            chart.getData().setAll(List.of(series));
            chart.applyCss();
            chart.layout();
            chart.snapshot(null, null);
        });
        stage.close();
        return ms;
    }

    private static List<XYChart.Data<Number, Number>> points(LatencyHistory.Series s, boolean decimate, int width) {
        List<long[]> valid = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.values()[i] >= 0) {
                valid.add(new long[] {s.times()[i], s.values()[i]});
            }
        }
        long[] xs = valid.stream().mapToLong(v -> v[0]).toArray();
        double[] ys = valid.stream().mapToDouble(v -> v[1]).toArray();
        List<XYChart.Data<Number, Number>> out = new ArrayList<>();
        if (decimate) {
            for (int k : Lttb.downsample(xs, ys, width)) {
                out.add(new XYChart.Data<>(xs[k], ys[k]));
            }
        } else {
            for (int k = 0; k < xs.length; k++) {
                out.add(new XYChart.Data<>(xs[k], ys[k]));
            }
        }
        return out;
    }

    private static Stage stage(javafx.scene.Parent chart) {
        StackPane root = new StackPane(new Group(), chart);
        if (chart instanceof javafx.scene.layout.Region region) {
            region.setPrefSize(900, 320);
        }
        Scene scene = new Scene(root, 900, 320);
        Styles.apply(scene);
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static double median(IntConsumer redraw) {
        List<Double> times = new ArrayList<>();
        for (int k = 0; k < WARMUP + RUNS; k++) {
            long t0 = System.nanoTime();
            redraw.accept(k);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (k >= WARMUP) {
                times.add(ms);
            }
        }
        times.sort(Double::compare);
        return times.get(times.size() / 2);
    }
}
