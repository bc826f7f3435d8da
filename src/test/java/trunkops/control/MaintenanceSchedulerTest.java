package trunkops.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import trunkops.control.DialerOutcome.Status;
import trunkops.topology.Tech;

/**
 * The scheduler's decisions against an in-memory store and a recording control: when a window is sent, with which
 * until (overlaps merge to the latest end, per dialer), that nothing applied is sent again, that a failed dialer is
 * retried, that an ended window is cleaned up once. The real-AMI run is MaintenanceLabTest.
 */
class MaintenanceSchedulerTest {

    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    static final class MovableClock extends Clock {
        volatile Instant now = T0;

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

    /** The store in memory. */
    static final class MemoryStore implements MaintenanceStore {
        final Map<Long, Stored> rows = new TreeMap<>();
        long next = 1;

        @Override
        public long add(MaintenanceWindow w) {
            rows.put(next, new Stored(next, w, Optional.empty(), Optional.empty()));
            return next++;
        }

        @Override
        public List<Stored> windows() {
            return List.copyOf(rows.values());
        }

        final Map<Long, Stored> removed = new TreeMap<>();

        @Override
        public List<Stored> removedNotCleanedUp() {
            return removed.values().stream().filter(s -> s.appliedUntil().isPresent()
                    && !s.appliedUntil().equals(s.restoredUntil())).toList();
        }

        @Override
        public boolean remove(long id, String by, String reason, Instant at) {
            Stored s = rows.remove(id);
            if (s != null) {
                removed.put(id, s);
            }
            return s != null;
        }

        @Override
        public void markApplied(long id, Instant until) {
            Map<Long, Stored> m = rows.containsKey(id) ? rows : removed;
            Stored s = m.get(id);
            m.put(id, new Stored(id, s.window(), Optional.of(until), s.restoredUntil()));
        }

        @Override
        public void markRestored(long id, Instant until) {
            Map<Long, Stored> m = rows.containsKey(id) ? rows : removed;
            Stored s = m.get(id);
            m.put(id, new Stored(id, s.window(), s.appliedUntil(), Optional.of(until)));
        }
    }

    final MovableClock clock = new MovableClock();
    final MemoryStore store = new MemoryStore();
    final List<ControlRequest> sent = new ArrayList<>();
    final List<String> restores = new ArrayList<>();
    volatile String failing = "";

    final TrunkControl control = r -> {
        sent.add(r);
        List<String> ids = r.serverIds().isEmpty() ? List.of("DIALER1", "DIALER2") : r.serverIds();
        return CompletableFuture.completedFuture(new ControlResult(r, ids.stream().map(id -> new DialerOutcome(id,
                id.equals(failing) ? Status.UNREACHABLE : Status.APPLIED, "x")).toList(), Duration.ZERO));
    };

    final MaintenanceScheduler scheduler = new MaintenanceScheduler(store, control, (tech, peer, servers, actor) -> {
        restores.add(tech + "/" + peer + " " + servers);
        ControlRequest online = new ControlRequest(ControlVerb.ONLINE, tech, peer, servers, Optional.empty(),
                java.util.OptionalInt.empty(), Optional.empty(), "ended", Optional.empty(), actor);
        return CompletableFuture.completedFuture(new ControlResult(online, List.of(), Duration.ZERO));
    }, Optional::empty, clock, "console@test", Duration.ofSeconds(5));

    static MaintenanceWindow window(String peer, List<String> servers, Instant from, Instant to) {
        return new MaintenanceWindow(Tech.SIP, peer, servers, from, to, Optional.empty(), "work on " + peer,
                Optional.of("NOC-5"), "planner@noc", T0);
    }

    @Test
    void aWindowIsSentWhenItStartsOnceThenCleanedUpOnceWhenItEnds() throws Exception {
        store.add(window("blueline", List.of(), T0.plusSeconds(60), T0.plusSeconds(600)));
        assertTrue(scheduler.runDue().applied().isEmpty(), "not yet");
        clock.now = T0.plusSeconds(60);
        MaintenanceScheduler.Tick t = scheduler.runDue();
        assertTrue(t.ok(), t.toString());
        assertEquals(1, sent.size());
        ControlRequest r = sent.get(0);
        assertEquals(ControlVerb.OFFLINE, r.verb());
        assertEquals(Optional.of(T0.plusSeconds(600)), r.until());
        assertEquals("maintenance window #1: work on blueline", r.reason());
        assertEquals("console@test", r.actor());
        clock.now = T0.plusSeconds(120);
        scheduler.runDue();
        assertEquals(1, sent.size(), "applied already: not re-sent");
        clock.now = T0.plusSeconds(600);
        scheduler.runDue();
        scheduler.runDue();
        assertEquals(List.of("SIP/blueline []"), restores, "cleaned up once");
        assertEquals(1, sent.size());
    }

    @Test
    void overlappingWindowsMergeToTheLatestEndPerDialer() throws Exception {
        store.add(window("blueline", List.of("DIALER1", "DIALER2"), T0, T0.plusSeconds(600)));
        MaintenanceWindow longer = window("blueline", List.of("DIALER2"), T0.plusSeconds(60), T0.plusSeconds(1200));
        store.add(new MaintenanceWindow(longer.tech(), longer.peer(), longer.serverIds(), longer.from(), longer.to(),
                longer.weekly(), "extended work", Optional.of("NOC-6"), longer.createdBy(), longer.createdAt()));
        store.add(window("BLUELINE", List.of("DIALER1"), T0, T0.plusSeconds(300)));
        scheduler.runDue();
        assertEquals("maintenance window #1, #3: work on blueline", sent.get(0).reason(),
                "the windows covering the group; the reason of the one ending last");
        assertEquals(1, sent.size(), sent.toString());
        assertEquals(List.of("DIALER1", "DIALER2"), sent.get(0).serverIds());
        assertEquals(Optional.of(T0.plusSeconds(600)), sent.get(0).until(), "the latest end of the windows on now");
        clock.now = T0.plusSeconds(60);
        scheduler.runDue();
        assertEquals(2, sent.size(), sent.toString());
        assertEquals(List.of("DIALER2"), sent.get(1).serverIds());
        assertEquals(Optional.of(T0.plusSeconds(1200)), sent.get(1).until(), "the second window extends DIALER2");
        assertEquals("maintenance window #1, #2: extended work", sent.get(1).reason(), "the reason of the last end");
        assertEquals(Optional.of("NOC-6"), sent.get(1).ticket());
        clock.now = T0.plusSeconds(100);
        scheduler.runDue();
        assertEquals(2, sent.size(), "nothing new");
    }

    @Test
    void aDialerThatDidNotApplyIsRetriedAndARestartDoesNotResendWhatWasApplied() throws Exception {
        store.add(window("nsvoice", List.of("DIALER1", "DIALER2"), T0, T0.plusSeconds(600)));
        failing = "DIALER2";
        MaintenanceScheduler.Tick t = scheduler.runDue();
        assertTrue(!t.ok(), "a dialer did not apply");
        failing = "";
        assertTrue(scheduler.runDue().ok());
        assertEquals(2, sent.size(), "retried");
        MaintenanceScheduler restarted = new MaintenanceScheduler(store, control, (a, b, c, d) ->
                CompletableFuture.failedFuture(new AssertionError("nothing ended")), Optional::empty, clock, "other@host",
                Duration.ofSeconds(5));
        assertTrue(restarted.runDue().ok());
        assertEquals(2, sent.size(), "the restarted console sends nothing already applied");
    }

    @Test
    void aRemovedWindowIsNotSentAgainButItsFlagsAreStillCleanedUpAtItsEnd() throws Exception {
        long id = store.add(window("blueline", List.of(), T0, T0.plusSeconds(600)));
        scheduler.runDue();
        assertEquals(1, sent.size());
        store.remove(id, "op", "cancelled", T0.plusSeconds(60));
        clock.now = T0.plusSeconds(120);
        scheduler.runDue();
        assertEquals(1, sent.size(), "removed: not sent");
        assertEquals(List.of(), restores, "its flag has not expired yet");
        clock.now = T0.plusSeconds(600);
        scheduler.runDue();
        scheduler.runDue();
        assertEquals(List.of("SIP/blueline []"), restores, "cleaned up once at its end");
    }

    @Test
    void aWindowMissedWhileNoConsoleRanIsAppliedIfStillCurrent() throws Exception {
        store.add(window("blueline", List.of(), T0.minusSeconds(3600), T0.minusSeconds(60)));
        store.add(window("nsvoice", List.of(), T0.minusSeconds(3600), T0.plusSeconds(60)));
        scheduler.runDue();
        assertEquals(1, sent.size(), "only the one still current: " + sent);
        assertEquals("nsvoice", sent.get(0).peer());
        assertEquals(List.of(), restores, "the one missed entirely was never applied: nothing to clean up");
    }
}
