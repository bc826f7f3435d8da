package trunkops.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled drills the same way as any drill ({@code run}: a {@link DrillRunner} per plan, composed by the
 * caller) and hands every report to {@code notify} (where the alerts part hooks its notification). One pass
 * ({@link #runDue()}) runs each schedule's latest occurrence once, when it started less than {@code grace} ago: a
 * console started long after an off-peak slot does not run it at peak time. Occurrences already due when the
 * scheduler is created count as done (a restart re-runs nothing). A {@code run} that returns null (could not run at
 * all) notifies nothing.
 */
public final class DrillScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DrillScheduler.class);

    private final List<DrillSchedule> schedules;
    private final Function<DrillPlan, DrillReport> run;
    private final Consumer<DrillReport> notify;
    private final Clock clock;
    private final Duration grace;
    private final Map<String, Instant> done = new HashMap<>();

    public DrillScheduler(List<DrillSchedule> schedules, Function<DrillPlan, DrillReport> run,
                          Consumer<DrillReport> notify, Clock clock, Duration grace) {
        this.schedules = List.copyOf(schedules);
        this.run = run;
        this.notify = notify;
        this.clock = clock;
        this.grace = grace;
        Instant now = clock.instant();
        schedules.forEach(s -> s.latestAtOrBefore(now).ifPresent(t -> done.put(s.name(), t)));
    }

    /** Runs what is due now (blocking: each drill takes its calls' time); returns the reports. */
    public synchronized List<DrillReport> runDue() {
        List<DrillReport> out = new ArrayList<>();
        for (DrillSchedule s : schedules) {
            Instant now = clock.instant();
            Optional<Instant> due = s.latestAtOrBefore(now);
            if (due.isEmpty() || due.get().equals(done.get(s.name()))) {
                continue;
            }
            done.put(s.name(), due.get());
            if (Duration.between(due.get(), now).compareTo(grace) > 0) {
                LOG.info("scheduled drills '{}' of {} skipped: {} late, outside the grace of {}", s.name(), due.get(),
                        Duration.between(due.get(), now), grace);
                continue;
            }
            for (DrillPlan p : s.plans()) {
                DrillReport r = run.apply(p);
                if (r == null) { // could not run at all; {@code run} said why
                    continue;
                }
                out.add(r);
                notify.accept(r);
            }
        }
        return out;
    }
}
