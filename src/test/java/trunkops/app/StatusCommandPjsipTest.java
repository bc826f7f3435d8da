package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.secrets.Keyring;
import trunkops.testutil.ScriptedManager;
import trunkops.testutil.TranscriptAnswers;

/**
 * {@code status} against a dialer that answers the PJSIP actions as the real Asterisk 20.20.1 of the 2x fixtures
 * did (without --jdbc: every chan_sip peer and every PJSIP endpoint it lists is a trunk), same line format.
 */
class StatusCommandPjsipTest {

    private static final Keyring NO_KEYRING = new Keyring("no-such-secret-tool", Map.of());
    private ScriptedManager server;
    private TranscriptAnswers answers;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedManager();
        server.peers.put("trunk1", "OK (20 ms)");
        answers = TranscriptAnswers.of("23-pjsipshowendpoints.ami", "23-pjsipshowendpoint.ami",
                "23-pjsipshowregistrationsoutbound.ami", "03-sipshowregistry.ami");
        server.otherActions = answers::answer;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> status(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("status", "--ami", "127.0.0.1:" + server.port(),
                "--user", ScriptedManager.USER, "--secret-env", "S"));
        args.addAll(List.of(extra));
        int code = StatusCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("S", ScriptedManager.SECRET)::get,
                CompletableFuture.completedFuture(null), NO_KEYRING);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, e);
        assertTrue(e.lines().allMatch(l -> l.startsWith("trunkops status: warning: ")), e);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void pjsipTrunksAreListedBesideChanSipPeers() {
        assertEquals(List.of(
                "127.0.0.1 PJSIP/pjtrunk1 REACHABLE 1 0",
                "127.0.0.1 PJSIP/pjtrunk2 REACHABLE 4 0 reg=Registered",
                "127.0.0.1 trunk1 REACHABLE 20 0"), status());
    }

    @Test
    void aSlowPjsipTrunkIsTheConsolesLagged() {
        server.otherActions = m -> {
            String a = answers.answer(m);
            return a == null ? null : a.replace("RoundtripUsec: 1169", "RoundtripUsec: 2501983");
        };
        List<String> lines = status();
        assertEquals("127.0.0.1 PJSIP/pjtrunk1 LAGGED 2502 0", lines.get(0), lines.toString());
        assertEquals("127.0.0.1 PJSIP/pjtrunk1 REACHABLE 2502 0", status("--pjsip-lagged-ms", "3000").get(0),
                "the operator's threshold");
    }
}
