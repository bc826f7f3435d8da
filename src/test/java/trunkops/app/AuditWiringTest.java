package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.control.ControlJournal.JournalException;
import trunkops.control.ControlRequest;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditFixtures;
import trunkops.control.audit.AuditQuery;
import trunkops.control.audit.AuditStore;
import trunkops.control.audit.LocalJournal;

/** What the Audit tab lists: the cluster's table, plus this machine's entries of the cluster it lacks. */
class AuditWiringTest {

    @TempDir
    Path dir;

    private static AuditStore table(List<AuditEntry> rows, boolean down) {
        return new AuditStore() {
            @Override
            public void upsert(AuditEntry e) {
            }

            @Override
            public List<AuditEntry> read(AuditQuery q) throws JournalException {
                if (down) {
                    throw new JournalException("connection refused", null);
                }
                return rows;
            }

            @Override
            public String status() {
                return "test";
            }
        };
    }

    @Test
    void localEntriesTheTableLacksOrHasLessOfAreShownOnce() throws Exception {
        LocalJournal local = LocalJournal.open(dir.resolve("j.log"), AuditFixtures.ALICE, Clock.systemUTC(), "db:1/a");
        ControlRequest r = AuditFixtures.offline("p", "x", "dial1");
        String synced = local.begin(r, Map.of());
        local.complete(synced, AuditFixtures.mixed(r, "d"));
        String notYet = local.begin(r, Map.of());
        LocalJournal.open(dir.resolve("j.log"), AuditFixtures.ALICE, Clock.systemUTC(), "other:1/b").begin(r, Map.of());
        AuditEntry inTable = local.read().entries().get(0);
        AuditEntry otherConsole = AuditEntry.begun("other-console", Instant.now(), AuditFixtures.ALICE, r, Map.of());
        AuditEntry beginOnly = AuditEntry.begun(synced, inTable.started(), AuditFixtures.ALICE, r, Map.of());
        List<AuditEntry> shown = AuditWiring.merged(table(List.of(beginOnly, otherConsole), false), local);
        assertEquals(List.of(synced, "other-console", notYet), shown.stream().map(AuditEntry::id).toList());
        assertEquals("PARTIAL", shown.get(0).outcomeWord(), "the local completion wins over the table's begin");
        List<AuditEntry> down = AuditWiring.merged(table(List.of(), true), local);
        assertEquals(List.of(synced, notYet), down.stream().map(AuditEntry::id).toList(), "database down: local only");
    }
}
