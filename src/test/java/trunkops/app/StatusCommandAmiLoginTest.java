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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.secrets.Keyring;
import trunkops.testutil.ScriptedManager;

/** {@code status} and the manager login: a refused secret is tried once; excess privileges are said once. */
class StatusCommandAmiLoginTest {

    private static final Keyring NO_KEYRING = new Keyring("no-such-secret-tool", Map.of());
    private ScriptedManager server;

    private record Result(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedManager();
        server.peers.put("v1", "OK (20 ms)");
        server.peers.put("v2", "OK (25 ms)");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Result run(String secret, CompletableFuture<Void> stop, ByteArrayOutputStream out, String... extra)
            throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("status", "--ami", "127.0.0.1:" + server.port(),
                "--user", ScriptedManager.USER, "--secret-env", "S"));
        args.addAll(List.of(extra));
        int code = StatusCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("S", secret)::get, stop, NO_KEYRING);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWrongSecretIsTriedOnceAndExplained() throws Exception {
        Result r = run("wrong-secret", CompletableFuture.completedFuture(null), new ByteArrayOutputStream());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("login refused for user 'noc' \u2014 wrong secret? Check the AMI user"), r.err());
        assertFalse(r.err().contains("wrong-secret"), "the secret is never printed");
        assertEquals(1, server.logins.get(), "one login attempt");
    }

    @Test
    void excessPrivilegesAreOneLineOnStderr() throws Exception {
        server.listCommands.add("Command: Execute Asterisk CLI Command. (Priv: command)\r\n");
        Result r = run(ScriptedManager.SECRET, CompletableFuture.completedFuture(null), new ByteArrayOutputStream());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("trunkops status: warning: AMI user 'noc' on 127.0.0.1 may do more"),
                lines.get(0));
    }

    @Test
    void aWatchEndsWhenTheSecretStopsWorking() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> never = new CompletableFuture<>();
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(ScriptedManager.SECRET, never, out, "--watch");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (out.toString(StandardCharsets.UTF_8).lines().count() < 2 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000L);
        }
        server.secret = "rotated";
        server.dropClients();
        Result r = running.get(20, TimeUnit.SECONDS);
        never.complete(null);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("wrong secret?"), r.err());
        assertEquals(2, server.logins.get(), "the first login, then one refused attempt");
    }
}
