package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.secrets.Keyring;
import trunkops.testutil.LauncherProcess;
import trunkops.testutil.ScriptedAmiServer;
import trunkops.testutil.ScriptedAmiServer.Peer;

/**
 * What {@code status} prints, against a scripted AMI server: names from AMI are data (a newline or an ESC
 * sequence in a peer name cannot forge a line or reach the terminal), UTF-8 whatever the platform encoding,
 * results on stdout with nothing on stderr (the log goes to its file), and every change of --watch in order.
 */
class StatusOutputTest {

    private static final List<Peer> HOSTILE = List.of(
            new Peer("Téléphonie", "10.1.1.1", 5060, "OK (20 ms)"),
            new Peer("x\n127.0.0.1 nsvoice", "10.1.1.2", 5060, "OK (21 ms)"),
            new Peer("red\u001b[31m\rcr", "10.1.1.3", 5060, "UNREACHABLE"));

    private static LauncherProcess.Result launch(Path state, String... args) throws Exception {
        return LauncherProcess.run(state, Map.of("AMI_SECRET", "anything"), args);
    }

    @Test
    void namesFromAmiCannotForgeLinesAndPrintAsUtf8WithNothingOnStderr(@TempDir Path state) throws Exception {
        try (ScriptedAmiServer ami = new ScriptedAmiServer(HOSTILE)) {
            LauncherProcess.Result r = launch(state, "status", "--ami", ami.host() + ":" + ami.port(), "--user", "noc",
                    "--secret-env", "AMI_SECRET");
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err(), "a successful status writes nothing on stderr");
            List<String> lines = r.out().lines().toList();
            assertEquals(3, lines.size(), "one line per peer, no forged line:\n" + r.out());
            String host = ami.host();
            assertEquals(host + " red\\x1b[31m\\rcr UNREACHABLE - 0", lines.get(0));
            assertEquals(host + " téléphonie REACHABLE 20 0", lines.get(1));
            assertEquals(host + " x\\n127.0.0.1 nsvoice REACHABLE 21 0", lines.get(2));
            assertFalse(r.out().contains("\u001b") || r.out().contains("\r"), "no raw control character");
            Path log = state.resolve("trunkops/log/trunkops.log");
            assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("CONNECTED"),
                    "the log went to " + log);
        }
    }

    @Test
    void helpAndErrorsNeverReachJavaFxWithoutADisplay(@TempDir Path state) throws Exception {
        LauncherProcess.Result help = launch(state, "--help");
        assertEquals(0, help.code(), help.err());
        assertEquals("", help.err());
        assertTrue(help.out().startsWith("Usage: trunkops"), help.out());
        LauncherProcess.Result unknown = launch(state, "--frobnicate");
        assertEquals(2, unknown.code());
        assertEquals("trunkops: Unknown option: '--frobnicate' (see 'trunkops --help')\n", unknown.err());
        LauncherProcess.Result console = launch(state, "--lab-speed=2");
        assertEquals(1, console.code());
        assertTrue(console.err().startsWith("trunkops: cannot open the console: no display")
                && console.err().indexOf('\n') == console.err().length() - 1, console.err());
    }

    @Test
    void watchPrintsEveryChangeInOrderEvenWithinTwoHundredMilliseconds() throws Exception {
        try (ScriptedAmiServer ami = new ScriptedAmiServer(List.of(new Peer("trunk1", "10.1.1.1", 5060,
                "OK (20 ms)")))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Void> stop = new CompletableFuture<>();
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> StatusCommand.run(List.of(
                    "status", "--ami", ami.host() + ":" + ami.port(), "--user", "noc", "--secret-env", "S", "--watch"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                            StandardCharsets.UTF_8), Map.of("S", "x")::get, stop,
                    new Keyring("no-such-secret-tool", Map.of())));
            assertTrue(await(() -> out.toString(StandardCharsets.UTF_8).contains("trunk1 REACHABLE 20 0")),
                    "first picture: " + out + err);
            // down and up again within a few milliseconds: the model makes two changes (up takes 2 good results)
            ami.event("Event: PeerStatus", "Privilege: system,all", "ChannelType: SIP", "Peer: SIP/trunk1",
                    "PeerStatus: Unreachable", "Time: -1");
            ami.event("Event: PeerStatus", "Privilege: system,all", "ChannelType: SIP", "Peer: SIP/trunk1",
                    "PeerStatus: Reachable", "Time: 31");
            ami.event("Event: PeerStatus", "Privilege: system,all", "ChannelType: SIP", "Peer: SIP/trunk1",
                    "PeerStatus: Reachable", "Time: 32");
            assertTrue(await(() -> changes(out).size() >= 2), "both changes printed: " + out);
            stop.complete(null);
            assertEquals(0, running.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
            assertEquals(List.of("trunk1 UNREACHABLE -", "trunk1 REACHABLE 32"), changes(out));
            assertEquals("", err.toString(StandardCharsets.UTF_8));
        }
    }

    /** The --watch lines without their time stamp and server. */
    private static List<String> changes(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\S+ .*"))
                .map(l -> l.split(" ", 3)[2]).toList();
    }

    private static boolean await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        return condition.getAsBoolean();
    }
}
