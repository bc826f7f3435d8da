package trunkops.traffic;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Merges cells, then turns the sums into {@link CarrierMetrics} with the cube's dictionaries. */
final class MetricsAccumulator {

    private final Cell sum = new Cell();

    void add(Cell c) {
        sum.addAll(c);
    }

    long attempts() {
        return sum.attempts;
    }

    CarrierMetrics toMetrics(TrafficCube cube, boolean sipAvailable) {
        Map<CarrierMetrics.OutcomeKey, Long> outcomes = new HashMap<>();
        SmallCounts o = sum.outcomes;
        for (int i = 0; i < o.size(); i++) {
            long n = o.count(i);
            if (n == 0) {
                continue;
            }
            long key = o.key(i);
            int code = Outcome.sipCode(key);
            int reasonId = Outcome.reason(key);
            String reason = code == Outcome.ABSENT || reasonId == Outcome.NULL ? "" : cube.reasons.value(reasonId);
            outcomes.merge(new CarrierMetrics.OutcomeKey(cube.statuses.value(Outcome.status(key)),
                    number(Outcome.hangupCause(key)), code == Outcome.ABSENT ? -2 : number(code), reason), n,
                    Long::sum);
        }
        long[] acc = {0, 0};
        double[] total = {0};
        TreeMap<Long, Long> times = new TreeMap<>();
        sum.forEachDialTime((secs, n) -> {
            times.merge(secs, n, Long::sum);
            acc[0] += n;
            total[0] += (double) secs * n;
            return 0;
        });
        long samples = acc[0];
        return new CarrierMetrics(sum.attempts, sum.answered, byCount(outcomes), samples,
                samples == 0 ? Double.NaN : total[0] / samples, percentile(times, samples, 0.9), sipAvailable);
    }

    private static int number(int stored) {
        return stored == Outcome.NULL ? -1 : stored;
    }

    /** Nearest-rank percentile over second → count. */
    static double percentile(TreeMap<Long, Long> counts, long total, double p) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    private static <K> Map<K, Long> byCount(Map<K, Long> m) {
        List<Map.Entry<K, Long>> entries = new java.util.ArrayList<>(m.entrySet());
        entries.removeIf(e -> e.getValue() == 0);
        entries.sort(CarrierMetrics.LARGEST_FIRST);
        Map<K, Long> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
