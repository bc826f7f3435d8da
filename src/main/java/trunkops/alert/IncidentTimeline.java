package trunkops.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import trunkops.control.ControlVerb;
import trunkops.control.audit.AuditEntry;
import trunkops.health.LatencyHistory;
import trunkops.health.TimelineEntry;
import trunkops.traffic.QualityAlarm;

/**
 * One incident's timeline, merged from everything the console knows, oldest first: the trunks' state changes and the
 * links (board timeline), latency spikes (qualify history), quality alarms, operator actions, pushes and drills (audit
 * journal), and the alerts raised. Only what concerns the incident's carrier (its trunks and peers) and falls inside
 * the incident's window; link changes, pushes and drills of the window are kept whatever they touched (they are
 * context a carrier's support desk asks about).
 */
public final class IncidentTimeline {

    /**
     * What the timeline is built from.
     *
     * @param trunkSubjects the carrier's trunks as {@code SERVER/peer} (the board timeline's subjects)
     * @param peers         the carrier's peer names, lower case (the audit journal's peers)
     * @param databaseZone  the zone of the database's wall clock (quality alarm times)
     * @param latency       qualify history per trunk subject; {@code slotMs} its resolution
     */
    public record Sources(Set<String> trunkSubjects, Set<String> peers, List<TimelineEntry> board,
                          List<QualityAlarm> alarms, ZoneId databaseZone, List<AuditEntry> audit,
                          Map<String, LatencyHistory.Series> latency, long slotMs, List<Alert> alerts) {
    }

    private IncidentTimeline() {
    }

    public static List<IncidentEvent> build(Incident incident, Sources in) {
        List<IncidentEvent> out = new ArrayList<>();
        for (TimelineEntry e : in.board()) {
            boolean trunk = in.trunkSubjects().contains(e.subject());
            boolean link = e.subject().endsWith(" AMI") || e.subject().equals("database");
            if (trunk || link) {
                out.add(new IncidentEvent(Instant.ofEpochMilli(e.atMillis()), trunk ? IncidentEvent.Source.STATE
                        : IncidentEvent.Source.LINK, e.subject(), (e.from().isEmpty() ? "" : e.from() + " \u2192 ")
                        + e.to(), e.detail()));
            }
        }
        in.latency().forEach((subject, series) -> out.addAll(LatencySpikes.find(subject, series, in.slotMs())));
        for (QualityAlarm a : in.alarms()) {
            if (!a.carrierId().equals(incident.key())) {
                continue;
            }
            out.add(new IncidentEvent(a.detected().atZone(in.databaseZone()).toInstant(),
                    IncidentEvent.Source.QUALITY, a.carrierId(), "calls failing", a.headline()));
            if (a.cleared() != null) {
                out.add(new IncidentEvent(a.cleared().atZone(in.databaseZone()).toInstant(),
                        IncidentEvent.Source.QUALITY, a.carrierId(), "calls recovered", ""));
            }
        }
        for (AuditEntry e : in.audit()) {
            audit(incident, in, e, out);
        }
        for (Alert a : in.alerts()) {
            if (Incident.keyOf(a).equals(incident.key()) || a.kind() == AlertKind.DRILL_PASSED
                    || a.kind() == AlertKind.DRILL_FAILED) {
                out.add(new IncidentEvent(a.at(), a.kind() == AlertKind.DRILL_PASSED
                        || a.kind() == AlertKind.DRILL_FAILED ? IncidentEvent.Source.DRILL
                        : IncidentEvent.Source.ALERT, a.subject(), a.kind().words(), a.title()));
            }
        }
        return out.stream().filter(e -> !e.at().isBefore(incident.from()) && !e.at().isAfter(incident.to()))
                .sorted(Comparator.comparing(IncidentEvent::at).thenComparing(e -> e.source().ordinal())).toList();
    }

    private static void audit(Incident incident, Sources in, AuditEntry e, List<IncidentEvent> out) {
        String verb = e.verb().name();
        IncidentEvent.Source source = e.verb() == ControlVerb.ROUTE_PUSH ? IncidentEvent.Source.PUSH
                : verb.contains("DRILL") ? IncidentEvent.Source.DRILL : IncidentEvent.Source.OPERATOR;
        boolean ours = in.peers().contains(e.peer().toLowerCase(Locale.ROOT))
                || e.verb() == ControlVerb.ALERT_SILENCE && (e.peer().equals("all")
                || e.peer().equals("carrier:" + incident.key())
                || in.trunkSubjects().contains(e.peer().replaceFirst("^subject:", "")))
                || (e.verb() == ControlVerb.CARRIER_ACTIVE || e.verb() == ControlVerb.CARRIER_INACTIVE)
                && e.peer().equals(incident.key());
        if (source == IncidentEvent.Source.OPERATOR && !ours) {
            return;
        }
        String what = verb.toLowerCase(Locale.ROOT).replace('_', ' ') + " by " + e.actor() + " \u2192 "
                + e.outcomeWord();
        String detail = e.trunk() + (e.dialers().isEmpty() ? "" : " on " + String.join(",", e.dialers()))
                + (e.reason().isEmpty() ? "" : "; reason: " + e.reason()) + e.ticket().map(t -> "; ticket " + t)
                .orElse("");
        out.add(new IncidentEvent(e.started(), source, e.trunk(), what, detail));
    }
}
