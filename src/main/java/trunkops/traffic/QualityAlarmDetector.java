package trunkops.traffic;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds {@link QualityAlarm} episodes in per-carrier series (one bucket per {@link QualityRules#step()}): at every
 * step the evaluated span is compared with the carrier's baseline just before it, with minimum-sample guards. While
 * an episode lasts its baseline stays the one it was detected against, so a long outage keeps alarming instead of
 * drifting into the baseline. Pure.
 */
public final class QualityAlarmDetector {

    private final QualityRules rules;

    /** The bucket size the series given to {@link #episodes} must have (the rules' step). */
    public BucketSize bucket() {
        return BucketSize.ofMinutes(rules.step().toMinutes()).orElseThrow();
    }

    public QualityAlarmDetector(QualityRules rules) {
        this.rules = rules;
    }

    public QualityRules rules() {
        return rules;
    }

    /**
     * Episodes over the whole series, oldest first. {@code series} must be per carrier ({@link Dimension#CARRIER})
     * with buckets of {@link QualityRules#step()}; the unattributed bucket is skipped.
     */
    public List<QualityAlarm> episodes(List<MetricsSeries> series,
                                       Function<String, QualityAlarm.ProbeVerdict> probes) {
        List<QualityAlarm> out = new ArrayList<>();
        for (MetricsSeries s : series) {
            if (s.key().unattributed()) {
                continue;
            }
            if (s.bucket().minutes() != rules.step().toMinutes()) {
                throw new IllegalArgumentException("series in " + s.bucket().label() + " buckets, rules step "
                        + rules.step());
            }
            QualityAlarm.ProbeVerdict probe = probes.apply(s.key().carrierId());
            out.addAll(episodes(s, QualityAlarm.Kind.FAILURE_SPIKE, probe));
            out.addAll(episodes(s, QualityAlarm.Kind.ASR_DROP, probe));
        }
        out.sort(Comparator.comparing(QualityAlarm::detected).thenComparing(QualityAlarm::carrierId));
        return out;
    }

    /** The alarms still ongoing at the end of the series. */
    public List<QualityAlarm> ongoing(List<MetricsSeries> series,
                                      Function<String, QualityAlarm.ProbeVerdict> probes) {
        return episodes(series, probes).stream().filter(QualityAlarm::ongoing).toList();
    }

    /** {@code known} false when the samples are too few to judge: such a span neither opens nor closes an episode. */
    private record Verdict(boolean known, boolean bad, double value, double baseline, long attempts, String evidence) {
    }

    private List<QualityAlarm> episodes(MetricsSeries s, QualityAlarm.Kind kind, QualityAlarm.ProbeVerdict probe) {
        int eval = (int) (rules.evaluation().toMinutes() / rules.step().toMinutes());
        int base = (int) (rules.baseline().toMinutes() / rules.step().toMinutes());
        List<MetricsSeries.Point> p = s.points();
        List<QualityAlarm> out = new ArrayList<>();
        LocalDateTime detected = null;
        Verdict first = null;
        Verdict worst = null;
        CarrierMetrics frozen = null;
        for (int end = eval; end <= p.size(); end++) {
            CarrierMetrics now = merge(p, end - eval, end);
            // during an episode the baseline stays the one before it: an incident never becomes its own normal
            CarrierMetrics before = frozen != null ? frozen : merge(p, Math.max(0, end - eval - base), end - eval);
            Verdict v = kind == QualityAlarm.Kind.ASR_DROP ? asr(now, before) : failures(now, before);
            LocalDateTime at = p.get(end - 1).start().plusMinutes(rules.step().toMinutes());
            if (!v.known()) {
                // too few calls to judge (a quiet hour, a carrier taken out of the routes): an episode goes on, and
                // none starts; "recovered" needs calls that went well
                continue;
            }
            if (v.bad()) {
                if (detected == null) {
                    detected = at;
                    first = v;
                    worst = v;
                    frozen = before;
                } else if (kind == QualityAlarm.Kind.ASR_DROP ? v.value() < worst.value()
                        : v.value() > worst.value()) {
                    worst = v;
                }
            } else if (detected != null) {
                out.add(alarm(s, kind, detected, at, first, worst, probe));
                detected = null;
                frozen = null;
            }
        }
        if (detected != null) {
            out.add(alarm(s, kind, detected, null, first, worst, probe));
        }
        return out;
    }

    private static QualityAlarm alarm(MetricsSeries s, QualityAlarm.Kind kind, LocalDateTime detected,
                                      LocalDateTime cleared, Verdict first, Verdict worst,
                                      QualityAlarm.ProbeVerdict probe) {
        return new QualityAlarm(s.key().carrierId(), kind, detected, cleared, worst.value(), first.baseline(),
                worst.attempts(), worst.evidence(), probe);
    }

    private Verdict asr(CarrierMetrics now, CarrierMetrics before) {
        if (now.attempts() < rules.minAttempts() || before.attempts() < rules.minBaselineAttempts()) {
            return new Verdict(false, false, now.asr(), before.asr(), now.attempts(), "");
        }
        boolean bad = now.asr() < before.asr() * rules.asrDropRatio()
                && before.asr() - now.asr() >= rules.asrDropPoints()
                && significant(before.asr() - now.asr(), before.asr(), now.attempts());
        return new Verdict(true, bad, now.asr(), before.asr(), now.attempts(), bad ? topFailure(now) : "");
    }

    private Verdict failures(CarrierMetrics now, CarrierMetrics before) {
        if (now.attempts() < rules.minAttempts() || before.attempts() < rules.minBaselineAttempts()) {
            return new Verdict(false, false, now.carrierFailureShare(), before.carrierFailureShare(), now.attempts(),
                    "");
        }
        double share = now.carrierFailureShare();
        double normal = before.carrierFailureShare();
        boolean bad = now.carrierFailures() >= rules.minFailures() && share >= normal * rules.failureFactor()
                && share - normal >= rules.failurePoints() && significant(share - normal, normal, now.attempts());
        return new Verdict(true, bad, share, normal, now.attempts(), bad ? topFailure(now) : "");
    }

    /** Whether a change of {@code deltaPct} points is beyond {@link QualityRules#sigmas()} of binomial noise. */
    private boolean significant(double deltaPct, double baselinePct, long n) {
        double p = Math.min(0.99, Math.max(0.01, baselinePct / 100.0));
        return deltaPct / 100.0 >= rules.sigmas() * Math.sqrt(p * (1 - p) / n);
    }

    /** The commonest carrier-failure outcome, e.g. {@code CONGESTION / SIP 503 Service Unavailable: 212 of 260}. */
    static String topFailure(CarrierMetrics m) {
        return m.outcomes().entrySet().stream().filter(e -> e.getKey().carrierFailure())
                .max(Map.Entry.comparingByValue())
                .map(e -> {
                    CarrierMetrics.OutcomeKey k = e.getKey();
                    String sip = k.sipCode() > 0 ? " / SIP " + k.sipCode()
                            + (k.sipReason().isEmpty() ? "" : " " + k.sipReason()) : "";
                    return String.format(Locale.ROOT, "%s%s: %d of %d calls", k.dialstatus(), sip, e.getValue(),
                            m.attempts());
                }).orElse("");
    }

    private static CarrierMetrics merge(List<MetricsSeries.Point> p, int from, int to) {
        if (to - from == 1) {
            return p.get(from).metrics();
        }
        long attempts = 0;
        long answered = 0;
        java.util.Map<CarrierMetrics.OutcomeKey, Long> outcomes = new java.util.HashMap<>();
        boolean sip = true;
        for (int i = from; i < to; i++) {
            CarrierMetrics m = p.get(i).metrics();
            attempts += m.attempts();
            answered += m.answered();
            sip &= m.sipAvailable();
            m.outcomes().forEach((k, n) -> outcomes.merge(k, n, Long::sum));
        }
        return new CarrierMetrics(attempts, answered, outcomes, 0, Double.NaN, Double.NaN, sip);
    }
}
