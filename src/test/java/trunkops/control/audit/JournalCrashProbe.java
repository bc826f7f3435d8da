package trunkops.control.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Run as its own JVM by {@link JournalKillTest}: begins one action in the journal named by {@code args[0]}, prints
 * {@code BEGUN <id>} once begin returned, then blocks on stdin until it is killed (SIGKILL: no shutdown hook, no
 * close, no flush beyond what begin did).
 */
public final class JournalCrashProbe {

    private JournalCrashProbe() {
    }

    public static void main(String[] args) throws Exception {
        LocalJournal j = LocalJournal.open(Path.of(args[0]), AuditFixtures.ALICE, Clock.systemUTC());
        String id = j.begin(AuditFixtures.offline("killed", "the console dies now", "dial1", "dial2"),
                Map.of("dial1", "", "dial2", ""));
        java.io.PrintStream out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                true);
        out.println("BEGUN " + id);
        System.in.read();
    }
}
