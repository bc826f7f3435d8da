package trunkops.traffic;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the quality rules stand for one carrier at the end of the window (issue 8 item 11): what the board and the
 * charts' alarm list show beside a carrier that is not in alarm, so "no alarm" is never mistaken for "checked".
 *
 * @param carrierId         the carrier
 * @param state             see {@link State}
 * @param attempts          attempts in the evaluated span (the last {@link QualityRules#evaluation()})
 * @param baselineAttempts  attempts in the baseline before it
 * @param rules             the rules it is judged by (for the minimums in the text)
 */
public record CarrierWatch(String carrierId, State state, long attempts, long baselineAttempts, QualityRules rules) {

    public enum State {
        /** Too few calls in the span or in the baseline: nothing can be concluded either way. */
        WATCHING,
        /** Enough calls: the rules are applied at every refresh and find nothing wrong. */
        EVALUATING,
        /** An episode is ongoing. */
        ALARM
    }

    public CarrierWatch {
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rules, "rules");
    }

    /** A carrier that had no call in the window. */
    public static CarrierWatch noCalls(String carrierId, QualityRules rules) {
        return new CarrierWatch(carrierId, State.WATCHING, 0, 0, rules);
    }

    /** Short words for the board, e.g. {@code watching: too few calls yet}. */
    public String label() {
        return switch (state) {
            case WATCHING -> "watching: too few calls yet";
            case EVALUATING -> "evaluating";
            case ALARM -> "calls failing";
        };
    }

    /** The label with its numbers, for a tooltip or the alarm list. */
    public String detail() {
        long evalMin = rules.evaluation().toMinutes();
        String counts = String.format(Locale.ROOT, "%d calls in the last %d min (%d needed), %d in the %d h before"
                        + " (%d needed)", attempts, evalMin, rules.minAttempts(), baselineAttempts,
                rules.baseline().toHours(), rules.minBaselineAttempts());
        return carrierId + ": " + label() + " - " + counts;
    }
}
