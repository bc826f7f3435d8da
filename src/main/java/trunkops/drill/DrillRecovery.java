package trunkops.drill;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.TrunkControl;
import trunkops.topology.Tech;

/**
 * At start: every drill the journal holds as begun and never ended (the console died mid-drill) is restored and
 * marked {@link DrillOutcome#ABORTED}. Restoring is exact: the ASTDB key of trunk A is deleted only when it still
 * holds the value this drill set; a key someone changed since, or none, is left alone and said so. A named fault
 * cannot be removed without its handle: the line says so, for the operator.
 */
public final class DrillRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(DrillRecovery.class);

    /** Reads {@code trunkops/admin/<peer>} on a dialer. */
    @FunctionalInterface
    public interface FlagReader {
        Optional<String> read(String serverId, String peer) throws IOException;
    }

    private static final String RETRY = "retry:";

    private final DrillJournal journal;
    private final TrunkControl control;
    private final FlagReader flags;
    private final Clock clock;
    private final String actor;

    public DrillRecovery(DrillJournal journal, TrunkControl control, FlagReader flags, Clock clock, String actor) {
        this.journal = journal;
        this.control = control;
        this.flags = flags;
        this.clock = clock;
        this.actor = actor;
    }

    /** Restores and closes every unfinished drill; one line per drill (also logged at WARN). */
    public List<String> resolve() throws IOException {
        return resolve(u -> true);
    }

    /** As {@link #resolve()}, for the unfinished drills {@code which} accepts (e.g. those on dialers it can reach). */
    public List<String> resolve(java.util.function.Predicate<DrillJournal.Unfinished> which) throws IOException {
        List<String> lines = new ArrayList<>();
        for (DrillJournal.Unfinished u : journal.unfinished()) {
            if (!which.test(u)) {
                continue;
            }
            String what = restore(u);
            boolean retry = what.startsWith(RETRY);
            String line = "⚠ drill " + u.id() + " on route " + u.route() + " (trunk " + u.trunk() + " on "
                    + u.serverId() + ") was cut short in state " + u.lastState() + ": "
                    + (retry ? what.substring(RETRY.length()) + "; tried again at the next start"
                    : what + "; marked aborted");
            if (!retry) {
                journal.end(u.id(), DrillOutcome.ABORTED, clock.instant(), line);
            }
            LOG.warn("{}", line);
            lines.add(line);
        }
        return lines;
    }

    private String restore(DrillJournal.Unfinished u) {
        if (u.outValue().isEmpty() || u.restored()) {
            return u.restored() ? "trunk A had been restored" : "trunk A had not been taken out";
        }
        String value = u.outValue().get();
        if (value.startsWith("fault:")) {
            return "the named fault (" + value.substring(6) + ") cannot be removed from here: remove it by hand";
        }
        int slash = u.trunk().indexOf('/');
        Optional<Tech> tech = Tech.fromDialTech(u.trunk().substring(0, Math.max(0, slash)));
        if (tech.isEmpty()) {
            return "unknown trunk " + u.trunk() + ": nothing restored";
        }
        String peer = u.trunk().substring(slash + 1);
        try {
            Optional<String> now = flags.read(u.serverId(), peer);
            if (now.isEmpty()) {
                journal.restored(u.id(), "no key (already online)");
                return "trunk A was already back online (no key)";
            }
            if (!now.get().equals(value)) {
                return "trunk A's flag now reads '" + now.get() + "', not the drill's '" + value
                        + "': someone changed it since, left alone";
            }
            ControlRequest r = new ControlRequest(ControlVerb.ONLINE, tech.get(), peer, List.of(u.serverId()),
                    Optional.empty(), OptionalInt.empty(), Optional.empty(), "failover drill " + u.id()
                    + " cut short: restoring trunk A", Optional.empty(), actor);
            ControlResult res = control.apply(r).get(30, TimeUnit.SECONDS);
            if (res.allApplied()) {
                journal.restored(u.id(), "online applied after a crash");
                return "trunk A restored (online, read back in " + res.took().toMillis() + " ms)";
            }
            return RETRY + "restoring trunk A did not apply: " + res.outcomes();
        } catch (IOException e) {
            return RETRY + "cannot read trunk A's flag (" + e.getMessage() + "); or restore it by hand (trunkops"
                    + " online " + u.trunk() + ")";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return RETRY + "restoring trunk A failed (" + e + "); or restore it by hand";
        }
    }

}
