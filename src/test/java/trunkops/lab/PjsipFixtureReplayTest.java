package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * Replays every real Asterisk 20.20.1 PJSIP transcript (ami-fixtures/2x-*.ami) against a lab dialer set up like
 * the PJSIP capture lab ({@link PjsipFixtureLab}): the same client bytes must get the same message types, header
 * names, order and values, with the lab steps ({@code stop pjtrunk2}, {@code start pjtrunk1 invite=503},
 * {@code write-file …}) applied at the same points. Besides the run-variable values the chan_sip replay masks,
 * RTTs ({@code RoundtripUsec}, the CLI's ms column) and the registration's remaining seconds are masked; the
 * outbound registration is re-registered just before each session (so no natural refresh falls inside it), and
 * where the capture shows a periodic {@code Registry} the lab's registration sends a REGISTER at that moment
 * (Asterisk's refresh phase depends on when it started; the event is the same).
 */
class PjsipFixtureReplayTest {

    private static final double FAST = 20.0;
    /**
     * The ten-call burst is replayed in real time: its calls overlap by 0.25 s of ringing, and faster replays put
     * that overlap within the scheduling jitter of a shared test machine (~0.1 s), where a gap between two calls
     * adds a genuine INUSE→RINGINUSE pair of device states the capture does not have.
     */
    private static final double BURST = 1.0;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STATE_TIMEOUT = Duration.ofSeconds(15);

    static Stream<String> fixtures() {
        return Stream.of("23-pjsipqualify.ami", "23-pjsipshowaors.ami", "23-pjsipshowcontacts.ami",
                "23-pjsipshowendpoint.ami", "23-pjsipshowendpoints.ami", "23-pjsipshowregistrationsoutbound.ami",
                "24-contactstatus-unreachable.ami", "24-contactstatus-reachable.ami",
                "25-events-system-call-10-calls.ami", "26-originate-pjsip-healthy.ami",
                "26-originate-pjsip-failover-503.ami", "26-originate-pjsip-failover-unavailable.ami",
                "28-command-pjsip-show.ami", "29-reload-broken-pjsipconf.ami");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void labAnswersLikeRealAsterisk(String fixture) throws Exception {
        AmiTranscript t = AmiTranscript.load(fixture);
        double periodicRegistry = periodicRegistryAt(fixture);
        double speed = fixture.startsWith("25-") ? BURST : FAST;
        try (PjsipFixtureLab lab = new PjsipFixtureLab(speed)) {
            assertTrue(lab.awaitContact("pjtrunk1", "Reachable", STATE_TIMEOUT), "pjtrunk1 never qualified");
            assertTrue(lab.awaitContact("pjtrunk2", "Reachable", STATE_TIMEOUT), "pjtrunk2 never qualified");
            assertTrue(lab.awaitRegistration("pjtrunk2-reg", "Registered", STATE_TIMEOUT), "never registered");
            if (fixture.startsWith("24-contactstatus-reachable")) {
                lab.pjtrunk2.kill();
                assertTrue(lab.awaitContact("pjtrunk2", "Unreachable", STATE_TIMEOUT));
                assertTrue(lab.awaitRegistration("pjtrunk2-reg", "Rejected", STATE_TIMEOUT));
            } else {
                lab.pbx.pjsipRegisterNow("pjtrunk2-reg"); // the next natural refresh falls after the session
            }
            java.util.concurrent.ScheduledExecutorService refresher =
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            if (periodicRegistry > 0) {
                // the capture's periodic refresh, in the same place: a REGISTER then (Registry after its answer)
                refresher.schedule(() -> lab.pbx.pjsipRegisterNow("pjtrunk2-reg"),
                        (long) ((periodicRegistry - 0.5) / speed * 1e9), java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            List<String> diffs = new ArrayList<>();
            int n = 0;
            try {
                for (AmiTranscript.Connection c : t.connections()) {
                    diffs.addAll(replay(lab, speed, c, "connection " + (++n)));
                }
            } finally {
                refresher.shutdownNow();
            }
            assertTrue(diffs.isEmpty(), fixture + ": lab differs from real Asterisk:\n  " + String.join("\n  ", diffs));
        }
    }

    /** Time of a periodic {@code Registry Registered} in the transcript (seconds from its start), or 0. */
    static double periodicRegistryAt(String fixture) throws IOException {
        try (InputStream in = PjsipFixtureReplayTest.class.getResourceAsStream("/ami-fixtures/" + fixture)) {
            double t = 0;
            boolean inRegistry = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("T: ")) {
                    t = Double.parseDouble(line.substring(3));
                } else if (line.equals("S: Event: Registry")) {
                    inRegistry = true;
                } else if (inRegistry && line.startsWith("S: Status: ")) {
                    return line.endsWith("Registered") && !fixture.startsWith("24-") ? t : 0;
                }
            }
        }
        return 0;
    }

    private List<String> replay(PjsipFixtureLab lab, double speed, AmiTranscript.Connection conn, String label)
            throws Exception {
        List<List<String>> expected = new ArrayList<>();
        boolean burst = speed == BURST;
        try (AmiWireClient client = new AmiWireClient(lab.ami.host(), lab.ami.port())) {
            long start = System.nanoTime();
            double t0 = -1;
            for (AmiTranscript.Step step : conn.steps()) {
                if (step instanceof AmiTranscript.Server s) {
                    expected.addAll(asWireClientSees(s.lines()));
                    continue;
                }
                boolean gate = !burst || !(step instanceof AmiTranscript.Client);
                if (gate && !client.awaitCount(expected.size(), STEP_TIMEOUT)
                        || !gate && !awaitDirect(client, expected, STEP_TIMEOUT)) {
                    return List.of(label + ": lab sent " + client.count() + " messages, real Asterisk "
                            + expected.size() + " before the next client step; got "
                            + compare(ringingRaceResolved(expected), client.messages()));
                }
                if (step instanceof AmiTranscript.Client c) {
                    t0 = t0 < 0 ? c.at() : t0;
                    waitUntil(start, (c.at() - t0) / speed);
                    StringBuilder sb = new StringBuilder();
                    c.lines().forEach(l -> sb.append(l).append("\r\n"));
                    client.send(sb.append("\r\n").toString());
                } else if (step instanceof AmiTranscript.Lab l) {
                    t0 = t0 < 0 ? l.at() : t0;
                    waitUntil(start, (l.at() - t0) / speed);
                    applyLabStep(lab, l);
                } else if (step instanceof AmiTranscript.Closed x) {
                    if (x.by().equals("server-closed") && !client.awaitClose(STEP_TIMEOUT)) {
                        return List.of(label + ": real Asterisk closed the connection, the lab did not");
                    }
                }
            }
            client.awaitCount(expected.size(), STEP_TIMEOUT);
            List<String> diffs = new ArrayList<>();
            for (String d : compare(ringingRaceResolved(expected), client.messages())) {
                diffs.add(label + " " + d);
            }
            return diffs;
        }
    }

    /**
     * The burst's Originates go out on the transcript's clock once every earlier response is in; its events are
     * checked at the end. Waiting for all earlier events too would hold an Originate back whenever the lab's events
     * of earlier calls come a little later than the real ones, and shift the calls' overlap.
     */
    private static boolean awaitDirect(AmiWireClient client, List<List<String>> expected, Duration timeout) {
        long direct = expected.stream().filter(m -> m.stream().noneMatch(l -> l.startsWith("Timestamp: "))).count();
        return PjsipFixtureLab.await(() -> client.messages().stream()
                .filter(m -> m.stream().noneMatch(l -> l.startsWith("Timestamp: "))).count() >= direct, timeout);
    }

    /**
     * A transcript message whose value holds a bare LF ({@code Message: No Contacts found\n} + CRLF) arrives at a
     * client that splits on LF as that message cut at the LF plus an empty one: rebuild what the wire client sees.
     */
    static List<List<String>> asWireClientSees(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0 && parts[i].isEmpty()) {
                    out.add(List.copyOf(current));
                    current.clear();
                } else if (!parts[i].isEmpty() || parts.length == 1) {
                    current.add(parts[i]);
                }
            }
        }
        if (!current.isEmpty() || out.isEmpty()) {
            out.add(List.copyOf(current));
        } else {
            out.add(List.of());
        }
        return out;
    }

    /**
     * In 25-events-system-call-10-calls one of ten calls shows a race of the real Asterisk: the caller's
     * {@code DialState RINGING} (published by app_dial's thread) came in the same millisecond before the PJSIP
     * channel's own {@code Newstate Ringing} (the pjsip thread), so it carries {@code DestChannelState: 0}. The lab
     * publishes in the causal order every other call of the 2x captures shows; the real stream is put in that order
     * (the Newstate moved before the DialState, whose Dest state then reads Ringing) before comparing.
     */
    static List<List<String>> ringingRaceResolved(List<List<String>> messages) {
        List<List<String>> out = new ArrayList<>(messages);
        for (int i = 0; i < out.size(); i++) {
            List<String> m = out.get(i);
            if (!m.contains("Event: DialState") || !m.contains("DialStatus: RINGING")
                    || !m.contains("DestChannelState: 0")) {
                continue;
            }
            String dest = m.stream().filter(l -> l.startsWith("DestChannel: ")).findFirst().orElse("").substring(13);
            for (int j = i + 1; j < out.size(); j++) {
                List<String> n = out.get(j);
                if (n.contains("Event: Newstate") && n.contains("Channel: " + dest)
                        && n.contains("ChannelStateDesc: Ringing")) {
                    List<String> fixed = new ArrayList<>();
                    for (String l : m) {
                        fixed.add(l.equals("DestChannelState: 0") ? "DestChannelState: 5"
                                : l.equals("DestChannelStateDesc: Down") ? "DestChannelStateDesc: Ringing" : l);
                    }
                    out.remove(j);
                    out.set(i, fixed);
                    out.add(i, n);
                    i++;
                    break;
                }
            }
        }
        return out;
    }

    private static List<String> compare(List<List<String>> expected, List<List<String>> actual) {
        return AmiStreamComparator.compare(mask(expected), mask(actual));
    }

    private static final java.util.regex.Pattern CHANNEL =
            java.util.regex.Pattern.compile("((?:PJSIP|SIP|Local)/[^\\s,;]*?)-([0-9a-f]{8})");

    /**
     * RTTs and the registration's remaining time differ on every run: masked on both sides. Channel suffixes are
     * renumbered in order of first appearance (per name), so that the events of each of several concurrent calls
     * on one trunk stay one subject instead of being masked into one.
     */
    static List<List<String>> mask(List<List<String>> messages) {
        List<List<String>> out = new ArrayList<>();
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        java.util.Map<String, Integer> perName = new java.util.HashMap<>();
        for (List<String> m : messages) {
            List<String> lines = new ArrayList<>();
            for (String l : m) {
                java.util.regex.Matcher ch = CHANNEL.matcher(l);
                StringBuilder sb = new StringBuilder();
                while (ch.find()) {
                    String id = renamed.computeIfAbsent(ch.group(), k -> "n" + perName.merge(ch.group(1), 1, Integer::sum));
                    ch.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(ch.group(1) + "-" + id));
                }
                ch.appendTail(sb);
                l = sb.toString();
                l = l.replaceAll("^RoundtripUsec: [1-9]\\d*$", "RoundtripUsec: *");
                if (l.startsWith("Output: ")) {
                    l = l.replaceAll("\\s+\\d+\\.\\d{3}$", " <rtt>").replaceAll("\\(exp\\. \\d+s\\)", "(exp. *s)");
                }
                lines.add(l);
            }
            out.add(lines);
        }
        return out;
    }

    private static void waitUntil(long startNanos, double seconds) {
        long target = startNanos + (long) (seconds * 1e9);
        while (System.nanoTime() < target) {
            Thread.onSpinWait();
        }
    }

    private static void applyLabStep(PjsipFixtureLab lab, AmiTranscript.Lab l) {
        String[] w = l.step().split(" ", 3);
        switch (w[0]) {
            case "stop" -> lab.farEnd(w[1]).kill();
            case "start" -> {
                lab.farEnd(w[1]).restore();
                if (w.length > 2 && w[2].startsWith("invite=")) {
                    lab.farEnd(w[1]).failCalls(Integer.parseInt(w[2].substring(7)), 1.0);
                }
            }
            case "write-file" -> lab.files.write(w[1], l.fileContent());
            case "append-line" -> lab.files.appendLine(w[1], w[2]);
            case "restore-file" -> lab.files.restore(w[1]);
            case "delete-file" -> lab.files.delete(w[1]);
            default -> throw new IllegalArgumentException("lab step not simulated: " + l.step());
        }
    }
}
