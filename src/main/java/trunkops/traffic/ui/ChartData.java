package trunkops.traffic.ui;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import trunkops.topology.TrunkKey;
import trunkops.traffic.CarrierMetrics;
import trunkops.traffic.LiveTrunkCalls;
import trunkops.traffic.MetricsSeries;
import trunkops.traffic.QualityAlarm;
import trunkops.traffic.SeriesKey;
import trunkops.traffic.TrafficSnapshot;

/** What each chart plots, computed from a snapshot (no scene graph here, so it is easy to test). */
final class ChartData {

    /** The carrier choice meaning every carrier together. */
    static final String ALL = "all carriers";
    /** The failure statuses the mix chart stacks; everything else non-effective is "other". */
    static final List<String> MIX = List.of("CONGESTION", "CHANUNAVAIL", "other failures");

    /**
     * Buckets with fewer attempts are not drawn in the ratio charts: at night two calls make an ASR of 0 or 100 %,
     * which says nothing and hides the day. The report and the CSV keep them.
     */
    static final int MIN_POINT_ATTEMPTS = 10;

    /** One plotted point. */
    record Point(long minute, double value) {
    }

    private ChartData() {
    }

    static long minute(LocalDateTime t) {
        return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 60);
    }

    /** ASR per bucket per series; buckets under {@link #MIN_POINT_ATTEMPTS} attempts are left out. */
    static Map<String, List<Point>> asr(List<MetricsSeries> series) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (MetricsSeries s : series) {
            if (s.key().unattributed()) {
                continue;
            }
            List<Point> pts = new ArrayList<>();
            for (MetricsSeries.Point p : s.points()) {
                if (p.metrics().attempts() >= MIN_POINT_ATTEMPTS) {
                    pts.add(new Point(minute(p.start()), p.metrics().asr()));
                }
            }
            out.put(s.key().label(), pts);
        }
        return out;
    }

    /** The buckets of one carrier (or all together): the series' points merged by bucket start. */
    static List<MetricsSeries.Point> buckets(List<MetricsSeries> series, String carrier) {
        Map<LocalDateTime, List<CarrierMetrics>> byStart = new java.util.TreeMap<>();
        for (MetricsSeries s : series) {
            if (carrier.equals(ALL) || s.key().carrierId().equals(carrier)) {
                for (MetricsSeries.Point p : s.points()) {
                    byStart.computeIfAbsent(p.start(), k -> new ArrayList<>()).add(p.metrics());
                }
            }
        }
        List<MetricsSeries.Point> out = new ArrayList<>();
        byStart.forEach((start, ms) -> out.add(new MetricsSeries.Point(start, merge(ms))));
        return out;
    }

    static CarrierMetrics merge(List<CarrierMetrics> ms) {
        if (ms.size() == 1) {
            return ms.get(0);
        }
        long attempts = 0;
        long answered = 0;
        Map<CarrierMetrics.OutcomeKey, Long> outcomes = new java.util.HashMap<>();
        boolean sip = true;
        for (CarrierMetrics m : ms) {
            attempts += m.attempts();
            answered += m.answered();
            sip &= m.sipAvailable();
            m.outcomes().forEach((k, n) -> outcomes.merge(k, n, Long::sum));
        }
        return new CarrierMetrics(attempts, answered, outcomes, 0, Double.NaN, Double.NaN, sip);
    }

    /** Failure statuses in percent of attempts per bucket, stacked in {@link #MIX} order. */
    static Map<String, List<Point>> failureMix(List<MetricsSeries> series, String carrier) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        MIX.forEach(m -> out.put(m, new ArrayList<>()));
        for (MetricsSeries.Point p : buckets(series, carrier)) {
            CarrierMetrics m = p.metrics();
            if (m.attempts() < MIN_POINT_ATTEMPTS) {
                continue;
            }
            long congestion = m.status("CONGESTION");
            long unavailable = m.status("CHANUNAVAIL");
            long other = m.failures() - congestion - unavailable;
            long t = minute(p.start());
            out.get(MIX.get(0)).add(new Point(t, 100.0 * congestion / m.attempts()));
            out.get(MIX.get(1)).add(new Point(t, 100.0 * unavailable / m.attempts()));
            out.get(MIX.get(2)).add(new Point(t, 100.0 * other / m.attempts()));
        }
        return out;
    }

    /** SIP code (with reason) → rows over the window, largest first, at most {@code max} (the rest summed). */
    static Map<String, Long> sipCodes(Map<SeriesKey, CarrierMetrics> totals, String carrier, int max) {
        List<CarrierMetrics> ms = totals.entrySet().stream()
                .filter(e -> carrier.equals(ALL) || e.getKey().carrierId().equals(carrier))
                .map(Map.Entry::getValue).toList();
        Map<String, Long> out = new LinkedHashMap<>();
        if (ms.isEmpty()) {
            return out;
        }
        long rest = 0;
        for (Map.Entry<CarrierMetrics.SipOutcome, Long> e : merge(ms).sipOutcomes().entrySet()) {
            String label = e.getKey().code() < 0 ? "NULL" : e.getKey().code() == 0 ? "0 (no SIP response)"
                    : e.getKey().code() + (e.getKey().reason().isEmpty() ? "" : " " + e.getKey().reason());
            if (out.size() < max) {
                out.merge(label, e.getValue(), Long::sum);
            } else {
                rest += e.getValue();
            }
        }
        if (rest > 0) {
            out.put("other", rest);
        }
        return out;
    }

    /**
     * Live calls per trunk, labelled {@code peer@server}, every trunk (idle ones with 0) in a fixed order (by peer,
     * then dialer): a bar keeps its place from one refresh to the next, so the eye finds it again.
     */
    static Map<String, Integer> trunkCalls(LiveTrunkCalls live) {
        List<Map.Entry<TrunkKey, Integer>> trunks = new ArrayList<>(live.byTrunk().entrySet());
        trunks.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(TrunkKey::peer)
                .thenComparing(TrunkKey::serverId)));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<TrunkKey, Integer> e : trunks) {
            out.put(e.getKey().peer() + "@" + e.getKey().serverId(), e.getValue());
        }
        return out;
    }

    /**
     * A count axis (calls) for values up to {@code max}: [0, upper] in whole steps of 1, 2, 5, 10, 20, 50... with at
     * most 10 ticks, so it never shows a fractional number of calls. Returns {upper, step}.
     */
    static int[] countAxis(int max) {
        int step = 1;
        for (int decade = 1; max > step * 10; decade *= 10) {
            step = max <= 20 * decade ? 2 * decade : max <= 50 * decade ? 5 * decade : 10 * decade;
        }
        int upper = Math.max(step * 4, ((max + step - 1) / step) * step);
        return new int[] {upper, step};
    }

    private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm");
    private static final java.time.format.DateTimeFormatter DAY_HH_MM = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm");

    /**
     * A time of the database clock as an operator reads it next to {@code now}: {@code 14:28} today,
     * {@code yesterday 14:28}, or with the date further back, never a bare time that means another day.
     */
    static String clock(LocalDateTime t, LocalDateTime now) {
        if (now == null || t.toLocalDate().equals(now.toLocalDate())) {
            return HH_MM.format(t);
        }
        return t.toLocalDate().equals(now.toLocalDate().minusDays(1)) ? "yesterday " + HH_MM.format(t)
                : DAY_HH_MM.format(t);
    }

    /** Alarm episodes as bands: [detected (where the evidence begins), cleared or now). */
    static List<AsrChart.Band> bands(TrafficSnapshot s) {
        List<AsrChart.Band> out = new ArrayList<>();
        long now = s.databaseNow() == null ? 0 : minute(s.databaseNow());
        for (QualityAlarm a : s.alarms()) {
            long from = minute(a.detected());
            long to = a.cleared() == null ? now + 1 : minute(a.cleared());
            out.add(new AsrChart.Band(from, to, a.ongoing(), a.headline()));
        }
        return out;
    }
}
