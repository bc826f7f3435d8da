package trunkops.traffic.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The report's window as the operator types it, checked against what the console holds. */
class ReportWindowTest {

    private static final LocalDateTime HELD_FROM = LocalDateTime.of(2026, 11, 25, 14, 3, 20);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 14, 3, 41);

    @Test
    void presetsEndAfterTheCurrentMinute() {
        LocalDateTime[] h = ReportWindow.Preset.LAST_HOUR.range(NOW);
        assertEquals(LocalDateTime.of(2026, 11, 26, 13, 4), h[0]);
        assertEquals(LocalDateTime.of(2026, 11, 26, 14, 4), h[1]);
        assertEquals(LocalDateTime.of(2026, 11, 26, 0, 0), ReportWindow.Preset.TODAY.range(NOW)[0]);
        assertEquals(LocalDateTime.of(2026, 11, 25, 14, 4), ReportWindow.Preset.LAST_24_HOURS.range(NOW)[0]);
        assertNull(ReportWindow.Preset.CUSTOM.range(NOW));
    }

    @Test
    void parsesFieldsAndKeepsTheDialers() {
        ReportWindow w = ReportWindow.parse(" 2026-11-26 09:00", "2026-11-26 10:30 ", List.of("DIALER2"), HELD_FROM,
                NOW);
        assertEquals(LocalDateTime.of(2026, 11, 26, 9, 0), w.from());
        assertEquals(LocalDateTime.of(2026, 11, 26, 10, 30), w.to());
        assertEquals(List.of("DIALER2"), w.servers());
        assertEquals(LocalDateTime.of(2026, 11, 25, 14, 3),
                ReportWindow.parse("2026-11-25 14:03", "2026-11-25 15:00", List.of(), HELD_FROM, NOW).from(),
                "the first held minute is allowed");
    }

    @Test
    void refusesWhatItCannotAnswerWithAClearReason() {
        assertMessage("From is empty", () -> ReportWindow.parse("", "2026-11-26 10:00", List.of(), HELD_FROM, NOW));
        assertMessage("'26/11/2026' is not a time",
                () -> ReportWindow.parse("26/11/2026", "2026-11-26 10:00", List.of(), HELD_FROM, NOW));
        assertMessage("From must be before To",
                () -> ReportWindow.parse("2026-11-26 10:00", "2026-11-26 10:00", List.of(), HELD_FROM, NOW));
        assertMessage("the console holds 2026-11-25 14:03 to 2026-11-26 14:03",
                () -> ReportWindow.parse("2026-11-25 14:02", "2026-11-26 10:00", List.of(), HELD_FROM, NOW));
        assertMessage("after the database's clock",
                () -> ReportWindow.parse("2026-11-26 15:00", "2026-11-26 16:00", List.of(), HELD_FROM, NOW));
        assertMessage("no carrier statistics loaded yet",
                () -> ReportWindow.parse("2026-11-26 09:00", "2026-11-26 10:00", List.of(), null, null));
    }

    @Test
    void aConsoleKeepingSummariesReportsSpansBeforeItsWindow() {
        ReportWindow w = ReportWindow.parse("2026-11-19 14:00", "2026-11-26 14:00", List.of(), HELD_FROM, NOW, true);
        assertEquals(java.time.LocalDateTime.parse("2026-11-19T14:00"), w.from());
        LocalDateTimeRange week = new LocalDateTimeRange(ReportWindow.Preset.LAST_7_DAYS.range(NOW));
        assertEquals(NOW.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(1).minusDays(7), week.from());
    }

    private record LocalDateTimeRange(java.time.LocalDateTime from, java.time.LocalDateTime to) {
        LocalDateTimeRange(java.time.LocalDateTime[] r) {
            this(r[0], r[1]);
        }
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }
}
