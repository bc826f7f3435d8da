package trunkops.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds {@link TrafficSnapshot}s from a loaded engine (the service does it every tick; tools and tests too). */
public final class TrafficSnapshots {

    private TrafficSnapshots() {
    }

    /**
     * The snapshot of what {@code engine} holds, for {@code request}; alarms are evaluated on 5-minute buckets of
     * every dialer (and 1-minute ones for the sharp-failure rule), whatever the request shows.
     */
    public static TrafficSnapshot build(CarrierTrafficEngine engine, TrafficRequest request,
                                        QualityAlarmDetector detector,
                                        Function<String, QualityAlarm.ProbeVerdict> probes, LiveTrunkCalls live,
                                        Availability availability, List<String> sourceNotes) {
        if (!engine.loaded()) {
            return TrafficSnapshot.empty(availability, request);
        }
        List<MetricsSeries> alarmSeries = engine.series(detector.bucket(), Dimension.CARRIER, List.of());
        List<MetricsSeries> minuteSeries = engine.series(BucketSize.ONE_MINUTE, Dimension.CARRIER, List.of());
        QualityAlarmDetector.Evaluation evaluation = detector.evaluate(alarmSeries, minuteSeries, probes);
        List<MetricsSeries> series = same(request, detector.bucket()) ? alarmSeries
                : same(request, BucketSize.ONE_MINUTE) ? minuteSeries
                : engine.series(request.bucket(), request.dimension(), request.servers());
        java.time.LocalDateTime end = engine.databaseNow().plusMinutes(6);
        AttributionStats attribution = engine.attribution(engine.windowStart(), end);
        List<String> notes = new ArrayList<>();
        if (engine.schema() != null && !engine.schema().degradedReason().isEmpty()) {
            notes.add(engine.schema().degradedReason());
        }
        notes.addAll(sourceNotes.stream().filter(n -> !n.isEmpty()).toList());
        if (attribution.unattributed() > 0) {
            notes.add(attribution.summary());
        }
        java.util.Map<String, CarrierWatch> watch = new java.util.HashMap<>(evaluation.watch());
        for (String c : engine.carrierIds()) {
            watch.putIfAbsent(c, CarrierWatch.noCalls(c, detector.rules()));
        }
        return new TrafficSnapshot(availability, request, engine.windowStart(), engine.databaseNow(), series,
                engine.totals(engine.windowStart(), end, Dimension.CARRIER, request.servers()), evaluation.episodes(),
                watch, live, attribution, notes);
    }

    private static boolean same(TrafficRequest request, BucketSize bucket) {
        return request.bucket() == bucket && request.dimension() == Dimension.CARRIER && request.servers().isEmpty();
    }
}
