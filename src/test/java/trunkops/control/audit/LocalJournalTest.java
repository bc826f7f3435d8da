package trunkops.control.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.control.ControlJournal.JournalException;
import trunkops.control.ControlRequest;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;

/** The local journal: durable begin, unfinished after a "crash", torn and damaged lines, a round trip. */
class LocalJournalTest {

    @TempDir
    Path dir;

    private LocalJournal open() throws JournalException {
        return LocalJournal.open(dir.resolve("audit").resolve("journal.log"), AuditFixtures.ALICE,
                AuditFixtures.ticking(Instant.parse("2026-12-05T07:00:00Z")));
    }

    @Test
    void aBegunEntrySurvivesTheConsoleBeingKilledAndIsListedUnfinished() throws Exception {
        LocalJournal first = open();
        ControlRequest done = AuditFixtures.offline("blueline", "carrier 503s", "dial1", "dial2");
        String a = first.begin(done, Map.of("dial1", "", "dial2", "drain:0"));
        first.complete(a, AuditFixtures.mixed(done, "DBGet read drain:0"));
        ControlRequest cut = AuditFixtures.offline("nsvoice", "PDD 9 s", "dial3");
        first.begin(cut, Map.of("dial3", ""));
        // "kill": nothing of the first instance is used again; a new console opens the same file
        LocalJournal restarted = open();
        assertEquals(List.of(cut), restarted.unfinished());
        AuditEntry u = restarted.unfinishedEntries().get(0);
        assertEquals("alice", u.osUser());
        assertEquals("noc-3", u.host());
        assertEquals("UNFINISHED", u.outcomeWord());
        assertEquals(Map.of("dial3", ""), u.before());
        assertTrue(restarted.read().problems().isEmpty(), restarted.read().problems().toString());
    }

    @Test
    void aCompletedEntryReadsBackWithEveryField() throws Exception {
        LocalJournal j = open();
        ControlRequest r = AuditFixtures.offline("blue line, \"x\"\nnext", "reason with = & % + spaces\nand a line",
                "dial1", "dial2");
        String id = j.begin(r, Map.of("dial1", "", "dial2", "offline:0"));
        j.complete(id, AuditFixtures.mixed(r, "DBPut: Permission denied"));
        AuditEntry e = open().read().entries().get(0);
        assertEquals(id, e.id());
        assertEquals(r, e.request());
        assertEquals(Instant.parse("2026-12-05T07:00:00Z"), e.started());
        AuditEntry.Completion c = e.completion().orElseThrow();
        assertEquals(212, c.took().toMillis());
        assertEquals(List.of("dial1", "dial2"), c.outcomes().stream().map(DialerOutcome::serverId).toList());
        assertEquals(DialerOutcome.Status.FAILED, c.outcomes().get(1).status());
        assertEquals("DBPut: Permission denied", c.outcomes().get(1).detail());
        assertEquals(Map.of("dial1", "offline:1796461200", "dial2", "offline:0"), c.after());
        assertEquals("PARTIAL", e.outcomeWord());
        assertEquals(1, Files.readAllLines(j.file()).stream().filter(l -> l.contains("t=begin")).count());
    }

    @Test
    void aWeightEntryKeepsRouteAndValue() throws Exception {
        LocalJournal j = open();
        ControlRequest r = AuditFixtures.weight("US", "telco9", 40);
        j.begin(r, Map.of());
        AuditEntry e = open().read().entries().get(0);
        assertEquals(r, e.request());
        assertEquals(ControlVerb.WEIGHT, e.verb());
        assertEquals("40", e.valueText());
    }

