package trunkops.app;

import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Platform;

import trunkops.app.ui.MainView;
import trunkops.health.BoardSnapshot;
import trunkops.health.ClusterAccess;
import trunkops.health.ClusterMonitor;
import trunkops.ui.common.Coalescer;
import trunkops.ui.common.UiExecutor;

/**
 * One cluster being watched by one window: the monitor (off the FX thread) feeding the main view through a
 * coalescer that delivers the newest snapshot at most every 150 ms.
 */
public final class ConsoleSession implements AutoCloseable {

    public static final long UI_INTERVAL_MS = 150;

    private final ClusterMonitor monitor;
    private final Coalescer<BoardSnapshot> toUi;

    private ConsoleSession(ClusterMonitor monitor, Coalescer<BoardSnapshot> toUi) {
        this.monitor = monitor;
        this.toUi = toUi;
    }

    /** Starts watching {@code access}; may be called from any thread. */
    public static ConsoleSession start(ClusterAccess access, MainView view, ScheduledExecutorService scheduler) {
        Coalescer<BoardSnapshot> toUi = new Coalescer<>(scheduler, UiExecutor.fx(), UI_INTERVAL_MS, view::update);
        ClusterMonitor monitor = new ClusterMonitor(access, toUi::offer);
        monitor.start();
        Platform.runLater(() -> {
            view.onRefresh(monitor::refreshNow);
            view.historySource(monitor::latencyHistory);
        });
        return new ConsoleSession(monitor, toUi);
    }

    public ClusterMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        monitor.close();
    }
}
