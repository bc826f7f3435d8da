package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import trunkops.secrets.Keyring;
import trunkops.topology.Tech;

/** The control commands' own parsing, and the refusals that need no dialer. */
class ControlOptionsTest {

    @Test
    void trunksAndUntilParse() {
        assertEquals(new ControlOptions.TrunkName(Tech.SIP, "blueline"), ControlOptions.trunk("blueline"));
        assertEquals(new ControlOptions.TrunkName(Tech.PJSIP, "orbit"), ControlOptions.trunk("PJSIP/orbit"));
        assertEquals(new ControlOptions.TrunkName(Tech.SIP, "a/b"), ControlOptions.trunk("SIP/a/b"),
                "the rest keeps its '/', which the validator refuses");
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant t = Instant.parse("2026-12-05T09:00:00Z");
        assertEquals(t, ControlOptions.until("2026-12-05T09:00:00Z", paris));
        assertEquals(t, ControlOptions.until("2026-12-05T10:00:00+01:00", paris));
        assertEquals(t, ControlOptions.until("2026-12-05T10:00", paris), "local time in the given zone");
        assertThrows(IllegalArgumentException.class, () -> ControlOptions.until("tomorrow", paris));
    }

    private static int run(ByteArrayOutputStream err, String... args) {
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), new CompletableFuture<>(),
                ControlWiring.Unjournaled::new);
        return Cli.execute(args, ctx);
    }

    @Test
    void ambiguousTargetsAndMissingOptionsExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "offline", "blueline", "--ami", "127.0.0.1:1", "--jdbc", "jdbc:mariadb://x/y",
                "--user", "u", "--reason", "r"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not both or neither"), err.toString());
        err.reset();
        assertEquals(2, run(err, "drain", "blueline", "--ami", "127.0.0.1:1", "--all", "--user", "u", "--reason",
                "r"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--server and --all go with --jdbc"));
        err.reset();
        assertEquals(2, run(err, "online", "blueline", "--ami", "127.0.0.1:1", "--user", "u"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--reason"), err.toString());
        err.reset();
        assertEquals(2, run(err, "weight", "R", "p", "many", "--ami", "127.0.0.1:1", "--user", "u", "--reason", "r"));
        err.reset();
        assertEquals(2, run(err, "offline", "blueline", "--ami", "127.0.0.1:1", "--user", "u", "--reason", "r",
                "--secret", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("never go on the command line"), err.toString());
    }
}
