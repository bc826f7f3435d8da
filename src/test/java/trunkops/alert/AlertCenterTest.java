package trunkops.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.control.ControlJournal;
import trunkops.control.ControlVerb;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.Identity;
import trunkops.control.audit.LocalJournal;
import trunkops.control.audit.Role;

/** Acknowledge, silence (journaled in the real local audit journal, kept in the silence file), delivery. */
class AlertCenterTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

    private static Alert down(String server, String peer, String carrier, Instant at) {
        return new Alert(AlertKind.TRUNK_DOWN, server + "/" + peer, carrier, server, peer + " down", "", at);
    }

    @Test
    void silencedAlertsAreListedButNotDeliveredAndTheSilenceIsJournaled() throws Exception {
        LocalJournal journal = LocalJournal.open(dir.resolve("audit.log"), new Identity("ann", "noc1",
                Role.OPERATOR), clock);
        SilenceFile file = new SilenceFile(dir.resolve("silences.tsv"));
        AlertCenter c = new AlertCenter(clock, () -> Optional.of(journal), file, 100);
        List<AlertCenter.Item> delivered = new ArrayList<>();
        c.onDelivery(delivered::add);

        c.publish(down("D1", "blue", "BLUE", clock.instant()));
        assertEquals(1, delivered.size());
        Silence s = c.silence("carrier:BLUE", Duration.ofMinutes(30), "carrier ticket CT-9 open", "ann");
        c.publish(down("D2", "blue", "BLUE", clock.instant()));
        c.publish(down("D1", "orbit", "ORBIT", clock.instant()));
        assertEquals(List.of("D1/blue", "D1/orbit"), delivered.stream().map(i -> i.alert().subject()).toList());
        AlertCenter.Item silenced = c.items().get(1);
        assertEquals("D2/blue", silenced.alert().subject());
        assertEquals("silenced (carrier ticket CT-9 open)", silenced.stateWords());

        List<AuditEntry> entries = journal.read().entries();
        assertEquals(1, entries.size());
        AuditEntry e = entries.get(0);
        assertEquals(ControlVerb.ALERT_SILENCE, e.verb());
        assertEquals("carrier:BLUE", e.peer());
        assertEquals("carrier ticket CT-9 open", e.reason());
        assertEquals(Optional.of(s.until()), e.until());
        assertEquals("APPLIED", e.outcomeWord());

        // kept for the next run, gone once it has ended
        AlertCenter next = new AlertCenter(clock, () -> Optional.of(journal), file, 100);
        next.loadSilences();
        assertEquals(List.of(s), next.activeSilences());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        c.publish(down("D2", "blue", "BLUE", clock.instant()));
        assertEquals(3, delivered.size(), "the silence has ended");
    }

    @Test
    void liftIsJournaledAndANoJournalMeansNoSilence() throws Exception {
        LocalJournal journal = LocalJournal.open(dir.resolve("audit.log"), new Identity("ann", "noc1",
                Role.OPERATOR), clock);
        AlertCenter c = new AlertCenter(clock, () -> Optional.of(journal), null, 100);
        Silence s = c.silence("all", Duration.ofHours(1), "planned DB failover", "ann");
        assertTrue(c.lift(s.id(), "bob", "failover done"));
        assertEquals(List.of(), c.activeSilences());
        assertEquals(2, journal.read().entries().size());
        assertEquals("failover done", journal.read().entries().get(1).reason());
        assertFalse(c.lift(s.id(), "bob", "again"));

        AlertCenter none = new AlertCenter(clock, Optional::empty, null, 100);
        assertThrows(ControlJournal.JournalException.class,
                () -> none.silence("all", Duration.ofHours(1), "x", "ann"));
        assertEquals(List.of(), none.activeSilences());
        assertThrows(IllegalArgumentException.class, () -> c.silence("all", Duration.ofHours(1), " ", "ann"));
        assertThrows(IllegalArgumentException.class, () -> c.silence("trunk", Duration.ofHours(1), "r", "ann"));
        assertThrows(IllegalArgumentException.class, () -> c.silence("all", Duration.ofDays(8), "r", "ann"));
    }

    @Test
    void aSilenceCutShortByACrashIsCompletedAsNotMadeWithoutAskingTheDialers() throws Exception {
        LocalJournal journal = LocalJournal.open(dir.resolve("audit.log"), new Identity("ann", "noc1",
                Role.OPERATOR), clock);
        trunkops.control.ControlRequest r = new trunkops.control.ControlRequest(ControlVerb.ALERT_SILENCE,
                trunkops.topology.Tech.SIP, "carrier:BLUE", List.of(), Optional.of("ALERTS"),
                java.util.OptionalInt.empty(), Optional.of(clock.instant().plusSeconds(600)), "r", Optional.empty(),
                "ann");
        journal.begin(r, java.util.Map.of()); // the console dies here
        List<String> lines = trunkops.control.audit.UnfinishedActions.resolve(journal.unfinishedEntries(), journal,
                e -> {
                    throw new AssertionError("no dialer is read for a silence");
                });
        assertEquals(1, lines.size());
        assertEquals("FAILED", journal.read().entries().get(0).outcomeWord());
        assertEquals(List.of(), journal.unfinishedEntries());
    }

    @Test
    void acknowledgeMarksTheItemAndTheListIsBounded() {
        AlertCenter c = new AlertCenter(clock, Optional::empty, null, 3);
        for (int i = 0; i < 5; i++) {
            c.publish(down("D1", "p" + i, "C", clock.instant()));
        }
        List<AlertCenter.Item> items = c.items();
        assertEquals(List.of("D1/p4", "D1/p3", "D1/p2"), items.stream().map(i -> i.alert().subject()).toList());
        assertTrue(c.acknowledge(items.get(1).id(), "ann"));
        assertEquals("acknowledged by ann", c.items().get(1).stateWords());
        assertFalse(c.acknowledge(1, "ann"), "the first alert has left the list");
    }

    @Test
    void silenceFileKeepsTabsAndNewlinesInReasons() throws Exception {
        SilenceFile f = new SilenceFile(dir.resolve("s.tsv"));
        Silence s = new Silence("a1", "subject:D1/x", clock.instant().plusSeconds(60), "two\tcol\nlines \\ ok", "ann",
                clock.instant());
        f.save(List.of(s));
        assertEquals(1, Files.readAllLines(dir.resolve("s.tsv")).size());
        assertEquals(List.of(s), f.load(clock.instant()));
        assertEquals(List.of(), f.load(clock.instant().plusSeconds(61)));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
