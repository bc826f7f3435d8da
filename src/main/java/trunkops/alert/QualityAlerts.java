package trunkops.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import trunkops.traffic.QualityAlarm;

/**
 * Turns the carrier statistics' quality alarm episodes into alerts: CALLS_FAILING when an episode starts (or is
 * ongoing when first seen), CALLS_RECOVERED when it clears. An episode is known by carrier, rule and detection time;
 * episodes already over when first seen (the 24 h window's history) alert nothing. A carrier all of whose trunks are
 * in a maintenance window gets no alert. Not thread-safe: one thread feeds it.
 */
public final class QualityAlerts {

    private record Episode(String carrierId, QualityAlarm.Kind kind, java.time.LocalDateTime detected) {
    }

    private final ZoneId databaseZone;
    private final Map<Episode, Boolean> seen = new HashMap<>();

    /** @param databaseZone the zone of the database's wall clock (alarm times are in it) */
    public QualityAlerts(ZoneId databaseZone) {
        this.databaseZone = databaseZone;
    }

    /** The alerts {@code alarms} (the snapshot's episodes, oldest first) call for. */
    public List<Alert> next(List<QualityAlarm> alarms, Predicate<String> carrierInMaintenance) {
        List<Alert> out = new ArrayList<>();
        for (QualityAlarm a : alarms) {
            Episode e = new Episode(a.carrierId(), a.kind(), a.detected());
            Boolean wasOngoing = seen.put(e, a.ongoing());
            boolean quiet = carrierInMaintenance.test(a.carrierId());
            if (wasOngoing == null && a.ongoing() && !quiet) {
                out.add(new Alert(AlertKind.CALLS_FAILING, a.carrierId(), a.carrierId(), "", a.carrierId()
                        + (a.probe() == QualityAlarm.ProbeVerdict.OK ? ": calls failing, probes OK" : ": calls failing"),
                        a.headline().substring(a.carrierId().length() + 2), instant(a.detected())));
            } else if (Boolean.TRUE.equals(wasOngoing) && !a.ongoing() && !quiet) {
                out.add(new Alert(AlertKind.CALLS_RECOVERED, a.carrierId(), a.carrierId(), "", a.carrierId()
                        + ": calls recovered", a.kind() == QualityAlarm.Kind.ASR_DROP ? "answer rate back to normal"
                        : "failures back to normal", instant(a.cleared())));
            }
        }
        return out;
    }

    private Instant instant(java.time.LocalDateTime t) {
        return t.atZone(databaseZone).toInstant();
    }
}