    @Test
    void aTornLastLineIsReportedNotFatalAndTheNextAppendStartsCleanly() throws Exception {
        LocalJournal j = open();
        ControlRequest r = AuditFixtures.offline("blueline", "first", "dial1");
        j.begin(r, Map.of());
        String whole = JournalCodec.begin(AuditEntry.begun("torn-1", Instant.EPOCH, AuditFixtures.ALICE,
                AuditFixtures.offline("x", "cut", "dial9"), Map.of()));
        Files.writeString(j.file(), whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND); // the crash: half a line, no line end
        LocalJournal restarted = open();
        LocalJournal.Snapshot s = restarted.read();
        assertEquals(1, s.entries().size());
        assertEquals(1, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().get(0).contains("line 2 is incomplete"), s.problems().get(0));
        restarted.begin(AuditFixtures.offline("nsvoice", "after the crash", "dial1"), Map.of());
        LocalJournal.Snapshot after = open().read();
        assertEquals(List.of("blueline", "nsvoice"), after.entries().stream().map(AuditEntry::peer).toList());
        assertEquals(1, after.problems().size(), "the torn line is still reported, now as damaged");
        assertTrue(after.problems().get(0).contains("line 2 is damaged"), after.problems().get(0));
    }

    @Test
    void anAlteredLineFailsItsChecksumAndIsSkipped() throws Exception {
        LocalJournal j = open();
        j.begin(AuditFixtures.offline("blueline", "honest", "dial1"), Map.of());
        j.begin(AuditFixtures.offline("nsvoice", "second", "dial1"), Map.of());
        List<String> lines = Files.readAllLines(j.file());
        Files.write(j.file(), List.of(lines.get(0).replace("honest", "edited"), lines.get(1)));
        LocalJournal.Snapshot s = open().read();
        assertEquals(List.of("nsvoice"), s.entries().stream().map(AuditEntry::peer).toList());
        assertTrue(s.problems().get(0).contains("checksum"), s.problems().toString());
    }

    @Test
    void syncedMarksLeaveOnlyWhatTheTableLacks() throws Exception {
        LocalJournal j = open();
        ControlRequest r = AuditFixtures.offline("blueline", "x", "dial1");
        String a = j.begin(r, Map.of());
        String b = j.begin(r, Map.of());
        j.markSynced(a, false);
        j.markSynced(b, false);
        j.complete(a, AuditFixtures.mixed(r, "no"));
        assertEquals(List.of(a), j.read().unsynced().stream().map(AuditEntry::id).toList());
        j.markSynced(a, true);
        assertTrue(j.read().unsynced().isEmpty());
    }

    @Test
    void completingAnUnknownEntryIsAnErrorAndAJournalThatCannotBeWrittenRefusesBegin() throws Exception {
        LocalJournal j = open();
        ControlRequest r = AuditFixtures.offline("blueline", "x", "dial1");
        assertThrows(JournalException.class, () -> j.complete("nope", AuditFixtures.mixed(r, "")));
        Path blocked = dir.resolve("file-not-dir");
        Files.writeString(blocked, "x");
        JournalException e = assertThrows(JournalException.class, () -> LocalJournal.open(
                blocked.resolve("journal.log"), AuditFixtures.ALICE, java.time.Clock.systemUTC()));
        assertTrue(e.getMessage().contains("could not be created"), e.getMessage());
        assertFalse(j.read().entries().size() > 0);
    }

    @Test
    void twoConsolesAppendingAtOnceLoseNothing() throws Exception {
        LocalJournal a = open();
        LocalJournal b = open();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                LocalJournal j = t % 2 == 0 ? a : b;
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        ControlRequest r = AuditFixtures.offline("p" + thread, "n" + i, "dial1");
                        j.complete(j.begin(r, Map.of()), AuditFixtures.mixed(r, "d"));
                    }
                    return null;
                }));
            }
            for (var job : jobs) {
                job.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        LocalJournal.Snapshot s = open().read();
        assertTrue(s.problems().isEmpty(), s.problems().toString());
        assertEquals(200, s.entries().size());
        assertTrue(s.entries().stream().allMatch(AuditEntry::finished));
        assertEquals(400, Files.readAllLines(a.file()).size());
    }
}
