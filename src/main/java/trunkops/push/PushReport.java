package trunkops.push;

import java.time.Duration;
import java.util.List;

/**
 * How a push ended: per dialer the version it is verified to run, and a one-line summary.
 *
 * @param outcome what happened overall
 * @param dialers every dialer's final state
 * @param summary one line for the operator
 * @param conflicts for {@link Outcome#STOPPED_CHANGED}: base / live / proposed of each field that changed
 */
public record PushReport(Outcome outcome, List<DialerState> dialers, String summary, List<FieldConflict> conflicts) {

    public enum Outcome { PUSHED, NOTHING_TO_PUSH, REFUSED, STOPPED_CHANGED, ROLLED_BACK, FAILED }

    /** NEW: verified on the pushed version; OLD: verified (or never touched) on the previous one; UNKNOWN: check. */
    public enum State { NEW, OLD, UNKNOWN }

    /**
     * @param untilVerified from the job's start to this dialer's verification (zero when not verified)
     */
    public record DialerState(String serverId, State state, String detail, Duration untilVerified) {
    }

    public PushReport {
        dialers = List.copyOf(dialers);
        conflicts = List.copyOf(conflicts);
    }

    public PushReport(Outcome outcome, List<DialerState> dialers, String summary) {
        this(outcome, dialers, summary, List.of());
    }

    /** True only when every dialer verified the intended version. */
    public boolean allNew() {
        return !dialers.isEmpty() && dialers.stream().allMatch(d -> d.state() == State.NEW);
    }
}
