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

import trunkops.control.AstDbLink;
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

    /** An in-memory dialer ASTDB; {@code down}: every call is unreachable. */
    private record FakeDb(String serverId, Map<String, String> values, boolean down) implements AstDbLink {
        @Override
        public Optional<String> get(String family, String key) throws AstDbException {
            if (down) {
                throw AstDbException.unreachable("no answer in 2000 ms", null);
            }
            return Optional.ofNullable(values.get(family + "/" + key));
        }

        @Override
        public void put(String family, String key, String value) {
            values.put(family + "/" + key, value);
        }

        @Override
        public boolean delete(String family, String key) {
            return values.remove(family + "/" + key) != null;
        }
    }

    @Test
    void theReaderOnTheDialersLinksReadsEachDialersKey() throws Exception {
        Map<String, AstDbLink> links = Map.of(
                "dial1", new FakeDb("dial1", new HashMap<>(Map.of("trunkops/admin/blueline", "offline:0")), false),
                "dial2", new FakeDb("dial2", new HashMap<>(), false),
                "dial3", new FakeDb("dial3", new HashMap<>(), true));
        AuditEntry e = AuditEntry.begun("x", java.time.Instant.now(), AuditFixtures.ALICE,
                AuditFixtures.offline("blueline", "r", "dial1", "dial2", "dial3", "dial4"), Map.of());
        Map<String, Optional<String>> now = UnfinishedActions.on(links).readNow(e);
        assertEquals(Map.of("dial1", Optional.of("offline:0"), "dial2", Optional.empty()), now,
                "dial3 did not answer, dial4 has no link");
        AuditEntry weight = AuditEntry.begun("y", java.time.Instant.now(), AuditFixtures.ALICE,
                AuditFixtures.weight("US", "telco9", 40), Map.of());
        ((FakeDb) links.get("dial2")).put("trunkops", "weight/US/telco9", "40");
        assertEquals(Optional.of("40"), UnfinishedActions.on(links).readNow(weight).get("dial2"),
                "no dialers named: every linked dialer is read");
    }

    /** A ViciDial lever cut short (a table change, no ASTDB key): reported as unknown, never read on a dialer. */
    @Test
    void aLeverCutShortIsReportedAsUnknownWithoutReadingTheDialers() throws Exception {
        Path file = dir.resolve("journal.log");
        LocalJournal before = LocalJournal.open(file, AuditFixtures.ALICE, Clock.systemUTC());
        ControlRequest r = new ControlRequest(trunkops.control.ControlVerb.REROUTE, trunkops.topology.Tech.SIP,
                "SALES1", List.of(), Optional.of("CAMPAIGN"), java.util.OptionalInt.empty(), Optional.empty(),
                "BlueLine down", Optional.empty(), "alice@noc-3");
        before.begin(r, Map.of("vicidial", "9"));
        try (CombinedJournal restarted = new CombinedJournal(LocalJournal.open(file, AuditFixtures.ALICE,
                Clock.systemUTC()), null, java.time.Duration.ofHours(1))) {
            List<String> report = UnfinishedActions.resolve(restarted, e -> {
                throw new AssertionError("a lever has nothing on the dialers to read");
            });
            assertEquals(1, report.size());
            assertTrue(report.get(0).contains("REROUTE") && report.get(0).contains("vicidial_admin_log"),
                    report.get(0));
            assertTrue(restarted.unfinished().isEmpty(), "reported once");
        }
    }
}
