package trunkops.control.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.control.ControlJournal.JournalException;

/** The combined journal without a database: what the table refuses stays local and does not hold back the rest. */
class CombinedJournalTest {

    @TempDir
    Path dir;

    /** Takes everything but entries on peer "poison"; or nothing at all while {@code down}. */
    private static final class PickyStore implements AuditStore {
        final List<String> ids = new ArrayList<>();
        volatile boolean down;

        @Override
        public synchronized void upsert(AuditEntry e) throws JournalException {
            if (down || e.peer().equals("poison")) {
                throw new JournalException(down ? "connection refused" : "Data too long for column", null);
            }
            if (!ids.contains(e.id())) {
                ids.add(e.id());
            }
        }

        @Override
        public List<AuditEntry> read(AuditQuery q) {
            return List.of();
        }

        @Override
        public String status() {
            return "picky";
        }
    }

    @Test
    void anEntryTheTableRefusesStaysLocalAndTheOthersAreCopied() throws Exception {
        PickyStore store = new PickyStore();
        LocalJournal local = LocalJournal.open(dir.resolve("j.log"), AuditFixtures.ALICE, Clock.systemUTC());
        try (CombinedJournal j = new CombinedJournal(local, store, Duration.ofHours(1))) {
            j.begin(AuditFixtures.offline("poison", "x", "dial1"), Map.of());
            j.begin(AuditFixtures.offline("fine1", "x", "dial1"), Map.of());
            j.begin(AuditFixtures.offline("fine2", "x", "dial1"), Map.of());
            j.syncNow().get(10, TimeUnit.SECONDS);
            assertEquals(2, store.ids.size());
            assertEquals(1, j.waiting());
            assertTrue(j.status().contains("Data too long"), j.status());
        }
    }

    @Test
    void aDeadTableStopsThePassAfterAFewFailuresAndNothingIsLost() throws Exception {
        PickyStore store = new PickyStore();
        store.down = true;
        LocalJournal local = LocalJournal.open(dir.resolve("j.log"), AuditFixtures.ALICE, Clock.systemUTC());
        try (CombinedJournal j = new CombinedJournal(local, store, Duration.ofHours(1))) {
            for (int i = 0; i < 10; i++) {
                j.begin(AuditFixtures.offline("p" + i, "x", "dial1"), Map.of());
            }
            assertEquals(0, j.syncNow().get(10, TimeUnit.SECONDS));
            assertEquals(10, j.waiting());
            store.down = false;
            assertEquals(10, j.syncNow().get(10, TimeUnit.SECONDS));
            assertEquals(0, j.syncNow().get(10, TimeUnit.SECONDS));
            assertEquals(10, store.ids.size());
        }
    }

    @Test
    void aJournalThatCannotBeWrittenRefusesBeginSoTheActionIsNotSent() throws Exception {
        Path file = dir.resolve("j.log");
        LocalJournal local = LocalJournal.open(file, AuditFixtures.ALICE, Clock.systemUTC());
        try (CombinedJournal j = new CombinedJournal(local, null, Duration.ofHours(1))) {
            Files.delete(file);
            Files.createDirectory(file); // the journal's path is now a directory: appends fail
            JournalException e = assertThrows(JournalException.class,
                    () -> j.begin(AuditFixtures.offline("p", "x", "dial1"), Map.of()));
            assertTrue(e.getMessage().contains("the action is not sent"), e.getMessage());
        }
    }
}
