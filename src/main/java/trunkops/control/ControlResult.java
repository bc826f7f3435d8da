package trunkops.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** An action's outcome on every dialer it was sent to, and how long it took from send to the last read-back. */
public record ControlResult(ControlRequest request, List<DialerOutcome> outcomes, Duration took) {

    public ControlResult {
        Objects.requireNonNull(request, "request");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(took, "took");
    }

    /** True only when every dialer applied the change and read it back (the CLI's exit 0). */
    public boolean allApplied() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(DialerOutcome::applied);
    }

    /** The dialers that did not apply it: what a retry is sent to. */
    public List<String> notApplied() {
        return outcomes.stream().filter(o -> !o.applied()).map(DialerOutcome::serverId).toList();
    }
}
