package trunkops.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.AstDbTrunkControl;
import trunkops.control.MaintenanceScheduler;
import trunkops.db.Database;
import trunkops.db.MaintenanceRepository;
import trunkops.topology.ClusterTopology;

/**
 * How a running console applies maintenance windows: the scheduler on TrunkOps' table and the console's
 * {@link AstDbTrunkControl} (so its offlines and cleanups are journaled like the operator's), one pass every
 * {@link #PERIOD} on the given executor. The console starts it from {@link ControlHousekeeping} and stops it by
 * cancelling the returned future.
 */
final class MaintenanceWiring {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceWiring.class);
    /** How often a console looks for due windows; a window starts at most this late. */
    static final Duration PERIOD = Duration.ofSeconds(30);

    private MaintenanceWiring() {
    }

    /**
     * Starts the passes (the first at once); refused ({@link IllegalStateException} with the reason) when the account
     * may not write TrunkOps' maintenance table. {@code onTick} receives every pass (the board or a status line may show
     * it); problems are logged at WARN in any case.
     */
    static ScheduledFuture<?> start(Database db, AstDbTrunkControl control,
                                    Supplier<Optional<ClusterTopology>> topology, ScheduledExecutorService executor,
                                    Duration period, Consumer<MaintenanceScheduler.Tick> onTick) {
        MaintenanceRepository store = MaintenanceRepository.open(db.dataSource());
        if (!store.access().writable()) {
            // the passes could not mark what they applied: every pass would send again and warn again
            throw new IllegalStateException(store.access().message());
        }
        MaintenanceScheduler scheduler = new MaintenanceScheduler(store, control, control::restoreExpired, topology,
                Clock.systemUTC(), ControlRun.actor(), Duration.ofSeconds(30));
        return scheduler.start(executor, period, tick -> {
            tick.problems().forEach(p -> LOG.warn("maintenance windows: {}", p));
            tick.applied().forEach(r -> LOG.info("maintenance window applied: {} until {} on {}", r.request().trunk(),
                    r.request().until().orElse(null), r.outcomes()));
            tick.restored().stream().filter(r -> !r.outcomes().isEmpty()).forEach(r -> LOG.info(
                    "maintenance window ended: {} expired flags removed on {}", r.request().trunk(), r.outcomes()));
            onTick.accept(tick);
        });
    }
}
