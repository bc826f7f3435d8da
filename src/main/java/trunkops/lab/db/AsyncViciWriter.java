package trunkops.lab.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded queue in front of {@link LabViciStore} for the live lab's high-rate writes (call starts and ends, carrier
 * and dial log rows, peer events, live-channel syncs). One daemon thread ({@code lab-db-writer}) drains up to
 * {@code maxBatch} rows at a time and writes them with {@link LabViciStore#write(List)}.
 *
 * <p>Nothing is dropped silently: {@link #submit} refuses a row when the queue is full and counts it
 * ({@link Stats#rejected()}); a batch the database refuses (e.g. while the lab database is stopped) is counted in
 * {@link Stats#failed()} and logged (at most one warning per 5 s, with the running totals). Failed rows are not
 * retried: a real dialer's Perl scripts lose their writes the same way while MySQL is down.
 */
public final class AsyncViciWriter implements AutoCloseable {

    /** Counters since start. {@code accepted = written + failed + queued} once the writer is idle. */
    public record Stats(long accepted, long written, long rejected, long failed, int queued) {
    }

    private record Item(ViciRow row, CountDownLatch marker) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AsyncViciWriter.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final LabViciStore store;
    private final int capacity;
    private final int maxBatch;
    private final BlockingQueue<Item> queue;
    private final Thread thread;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closing;
    private long lastWarnNanos;

    public AsyncViciWriter(LabViciStore store, int capacity, int maxBatch) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.store = store;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity + 64);   // room for flush markers beyond the row capacity
        this.capacity = capacity;
        this.thread = new Thread(this::run, "lab-db-writer");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("{} died", t.getName(), e));
        thread.start();
    }

    /** Queues a row; false (and counted as rejected) when the queue is full or the writer is closed. Never blocks. */
    public boolean submit(ViciRow row) {
        if (closing || queue.size() >= capacity || !queue.offer(new Item(row, null))) {
            rejected.incrementAndGet();
            return false;
        }
        accepted.incrementAndGet();
        return true;
    }

    /**
     * Waits until every row submitted before this call has been written or counted as failed. Returns false on
     * timeout.
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        CountDownLatch marker = new CountDownLatch(1);
        if (!queue.offer(new Item(null, marker), timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        return marker.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Stats stats() {
        int queued = (int) queue.stream().filter(i -> i.row() != null).count();
        return new Stats(accepted.get(), written.get(), rejected.get(), failed.get(), queued);
    }

    /** Writes what is queued (up to 10 s), then stops the thread. Later submissions are rejected. */
    @Override
    public void close() {
        closing = true;
        try {
            flush(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Stats s = stats();
        LOG.info("lab-db-writer closed: {}", s);
    }

    private void run() {
        List<Item> items = new ArrayList<>(maxBatch);
        List<ViciRow> rows = new ArrayList<>(maxBatch);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Item first = queue.take();
                items.add(first);
                queue.drainTo(items, maxBatch - 1);
            } catch (InterruptedException e) {
                break;
            }
            for (Item item : items) {
                if (item.row() != null) {
                    rows.add(item.row());
                }
            }
            writeRows(rows);
            for (Item item : items) {
                if (item.marker() != null) {
                    item.marker().countDown();
                }
            }
            items.clear();
            rows.clear();
        }
    }

    private void writeRows(List<ViciRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            ViciRowBatch.Outcome outcome = store.write(rows);
            written.addAndGet(outcome.rowsWritten());
            if (outcome.rowsFailed() > 0) {
                failed(outcome.rowsFailed(), outcome.firstError());
            }
        } catch (SQLException | RuntimeException e) {
            failed(rows.size(), e);
        }
    }

    private void failed(int rows, Exception cause) {
        long total = failed.addAndGet(rows);
        long now = System.nanoTime();
        if (lastWarnNanos == 0 || now - lastWarnNanos > WARN_EVERY_NANOS) {
            lastWarnNanos = now;
            LOG.warn("lab-db-writer could not write {} rows ({} failed so far, {} rejected): {}", rows, total,
                    rejected.get(), cause.getMessage());
        }
    }
}
