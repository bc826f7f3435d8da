package trunkops.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;

import trunkops.control.ControlVerb;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.Role;
import trunkops.health.TimelineEntry;
import trunkops.topology.Tech;
import trunkops.traffic.QualityAlarm;

/** Quality alarm episodes to alerts, incidents from alerts, and what an incident's timeline keeps. */
class IncidentAndQualityTest {

    private static final ZoneId DB = ZoneId.of("America/New_York");
    private static final LocalDateTime T = LocalDateTime.of(2026, 12, 5, 9, 0);

    private static QualityAlarm alarm(String carrier, LocalDateTime cleared) {
        return new QualityAlarm(carrier, QualityAlarm.Kind.FAILURE_SPIKE, T, cleared, 82, 19, 260,
                "CONGESTION / SIP 503: 212 of 260", QualityAlarm.ProbeVerdict.OK);
    }

    @Test
    void anEpisodeAlertsWhenItStartsAndWhenItClearsOnce() {
        QualityAlerts q = new QualityAlerts(DB);
        QualityAlarm old = new QualityAlarm("ORBIT", QualityAlarm.Kind.ASR_DROP, T.minusHours(5), T.minusHours(4),
                10, 30, 100, "", QualityAlarm.ProbeVerdict.UNKNOWN);
        List<Alert> first = q.next(List.of(old, alarm("BLUE", null)), c -> false);
        assertEquals(List.of(AlertKind.CALLS_FAILING), first.stream().map(Alert::kind).toList(),
                "an episode already over when first seen is history, not an alert");
        assertEquals("BLUE: calls failing, probes OK", first.get(0).title());
        assertEquals(T.atZone(DB).toInstant(), first.get(0).at());
        assertEquals(List.of(), q.next(List.of(old, alarm("BLUE", null)), c -> false));
        List<Alert> cleared = q.next(List.of(old, alarm("BLUE", T.plusMinutes(20))), c -> false);
        assertEquals(List.of(AlertKind.CALLS_RECOVERED), cleared.stream().map(Alert::kind).toList());
        assertEquals(List.of(), q.next(List.of(alarm("VELOX", null)), c -> c.equals("VELOX")),
                "a carrier in maintenance gets no call alarm");
    }

    @Test
    void alertsOfACarrierCloseInTimeAreOneIncident() {
        Instant t = Instant.parse("2026-12-05T10:00:00Z");
        Alert a1 = new Alert(AlertKind.TRUNK_DOWN, "D1/blue", "BLUE", "D1", "x", "", t);
        Alert a2 = new Alert(AlertKind.CALLS_FAILING, "BLUE", "BLUE", "", "x", "", t.plusSeconds(600));
        Alert a3 = new Alert(AlertKind.TRUNK_DOWN, "D1/blue", "BLUE", "D1", "x", "", t.plus(Duration.ofHours(3)));
        Alert o = new Alert(AlertKind.TRUNK_DOWN, "D1/orbit", "ORBIT", "D1", "x", "", t.plusSeconds(60));
        List<Incident> all = Incident.group(List.of(a3, o, a2, a1), Incident.GAP, Incident.MARGIN);
        assertEquals(3, all.size());
        Incident blue = Incident.around(a2, List.of(a1, a2, a3, o));
        assertEquals(List.of(a1, a2), blue.alerts());
        assertEquals(t.minus(Incident.MARGIN), blue.from());
        assertEquals(t.plusSeconds(600).plus(Incident.MARGIN), blue.to());
    }

    @Test
    void theTimelineKeepsTheCarriersLinesOperatorActionsPushesAndDrills() {
        Instant t = Instant.parse("2026-12-05T14:00:00Z");
        Incident inc = new Incident("BLUE", t, t.plus(Duration.ofHours(1)), List.of());
        List<TimelineEntry> board = List.of(
                new TimelineEntry(t.plusSeconds(60).toEpochMilli(), "D1", "D1/blue", "Reachable", "Unreachable", "x"),
                new TimelineEntry(t.plusSeconds(61).toEpochMilli(), "D1", "D1/orbit", "Reachable", "Unreachable", ""),
                new TimelineEntry(t.plusSeconds(62).toEpochMilli(), "D2", "D2 AMI", "CONNECTED", "RECONNECTING", ""),
                new TimelineEntry(t.minusSeconds(60).toEpochMilli(), "D1", "D1/blue", "", "Reachable", ""));
        List<AuditEntry> audit = List.of(entry(ControlVerb.OFFLINE, "blue", t.plusSeconds(120)),
                entry(ControlVerb.OFFLINE, "orbit", t.plusSeconds(121)),
                entry(ControlVerb.ROUTE_PUSH, "US-OUT", t.plusSeconds(122)),
                entry(ControlVerb.ALERT_SILENCE, "carrier:BLUE", t.plusSeconds(123)),
                entry(ControlVerb.ALERT_SILENCE, "carrier:ORBIT", t.plusSeconds(124)));
        List<IncidentEvent> tl = IncidentTimeline.build(inc, new IncidentTimeline.Sources(Set.of("D1/blue"),
                Set.of("blue"), board, List.of(alarm("BLUE", null)), ZoneId.of("UTC"), audit, Map.of(), 5_000,
                List.of(Alert.drill("US-OUT", "SIP/blue", true, "5/5", t.plusSeconds(300)))));
        List<String> lines = tl.stream().map(e -> e.source() + " " + e.subject() + " " + e.what()).toList();
        assertEquals(List.of("STATE D1/blue Reachable \u2192 Unreachable", "LINK D2 AMI CONNECTED \u2192 RECONNECTING",
                "OPERATOR SIP/blue offline by ann \u2192 APPLIED", "PUSH SIP/US-OUT route push by ann \u2192 APPLIED",
                "OPERATOR SIP/carrier:BLUE alert silence by ann \u2192 APPLIED", "DRILL US-OUT drill passed"), lines);
        assertTrue(tl.stream().noneMatch(e -> e.source() == IncidentEvent.Source.QUALITY),
                "the alarm at 09:00 UTC is outside the window");
    }

    private static AuditEntry entry(ControlVerb verb, String peer, Instant at) {
        AuditEntry begun = new AuditEntry("id-" + peer + verb, at, "ann", "ann", "noc1", "", Role.OPERATOR, verb,
                Tech.SIP, peer, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(), "why",
                Optional.empty(), Map.of(), Optional.empty());
        return begun.withCompletion(new AuditEntry.Completion(at, Duration.ZERO, List.of(
                new trunkops.control.DialerOutcome("D1", trunkops.control.DialerOutcome.Status.APPLIED, "")),
                Map.of()));
    }
}
