package trunkops.topology;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One extension of a carrier's dialplan_entry with its priorities in ascending order.
 *
 * @param pattern       the extension name
 * @param callerIdMatch the caller-ID match after {@code /} in the name, {@code ""} if none
 * @param steps         the priorities, ascending
 */
public record DialplanExtension(DialPattern pattern, String callerIdMatch, List<DialplanStep> steps) {

    public DialplanExtension {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(callerIdMatch, "callerIdMatch");
        steps = steps.stream().sorted(Comparator.comparingInt(DialplanStep::priority)).toList();
    }

    public Optional<DialplanStep> step(int priority) {
        return steps.stream().filter(s -> s.priority() == priority).findFirst();
    }

    /** Whether priority 1 is ViciDial's call_log AGI (without it, call_log and the carrier log miss these calls). */
    public boolean callLogAgiFirst() {
        return step(1).map(DialplanStep::isCallLogAgi).orElse(false);
    }

    /** Every Dial destination of every priority, in priority order. */
    public List<DialTarget> dialTargets() {
        return steps.stream().flatMap(s -> s.dialTargets().stream()).toList();
    }
}
