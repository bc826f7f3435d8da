package trunkops.drill;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.routing.RouteVersion;

/**
 * The console session's scheduled drills: each pass ({@link #runDue}, from the session's timer) reads the cluster's
 * {@link ScheduleFile}, keeps one {@link DrillScheduler} per entry (an edited entry gets a new one; an entry whose
 * route or trunk is gone is skipped with a warning) and runs what is due exactly as the wizard does
 * ({@link ConsoleDrills}: journal, abort path, restore, drill history) against the route's current version, then
 * hands each report to {@code notify} (the session publishes it as an alert). A failure to run at all (the dialer
 * unreachable) goes to {@code problem}. Blocking; one pass at a time.
 */
public final class ScheduledDrills {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledDrills.class);

    private final DrillConsole console;
    private final ScheduleFile file;
    private final Supplier<List<RouteVersion>> routes;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<DrillReport> notify;
    private final BiConsumer<ScheduledDrill, String> problem;
    private final Map<ScheduledDrill, DrillScheduler> schedulers = new LinkedHashMap<>();

    public ScheduledDrills(DrillConsole console, ScheduleFile file, Supplier<List<RouteVersion>> routes, Clock clock,
                           ZoneId zone, Consumer<DrillReport> notify,
                           BiConsumer<ScheduledDrill, String> problem) {
        this.console = console;
        this.file = file;
        this.routes = routes;
        this.clock = clock;
        this.zone = zone;
        this.notify = notify;
        this.problem = problem;
    }

    /** Runs the drills due now; returns their reports. */
    public synchronized List<DrillReport> runDue() {
        List<ScheduledDrill> specs;
        try {
            specs = file.load();
        } catch (IOException e) {
            LOG.warn("scheduled drills not read: {}", e.getMessage());
            return List.of();
        }
        schedulers.keySet().retainAll(specs);
        List<RouteVersion> now = routes.get();
        for (ScheduledDrill s : specs) {
            if (schedulers.containsKey(s)) {
                continue;
            }
            Optional<DrillPlan> p = s.plan(now, actor());
            if (p.isEmpty()) {
                LOG.warn("scheduled drill '{}' not scheduled: route {} or its trunk {} not found", s.name(), s.route(),
                        s.trunk());
                continue;
            }
            schedulers.put(s, new DrillScheduler(List.of(s.schedule(zone, p.get())), plan -> run(s, plan), notify,
                    clock, s.window()));
        }
        List<DrillReport> out = new ArrayList<>();
        schedulers.values().forEach(x -> out.addAll(x.runDue()));
        return out;
    }

    /** The names of the entries scheduled now (those whose route and trunk were found). */
    public synchronized List<String> scheduled() {
        return schedulers.keySet().stream().map(ScheduledDrill::name).toList();
    }

    private String actor() {
        return console.actor() + " (schedule)";
    }

    private DrillReport run(ScheduledDrill s, DrillPlan planned) {
        DrillPlan p = s.plan(routes.get(), actor()).orElse(planned); // the route's current version
        LOG.info("scheduled drill '{}' starts: {}", s.name(), s.describe());
        try {
            return ConsoleDrills.runKept(console, p, clock, new DrillRunner.Listener() {
                @Override
                public void state(DrillState state, int done, int total) {
                }

                @Override
                public void log(String line) {
                    LOG.debug("scheduled drill '{}': {}", s.name(), line);
                }
            }, r -> { });
        } catch (Exception e) {
            LOG.warn("scheduled drill '{}' could not run: {}", s.name(), e.toString());
            problem.accept(s, "scheduled drill '" + s.name() + "' could not run: " + e.getMessage());
            return null;
        }
    }
}
