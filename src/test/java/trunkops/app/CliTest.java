package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import trunkops.secrets.Keyring;

/** The command line's manners: help with exit 0, one line and exit 2 for anything unknown, --version. */
class CliTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), CompletableFuture.completedFuture(null));
        int code = Cli.execute(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsCommandsOptionsAndExitCodesAndExitsZero() {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"))) {
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), args + ": " + r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("Usage: trunkops "), r.out());
            for (String word : List.of("status", "carrier-report", "keyring", "lab", "--lab-only", "--lab-speed",
                    "--cluster", "--screenshot", "--verbose", "Exit codes:", "trunkops.log")) {
                assertTrue(r.out().contains(word), word + " missing from\n" + r.out());
            }
        }
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String cmd : List.of("status", "carrier-report", "keyring", "lab")) {
            Run r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd + ": " + r.err());
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("Usage: trunkops " + cmd), r.out());
            assertTrue(r.out().contains("Exit codes:"), r.out());
        }
        Run store = run("keyring", "store", "-h");
        assertEquals(0, store.code());
        assertTrue(store.out().contains("--from-env"), store.out());
        assertTrue(run("status", "--help").out().contains("--watch"));
        assertTrue(run("carrier-report", "--help").out().contains("--servers"));
    }

    @Test
    void anythingUnknownIsOneLineOnStderrAndExitTwo() {
        Map<List<String>, String> cases = Map.of(
                List.of("frobnicate"), "trunkops: unknown command 'frobnicate' (commands: status, carrier-report,",
                List.of("--frobnicate"), "trunkops: Unknown option: '--frobnicate'",
                List.of("status", "--frobnicate"), "trunkops status: Unknown option: '--frobnicate'",
                List.of("keyring", "fetch", "ami", "u", "h"), "trunkops keyring: unknown command 'fetch'",
                List.of("keyring", "check", "sip", "u", "h"), "kind must be 'ami' or 'db'",
                List.of("lab", "--lab-speed=fast"), "trunkops lab: Invalid value for option '--lab-speed'",
                List.of("--screenshot-tab"), "Missing required parameter for option '--screenshot-tab'");
        cases.forEach((args, expected) -> {
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertEquals("", r.out(), args.toString());
            assertTrue(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1,
                    "one line for " + args + ": " + r.err());
            assertTrue(r.err().contains(expected), args + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        });
    }

    @Test
    void anEscapeSequenceInAnArgumentIsNotEchoedRaw() {
        Run r = run("\u001b[2Jboom\nsecond line");
        assertEquals(2, r.code());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertTrue(r.err().contains("\\x1b[2Jboom\\nsecond line"), r.err());
    }

    @Test
    void versionIsTheProjectVersion() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("trunkops \\d+\\.\\d+\\.\\d+\\S*\\R"), r.out());
    }

    @Test
    void consoleOptionsKeepTheirMeaning() {
        TrunkOpsCommand top = new TrunkOpsCommand(null);
        new CommandLine(top).parseArgs("--lab-speed=5", "--lab-run=at+20+kill+orbit-west", "--lab-run",
                "lag nsvoice 3000", "--cluster=Production+east", "--no-lab-history", "--lab-traffic", "4",
                "--screenshot=x.png", "--screenshot-delay=170000", "--screenshot-tab=5", "--exit-after=185000", "--wall");
        assertEquals(new LaunchOptions(5.0, 4.0, false, "x.png", 170_000, 185_000,
                List.of("at 20 kill orbit-west", "lag nsvoice 3000"), "Production east", "5", true), top.options());
        TrunkOpsCommand quiet = new TrunkOpsCommand(null);
        new CommandLine(quiet).parseArgs("--no-lab-traffic");
        assertEquals(0.0, quiet.options().labTraffic());
        TrunkOpsCommand none = new TrunkOpsCommand(null);
        new CommandLine(none).parseArgs();
        assertEquals(LaunchOptions.defaults(), none.options());
    }
}
