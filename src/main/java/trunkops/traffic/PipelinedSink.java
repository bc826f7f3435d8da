package trunkops.traffic;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import trunkops.db.CarrierLogRow;

/**
 * Hands rows from the thread reading the result set to a worker thread ({@code traffic-aggregate}) in batches, so
 * decoding and aggregating a cold load run on both cores. The queue is bounded: a slow worker slows the reader
 * instead of filling memory. {@link #finish()} waits for the worker and rethrows what it threw; the owner touches
 * the target's state only after that (Thread.join orders the worker's writes before it).
 */
final class PipelinedSink implements Consumer<CarrierLogRow> {

    private static final CarrierLogRow[] END = new CarrierLogRow[0];

    private final BlockingQueue<CarrierLogRow[]> queue = new ArrayBlockingQueue<>(16);
    private final Thread worker;
    private final int batch;
    private CarrierLogRow[] buffer;
    private int n;
    private volatile Throwable failure;

    PipelinedSink(Consumer<CarrierLogRow> target, int batch) {
        this.batch = batch;
        this.buffer = new CarrierLogRow[batch];
        this.worker = new Thread(() -> drain(target), "traffic-aggregate");
        worker.setDaemon(true);
        worker.start();
    }

    private void drain(Consumer<CarrierLogRow> target) {
        try {
            while (true) {
                CarrierLogRow[] rows = queue.take();
                if (rows == END) {
                    return;
                }
                for (CarrierLogRow r : rows) {
                    if (r == null) {
                        break;
                    }
                    target.accept(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            queue.clear();
        }
    }

    @Override
    public void accept(CarrierLogRow row) {
        buffer[n++] = row;
        if (n == batch) {
            put(buffer);
            buffer = new CarrierLogRow[batch];
            n = 0;
        }
    }

    private void put(CarrierLogRow[] rows) {
        if (failure != null) {
            throw new IllegalStateException("aggregating carrier-log rows failed", failure);
        }
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new IllegalStateException("interrupted while handing rows over", e);
        }
    }

    /** Hands over what is left and waits until every row has been aggregated. */
    void finish() {
        if (n > 0) {
            put(java.util.Arrays.copyOf(buffer, n));
            n = 0;
        }
        put(END);
        join();
        if (failure != null) {
            throw new IllegalStateException("aggregating carrier-log rows failed", failure);
        }
    }

    /** Stops the worker after a failed read (the rows so far are discarded by the caller). */
    void abandon() {
        worker.interrupt();
        join();
    }

    private void join() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while aggregating", e);
        }
    }
}
