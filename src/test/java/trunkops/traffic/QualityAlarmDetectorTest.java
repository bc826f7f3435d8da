package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The alarm rules on synthetic 5-minute series: baseline, spike, recovery, minimum samples, probe verdict. */
class QualityAlarmDetectorTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 26, 6, 0);
    private static final CarrierMetrics.OutcomeKey ANSWER = new CarrierMetrics.OutcomeKey("ANSWER", 16, 200, "OK");
    private static final CarrierMetrics.OutcomeKey CANCEL = new CarrierMetrics.OutcomeKey("CANCEL", 0, 180, "Ringing");
    private static final CarrierMetrics.OutcomeKey C503 = new CarrierMetrics.OutcomeKey("CONGESTION", 34, 503,
            "Service Unavailable");

    private final QualityAlarmDetector detector = new QualityAlarmDetector(QualityRules.defaults());

    /** {@code n} attempts per bucket: {@code answered}, {@code failing} 503s, the rest CANCEL. */
    private static CarrierMetrics bucket(long n, long answered, long failing) {
        return new CarrierMetrics(n, answered, Map.of(ANSWER, answered, C503, failing, CANCEL,
                n - answered - failing), 0, Double.NaN, Double.NaN, true);
    }

    private static MetricsSeries series(String carrier, List<CarrierMetrics> buckets) {
        List<MetricsSeries.Point> points = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            points.add(new MetricsSeries.Point(T0.plusMinutes(5L * i), buckets.get(i)));
        }
        return new MetricsSeries(SeriesKey.carrier(carrier), BucketSize.FIVE_MINUTES, points);
    }

    /** 6 h of normal (30 % ASR, 3 % 503), then {@code bad} buckets, then normal again. */
    private static List<CarrierMetrics> incident(int bad, long perBucket, long answeredBad, long failingBad) {
        List<CarrierMetrics> b = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            b.add(bucket(perBucket, perBucket * 30 / 100, perBucket * 3 / 100));
        }
        for (int i = 0; i < bad; i++) {
            b.add(bucket(perBucket, answeredBad, failingBad));
        }
        for (int i = 0; i < 6; i++) {
            b.add(bucket(perBucket, perBucket * 30 / 100, perBucket * 3 / 100));
        }
        return b;
    }

    @Test
    void aSpikeOf503sIsOneEpisodeFromDetectionToRecoveryWithEvidence() {
        // 40 bad minutes (8 buckets) of 85 % 503 at 100 attempts per 5 minutes
        List<QualityAlarm> alarms = detector.episodes(List.of(series("BLUELINE", incident(8, 100, 6, 85))),
                c -> QualityAlarm.ProbeVerdict.OK);
        QualityAlarm spike = alarms.stream().filter(a -> a.kind() == QualityAlarm.Kind.FAILURE_SPIKE).findFirst()
                .orElseThrow();
        // bad from 12:00; the first 15-minute span with enough 503s ends 12:05 (100 of 200 calls failing): the alarm is
        // stamped with the start of its newest bucket, 12:00, where the evidence that raised it begins
        assertEquals(T0.plusHours(6), spike.detected());
        // recovery: the span ending 12:50 still holds 12:35-12:40, the last bad bucket (91 of 300 failing, against
        // the frozen 3 % baseline); the span ending 12:55 (newest bucket 12:50-12:55) is clean
        assertEquals(T0.plusHours(6).plusMinutes(50), spike.cleared());
        assertEquals(85.0, spike.worst(), 1e-9);
        assertEquals(3.0, spike.baseline(), 1e-9);
        assertEquals("CONGESTION / SIP 503 Service Unavailable: 255 of 300 calls", spike.evidence());
        assertTrue(spike.headline().startsWith("BLUELINE: probe OK but calls failing: 85% of calls failing"),
                spike.headline());
        QualityAlarm asr = alarms.stream().filter(a -> a.kind() == QualityAlarm.Kind.ASR_DROP).findFirst()
                .orElseThrow();
        assertEquals(6.0, asr.worst(), 1e-9);
        assertEquals(30.0, asr.baseline(), 1e-9);
    }

    @Test
    void aLongOutageKeepsAlarmingInsteadOfBecomingTheBaseline() {
        List<QualityAlarm> alarms = detector.episodes(List.of(series("NSVOICE", incident(100, 100, 5, 90))),
                c -> QualityAlarm.ProbeVerdict.OK);
        QualityAlarm spike = alarms.stream().filter(a -> a.kind() == QualityAlarm.Kind.FAILURE_SPIKE).findFirst()
                .orElseThrow();
        assertEquals(1, alarms.stream().filter(a -> a.kind() == QualityAlarm.Kind.FAILURE_SPIKE).count());
        // 100 bad buckets = 8 h 20 min, longer than the 6 h baseline: still one episode, cleared after the end
        assertEquals(T0.plusHours(6), spike.detected());
        assertEquals(T0.plusHours(6).plusMinutes(500 + 10), spike.cleared());
    }

    @Test
    void minimumSamplesKeepQuietCarriersQuiet() {
        // the same shape with 12 attempts per 5 minutes: 36 in the evaluated span, below the 40 needed
        assertEquals(List.of(), detector.episodes(List.of(series("VELOX", incident(8, 12, 0, 11))),
                c -> QualityAlarm.ProbeVerdict.UNKNOWN));
        // and a busy carrier without enough baseline (a new carrier, the first hours of the window)
        List<CarrierMetrics> young = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            young.add(bucket(30, 9, 1));
        }
        for (int i = 0; i < 6; i++) {
            young.add(bucket(100, 5, 90));
        }
        assertEquals(List.of(), detector.episodes(List.of(series("NEW", young)), c -> QualityAlarm.ProbeVerdict.OK));
    }

    @Test
    void chanceDipsOfALowAsrCarrierAreNotAlarms() {
        // 22 % ASR, 14 attempts per 5 minutes: 42 in the span; 5 answers is 11.9 %, under 0.6 x 22 % and 10 points
        // down, but only 1.6 standard deviations of chance at n = 42
        List<CarrierMetrics> b = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            b.add(bucket(14, i % 2 == 0 ? 3 : 3, 1));
        }
        b.add(bucket(14, 2, 1));
        b.add(bucket(14, 2, 1));
        b.add(bucket(14, 1, 1));
        assertEquals(List.of(), detector.episodes(List.of(series("VELOX", b)), c -> QualityAlarm.ProbeVerdict.OK));
        QualityRules loose = new QualityRules(QualityRules.defaults().evaluation(), QualityRules.defaults().baseline(),
                QualityRules.defaults().step(), 40, 200, 0.6, 8.0, 3.0, 10.0, 10, 0.0);
        assertEquals(1, new QualityAlarmDetector(loose).episodes(List.of(series("VELOX", b)),
                c -> QualityAlarm.ProbeVerdict.OK).size(), "without the significance guard it would alarm");
    }

    @Test
    void normalVariationAndAnUnattributedBucketRaiseNothing() {
        List<CarrierMetrics> b = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            b.add(bucket(100, 27 + i % 7, 2 + i % 4));
        }
        assertEquals(List.of(), detector.episodes(List.of(series("NSVOICE", b)), c -> QualityAlarm.ProbeVerdict.OK));
        assertEquals(List.of(), detector.episodes(List.of(series(Attribution.UNATTRIBUTED, incident(8, 100, 0, 90))),
                c -> QualityAlarm.ProbeVerdict.OK));
    }

    @Test
    void anAlarmStillGoingOnHasNoClearTimeAndShowsWithoutTheProbeClaimWhenProbesFail() {
        List<CarrierMetrics> b = incident(8, 100, 0, 90).subList(0, 80);
        List<QualityAlarm> ongoing = detector.ongoing(List.of(series("ORBIT", b)),
                c -> QualityAlarm.ProbeVerdict.NOT_OK);
        assertEquals(2, ongoing.size(), "spike and ASR drop");
        ongoing.forEach(a -> assertNull(a.cleared()));
        assertTrue(ongoing.get(0).headline().startsWith("ORBIT: "));
        assertTrue(ongoing.stream().noneMatch(a -> a.headline().contains("probe OK")));
    }

    @Test
    void seriesInTheWrongBucketSizeAreRefused() {
        MetricsSeries hourly = new MetricsSeries(SeriesKey.carrier("X"), BucketSize.ONE_HOUR,
                List.of(new MetricsSeries.Point(T0, CarrierMetrics.EMPTY)));
        assertThrows(IllegalArgumentException.class, () -> detector.episodes(List.of(hourly),
                c -> QualityAlarm.ProbeVerdict.OK));
    }

    @Test
    void theStepMustBeABucketTheStatisticsHave() {
        QualityRules d = QualityRules.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new QualityRules(
                java.time.Duration.ofMinutes(20), d.baseline(), java.time.Duration.ofMinutes(2), 40, 200, 0.6, 8.0, 3.0,
                10.0, 10, 4.0));
        assertTrue(e.getMessage().contains("one of the statistics' buckets"), e.getMessage());
        assertEquals(BucketSize.FIVE_MINUTES, new QualityAlarmDetector(d).bucket());
        QualityRules minutely = new QualityRules(d.evaluation(), d.baseline(), java.time.Duration.ofMinutes(1), 40, 200,
                0.6, 8.0, 3.0, 10.0, 10, 4.0);
        assertEquals(BucketSize.ONE_MINUTE, new QualityAlarmDetector(minutely).bucket());
    }

    @Test
    void silenceNeitherEndsNorStartsAnEpisode() {
        // the failing carrier is taken out of the routes after 8 bad buckets: no calls for 2 hours, then normal
        List<CarrierMetrics> b = new ArrayList<>(incident(8, 100, 6, 85).subList(0, 80));
        for (int i = 0; i < 24; i++) {
            b.add(bucket(0, 0, 0));
        }
        List<QualityAlarm> quiet = detector.episodes(List.of(series("BLUELINE", b)),
                c -> QualityAlarm.ProbeVerdict.OK);
        QualityAlarm spike = quiet.stream().filter(a -> a.kind() == QualityAlarm.Kind.FAILURE_SPIKE).findFirst()
                .orElseThrow();
        assertNull(spike.cleared(), "no calls is not a recovery: the alarm stays until calls go well");
        for (int i = 0; i < 6; i++) {
            b.add(bucket(100, 30, 3));
        }
        QualityAlarm back = detector.episodes(List.of(series("BLUELINE", b)), c -> QualityAlarm.ProbeVerdict.OK)
                .stream().filter(a -> a.kind() == QualityAlarm.Kind.FAILURE_SPIKE).findFirst().orElseThrow();
        // the first good bucket alone holds 100 calls (40 needed in the evaluated span): it clears the episode
        assertEquals(T0.plusMinutes(5L * (80 + 24)), back.cleared());
    }

    /**
     * Issue 8 item 9: at 14:42:39 the timeline showed "14:45:00 BLUELINE calls failing". The last bucket of a series
     * is the current, partial one; an alarm raised on it is stamped with its start, never with its end.
     */
    @Test
    void anAlarmRaisedOnTheCurrentPartialBucketIsNeverStampedInTheFuture() {
        List<CarrierMetrics> b = new ArrayList<>(incident(0, 100, 0, 0).subList(0, 72));
        b.add(bucket(100, 30, 3));
        b.add(bucket(100, 30, 3));
        b.add(bucket(60, 3, 52));       // 12:10-12:15, 2 min 39 s into it: "now" is 12:12:39
        LocalDateTime now = T0.plusHours(6).plusMinutes(12).plusSeconds(39);
        List<QualityAlarm> alarms = detector.episodes(List.of(series("BLUELINE", b)),
                c -> QualityAlarm.ProbeVerdict.OK);
        assertTrue(!alarms.isEmpty(), "the partial bucket's 503s raise the alarm");
        for (QualityAlarm a : alarms) {
            assertTrue(!a.detected().isAfter(now), a.detected() + " is after now " + now);
            assertEquals(T0.plusHours(6).plusMinutes(10), a.detected());
        }
        // and the episodes of a series come oldest first by that stamp
        List<QualityAlarm> two = detector.episodes(List.of(series("A", incident(8, 100, 6, 85)),
                series("B", b)), c -> QualityAlarm.ProbeVerdict.OK);
        for (int i = 1; i < two.size(); i++) {
            assertTrue(!two.get(i).detected().isBefore(two.get(i - 1).detected()), two.toString());
        }
    }
}
