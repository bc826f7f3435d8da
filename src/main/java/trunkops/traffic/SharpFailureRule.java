package trunkops.traffic;

import java.time.Duration;

/**
 * The fast first verdict on a sharp, large failure (issue 8 item 11): the regular rule ({@link QualityRules}) judges
 * 15 minutes, so a carrier that starts rejecting most calls needs minutes of failures before the span's share is
 * high enough. This rule looks at the last {@code span} of one-minute buckets against the same 6-hour baseline and
 * opens a failure-spike episode at once when the change is large in absolute terms and far beyond chance. Defaults:
 * the last 2 minutes hold at least 40 attempts and 30 carrier failures, their failure share is at least 3 x the
 * baseline's and 40 points above it, and the change exceeds 8 standard deviations of binomial noise at the baseline
 * rate. At a 10 % baseline and 40 attempts that is 8.4 standard deviations of headroom above anything chance
 * produces, and a carrier with fewer than 20 calls a minute can never reach it (the regular rule still watches it).
 *
 * @param span         the span judged, whole minutes
 * @param minAttempts  attempts needed in the span
 * @param minFailures  carrier failures needed in the span
 * @param factor       failure share at least this many times the baseline's ...
 * @param points       ... and at least this many percentage points above it ...
 * @param sigmas       ... and a change of at least this many standard deviations of binomial noise
 */
public record SharpFailureRule(Duration span, long minAttempts, long minFailures, double factor, double points,
                               double sigmas) {

    public static SharpFailureRule defaults() {
        return new SharpFailureRule(Duration.ofMinutes(2), 40, 30, 3.0, 40.0, 8.0);
    }

    public SharpFailureRule {
        if (span.toMinutes() < 1 || span.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("the sharp-failure span must be whole minutes: " + span);
        }
    }
}
