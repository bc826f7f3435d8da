package trunkops.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.ami.AmiAstDbLink;
import trunkops.control.AstDbLink;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.audit.UnfinishedActions;
import trunkops.db.Database;
import trunkops.health.ClusterAccess;
import trunkops.secrets.SessionSecret;
import trunkops.topology.ClusterTopology;

/**
 * What a running console does for operator control without being asked, on its own thread: once the session's
 * audit journal is open, the actions an earlier run began and never completed are read again on the dialers,
 * reported (WARN log, and completed in the journal so the Audit tab shows how they ended); and every
 * {@link MaintenanceWiring#PERIOD} the maintenance windows due now are applied and the expired ones cleaned up.
 */
final class ControlHousekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlHousekeeping.class);
    /** How long the unfinished-actions check waits for the audit journal to open. */
    private static final Duration AUDIT_WAIT = Duration.ofMinutes(2);

    private final ScheduledExecutorService executor;
    private final Database database;
    private volatile ScheduledFuture<?> windows;

    private ControlHousekeeping(ScheduledExecutorService executor, Database database) {
        this.executor = executor;
        this.database = database;
    }

    static ControlHousekeeping start(ClusterAccess access, AstDbTrunkControl control,
                                     Map<String, AmiAstDbLink> links, Supplier<Optional<ClusterTopology>> current,
                                     Supplier<Optional<AuditWiring>> audit) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "control-housekeeping");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("{} died", th.getName(), e));
            return t;
        });
        Database db = new Database(Database.Settings.of(access.jdbcUrl(), access.dbUser()),
                SessionSecret.of(access.dbPassword()));
        ControlHousekeeping h = new ControlHousekeeping(executor, db);
        long deadline = System.nanoTime() + AUDIT_WAIT.toNanos();
        h.unfinishedOnceAuditOpens(audit, new java.util.HashMap<String, AstDbLink>(links), deadline);
        executor.execute(() -> {
            try {
                h.windows = MaintenanceWiring.start(db, control, current, executor, MaintenanceWiring.PERIOD,
                        tick -> { });
            } catch (RuntimeException e) {
                LOG.warn("maintenance windows are not applied by this console: {}", e.getMessage());
            }
        });
        return h;
    }

    private void unfinishedOnceAuditOpens(Supplier<Optional<AuditWiring>> audit, Map<String, AstDbLink> links,
                                          long deadline) {
        executor.schedule(() -> {
            Optional<AuditWiring> a = audit.get();
            if (a.isEmpty()) {
                if (System.nanoTime() < deadline) {
                    unfinishedOnceAuditOpens(audit, links, deadline);
                } else {
                    LOG.warn("unfinished actions of earlier runs not checked: the audit journal did not open");
                }
                return;
            }
            try {
                List<String> lines = UnfinishedActions.resolve(a.get().journal(), UnfinishedActions.on(links));
                lines.forEach(LOG::warn);
            } catch (ControlJournal.JournalException | RuntimeException e) {
                LOG.warn("unfinished actions of earlier runs not checked: {}", e.getMessage());
            }
        }, 2, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ScheduledFuture<?> w = windows;
        if (w != null) {
            w.cancel(false);
        }
        executor.shutdownNow();
        database.close();
    }
}
