package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.alert.AlertCenter;
import trunkops.alert.AlertKind;
import trunkops.alert.SilenceFile;
import trunkops.drill.DrillConsole;
import trunkops.drill.DrillHistory;
import trunkops.drill.DrillJournal;
import trunkops.drill.DrillLab;
import trunkops.drill.DrillOutcome;
import trunkops.drill.DrillReport;
import trunkops.drill.DrillRoleCheck;
import trunkops.drill.ScheduleFile;
import trunkops.drill.ScheduledDrill;
import trunkops.drill.ScheduledDrills;
import trunkops.routing.RouteVersion;

/**
 * A scheduled drill on the lab: kept in the schedule file, nothing runs before its off-peak window; once the clock
 * (ours: real time plus an offset we move) is inside the window a pass runs a real drill on the lab dialer through
 * the console's path (journal, restore, history) and its result reaches the alerts as the session publishes it
 * ({@link DrillWiring#publish}); the same occurrence never runs twice; a pass after the window runs nothing.
 */
class ScheduledDrillLabTest {

    private static DrillLab lab;
    private static Path dir;

    @BeforeAll
    static void startLab() throws Exception {
        dir = Files.createDirectories(Path.of("target", "scheduled-drill-lab-test"));
        AppPaths.deleteTree(dir);
        lab = new DrillLab();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Real time shifted by an offset the test moves (the drill's own timings stay real). */
    private static final class MovableClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        void setTo(Instant t) {
            offset = Duration.between(Instant.now(), t);
        }
    }

    @Test
    void aDueScheduleRunsARealDrillAndPublishesItsResult() throws Exception {
        DrillJournal journal = new DrillJournal(dir.resolve("drills.log"));
        ScheduleFile file = new ScheduleFile(dir.resolve("schedules-lab.tsv"));
        file.save(List.of(new ScheduledDrill("nightly prio", "RPRIO", "SIP/trunk1", DrillLab.SERVER, 2,
                DrillLab.NUMBER, "drill-prio", LocalTime.of(2, 0), LocalTime.of(4, 0), EnumSet.of(DayOfWeek.MONDAY))));
        assertEquals(1, file.load().size(), "kept and read back");
        assertTrue(!Files.readString(file.path()).toLowerCase(java.util.Locale.ROOT).contains("secret"));

        MovableClock clock = new MovableClock();
        // a Monday a week ahead of real time, so the drill's ASTDB expiry is in the lab's future
        Instant monday = Instant.now().plus(7, ChronoUnit.DAYS).atZone(ZoneOffset.UTC)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toLocalDate().atTime(2, 0).toInstant(ZoneOffset.UTC);
        clock.setTo(monday.minusSeconds(60));

        List<DrillReport> reported = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        AlertCenter alerts = new AlertCenter(clock, Optional::empty, new SilenceFile(dir.resolve("silences")), 50);
        ScheduledDrills drills = new ScheduledDrills(console(journal), file, () -> List.of(lab.prio, lab.weighted),
                clock, ZoneOffset.UTC, r -> {
                    reported.add(r);
                    DrillWiring.publish(alerts, r, clock.instant());
                }, (s, why) -> problems.add(why));

        assertEquals(List.of(), drills.runDue(), "before the window nothing runs");
        assertEquals(List.of("nightly prio"), drills.scheduled());

        clock.setTo(monday.plusSeconds(30));
        List<DrillReport> ran = drills.runDue();
        assertEquals(1, ran.size(), "problems: " + problems);
        DrillReport r = ran.get(0);
        assertEquals(DrillOutcome.PASSED, r.outcome(), String.join("; ", r.reasons()) + "\n" + String.join("\n", r.log()));
        assertEquals("RPRIO", r.route());
        assertEquals(2, r.drillCalls().size());
        assertTrue(r.reason().startsWith("scheduled drill 'nightly prio'"), r.reason());
        assertTrue(r.actor().endsWith("(schedule)"), r.actor());
        assertNull(lab.flag("trunk1"), "trunk A restored");
        assertEquals(List.of(r), reported);
        DrillJournal.Ended ended = journal.history().get(0);
        assertEquals(r.id(), ended.id());
        assertEquals(DrillOutcome.PASSED, ended.outcome());
        assertEquals(r, new DrillHistory(journal).load(r.id()).orElseThrow(), "kept in the drill history");
        List<AlertCenter.Item> items = alerts.items();
        assertEquals(1, items.size());
        assertEquals(AlertKind.DRILL_PASSED, items.get(0).alert().kind());
        assertTrue(items.get(0).alert().detail().contains("scheduled drill 'nightly prio'"), items.get(0).alert().detail());
        assertTrue(items.get(0).alert().detail().contains(r.id()), items.get(0).alert().detail());

        assertEquals(List.of(), drills.runDue(), "the same occurrence runs once");
        clock.setTo(monday.plus(7, ChronoUnit.DAYS).plus(Duration.ofHours(3)).plusSeconds(1));
        assertEquals(List.of(), drills.runDue(), "not the next Monday at 05:00, after its window");
        assertEquals(1, journal.history().size());
        assertEquals(List.of(), problems);
    }

    private static DrillConsole console(DrillJournal journal) {
        return new DrillConsole() {
            @Override
            public List<RouteVersion> routes() {
                return List.of(lab.prio, lab.weighted);
            }

            @Override
            public List<String> dialers() {
                return List.of(DrillLab.SERVER);
            }

            @Override
            public String actor() {
                return "ann@noc1";
            }

            @Override
            public DrillRoleCheck role() {
                return DrillRoleCheck.ALLOW;
            }

            @Override
            public DrillJournal journal() {
                return journal;
            }

            @Override
            public void reported(DrillReport report) {
                throw new AssertionError("a scheduled drill notifies through the scheduler's hook, once");
            }

            @Override
            public Session open(String serverId) throws IOException {
                DrillLab.Links l = lab.new Links();
                return new Session(l.line, l.control, l);
            }
        };
    }
}
