package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import trunkops.testutil.AmiStreamComparator;
import trunkops.testutil.AmiTranscript;
import trunkops.testutil.AmiWireClient;

/**
 * Replays every real Asterisk 20.20.1 transcript in src/test/resources/ami-fixtures against a lab dialer set up like the
 * capture lab: the same client bytes (the MD5 key recomputed for the lab's challenge) must get the same
 * message types, header names, order and values (run-variable values masked), with lab steps
 * ({@code stop trunk2}, {@code write-file ...}) applied at the same points.
 */
class AmiFixtureReplayTest {

    private static final double SPEED = 20.0;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

    static Stream<String> fixtures() {
        return Stream.of(
                "01-login-challenge-md5.ami", "01-login-plain-logoff.ami", "01-login-wrong-secret.ami",
                "02-ping-events-errors.ami", "03-sippeers.ami", "03-sippeerstatus.ami", "03-sipqualifypeer.ami",
                "03-sipshowpeer.ami", "03-sipshowregistry.ami", "04-peerstatus-unreachable.ami",
                "04-peerstatus-reachable.ami", "05-coreshowchannels-status.ami", "06-originate-async-success.ami",
                "06-originate-local-failover.ami", "06-originate-local-failover-undetected.ami", "07-astdb.ami",
                "08-command.ami", "10-reload-broken-dialplan.ami", "10-reload-broken-sipconf.ami",
                "10-reload-modules.ami");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void labAnswersLikeRealAsterisk(String fixture) throws Exception {
        AmiTranscript t = AmiTranscript.load(fixture);
        try (FixtureLab lab = new FixtureLab(SPEED)) {
            assertTrue(lab.awaitPeer("trunk1", "OK", Duration.ofSeconds(5)), "trunk1 never qualified");
            assertTrue(lab.awaitPeer("trunk2", "OK", Duration.ofSeconds(5)), "trunk2 never qualified");
            if (fixture.equals("04-peerstatus-reachable.ami")) {
                lab.trunk2.kill();
                assertTrue(lab.awaitPeer("trunk2", "UNREACHABLE", Duration.ofSeconds(10)));
            }
            List<String> diffs = new ArrayList<>();
            int n = 0;
            for (AmiTranscript.Connection c : t.connections()) {
                diffs.addAll(replay(lab, c, "connection " + (++n)));
            }
            assertTrue(diffs.isEmpty(), fixture + ": lab differs from real Asterisk:\n  " + String.join("\n  ", diffs));
        }
    }

    private List<String> replay(FixtureLab lab, AmiTranscript.Connection conn, String label) throws Exception {
        List<List<String>> expected = new ArrayList<>();
        try (AmiWireClient client = new AmiWireClient(lab.ami.host(), lab.ami.port())) {
            long start = System.nanoTime();
            double t0 = -1;
            String challenge = null;
            for (AmiTranscript.Step step : conn.steps()) {
                if (step instanceof AmiTranscript.Server s) {
                    expected.add(s.lines());
                    continue;
                }
                if (!client.awaitCount(expected.size(), STEP_TIMEOUT)) {
                    return List.of(label + ": lab sent " + client.count() + " messages, real Asterisk "
                            + expected.size() + " before the next client step; got "
                            + AmiStreamComparator.compare(expected, client.messages()));
                }
                if (step instanceof AmiTranscript.Client c) {
                    t0 = t0 < 0 ? c.at() : t0;
                    waitUntil(start, (c.at() - t0) / SPEED);
                    for (List<String> m : client.messages()) {
                        for (String line : m) {
                            if (line.startsWith("Challenge: ")) {
                                challenge = line.substring(11);
                            }
                        }
                    }
                    client.send(rewriteKey(c, challenge));
                } else if (step instanceof AmiTranscript.Lab l) {
                    t0 = t0 < 0 ? l.at() : t0;
                    waitUntil(start, (l.at() - t0) / SPEED);
                    applyLabStep(lab, l);
                } else if (step instanceof AmiTranscript.Closed x) {
                    if (x.by().equals("server-closed") && !client.awaitClose(STEP_TIMEOUT)) {
                        return List.of(label + ": real Asterisk closed the connection, the lab did not");
                    }
                }
            }
            client.awaitCount(expected.size(), STEP_TIMEOUT);
            List<String> diffs = new ArrayList<>();
            for (String d : AmiStreamComparator.compare(expected, client.messages())) {
                diffs.add(label + " " + d);
            }
            return diffs;
        }
    }

    private static void waitUntil(long startNanos, double seconds) {
        long target = startNanos + (long) (seconds * 1e9);
        while (System.nanoTime() < target) {
            Thread.onSpinWait();
        }
    }

    private static String rewriteKey(AmiTranscript.Client c, String challenge) {
        StringBuilder sb = new StringBuilder();
        for (String line : c.lines()) {
            if (line.startsWith("Key: ") && challenge != null) {
                line = "Key: " + md5(challenge + FixtureLab.SECRET);
            }
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    static String md5(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return String.format("%032x", new java.math.BigInteger(1, d));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void applyLabStep(FixtureLab lab, AmiTranscript.Lab l) {
        String[] w = l.step().split(" ", 3);
        switch (w[0]) {
            case "stop" -> lab.farEnd(w[1]).kill();
            case "start" -> lab.farEnd(w[1]).start();
            case "write-file" -> lab.files.write(w[1], l.fileContent());
            case "append-line" -> lab.files.appendLine(w[1], w[2]);
            case "restore-file" -> lab.files.restore(w[1]);
            case "delete-file" -> lab.files.delete(w[1]);
            default -> throw new IllegalArgumentException("lab step not simulated: " + l.step());
        }
    }
}
