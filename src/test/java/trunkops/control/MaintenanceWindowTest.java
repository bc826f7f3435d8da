package trunkops.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import trunkops.control.MaintenanceWindow.Occurrence;
import trunkops.control.MaintenanceWindow.Weekly;
import trunkops.topology.Tech;

/** The window model: one-off and weekly occurrences (time zones, DST, the series' bounds) and the validation. */
class MaintenanceWindowTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z"); // a Saturday
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static MaintenanceWindow oneOff(Instant from, Instant to) {
        return new MaintenanceWindow(Tech.SIP, "blueline", List.of(), from, to, Optional.empty(), "carrier work",
                Optional.of("NOC-1"), "tester@lab", NOW);
    }

    static MaintenanceWindow weekly(Instant from, Instant to, Set<DayOfWeek> days, String at, Duration length) {
        return new MaintenanceWindow(Tech.SIP, "blueline", List.of("DIALER1"), from, to,
                Optional.of(new Weekly(days, LocalTime.parse(at), length, PARIS)), "weekly patch", Optional.empty(),
                "tester@lab", NOW);
    }

    @Test
    void aOneOffWindowCoversFromInclusiveToExclusive() {
        MaintenanceWindow w = oneOff(NOW.plusSeconds(60), NOW.plusSeconds(3600));
        assertEquals(Optional.empty(), w.occurrenceAt(NOW));
        assertEquals(Optional.of(new Occurrence(w.from(), w.to())), w.occurrenceAt(w.from()));
        assertEquals(Optional.empty(), w.occurrenceAt(w.to()));
        assertEquals(Optional.of(new Occurrence(w.from(), w.to())), w.nextOrCurrent(NOW));
        assertEquals(Optional.empty(), w.nextOrCurrent(w.to()));
    }

    @Test
    void weeklyOccurrencesStartAtLocalTimeOnTheNamedDaysAndCrossMidnight() {
        // Tuesdays and Saturdays 23:30 Paris for 2h, December 2026 (UTC+1)
        MaintenanceWindow w = weekly(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                Set.of(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY), "23:30", Duration.ofHours(2));
        Occurrence sat = new Occurrence(Instant.parse("2026-12-05T22:30:00Z"), Instant.parse("2026-12-06T00:30:00Z"));
        assertEquals(Optional.of(sat), w.nextOrCurrent(NOW));
        assertEquals(Optional.empty(), w.occurrenceAt(NOW));
        assertEquals(Optional.of(sat), w.occurrenceAt(Instant.parse("2026-12-06T00:29:59Z")), "past midnight");
        assertEquals(Optional.empty(), w.occurrenceAt(sat.end()));
        assertEquals(Optional.of(new Occurrence(Instant.parse("2026-12-08T22:30:00Z"),
                Instant.parse("2026-12-09T00:30:00Z"))), w.nextOrCurrent(sat.end()));
        assertEquals("TUE,SAT", w.weekly().orElseThrow().daysText());
    }

    @Test
    void theSeriesBoundsClipOccurrencesAndDstMovesTheUtcTime() {
        MaintenanceWindow w = weekly(Instant.parse("2027-03-26T00:00:00Z"), Instant.parse("2027-03-29T01:00:00Z"),
                Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY), "02:30", Duration.ofHours(1));
        // Sunday 28 March 2027: Paris skips 02:00-03:00, so 02:30 becomes 03:30 CEST = 01:30Z
        assertEquals(Optional.of(new Occurrence(Instant.parse("2027-03-28T01:30:00Z"),
                Instant.parse("2027-03-28T02:30:00Z"))), w.nextOrCurrent(Instant.parse("2027-03-27T12:00:00Z")));
        // Monday 29 March 02:30 CEST = 00:30Z, cut at the series' end 01:00Z
        assertEquals(Optional.of(new Occurrence(Instant.parse("2027-03-29T00:30:00Z"),
                Instant.parse("2027-03-29T01:00:00Z"))), w.occurrenceAt(Instant.parse("2027-03-29T00:45:00Z")));
        assertEquals(Optional.empty(), w.nextOrCurrent(Instant.parse("2027-03-29T01:00:00Z")));
    }

    @Test
    void aValidWindowHasNoProblemsAndNowIsAllowedAsStart() {
        assertEquals(List.of(), MaintenanceValidator.problems(oneOff(NOW.minusSeconds(5), NOW.plusSeconds(600)), NOW,
                Optional.empty()));
        assertEquals(List.of(), MaintenanceValidator.problems(weekly(NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(30)), Set.of(DayOfWeek.MONDAY), "02:00", Duration.ofHours(2)), NOW,
                Optional.empty()), "a weekly series may have started already");
    }

    @Test
    void badWindowsAreRefusedOneLineEach() {
        assertProblem(oneOff(NOW.plusSeconds(600), NOW.plusSeconds(600)), "is not after --from");
        assertProblem(oneOff(NOW.minusSeconds(3600), NOW.plusSeconds(600)), "is in the past (use --from now");
        assertProblem(oneOff(NOW.minusSeconds(7200), NOW.minusSeconds(3600)), "ends in the past");
        MaintenanceWindow w = oneOff(NOW.plusSeconds(60), NOW.plusSeconds(600));
        assertProblem(new MaintenanceWindow(Tech.SIP, "blue${x}", List.of(), w.from(), w.to(), Optional.empty(),
                "r", Optional.empty(), "me", NOW), "contains '${'");
        assertProblem(new MaintenanceWindow(Tech.SIP, "blueline", List.of("DIALER/1"), w.from(), w.to(),
                Optional.empty(), "r", Optional.empty(), "me", NOW), "server name 'DIALER/1' refused: contains '/'");
        assertProblem(new MaintenanceWindow(Tech.SIP, "blueline", List.of(), w.from(), w.to(), Optional.empty(),
                " ", Optional.empty(), "me", NOW), "a reason is required");
        assertProblem(new MaintenanceWindow(Tech.SIP, "blueline", List.of(), w.from(), w.to(), Optional.empty(),
                "r", Optional.of("x".repeat(65)), "me", NOW), "ticket is longer than 64");
        assertProblem(weekly(NOW, NOW.plus(Duration.ofDays(30)), Set.of(), "02:00", Duration.ofHours(1)),
                "at least one day");
        assertProblem(weekly(NOW, NOW.plus(Duration.ofDays(30)), Set.of(DayOfWeek.MONDAY), "02:00",
                Duration.ofDays(8)), "outside 1 minute to 7 days");
        // Saturday 10:00Z to Sunday 10:00Z: no Monday in between
        assertProblem(weekly(NOW, NOW.plus(Duration.ofDays(1)), Set.of(DayOfWeek.MONDAY), "02:00",
                Duration.ofHours(1)), "no occurrence of MON 02:00 falls between");
    }

    private static void assertProblem(MaintenanceWindow w, String expected) {
        List<String> p = MaintenanceValidator.problems(w, NOW, Optional.empty());
        assertTrue(p.stream().anyMatch(l -> l.contains(expected)), "expected '" + expected + "' in " + p);
    }
}
