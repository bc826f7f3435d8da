package trunkops.traffic;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The {@link SharpFailureRule} over one carrier's one-minute series: for every minute, the verdict of the span that
 * ends with it against the baseline before that span. Prefix sums of attempts and carrier failures, so a day of
 * minutes costs one pass. Pure.
 */
final class SharpFailures {

    /** The verdict at one minute; {@code known} false when the span or the baseline has too few calls. */
    record Verdict(boolean known, boolean bad, double share, double baseline, long attempts, int index) {
    }

    private final MetricsSeries minutes;
    private final SharpFailureRule rule;
    private final QualityRules rules;
    private final LocalDateTime first;
    private final long[] attempts;
    private final long[] failures;

    SharpFailures(MetricsSeries minutes, SharpFailureRule rule, QualityRules rules) {
        if (minutes.bucket() != BucketSize.ONE_MINUTE) {
            throw new IllegalArgumentException("the sharp-failure rule needs 1-minute buckets, got "
                    + minutes.bucket().label());
        }
        this.minutes = minutes;
        this.rule = rule;
        this.rules = rules;
        int n = minutes.points().size();
        this.first = n == 0 ? null : minutes.points().get(0).start();
        this.attempts = new long[n + 1];
        this.failures = new long[n + 1];
        for (int i = 0; i < n; i++) {
            CarrierMetrics m = minutes.points().get(i).metrics();
            attempts[i + 1] = attempts[i] + m.attempts();
            failures[i + 1] = failures[i] + m.carrierFailures();
        }
    }

    /** Index of the minute starting at or after {@code t} (clamped to the series). */
    private int index(LocalDateTime t) {
        long i = ChronoUnit.MINUTES.between(first, t);
        return (int) Math.max(0, Math.min(i, attempts.length - 1));
    }

    /** The first minute in [from, to) whose span is bad, or null. */
    Verdict firstBad(LocalDateTime from, LocalDateTime to) {
        if (first == null) {
            return null;
        }
        for (int j = index(from); j < index(to); j++) {
            Verdict v = at(j);
            if (v.bad()) {
                return v;
            }
        }
        return null;
    }

    /** The verdict of the newest minute before {@code to}, or an unknown one. */
    Verdict last(LocalDateTime to) {
        int j = first == null ? -1 : index(to) - 1;
        return j < 0 ? new Verdict(false, false, 0, 0, 0, -1) : at(j);
    }

    LocalDateTime start(Verdict v) {
        return minutes.points().get(v.index()).start();
    }

    /** The span of {@code v} merged, for the evidence text. */
    CarrierMetrics span(Verdict v) {
        int k = (int) rule.span().toMinutes();
        return QualityAlarmDetector.merge(minutes.points(), Math.max(0, v.index() - k + 1), v.index() + 1);
    }

    Verdict at(int j) {
        int k = (int) rule.span().toMinutes();
        int from = Math.max(0, j - k + 1);
        int baseFrom = (int) Math.max(0, from - rules.baseline().toMinutes());
        long n = attempts[j + 1] - attempts[from];
        long f = failures[j + 1] - failures[from];
        long nb = attempts[from] - attempts[baseFrom];
        long fb = failures[from] - failures[baseFrom];
        double share = n == 0 ? 0 : 100.0 * f / n;
        double normal = nb == 0 ? 0 : 100.0 * fb / nb;
        if (n < rule.minAttempts() || nb < rules.minBaselineAttempts()) {
            return new Verdict(false, false, share, normal, n, j);
        }
        boolean bad = f >= rule.minFailures() && share >= normal * rule.factor() && share - normal >= rule.points()
                && QualityAlarmDetector.significant(share - normal, normal, n, rule.sigmas());
        return new Verdict(true, bad, share, normal, n, j);
    }
}
