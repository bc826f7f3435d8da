package trunkops.control.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;

/**
 * The journal the console uses: the {@link LocalJournal} first (durable before {@code begin} returns, so before the
 * action is sent), then TrunkOps' table, copied on the journal's own {@code audit-db} thread so that a slow or
 * down database never delays an action. What the table did not take stays in the local file and is copied when it
 * is back (every {@code retryEvery}, or {@link #syncNow}); the table's write is idempotent by entry id, and each
 * copy is marked in the local file, so nothing is copied twice or lost. Only entries of the local journal's cluster
 * are copied: the file holds every cluster this machine acted on, each table only its own.
 */
public final class CombinedJournal implements ControlJournal, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CombinedJournal.class);

    /** Failures in a row after which a pass stops (a dead database fails every entry; each may wait a timeout). */
    static final int GIVE_UP_AFTER = 3;

    private final LocalJournal local;
    private final AuditStore table;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-db");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile String problem = "";
    private volatile int waiting;

    /**
     * {@code table} null: this console has no database; the local journal alone. The first copy runs after
     * {@code retryEvery}, at the next action, or at {@link #syncNow} (which the caller may want at once).
     */
    public CombinedJournal(LocalJournal local, AuditStore table, Duration retryEvery) {
        this.local = local;
        this.table = table;
        if (table != null) {
            long ms = Math.max(1000, retryEvery.toMillis());
            worker.scheduleWithFixedDelay(this::requestSync, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    public LocalJournal local() {
        return local;
    }

    @Override
    public String begin(ControlRequest request, Map<String, String> before) throws JournalException {
        String id = local.begin(request, before);
        requestSync();
        return id;
    }

    @Override
    public void complete(String id, ControlResult result) throws JournalException {
        local.complete(id, result);
        requestSync();
    }

    @Override
    public List<ControlRequest> unfinished() throws JournalException {
        return local.unfinished();
    }

    /** Begun and never completed on this machine, with who and when: what the console reports at start. */
    public List<AuditEntry> unfinishedEntries() throws JournalException {
        return local.unfinishedEntries();
    }

    /** Copies what the table does not have yet; completes with the number copied (0 also when it failed). */
    public CompletableFuture<Integer> syncNow() {
        return CompletableFuture.supplyAsync(this::syncPass, worker);
    }

    private void requestSync() {
        if (table != null && !worker.isShutdown() && !queued.getAndSet(true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    syncPass();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false);
            }
        }
    }

    private int syncPass() {
        if (table == null) {
            return 0;
        }
        int copied = 0;
        int failedInARow = 0;
        String failure = "";
        List<AuditEntry> todo = List.of();
        try {
            todo = local.read().unsynced().stream().filter(e -> e.cluster().equals(local.cluster())).toList();
        } catch (JournalException e) {
            failure = e.getMessage();
        }
        for (AuditEntry e : todo) {
            if (failedInARow >= GIVE_UP_AFTER) {
                break; // the database is down or refuses us: the next pass tries again
            }
            try {
                table.upsert(e);
                local.markSynced(e.id(), e.finished());
                copied++;
                failedInARow = 0;
            } catch (JournalException | RuntimeException ex) {
                failure = ex.getMessage() == null ? ex.toString() : ex.getMessage();
                failedInARow++; // one entry the table will not take does not hold back the others
            }
        }
        if (failure.isEmpty() && !problem.isEmpty() && copied > 0) {
            LOG.info("audit table reachable again: {} journal entries copied", copied);
        } else if (!failure.isEmpty() && problem.isEmpty()) {
            LOG.warn("audit entries stay in the local journal until the table takes them: {}", failure);
        }
        problem = failure;
        waiting = todo.size() - copied;
        return copied;
    }

    /** For the status line: where the journal is and what waits for the table. */
    public String status() {
        if (table == null) {
            return "audit journal: " + local.file() + " (no database: local only)";
        }
        if (waiting == 0 && problem.isEmpty()) {
            return "audit journal: " + local.file() + " and the table (" + table.status() + ")";
        }
        return "audit journal: " + local.file() + "; " + waiting + " entries wait for the table (" + problem + ")";
    }

    /** Entries not yet in the table after the last copy. */
    public int waiting() {
        return waiting;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
