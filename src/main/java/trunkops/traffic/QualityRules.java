package trunkops.traffic;

import java.time.Duration;

/**
 * When call quality is bad enough to alarm, against the carrier's own recent past. Defaults (docs/traffic.md):
 * the last 15 minutes against the 6 hours before them, re-evaluated every 5 minutes; at least 40 attempts now and
 * 200 in the baseline (minimum samples, so a quiet night or a new carrier never alarms on a handful of calls), and a
 * change of at least 4 standard deviations of binomial noise (so a low-ASR carrier's chance dips do not alarm).
 *
 * @param evaluation           the span judged
 * @param baseline             the span before it that is the carrier's normal
 * @param step                 how often the judgement moves (also the timeline's resolution; a multiple of 1 min)
 * @param minAttempts          attempts needed in the evaluated span
 * @param minBaselineAttempts  attempts needed in the baseline
 * @param asrDropRatio         ASR alarm when ASR falls below this fraction of the baseline's ...
 * @param asrDropPoints        ... and at least this many percentage points below it
 * @param failureFactor        failure alarm when the carrier-failure share (CONGESTION, CHANUNAVAIL, SIP 5xx) is
 *                             this many times the baseline's ...
 * @param failurePoints        ... and at least this many percentage points above it ...
 * @param minFailures          ... and at least this many failing calls
 * @param sigmas               and in both rules the change must exceed this many standard deviations of binomial
 *                             noise at the baseline rate ({@code sqrt(p(1-p)/n)}, p at least 1 %): at 40 attempts and
 *                             a 22 % ASR, chance alone takes ASR under 0.6x its baseline in about 7 % of evaluations
 */
public record QualityRules(Duration evaluation, Duration baseline, Duration step, long minAttempts,
                           long minBaselineAttempts, double asrDropRatio, double asrDropPoints, double failureFactor,
                           double failurePoints, long minFailures, double sigmas) {

    public static QualityRules defaults() {
        return new QualityRules(Duration.ofMinutes(15), Duration.ofHours(6), Duration.ofMinutes(5), 40, 200, 0.6,
                8.0, 3.0, 10.0, 10, 4.0);
    }

    public QualityRules {
        if (BucketSize.ofMinutes(step.toMinutes()).isEmpty() || step.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("the step must be one of the statistics' buckets (1 min, 5 min, 1 h): "
                    + step);
        }
        if (step.toMinutes() < 1 || evaluation.toMinutes() % step.toMinutes() != 0
                || baseline.toMinutes() % step.toMinutes() != 0) {
            throw new IllegalArgumentException("evaluation and baseline must be whole multiples of the step ("
                    + step + ")");
        }
    }
}
