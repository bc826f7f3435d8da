package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 11: a sharp, large failure gets a first verdict within about two minutes instead of the 15-minute
 * span's catching up, and the faster rule adds no alarm on normal noise or on low-volume carriers; the per-carrier
 * watch state says whether a carrier is being evaluated at all.
 */
class SharpFailureRuleTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 26, 0, 0);
    private static final CarrierMetrics.OutcomeKey ANSWER = new CarrierMetrics.OutcomeKey("ANSWER", 16, 200, "OK");
    private static final CarrierMetrics.OutcomeKey CANCEL = new CarrierMetrics.OutcomeKey("CANCEL", 0, 180, "Ringing");
    private static final CarrierMetrics.OutcomeKey C503 = new CarrierMetrics.OutcomeKey("CONGESTION", 34, 503,
            "Service Unavailable");

    private final QualityAlarmDetector detector = new QualityAlarmDetector(QualityRules.defaults());

    private static CarrierMetrics minute(long n, long answered, long failing) {
        return new CarrierMetrics(n, answered, Map.of(ANSWER, answered, C503, failing, CANCEL,
                n - answered - failing), 0, Double.NaN, Double.NaN, true);
    }

    /** One minute of a carrier at {@code rate} calls, {@code fail} carrier-failure and 30 % answer probability. */
    private static CarrierMetrics draw(Random r, double rate, double fail) {
        long n = Math.max(0, Math.round(rate + Math.sqrt(rate) * r.nextGaussian()));
        long f = 0;
        long a = 0;
        for (long i = 0; i < n; i++) {
            double x = r.nextDouble();
            if (x < fail) {
                f++;
            } else if (x < fail + 0.3 * (1 - fail)) {
                a++;
            }
        }
        return minute(n, a, f);
    }

    private static MetricsSeries minutes(String carrier, List<CarrierMetrics> m) {
        List<MetricsSeries.Point> p = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            p.add(new MetricsSeries.Point(T0.plusMinutes(i), m.get(i)));
        }
        return new MetricsSeries(SeriesKey.carrier(carrier), BucketSize.ONE_MINUTE, p);
    }

    /** The 5-minute series the engine would give for the same minutes (the last bucket partial). */
    private static MetricsSeries fives(MetricsSeries minutes) {
        List<MetricsSeries.Point> p = new ArrayList<>();
        List<MetricsSeries.Point> m = minutes.points();
        for (int i = 0; i < m.size(); i += 5) {
            p.add(new MetricsSeries.Point(m.get(i).start(),
                    QualityAlarmDetector.merge(m, i, Math.min(i + 5, m.size()))));
        }
        return new MetricsSeries(minutes.key(), BucketSize.FIVE_MINUTES, p);
    }

    private QualityAlarmDetector.Evaluation at(List<CarrierMetrics> all, int minutesSoFar, boolean fast) {
        MetricsSeries m = minutes("BLUELINE", all.subList(0, minutesSoFar));
        return detector.evaluate(List.of(fives(m)), fast ? List.of(m) : List.of(),
                c -> QualityAlarm.ProbeVerdict.OK);
    }

    /** Minutes from the failure's start until a snapshot taken at each whole minute shows an ongoing spike. */
    private int minutesToAlarm(List<CarrierMetrics> all, int failStart, boolean fast) {
        for (int t = failStart + 1; t <= all.size(); t++) {
            if (at(all, t, fast).episodes().stream().anyMatch(a -> a.ongoing()
                    && a.kind() == QualityAlarm.Kind.FAILURE_SPIKE)) {
                return t - failStart;
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void aSharpLargeFailureIsFlaggedWithinTwoMinutesStampedWhereItStarted() {
        Random r = new Random(8);
        List<CarrierMetrics> all = new ArrayList<>();
        for (int i = 0; i < 6 * 60 + 13; i++) {
            all.add(draw(r, 50, 0.08));
        }
        int failStart = all.size();          // 06:13, in the middle of a 5-minute bucket
        for (int i = 0; i < 30; i++) {
            all.add(draw(r, 50, 0.85));      // fail blueline 503 85 at the lab's rate
        }
        int fast = minutesToAlarm(all, failStart, true);
        int slow = minutesToAlarm(all, failStart, false);
        assertTrue(fast <= 2, "sharp rule: " + fast + " min");
        assertTrue(slow > fast, "the 15-minute rule alone: " + slow + " min, sharp: " + fast);
        QualityAlarm spike = at(all, failStart + fast, true).episodes().stream()
                .filter(a -> a.kind() == QualityAlarm.Kind.FAILURE_SPIKE).findFirst().orElseThrow();
        assertTrue(!spike.detected().isBefore(T0.plusMinutes(failStart))
                && spike.detected().isBefore(T0.plusMinutes(failStart + fast)), spike.detected().toString());
        assertTrue(spike.evidence().startsWith("CONGESTION / SIP 503 Service Unavailable: "), spike.evidence());
        assertEquals(CarrierWatch.State.ALARM, at(all, failStart + fast, true).watch().get("BLUELINE").state());
        // the episode holds while the failure lasts, although the 15-minute span is still diluted for a while
        QualityAlarmDetector.Evaluation later = at(all, all.size(), true);
        assertEquals(1, later.episodes().stream().filter(a -> a.kind() == QualityAlarm.Kind.FAILURE_SPIKE).count(),
                later.episodes().toString());
        assertTrue(later.episodes().stream().allMatch(QualityAlarm::ongoing), later.episodes().toString());
    }

    /** Normal noise at many volumes and failure rates, 200 seeded days: the sharp rule adds no episode. */
    @Test
    void normalNoiseAndLowVolumeCarriersGetNoExtraAlarmOverManySeededDays() {
        double[] rates = {0.5, 3, 12, 40, 150};
        double[] fails = {0.02, 0.08, 0.2};
        int days = 0;
        for (int seed = 0; seed < 200; seed++) {
            Random r = new Random(seed);
            double rate = rates[seed % rates.length];
            double fail = fails[(seed / rates.length) % fails.length];
            List<CarrierMetrics> day = new ArrayList<>();
            for (int i = 0; i < 8 * 60; i++) {
                day.add(draw(r, rate, fail));
            }
            MetricsSeries m = minutes("C" + seed, day);
            List<QualityAlarm> with = detector.evaluate(List.of(fives(m)), List.of(m),
                    c -> QualityAlarm.ProbeVerdict.OK).episodes();
            List<QualityAlarm> without = detector.episodes(List.of(fives(m)), c -> QualityAlarm.ProbeVerdict.OK);
            assertEquals(without, with, "seed " + seed + " rate " + rate + " fail " + fail);
            days++;
        }
        assertEquals(200, days);
    }

    @Test
    void aCarrierWithTooFewCallsIsWatchingAndABusyOneIsEvaluated() {
        Random r = new Random(3);
        List<CarrierMetrics> quiet = new ArrayList<>();
        List<CarrierMetrics> busy = new ArrayList<>();
        for (int i = 0; i < 7 * 60; i++) {
            quiet.add(draw(r, 1, 0.05));
            busy.add(draw(r, 50, 0.05));
        }
        MetricsSeries q = minutes("VELOX", quiet);
        MetricsSeries b = minutes("NSVOICE", busy);
        Map<String, CarrierWatch> watch = detector.evaluate(List.of(fives(q), fives(b)), List.of(q, b),
                c -> QualityAlarm.ProbeVerdict.OK).watch();
        CarrierWatch velox = watch.get("VELOX");
        assertEquals(CarrierWatch.State.WATCHING, velox.state());
        assertEquals("watching: too few calls yet", velox.label());
        assertTrue(velox.detail().contains("in the last 15 min (40 needed)"), velox.detail());
        assertEquals(CarrierWatch.State.EVALUATING, watch.get("NSVOICE").state());
        assertEquals("evaluating", watch.get("NSVOICE").label());
    }
}
