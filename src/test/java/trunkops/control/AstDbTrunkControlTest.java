package trunkops.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import trunkops.control.DialerOutcome.Status;

/** The control core against in-memory ASTDBs: parallel dialers, timeouts, read-back, journal order. */
class AstDbTrunkControlTest {

    static final Clock CLOCK = Clock.fixed(ControlValidatorTest.NOW, ZoneOffset.UTC);

    /** An ASTDB in memory; {@code hang} blocks every call until released, {@code lie} is what get returns. */
    static class FakeDb implements AstDbLink {
        final String id;
        final Map<String, String> db = new ConcurrentHashMap<>();
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile CountDownLatch hang;
        volatile String lie;
        volatile String refuse;

        FakeDb(String id) {
            this.id = id;
        }

        @Override
        public String serverId() {
            return id;
        }

        private void maybeHang() {
            CountDownLatch h = hang;
            if (h != null) {
                try {
                    h.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public Optional<String> get(String family, String key) {
            calls.add("get " + family + "/" + key);
            maybeHang();
            return lie != null ? Optional.of(lie) : Optional.ofNullable(db.get(family + "/" + key));
        }

        @Override
        public void put(String family, String key, String value) throws AstDbException {
            calls.add("put " + family + "/" + key + "=" + value);
            if (refuse != null) {
                throw AstDbException.refused(refuse);
            }
            db.put(family + "/" + key, value);
        }

        @Override
        public boolean delete(String family, String key) {
            calls.add("del " + family + "/" + key);
            return db.remove(family + "/" + key) != null;
        }
    }

    /** Remembers begin (with the before-values) and complete, in order. */
    static class RecordingJournal implements ControlJournal {
        final List<String> log = new ArrayList<>();
        volatile boolean broken;
        Map<String, String> before;

        @Override
        public synchronized String begin(ControlRequest request, Map<String, String> before)
                throws JournalException {
            if (broken) {
                throw new JournalException("disk full", null);
            }
            this.before = before;
            log.add("begin " + request.verb());
            return "e1";
        }

        @Override
        public synchronized void complete(String id, ControlResult result) {
            log.add("complete " + id + " " + result.allApplied());
        }

        @Override
        public List<ControlRequest> unfinished() {
            return List.of();
        }
    }

    static Map<String, FakeDb> dialers(int n) {
        Map<String, FakeDb> m = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            m.put("D" + i, new FakeDb("D" + i));
        }
        return m;
    }

    static ControlResult run(Map<String, FakeDb> dbs, ControlJournal journal, ControlRequest r) throws Exception {
        try (AstDbTrunkControl c = new AstDbTrunkControl(dbs, Optional::empty, journal, Duration.ofMillis(300),
                CLOCK)) {
            return c.apply(r).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void offlineIsWrittenReadBackAndJournaledBeforeAndAfter() throws Exception {
        Map<String, FakeDb> dbs = dialers(3);
        dbs.get("D2").db.put("trunkops/admin/blueline", "drain:0");
        RecordingJournal j = new RecordingJournal();
        ControlResult r = run(dbs, j, ControlValidatorTest.offline("blueline", List.of()));
        assertTrue(r.allApplied(), r.toString());
        assertEquals(List.of("D1", "D2", "D3"), r.outcomes().stream().map(DialerOutcome::serverId).toList());
        dbs.values().forEach(d -> assertEquals("offline:0", d.db.get("trunkops/admin/blueline")));
        assertEquals(List.of("get trunkops/admin/blueline", "put trunkops/admin/blueline=offline:0",
                "get trunkops/admin/blueline"), dbs.get("D1").calls);
        assertEquals(Map.of("D1", "(none)", "D2", "drain:0", "D3", "(none)"), j.before);
        assertEquals("read back offline:0, before drain:0", r.outcomes().get(1).detail(), "what D2 held is shown");
        assertEquals(List.of("begin OFFLINE", "complete e1 true"), j.log);

        ControlRequest online = new ControlRequest(ControlVerb.ONLINE, trunkops.topology.Tech.SIP, "blueline",
                List.of("D1", "D3"), Optional.empty(), java.util.OptionalInt.empty(), Optional.empty(), "fixed",
                Optional.empty(), "ops@host");
        assertTrue(run(dbs, j, online).allApplied());
        assertFalse(dbs.get("D1").db.containsKey("trunkops/admin/blueline"));
        assertEquals("offline:0", dbs.get("D2").db.get("trunkops/admin/blueline"), "D2 was not named");
    }

    @Test
    void aHungDialerIsUnreachableAndHoldsNoOtherUp() throws Exception {
        Map<String, FakeDb> dbs = dialers(4);
        CountDownLatch hang = new CountDownLatch(1);
        dbs.get("D3").hang = hang;
        try {
            ControlResult r = run(dbs, new RecordingJournal(), ControlValidatorTest.offline("blueline", List.of()));
            assertEquals(List.of("D3"), r.notApplied());
            DialerOutcome d3 = r.outcomes().get(2);
            assertEquals(Status.UNREACHABLE, d3.status());
            assertTrue(d3.detail().contains("no answer within 300 ms"), d3.detail());
            assertFalse(dbs.get("D3").calls.stream().anyMatch(c -> c.startsWith("put")), "not sent to D3");
        } finally {
            hang.countDown();
        }
    }

    @Test
    void aRefusalAndAWrongReadBackAreFailuresThatSayWhat() throws Exception {
        Map<String, FakeDb> dbs = dialers(3);
        dbs.get("D1").refuse = "DBPut refused: Permission denied";
        dbs.get("D2").lie = "offline:1";
        ControlResult r = run(dbs, new RecordingJournal(), ControlValidatorTest.offline("blueline", List.of()));
        assertEquals(List.of("D1", "D2"), r.notApplied());
        assertEquals(new DialerOutcome("D1", Status.FAILED, "DBPut refused: Permission denied"), r.outcomes().get(0));
        assertEquals(new DialerOutcome("D2", Status.FAILED, "wrote offline:0 but read back 'offline:1'"),
                r.outcomes().get(1));
        assertTrue(r.outcomes().get(2).applied());
    }

    @Test
    void nothingIsSentWhenTheJournalCannotBeWrittenOrTheRequestIsInvalid() throws Exception {
        Map<String, FakeDb> dbs = dialers(2);
        RecordingJournal j = new RecordingJournal();
        j.broken = true;
        ControlResult r = run(dbs, j, ControlValidatorTest.offline("blueline", List.of()));
        assertEquals(List.of("D1", "D2"), r.notApplied());
        assertTrue(r.outcomes().get(0).detail().contains("journal could not be written (disk full)"));
        dbs.values().forEach(d -> assertTrue(d.calls.stream().noneMatch(c -> c.startsWith("put")), d.calls::toString));

        ControlResult bad = run(dbs, new RecordingJournal(), ControlValidatorTest.offline("a/b", List.of()));
        assertTrue(bad.outcomes().get(0).detail().startsWith("refused: peer name 'a/b'"), bad.toString());
        dbs.values().forEach(d -> assertTrue(d.calls.stream().noneMatch(c -> c.startsWith("put")), d.calls::toString));
    }

    @Test
    void weightsGoUnderTheRouteAndPeer() throws Exception {
        Map<String, FakeDb> dbs = dialers(2);
        ControlResult r = run(dbs, new RecordingJournal(), ControlValidatorTest.weight("RENEW-SPLIT", "nsvoice", 45));
        assertTrue(r.allApplied(), r.toString());
        assertEquals("45", dbs.get("D2").db.get("trunkops/weight/RENEW-SPLIT/nsvoice"));
    }

    @Test
    void theConsoleRemovesOnlyFlagsWhoseWindowHasEnded() throws Exception {
        Map<String, FakeDb> dbs = dialers(4);
        long now = ControlValidatorTest.NOW.getEpochSecond();
        dbs.get("D1").db.put("trunkops/admin/blueline", "offline:" + (now - 5));
        dbs.get("D2").db.put("trunkops/admin/blueline", "offline:" + (now + 600));
        dbs.get("D3").db.put("trunkops/admin/blueline", "drain:0");
        RecordingJournal j = new RecordingJournal();
        try (AstDbTrunkControl c = new AstDbTrunkControl(dbs, Optional::empty, j, Duration.ofMillis(300), CLOCK)) {
            ControlResult r = c.restoreExpired(trunkops.topology.Tech.SIP, "blueline", List.of(), "console@host")
                    .get(10, TimeUnit.SECONDS);
            assertEquals(List.of("D1"), r.outcomes().stream().map(DialerOutcome::serverId).toList());
            assertTrue(r.allApplied(), r.toString());
            assertEquals(ControlVerb.ONLINE, r.request().verb());
            assertEquals(Map.of("D1", "offline:" + (now - 5)), j.before, "journaled with what it removed");
        }
        assertFalse(dbs.get("D1").db.containsKey("trunkops/admin/blueline"));
        assertEquals("offline:" + (now + 600), dbs.get("D2").db.get("trunkops/admin/blueline"), "not yet ended");
        assertEquals("drain:0", dbs.get("D3").db.get("trunkops/admin/blueline"), "no expiry: left alone");
    }
}
