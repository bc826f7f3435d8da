package trunkops.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Off-peak drills: each occurrence once, none at peak time after a late start, every report notified. */
class DrillSchedulerTest {

    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static DrillReport report(DrillPlan p, Instant at) {
        return new DrillReport("D-" + at, p.route().name(), 1, "priority", p.trunk().trunk(), List.of(), p.serverId(),
                p.number(), p.context(), "forced offline", p.actor(), p.reason(), at, at, DrillOutcome.PASSED,
                List.of(), List.of(), 1, 1, 1, 1, List.of(), List.of());
    }

    @Test
    void eachOffPeakOccurrenceRunsOnceAndALateStartRunsNothingAtPeak() {
        // 2026-12-05 is a Saturday; the drills run Sundays at 03:00 in Paris (02:00 UTC in winter)
        MovableClock clock = new MovableClock(Instant.parse("2026-12-05T12:00:00Z"));
        DrillSchedule s = new DrillSchedule("sunday-night", Set.of(DayOfWeek.SUNDAY), LocalTime.of(3, 0),
                ZoneId.of("Europe/Paris"), List.of(DrillPartsTest.plan(3, "912125551234")));
        List<DrillPlan> ran = new ArrayList<>();
        List<DrillReport> notified = new ArrayList<>();
        DrillScheduler sch = new DrillScheduler(List.of(s), p -> {
            ran.add(p);
            return report(p, clock.now);
        }, notified::add, clock, Duration.ofMinutes(30));

        assertTrue(sch.runDue().isEmpty(), "Saturday noon: nothing due");
        clock.now = Instant.parse("2026-12-06T02:00:05Z");
        assertEquals(1, sch.runDue().size(), "Sunday 03:00 Paris");
        assertEquals(1, notified.size());
        assertTrue(sch.runDue().isEmpty(), "once per occurrence");
        clock.now = Instant.parse("2026-12-13T09:00:00Z");
        assertTrue(sch.runDue().isEmpty(), "the next Sunday's slot was 7 h ago: not run at peak time");
        assertEquals(1, ran.size());
    }
}
