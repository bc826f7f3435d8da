package trunkops.traffic;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the carrier charts show, at one moment. Immutable; built off the FX thread, handed to the views.
 *
 * @param availability  whether the numbers are current ("unavailable since ..." when not)
 * @param request       the bucket size, breakdown and dialers the series were built for
 * @param windowStart   first minute of the loaded window (database wall clock), null before the first load
 * @param databaseNow   the database clock at the last refresh, null before the first load
 * @param series        the requested series (the last bucket is the current, partial one)
 * @param totals        per carrier over the whole window
 * @param alarms        quality alarm episodes over the window, oldest first (the timeline)
 * @param watch         where the quality rules stand per active carrier (watching: too few calls yet / evaluating /
 *                      in alarm)
 * @param live          calls up now per trunk
 * @param attribution   how the window's rows were attributed
 * @param notes         what the operator should know: degraded schema, replica, unattributed rows
 */
public record TrafficSnapshot(Availability availability, TrafficRequest request, LocalDateTime windowStart,
                              LocalDateTime databaseNow, List<MetricsSeries> series,
                              Map<SeriesKey, CarrierMetrics> totals, List<QualityAlarm> alarms,
                              Map<String, CarrierWatch> watch, LiveTrunkCalls live,
                              AttributionStats attribution, List<String> notes) {

    public TrafficSnapshot {
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(request, "request");
        series = List.copyOf(series);
        totals = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(totals));
        alarms = List.copyOf(alarms);
        watch = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(watch));
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(attribution, "attribution");
        notes = List.copyOf(notes);
    }

    /** Before anything was read. */
    public static TrafficSnapshot empty(Availability availability, TrafficRequest request) {
        return new TrafficSnapshot(availability, request, null, null, List.of(), Map.of(), List.of(), Map.of(),
                LiveTrunkCalls.NONE, new AttributionStats(Map.of(), Map.of()), List.of());
    }

    /** The alarms still going on (the board shows these). */
    public List<QualityAlarm> ongoingAlarms() {
        return alarms.stream().filter(QualityAlarm::ongoing).toList();
    }

    /** The same data marked unavailable (the database stopped answering). */
    public TrafficSnapshot withAvailability(Availability a) {
        return new TrafficSnapshot(a, request, windowStart, databaseNow, series, totals, alarms, watch, live,
                attribution, notes);
    }
}
