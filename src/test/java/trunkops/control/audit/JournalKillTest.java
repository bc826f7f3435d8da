package trunkops.control.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console process killed with SIGKILL right after begin: the next console finds the action unfinished. */
class JournalKillTest {

    @TempDir
    Path dir;

    @Test
    void anEntryBegunByAProcessKilledAtOnceIsFoundUnfinished() throws Exception {
        Path file = dir.resolve("journal.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalCrashProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        String id = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("BEGUN ")) {
                    id = line.substring(6);
                    break;
                }
            }
            p.destroyForcibly(); // SIGKILL: the JVM gets no chance to close or flush anything
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the probe died");
        }
        assertTrue(id != null, "the probe began an entry");
        LocalJournal next = LocalJournal.open(file, AuditFixtures.ALICE, Clock.systemUTC());
        List<AuditEntry> unfinished = next.unfinishedEntries();
        assertEquals(1, unfinished.size());
        assertEquals(id, unfinished.get(0).id());
        assertEquals("killed", unfinished.get(0).peer());
        assertEquals(List.of("dial1", "dial2"), unfinished.get(0).dialers());
    }
}
