package trunkops.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import trunkops.topology.ClusterTopology;

/**
 * What must hold before a maintenance window is stored, one line per problem. Names, reason, ticket, actor and (with
 * the cluster known) peer and servers are checked exactly as {@link ControlValidator} checks the offline the window
 * will send; on top: {@code to} after {@code from}; a new one-off window may not start in the past (a
 * {@link #GRACE} of one minute lets "now" through); a weekly window needs days, a length of 1 minute to 7 days and at
 * least one occurrence before {@code to}, and {@code to} in the future. Overlapping windows on one trunk are allowed
 * (the scheduler keeps the trunk offline until the latest end).
 */
public final class MaintenanceValidator {

    /** How far in the past a new window's start may be: the time it takes to type the command. */
    public static final Duration GRACE = Duration.ofMinutes(1);
    public static final Duration MAX_LENGTH = Duration.ofDays(7);

    private MaintenanceValidator() {
    }

    /** Problems of a new window at {@code now}; {@code topology} empty = structural checks only. */
    public static List<String> problems(MaintenanceWindow w, Instant now, Optional<ClusterTopology> topology) {
        List<String> out = new ArrayList<>(ControlValidator.problems(offline(w, Optional.empty()), now, topology));
        if (!w.to().isAfter(w.from())) {
            out.add("--to " + w.to() + " is not after --from " + w.from());
            return out;
        }
        if (!w.to().isAfter(now)) {
            out.add("the window ends in the past (" + w.to() + ")");
        }
        if (w.weekly().isEmpty()) {
            if (w.from().isBefore(now.minus(GRACE))) {
                out.add("--from " + w.from() + " is in the past (use --from now to start at once)");
            }
            return out;
        }
        MaintenanceWindow.Weekly r = w.weekly().get();
        if (r.days().isEmpty()) {
            out.add("--weekly needs at least one day (MON,TUE,...)");
        }
        if (r.length().compareTo(Duration.ofMinutes(1)) < 0 || r.length().compareTo(MAX_LENGTH) > 0) {
            out.add("--for " + r.length() + " is outside 1 minute to 7 days");
        }
        if (out.isEmpty() && w.nextOrCurrent(now.isAfter(w.from()) ? now : w.from()).isEmpty()) {
            out.add("no occurrence of " + r.daysText() + " " + r.at() + " falls between --from and --to");
        }
        return out;
    }

    /** The offline a window sends, ending at {@code until}, by the window's creator. */
    static ControlRequest offline(MaintenanceWindow w, Optional<Instant> until) {
        return new ControlRequest(ControlVerb.OFFLINE, w.tech(), w.peer(), w.serverIds(), Optional.empty(),
                OptionalInt.empty(), until, w.reason(), w.ticket(), w.createdBy());
    }
}
