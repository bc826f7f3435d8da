package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.secrets.Keyring;

/** {@code route lint}: one finding per line on stdout, exit 1 on an error or an unreadable file, 2 on bad usage. */
class RouteLintCommandTest {

    private record Run(int code, String out, String err) {
    }

    @TempDir
    Path dir;

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), CompletableFuture.completedFuture(null));
        int code = Cli.execute(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void errorsGiveExitOneAndOneLineEach() throws IOException {
        Path f = write("bad.txt", "exten => _91NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)\n"
                + "exten => _91NXXNXXXXXX,2,Dial(SIP/t1/${EXTEN:1},30,ToM(rec))\n");
        Run r = run("route", "lint", f.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("2: error [macro] ")), r.out());
    }

    @Test
    void warningsOnlyExitZeroAndAccountAndTimeoutAreUsed() throws IOException {
        Path f = write("ok.txt", "exten => _91NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)\n"
                + "exten => _91NXXNXXXXXX,2,Dial(SIP/t1/${EXTEN:1},40,To)\n");
        Path a = write("acct.txt", "[t1]\ntype=peer\nhost=192.0.2.1\nqualify=no\nmaxretries=3\n");
        Run r = run("route", "lint", f.toString(), "--account", a.toString(), "--dial-timeout", "30");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(3, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("[ring-time]") && r.out().contains("[unknown-option]")
                && r.out().contains("[qualify-detection]"), r.out());
        Run clean = run("route", "lint", write("none.txt", "").toString());
        assertEquals(0, clean.code());
        assertEquals("", clean.out());
    }

    @Test
    void missingFileAndBadUsage() {
        Run missing = run("route", "lint", dir.resolve("nope.txt").toString());
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("nope.txt"));
        assertEquals(2, run("route", "lint").code());
        assertEquals(2, run("route", "lint", "x", "--protocol", "ZZZ").code());
        assertEquals(2, run("route", "lint", "x", "--dial-timeout", "abc").code());
    }
}
