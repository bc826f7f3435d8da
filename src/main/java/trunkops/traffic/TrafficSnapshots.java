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
     * every dialer, whatever the request shows.
     */
    public static TrafficSnapshot build(CarrierTrafficEngine engine, TrafficRequest request,
                                        QualityAlarmDetector detector,
                                        Function<String, QualityAlarm.ProbeVerdict> probes, LiveTrunkCalls live,
                                        Availability availability, List<String> sourceNotes) {
        if (!engine.loaded()) {
            return TrafficSnapshot.empty(availability, request);
        }
        List<MetricsSeries> alarmSeries = engine.series(detector.bucket(), Dimension.CARRIER, List.of());
        List<QualityAlarm> alarms = detector.episodes(alarmSeries, probes);
        boolean same = request.bucket() == detector.bucket() && request.dimension() == Dimension.CARRIER
                && request.servers().isEmpty();
        List<MetricsSeries> series = same ? alarmSeries
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
        return new TrafficSnapshot(availability, request, engine.windowStart(), engine.databaseNow(), series,
                engine.totals(engine.windowStart(), end, Dimension.CARRIER, request.servers()), alarms, live,
                attribution, notes);
    }
}
