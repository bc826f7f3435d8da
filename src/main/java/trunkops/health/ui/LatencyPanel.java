package trunkops.health.ui;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import trunkops.health.LatencyHistory;
import trunkops.health.TrunkView;
import trunkops.topology.TrunkKey;
import trunkops.text.SafeText;

/**
 * The selected trunk's latency over the last 5 minutes, hour or day. History is fetched off the FX thread from
 * the monitor (a copy of the trunk's ring) and drawn when it arrives; it refreshes with the board.
 */
public final class LatencyPanel extends VBox {

    /** Reads a trunk's history over [from, to) somewhere off the FX thread. */
    @FunctionalInterface
    public interface HistorySource {
        CompletableFuture<LatencyHistory.Series> history(TrunkKey trunk, long fromMillis, long toMillis);
    }

    private final Label title = new Label(NO_SELECTION);
    private final LatencyChart chart = new LatencyChart();
    private final ToggleGroup windows = new ToggleGroup();
    private HistorySource source;
    private TrunkView trunk;
    private long lastFetchNanos;

    public LatencyPanel() {
        setId("latencyPanel");
        getStyleClass().add("latency-panel");
        setSpacing(6);
        title.getStyleClass().add("section-title");
        HBox bar = new HBox(6, title);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        for (Duration d : new Duration[] {Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24)}) {
            ToggleButton b = new ToggleButton(d.toHours() >= 1 ? d.toHours() + " h" : d.toMinutes() + " min");
            b.setId("window-" + d.toMinutes());
            b.setUserData(d);
            b.setToggleGroup(windows);
            bar.getChildren().add(b);
        }
        windows.selectToggle(windows.getToggles().get(0));
        windows.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                windows.selectToggle(was);
            } else {
                fetch();
            }
        });
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setMinHeight(120);
        chart.setId("latencyChart");
        getChildren().addAll(bar, chart);
    }

    private static final String NO_SELECTION = "Select a trunk on the board (click or Enter)";

    public void source(HistorySource s) {
        this.source = s;
    }

    public LatencyChart chart() {
        return chart;
    }

    public TrunkView trunk() {
        return trunk;
    }

    /** Forgets the selected trunk (another cluster was opened). */
    public void clear() {
        trunk = null;
        title.setText(NO_SELECTION);
        chart.show(new trunkops.health.LatencyHistory.Series(new long[0], new short[0]), 0, 0, 0);
    }

    public void select(TrunkView t) {
        trunk = t;
        fetch();
    }

    /** Called with every board snapshot: keeps the title current and the chart fresh (at most every 2 s). */
    public void refresh(TrunkView current) {
        if (trunk == null || current == null || !current.key().equals(trunk.key())) {
            return;
        }
        trunk = current;
        title.setText(titleOf(current));
        if (System.nanoTime() - lastFetchNanos > 2_000_000_000L) {
            fetch();
        }
    }

    private static String titleOf(TrunkView t) {
        return SafeText.display(t.serverId() + " / " + t.peer() + " (" + t.carrierId() + "): ")
                + (t.forced().active() ? t.forced().label() + " \u00B7 probe " : "") + t.state().glyph()
                + " " + t.state().label() + (t.latencyMs() >= 0 ? ", " + t.latencyMs() + " ms" : "");
    }

    private void fetch() {
        if (trunk == null || source == null) {
            return;
        }
        lastFetchNanos = System.nanoTime();
        title.setText(titleOf(trunk));
        Duration window = (Duration) windows.getSelectedToggle().getUserData();
        long to = System.currentTimeMillis();
        long from = to - window.toMillis();
        TrunkView t = trunk;
        source.history(t.key(), from, to).thenAccept(series -> Platform.runLater(() -> {
            if (trunk != null && trunk.key().equals(t.key())) {
                chart.show(series, from, to, t.maxMs());
            }
        }));
    }
}
