package trunkops.drill;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One drill run by the console session, the same for the wizard and a schedule: the dialer's links opened through
 * the {@link DrillConsole}, a {@link DrillRunner} (journal, abort path, restore), the report kept in the drill
 * history, then handed to {@link DrillConsole#reported} (the alerts). Blocking: call off the FX thread.
 */
public final class ConsoleDrills {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleDrills.class);

    private ConsoleDrills() {
    }

    /** @param started told the runner before it runs (so the caller can cancel it) */
    public static DrillReport run(DrillConsole console, DrillPlan plan, Clock clock, DrillRunner.Listener listener,
                                  Consumer<DrillRunner> started) throws Exception {
        DrillReport report = runKept(console, plan, clock, listener, started);
        console.reported(report);
        return report;
    }

    /** As {@link #run} without telling {@link DrillConsole#reported} (the caller notifies, e.g. a schedule). */
    public static DrillReport runKept(DrillConsole console, DrillPlan plan, Clock clock,
                                      DrillRunner.Listener listener, Consumer<DrillRunner> started) throws Exception {
        try (DrillConsole.Session s = console.open(plan.serverId())) {
            DrillRunner r = new DrillRunner(plan, s.line(), s.control(), console.journal(), console.role(), clock,
                    listener, DrillRunner.Settings.defaults());
            started.accept(r);
            DrillReport report = r.run();
            try {
                new DrillHistory(console.journal()).save(report);
            } catch (IOException e) {
                LOG.warn("drill report not kept: {}", e.getMessage());
            }
            return report;
        }
    }
}
