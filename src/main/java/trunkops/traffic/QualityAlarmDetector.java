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
 * drifting into the baseline. Given one-minute series too, a {@link SharpFailureRule} opens a failure-spike episode
 * at the first minute of a sharp, large failure, before the 15-minute span has caught up. Pure.
 *
 * <p>Times: an episode is stamped with the start of the newest bucket of its first failing span (the minute, for a
 * sharp failure) - where the evidence that raised it begins - and cleared with that of its first passing span. The
 * last bucket of a series is the current, partial one, so its end lies in the future; its start never does.
 */
public final class QualityAlarmDetector {

    /** The episodes over the window, oldest first, and where the rules stand for each carrier at its end. */
    public record Evaluation(List<QualityAlarm> episodes, Map<String, CarrierWatch> watch) {
        public Evaluation {
            episodes = List.copyOf(episodes);
            watch = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(watch));
        }
    }

    private final QualityRules rules;
    private final SharpFailureRule sharp;

    /** The bucket size the series given to {@link #episodes} must have (the rules' step). */
    public BucketSize bucket() {
        return BucketSize.ofMinutes(rules.step().toMinutes()).orElseThrow();
    }

    public QualityAlarmDetector(QualityRules rules) {
        this(rules, SharpFailureRule.defaults());
    }

    public QualityAlarmDetector(QualityRules rules, SharpFailureRule sharp) {
        this.rules = rules;
        this.sharp = sharp;
    }

    public QualityRules rules() {
        return rules;
    }

    /**
     * Episodes over the whole series, oldest first. {@code series} must be per carrier ({@link Dimension#CARRIER})
     * with buckets of {@link QualityRules#step()}; the unattributed bucket is skipped. Without one-minute series the
     * sharp-failure rule is not applied.
     */
    public List<QualityAlarm> episodes(List<MetricsSeries> series,
                                       Function<String, QualityAlarm.ProbeVerdict> probes) {
        return evaluate(series, List.of(), probes).episodes();
    }

    /**
     * Episodes and per-carrier watch states. {@code minutes}: the same carriers in one-minute buckets over the same
     * window (for the sharp-failure rule), or empty.
     */
    public Evaluation evaluate(List<MetricsSeries> series, List<MetricsSeries> minutes,
                               Function<String, QualityAlarm.ProbeVerdict> probes) {
        Map<String, MetricsSeries> byCarrier = new java.util.HashMap<>();
        for (MetricsSeries m : minutes) {
            if (!m.key().unattributed()) {
                byCarrier.put(m.key().carrierId(), m);
            }
        }
        List<QualityAlarm> out = new ArrayList<>();
        Map<String, CarrierWatch> watch = new java.util.HashMap<>();
        for (MetricsSeries s : series) {
            if (s.key().unattributed()) {
                continue;
            }
            if (s.bucket().minutes() != rules.step().toMinutes()) {
                throw new IllegalArgumentException("series in " + s.bucket().label() + " buckets, rules step "
                        + rules.step());
            }
            QualityAlarm.ProbeVerdict probe = probes.apply(s.key().carrierId());
            MetricsSeries m = byCarrier.get(s.key().carrierId());
            SharpFailures fast = m == null ? null : new SharpFailures(m, sharp, rules);
            Run spike = episodes(s, QualityAlarm.Kind.FAILURE_SPIKE, probe, fast);
            Run asr = episodes(s, QualityAlarm.Kind.ASR_DROP, probe, null);
            out.addAll(spike.alarms());
            out.addAll(asr.alarms());
            boolean ongoing = spike.alarms().stream().anyMatch(QualityAlarm::ongoing)
                    || asr.alarms().stream().anyMatch(QualityAlarm::ongoing);
            Verdict last = spike.last();
            CarrierWatch.State state = ongoing ? CarrierWatch.State.ALARM
                    : last != null && last.known() ? CarrierWatch.State.EVALUATING : CarrierWatch.State.WATCHING;
            watch.put(s.key().carrierId(), new CarrierWatch(s.key().carrierId(), state,
                    last == null ? 0 : last.attempts(), last == null ? 0 : last.baselineAttempts(), rules));
        }
        out.sort(Comparator.comparing(QualityAlarm::detected).thenComparing(QualityAlarm::carrierId));
        return new Evaluation(out, watch);
    }

    /** The alarms still ongoing at the end of the series. */
    public List<QualityAlarm> ongoing(List<MetricsSeries> series,
                                      Function<String, QualityAlarm.ProbeVerdict> probes) {
        return episodes(series, probes).stream().filter(QualityAlarm::ongoing).toList();
    }

    /** {@code known} false when the samples are too few to judge: such a span neither opens nor closes an episode. */
    private record Verdict(boolean known, boolean bad, double value, double baseline, long attempts,
                           long baselineAttempts, String evidence) {
    }

    /** One kind's episodes of one carrier, and the verdict of the newest span. */
    private record Run(List<QualityAlarm> alarms, Verdict last) {
    }

    private Run episodes(MetricsSeries s, QualityAlarm.Kind kind, QualityAlarm.ProbeVerdict probe,
                         SharpFailures fast) {
        int eval = (int) (rules.evaluation().toMinutes() / rules.step().toMinutes());
        int base = (int) (rules.baseline().toMinutes() / rules.step().toMinutes());
        List<MetricsSeries.Point> p = s.points();
        List<QualityAlarm> out = new ArrayList<>();
        LocalDateTime detected = null;
        Verdict first = null;
        Verdict worst = null;
        Verdict v = null;
        CarrierMetrics frozen = null;
        for (int end = eval; end <= p.size(); end++) {
            CarrierMetrics now = merge(p, end - eval, end);
            // during an episode the baseline stays the one before it: an incident never becomes its own normal
            CarrierMetrics before = frozen != null ? frozen : merge(p, Math.max(0, end - eval - base), end - eval);
            v = kind == QualityAlarm.Kind.ASR_DROP ? asr(now, before) : failures(now, before);
            // the newest bucket of the span: where the evidence that decides this step begins (never in the future)
            LocalDateTime at = p.get(end - 1).start();
            LocalDateTime stepEnd = at.plus(rules.step());
            boolean opened = false;
            if (detected == null && !v.bad() && fast != null) {
                SharpFailures.Verdict f = fast.firstBad(at, stepEnd);
                if (f != null) {
                    detected = fast.start(f);
                    first = sharpVerdict(fast, f);
                    worst = first;
                    frozen = before;
                    opened = true;
                }
            }
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
            } else if (detected != null && !opened && (fast == null || !fast.last(stepEnd).bad())) {
                // a sharp-failure episode is not cleared by a 15-minute span still diluted by the calls before it
                out.add(alarm(s, kind, detected, at, first, worst, probe));
                detected = null;
                frozen = null;
            }
        }
        if (detected != null) {
            out.add(alarm(s, kind, detected, null, first, worst, probe));
        }
        return new Run(out, v);
    }

    private Verdict sharpVerdict(SharpFailures fast, SharpFailures.Verdict f) {
        return new Verdict(true, true, f.share(), f.baseline(), f.attempts(), 0, topFailure(fast.span(f)));
    }

    private static QualityAlarm alarm(MetricsSeries s, QualityAlarm.Kind kind, LocalDateTime detected,
                                      LocalDateTime cleared, Verdict first, Verdict worst,
                                      QualityAlarm.ProbeVerdict probe) {
        return new QualityAlarm(s.key().carrierId(), kind, detected, cleared, worst.value(), first.baseline(),
                worst.attempts(), worst.evidence(), probe);
    }

    private Verdict asr(CarrierMetrics now, CarrierMetrics before) {
        if (now.attempts() < rules.minAttempts() || before.attempts() < rules.minBaselineAttempts()) {
            return new Verdict(false, false, now.asr(), before.asr(), now.attempts(), before.attempts(), "");
        }
        boolean bad = now.asr() < before.asr() * rules.asrDropRatio()
                && before.asr() - now.asr() >= rules.asrDropPoints()
                && significant(before.asr() - now.asr(), before.asr(), now.attempts(), rules.sigmas());
        return new Verdict(true, bad, now.asr(), before.asr(), now.attempts(), before.attempts(),
                bad ? topFailure(now) : "");
    }

    private Verdict failures(CarrierMetrics now, CarrierMetrics before) {
        if (now.attempts() < rules.minAttempts() || before.attempts() < rules.minBaselineAttempts()) {
            return new Verdict(false, false, now.carrierFailureShare(), before.carrierFailureShare(), now.attempts(),
                    before.attempts(), "");
        }
        double share = now.carrierFailureShare();
        double normal = before.carrierFailureShare();
        boolean bad = now.carrierFailures() >= rules.minFailures() && share >= normal * rules.failureFactor()
                && share - normal >= rules.failurePoints()
                && significant(share - normal, normal, now.attempts(), rules.sigmas());
        return new Verdict(true, bad, share, normal, now.attempts(), before.attempts(), bad ? topFailure(now) : "");
    }

    /** Whether a change of {@code deltaPct} points is beyond {@code sigmas} standard deviations of binomial noise. */
    static boolean significant(double deltaPct, double baselinePct, long n, double sigmas) {
        double p = Math.min(0.99, Math.max(0.01, baselinePct / 100.0));
        return deltaPct / 100.0 >= sigmas * Math.sqrt(p * (1 - p) / n);
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

    static CarrierMetrics merge(List<MetricsSeries.Point> p, int from, int to) {
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
