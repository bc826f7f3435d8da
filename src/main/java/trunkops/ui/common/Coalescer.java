package trunkops.ui.common;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Delivers the newest of a stream of immutable values to the UI at most once per interval: producers call
 * {@link #offer} from any thread as often as they like; the consumer runs on the UI executor with the latest
 * value only. Superseded values are counted, not silently lost.
 */
public final class Coalescer<T> {

    private final AtomicReference<T> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong superseded = new AtomicLong();
    private final ScheduledExecutorService scheduler;
    private final UiExecutor ui;
    private final long intervalMs;
    private final Consumer<T> consumer;
    private volatile long lastDeliveryNanos;

    public Coalescer(ScheduledExecutorService scheduler, UiExecutor ui, long intervalMs, Consumer<T> consumer) {
        this.scheduler = scheduler;
        this.ui = ui;
        this.intervalMs = intervalMs;
        this.consumer = consumer;
    }

    public void offer(T value) {
        if (pending.getAndSet(value) != null) {
            superseded.incrementAndGet();
        }
        if (scheduled.compareAndSet(false, true)) {
            long sinceLast = (System.nanoTime() - lastDeliveryNanos) / 1_000_000L;
            long delay = Math.max(0, intervalMs - sinceLast);
            scheduler.schedule(this::deliver, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void deliver() {
        ui.execute(() -> {
            scheduled.set(false);
            T value = pending.getAndSet(null);
            lastDeliveryNanos = System.nanoTime();
            if (value != null) {
                consumer.accept(value);
            }
        });
    }

    /** Values replaced by a newer one before the UI saw them (expected under load; shown in diagnostics). */
    public long superseded() {
        return superseded.get();
    }
}
