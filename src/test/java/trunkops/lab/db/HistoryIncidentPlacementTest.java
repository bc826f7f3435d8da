package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import trunkops.lab.LabDefaults;

/**
 * The lab's BlueLine incident lands where the campaigns dial, whatever the time the lab starts (CI 2026-12-05 started
 * at 04:50 UTC: the incident fell at 23:30, at night's 2 % of peak, no alarm was raised and the console test waiting
 * for it timed out).
 */
class HistoryIncidentPlacementTest {

    @Test
    void atEveryStartTimeTheIncidentIsInsideTheDialingDayAndInsideTheHistory() {
        for (String zoneId : new String[] {"UTC", "America/New_York", "Asia/Kolkata"}) {
            ZoneId zone = ZoneId.of(zoneId);
            ZonedDateTime day = ZonedDateTime.of(2026, 12, 5, 0, 0, 0, 0, zone);
            for (int minute = 0; minute < 24 * 60; minute += 5) {
                Instant now = day.plusMinutes(minute).toInstant();
                HistoryOptions o = HistoryOptions.withDefaultIncidents(LabDefaults.cluster(), now, 1L, zone);
                HistoryOptions.FarEndIncident incident = o.farEndIncidents().get(0);
                assertEquals(Duration.ofMinutes(40), Duration.between(incident.start(), incident.end()));
                assertTrue(incident.end().isBefore(now.minus(Duration.ofHours(1))), zoneId + " " + now);
                assertTrue(incident.start().minus(Duration.ofHours(1)).isAfter(o.start()),
                        "an hour of baseline before it: " + zoneId + " " + now);
                for (Instant t = incident.start(); !t.isAfter(incident.end()); t = t.plusSeconds(60)) {
                    double f = DayCurve.factor(LocalTime.ofInstant(t, zone));
                    assertTrue(f >= 0.7, zoneId + " lab started " + now + ": incident minute " + t + " at " + f);
                }
            }
        }
    }

    @Test
    void inTheDialingDayItStaysFiveHoursBack() {
        ZoneId zone = ZoneId.of("America/New_York");
        Instant now = Instant.parse("2026-11-27T03:00:00Z"); // 22:00 local
        assertEquals(now.minus(Duration.ofHours(5)), HistoryOptions.incidentCentre(now, zone));
    }

    @Test
    void atNightItMovesToTheAfternoonBefore() {
        ZoneId zone = ZoneId.of("UTC");
        Instant now = Instant.parse("2026-12-05T04:50:00Z");
        assertEquals(Instant.parse("2026-12-04T17:00:00Z"), HistoryOptions.incidentCentre(now, zone));
    }
}
