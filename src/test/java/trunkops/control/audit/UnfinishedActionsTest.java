package trunkops.control.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.control.ControlRequest;
import trunkops.control.DialerOutcome;

/** At start: an action cut short is read again on its dialers, reported once, and completed with what was found. */
class UnfinishedActionsTest {

    @TempDir
    Path dir;

    @Test
    void anActionCutShortIsReadAgainReportedAndCompletedOnce() throws Exception {
        Path file = dir.resolve("journal.log");
        LocalJournal before = LocalJournal.open(file, AuditFixtures.ALICE, Clock.systemUTC());
        ControlRequest r = AuditFixtures.offline("blueline", "carrier down", "dial1", "dial2", "dial3");
        before.begin(r, Map.of());
        // the console is killed here; the next one starts on the same file
        try (CombinedJournal restarted = new CombinedJournal(LocalJournal.open(file, AuditFixtures.ALICE,
                Clock.systemUTC()), null, java.time.Duration.ofHours(1))) {
            Map<String, Optional<String>> now = new HashMap<>();
            now.put("dial1", Optional.of("offline:1796461200"));
            now.put("dial2", Optional.empty());
            List<String> report = UnfinishedActions.resolve(restarted, e -> now);
            assertEquals(1, report.size());
            assertTrue(report.get(0).startsWith("\u26A0 unfinished action: "), report.get(0));
            assertTrue(report.get(0).endsWith("OFFLINE SIP/blueline (reason \"carrier down\") was begun and never"
                    + " completed; now: dial1 applied (reads offline:1796461200), dial2 not applied (reads no key,"
                    + " not offline:1796461200), dial3 unreachable (no answer when read again)"), report.get(0));
            assertTrue(restarted.unfinished().isEmpty(), "reported once");
            AuditEntry e = restarted.local().read().entries().get(0);
            assertEquals(List.of(DialerOutcome.Status.APPLIED, DialerOutcome.Status.FAILED,
                    DialerOutcome.Status.UNREACHABLE), e.completion().orElseThrow().outcomes().stream()
                    .map(DialerOutcome::status).toList());
            assertEquals("PARTIAL", e.outcomeWord());
        }
    }
}
