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
    private final java.util.concurrent.atomic.AtomicBoolean closed;

    private ConsoleSession(ClusterMonitor monitor, java.util.concurrent.atomic.AtomicBoolean closed) {
        this.monitor = monitor;
        this.closed = closed;
    }

    /** Starts watching {@code access}; may be called from any thread. */
    public static ConsoleSession start(ClusterAccess access, MainView view, ScheduledExecutorService scheduler) {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        // a snapshot already on its way when the operator opens another cluster is not shown
        Coalescer<BoardSnapshot> toUi = new Coalescer<>(scheduler, UiExecutor.fx(), UI_INTERVAL_MS, s -> {
            if (!closed.get()) {
                view.update(s);
            }
        });
        ClusterMonitor monitor = new ClusterMonitor(access, toUi::offer);
        monitor.start();
        Platform.runLater(() -> {
            if (!closed.get()) {
                view.onRefresh(monitor::refreshNow);
                view.historySource(monitor::latencyHistory);
            }
        });
        return new ConsoleSession(monitor, closed);
    }

    public ClusterMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        monitor.close();
    }
}
