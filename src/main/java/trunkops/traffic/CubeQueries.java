package trunkops.traffic;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Reads a {@link TrafficCube}: totals and bucketed series by dimension, optionally for some dialers only. */
final class CubeQueries {

    private CubeQueries() {
    }

    static LocalDateTime time(long minute) {
        return LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
    }

    static long minute(LocalDateTime t) {
        return Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 60);
    }

    private static SeriesKey key(TrafficCube cube, Dimension dim, int carrier, int server, int campaign) {
        String c = cube.carriers.value(carrier);
        return switch (dim) {
            case CARRIER -> SeriesKey.carrier(c);
            case CARRIER_SERVER -> new SeriesKey(c, cube.servers.value(server), null);
            case CARRIER_CAMPAIGN -> new SeriesKey(c, null, cube.campaigns.value(campaign));
            case CARRIER_SERVER_CAMPAIGN -> new SeriesKey(c, cube.servers.value(server),
                    cube.campaigns.value(campaign));
        };
    }

    /** Metrics per key over the minutes in [from, to); servers filtered by server_ip. */
    static TreeMap<SeriesKey, CarrierMetrics> totals(TrafficCube cube, long fromMinute, long toMinute, Dimension dim,
                                                     Predicate<String> servers, boolean sipAvailable) {
        Map<Long, MetricsAccumulator> acc = new HashMap<>();
        Map<Long, SeriesKey> keys = new HashMap<>();
        cube.forEach(fromMinute, toMinute, (minute, carrier, server, campaign, cell) -> {
            if (!servers.test(cube.servers.value(server))) {
                return;
            }
            long k = dimKey(dim, carrier, server, campaign);
            acc.computeIfAbsent(k, x -> new MetricsAccumulator()).add(cell);
            keys.computeIfAbsent(k, x -> key(cube, dim, carrier, server, campaign));
        });
        TreeMap<SeriesKey, CarrierMetrics> out = new TreeMap<>();
        acc.forEach((k, a) -> {
            if (a.attempts() != 0) {
                out.put(keys.get(k), a.toMetrics(cube, sipAvailable));
            }
        });
        return out;
    }

    /** All rows over the span as one metrics (every carrier, attributed or not): ViciDial's report totals. */
    static CarrierMetrics overall(TrafficCube cube, long fromMinute, long toMinute, Predicate<String> servers,
                                  boolean sipAvailable) {
        MetricsAccumulator acc = new MetricsAccumulator();
        cube.forEach(fromMinute, toMinute, (minute, carrier, server, campaign, cell) -> {
            if (servers.test(cube.servers.value(server))) {
                acc.add(cell);
            }
        });
        return acc.toMetrics(cube, sipAvailable);
    }

    /** One series per key with a point for every bucket of [from, to) (empty buckets hold {@link CarrierMetrics#EMPTY}). */
    static List<MetricsSeries> series(TrafficCube cube, long fromMinute, long toMinute, BucketSize size, Dimension dim,
                                      Predicate<String> servers, boolean sipAvailable) {
        Map<Long, TreeMap<Long, MetricsAccumulator>> acc = new HashMap<>();
        Map<Long, SeriesKey> keys = new HashMap<>();
        cube.forEach(fromMinute, toMinute, (minute, carrier, server, campaign, cell) -> {
            if (!servers.test(cube.servers.value(server))) {
                return;
            }
            long k = dimKey(dim, carrier, server, campaign);
            keys.computeIfAbsent(k, x -> key(cube, dim, carrier, server, campaign));
            acc.computeIfAbsent(k, x -> new TreeMap<>())
                    .computeIfAbsent(size.bucketOf(minute), b -> new MetricsAccumulator()).add(cell);
        });
        TreeMap<SeriesKey, MetricsSeries> out = new TreeMap<>();
        long first = size.bucketOf(fromMinute);
        acc.forEach((k, buckets) -> {
            List<MetricsSeries.Point> points = new ArrayList<>();
            for (long b = first; b < toMinute; b += size.minutes()) {
                MetricsAccumulator a = buckets.get(b);
                points.add(new MetricsSeries.Point(time(b), a == null ? CarrierMetrics.EMPTY
                        : a.toMetrics(cube, sipAvailable)));
            }
            out.put(keys.get(k), new MetricsSeries(keys.get(k), size, points));
        });
        return List.copyOf(out.values());
    }

    private static long dimKey(Dimension dim, int carrier, int server, int campaign) {
        return switch (dim) {
            case CARRIER -> CellMap.key(carrier, 0, 0);
            case CARRIER_SERVER -> CellMap.key(carrier, server, 0);
            case CARRIER_CAMPAIGN -> CellMap.key(carrier, 0, campaign);
            case CARRIER_SERVER_CAMPAIGN -> CellMap.key(carrier, server, campaign);
        };
    }
}
