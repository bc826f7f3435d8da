package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.control.ControlRequest;
import trunkops.control.audit.AuditFixtures;
import trunkops.control.audit.LocalJournal;
import trunkops.secrets.Keyring;

/** {@code audit}: one line per entry or CSV from the local journal, filters, --since forms, bad usage, a dead DB. */
class AuditCommandTest {

    record Run(int code, String out, String err) {
    }

    @TempDir
    Path dir;

    static Run run(Map<String, String> env, String... args) {
        return run(ControlWiring::journal, env, args);
    }

    /** With the control journal {@code journal} (e.g. one reading a role policy of the test's own). */
    static Run run(java.util.function.Supplier<trunkops.control.ControlJournal> journal, Map<String, String> env,
                   String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), CompletableFuture.completedFuture(null), journal);
        int code = Cli.execute(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path journal() throws Exception {
        Path f = dir.resolve("journal.log");
        LocalJournal j = LocalJournal.open(f, AuditFixtures.ALICE, Clock.systemUTC());
        ControlRequest a = AuditFixtures.offline("blueline", "503s from\nthe carrier", "dial1", "dial2");
        j.complete(j.begin(a, Map.of("dial1", "", "dial2", "")), AuditFixtures.mixed(a, "read back drain:0"));
        j.begin(AuditFixtures.weight("US", "telco9", 40), Map.of());
        return f;
    }

    @Test
    void oneLinePerEntryWithOutcomesAndUnfinishedSaidInWords() throws Exception {
        Run r = run(Map.of(), "audit", "--journal", journal().toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).contains(" alice@noc-3 operator OFFLINE SIP/blueline until 2026-12-05T09:00:00Z on"
                + " dial1,dial2 PARTIAL 212 ms: dial1 applied, dial2 failed (read back drain:0) reason \"503s from\\nthe"
                + " carrier\" ticket INC-42 id "), lines.get(0));
        assertTrue(lines.get(1).contains(" bob@noc-1 (alice@noc-3) operator WEIGHT PJSIP/telco9 route US value 40 on"
                + " every dialer UNFINISHED reason \"rebalance\""), lines.get(1));
    }

    @Test
    void filtersAndCsv() throws Exception {
        Path f = journal();
        Run trunk = run(Map.of(), "audit", "--journal", f.toString(), "--trunk", "telco9");
        assertEquals(1, trunk.out().lines().count(), trunk.out());
        Run actor = run(Map.of(), "audit", "--journal", f.toString(), "--actor", "BOB");
        assertEquals(1, actor.out().lines().count(), actor.out());
        assertTrue(actor.out().contains("WEIGHT"));
        Run future = run(Map.of(), "audit", "--journal", f.toString(), "--since", "2999-01-01");
        assertEquals("", future.out());
        assertEquals(0, future.code());
        Run recent = run(Map.of(), "audit", "--journal", f.toString(), "--since", "10m");
        assertEquals(2, recent.out().lines().count());
        Run csv = run(Map.of(), "audit", "--journal", f.toString(), "--csv", "--trunk", "SIP/blueline");
        assertTrue(csv.out().startsWith("id,started_utc,"), csv.out());
        assertTrue(csv.out().contains("\"503s from\nthe carrier\""), csv.out());
    }

    @Test
    void sinceForms() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);
        ZoneId utc = ZoneOffset.UTC;
        assertEquals(Instant.parse("2026-12-05T06:30:00Z"), AuditCommand.since("90m", clock, utc));
        assertEquals(Instant.parse("2026-11-28T08:00:00Z"), AuditCommand.since("7d", clock, utc));
        assertEquals(Instant.parse("2026-12-05T06:00:00Z"), AuditCommand.since("PT2H", clock, utc));
        assertEquals(Instant.parse("2026-12-05T07:00:00Z"), AuditCommand.since("2026-12-05T07:00:00Z", clock, utc));
        assertEquals(Instant.parse("2026-12-05T06:00:00Z"),
                AuditCommand.since("2026-12-05T08:00", clock, ZoneOffset.ofHours(2)));
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), AuditCommand.since("2026-12-05", clock, utc));
    }

    @Test
    void badUsageIsExitTwoAndAMissingJournalOrDeadDatabaseSaySo() throws Exception {
        Run bad = run(Map.of(), "audit", "--since", "yesterday");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--since 'yesterday'"), bad.err());
        assertEquals(2, run(Map.of(), "audit", "--jdbc", "jdbc:mariadb://127.0.0.1:1/asterisk").code());
        Run missing = run(Map.of(), "audit", "--journal", dir.resolve("none.log").toString());
        assertEquals(0, missing.code());
        assertTrue(missing.err().contains("no local journal at"), missing.err());
        assertTrue(Files.notExists(dir.resolve("none.log")), "reading creates nothing");
        Run dead = run(Map.of("PW", "x"), "audit", "--jdbc", "jdbc:mariadb://127.0.0.1:1/asterisk?connectTimeout=500",
                "--db-user", "u", "--db-password-env", "PW");
        assertEquals(1, dead.code(), dead.out() + dead.err());
        assertEquals(1, dead.err().lines().count(), dead.err());
    }
}
