package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.db.RouteRepository;
import trunkops.lab.LabCluster;
import trunkops.push.PushLab;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteStore;
import trunkops.secrets.Keyring;

/**
 * {@code push} and {@code rollback} on the full lab (3 dialers, keepalive every 2 s): the dry run prints the diff
 * and writes nothing, the push prints a line per dialer and step and exits 0 with every dialer on the new version,
 * the rollback to v1 exits 0 with every dialer on v1, bad arguments exit 2.
 */
class PushCliLabTest {

    private static final String ROUTE = String.join("\n",
            "name = CLI-SPLIT",
            "pattern = _52NXXNXXXXXX strip=1",
            "dialers = all",
            "strategy = weighted",
            "member = SIP/blueline weight=%d priority=1",
            "member = SIP/nsvoice weight=%d priority=2",
            "dial-timeout = 30");

    private static PushLab fx;

    @BeforeAll
    static void start() throws Exception {
        fx = PushLab.start("push-cli-lab-test", Duration.ofSeconds(2), 12L);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... more) {
        LabCluster.DbAccess db = fx.lab().dbAccess();
        List<String> a = new ArrayList<>(List.of(more));
        a.addAll(List.of("--jdbc", db.jdbcUrl(), "--db-user", db.user(), "--db-password-env", "DB_PW",
                "--user", LabCluster.CONSOLE_AMI_USER, "--secret-env", "AMI_SECRET", "--timeout", "30s"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("AMI_SECRET", fx.lab().amiAccess().get(0).secret(),
                "DB_PW", db.password());
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), new CompletableFuture<>(),
                ControlWiring.Unjournaled::new);
        int code = Cli.execute(a.toArray(String[]::new), ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void save(RouteRepository routes, int blue, int based) throws Exception {
        RouteStore.SaveResult r = routes.save(RouteFile.parse(String.format(ROUTE, blue, 100 - blue)), based,
                "lab-test", "weights " + blue);
        assertInstanceOf(RouteStore.SaveResult.Saved.class, r, r.toString());
    }

    @Test
    void dryRunPushAndRollbackFromTheCommandLine() throws Exception {
        save(fx.routes(), 70, 0);
        save(fx.routes(), 40, 1);

        Run dry = cli("push", "CLI-SPLIT", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("+exten => _52NXXNXXXXXX,2,NoOp(trunkops route CLI-SPLIT v2)"), dry.out());
        assertTrue(dry.out().contains("live none (new route)"), dry.out());

        assertEquals(Cli.USAGE, cli("push", "CLI-SPLIT").code(), "neither --test-number nor --no-test-call");
        assertEquals(Cli.USAGE, cli("push", "CLI-SPLIT", "--test-number", "22125550100", "--no-test-call").code());
        assertEquals(Cli.USAGE, cli("push", "CLI-SPLIT", "--test-number", "99").code(), "reaches no pattern");

        Run push = cli("push", "CLI-SPLIT", "--test-number", "22125550100");
        assertEquals(0, push.code(), push.out() + push.err());
        assertTrue(push.out().contains(fx.lab().amiAccess().get(0).serverId() + " VERIFY")
                && push.out().contains("test call Local/522125550100@default"), push.out());
        assertTrue(push.out().lines().anyMatch(l -> l.startsWith("test call ") && l.contains("SIP/")),
                "which trunk the test call reached: " + push.out());
        for (LabCluster.AmiAccess d : fx.lab().amiAccess()) {
            assertTrue(push.out().contains(d.serverId() + " NEW verified trunkops route CLI-SPLIT v2"), push.out());
            assertTrue(push.out().contains(d.serverId() + " VERIFY"), push.out());
        }

        Run again = cli("push", "CLI-SPLIT", "--no-test-call");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("nothing to push"), again.out());

        Run back = cli("rollback", "CLI-SPLIT", "--to", "1", "--no-test-call");
        assertEquals(0, back.code(), back.out() + back.err());
        for (LabCluster.AmiAccess d : fx.lab().amiAccess()) {
            assertTrue(back.out().contains(d.serverId() + " NEW verified trunkops route CLI-SPLIT v1"), back.out());
        }

        assertEquals(Cli.USAGE, cli("rollback", "CLI-SPLIT").code());
        assertEquals(Cli.USAGE, cli("push", "NO-SUCH").code());
        assertEquals(Cli.USAGE, cli("push", "CLI-SPLIT", "--timeout", "soon").code());
    }
}
