package trunkops.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.health.LatencyHistory;
import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;
import trunkops.lab.db.CallHistory;
import trunkops.lab.db.CallHistoryGenerator;
import trunkops.lab.db.CallHistoryWriter;
import trunkops.lab.db.GeneratedCall;
import trunkops.lab.db.HistoryOptions;
import trunkops.traffic.LabDb;

/**
 * The evidence pack of BlueLine's 503 incident, read from the lab's real MariaDB through the console's own reader, and
 * every per-minute count and sample call checked against the generator's per-call truth.
 */
class EvidencePackLabTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-11-26T21:00:00Z"); // 16:00 in New York, dialing hours
    private static LabDb lab;
    private static CallHistory history;
    private static Instant incidentStart;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        LabClusterSpec spec = LabDefaults.cluster();
        lab = LabDb.start("evidence", spec);
        HistoryOptions d = HistoryOptions.withDefaultIncidents(spec, NOW, 20261205L, ZONE);
        HistoryOptions.FarEndIncident blue = d.farEndIncidents().get(0);
        incidentStart = NOW.minus(Duration.ofMinutes(50));
        HistoryOptions options = new HistoryOptions(NOW, Duration.ofMinutes(90), 20261205L, ZONE, List.of(
                new HistoryOptions.FarEndIncident(blue.host(), incidentStart, incidentStart.plus(Duration.ofMinutes(20)),
                        blue.mix())), List.of(), 0, HistoryOptions.PeerEventData.STOCK);
        history = new CallHistoryGenerator(spec).generate(options);
        new CallHistoryWriter(ZONE).write(lab.lab.dataSource(), history);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, ZONE).withNano(0);
    }

    @Test
    void theZipHoldsWhatTheDialersLogged() throws Exception {
        Instant from = incidentStart.minus(Duration.ofMinutes(10));
        Instant to = incidentStart.plus(Duration.ofMinutes(30));
        Alert alert = new Alert(AlertKind.CALLS_FAILING, "BLUELINE", "BLUELINE", "", "BLUELINE: calls failing", "",
                incidentStart.plus(Duration.ofMinutes(2)));
        Incident incident = new Incident("BLUELINE", from, to, List.of(alert));
        List<EvidenceCall> calls = EvidenceCalls.load(lab.repository(), lab.topology(), "BLUELINE", local(from),
                local(to));

        // the truth: every routed BlueLine call that hung up inside the window
        List<GeneratedCall> truth = history.routedCalls().stream().filter(c -> c.carrierId().equals("BLUELINE"))
                .filter(c -> !local(c.end()).isBefore(local(from)) && local(c.end()).isBefore(local(to))).toList();
        assertEquals(truth.size(), calls.size(), "every BlueLine call of the window, no other carrier's");
        assertTrue(truth.size() > 200, "enough calls to mean something: " + truth.size());

        Map<String, LatencyHistory.Series> latency = new LinkedHashMap<>();
        long t0 = from.toEpochMilli();
        long[] times = new long[40];
        short[] values = new short[40];
        for (int i = 0; i < 40; i++) {
            times[i] = t0 + i * 60_000L;
            values[i] = i >= 12 && i < 15 ? LatencyHistory.UNREACHABLE : (short) (i == 20 ? 900 : 30 + i % 3);
        }
        latency.put("DIALER1/blueline", new LatencyHistory.Series(times, values));
        List<IncidentEvent> timeline = IncidentTimeline.build(incident, new IncidentTimeline.Sources(
                java.util.Set.of("DIALER1/blueline"), java.util.Set.of("blueline"), List.of(), List.of(), ZONE,
                List.of(), latency, 60_000L, List.of(alert)));
        Path zip = dir.resolve("evidence.zip");
        EvidencePack.write(new EvidencePack.Input(incident, "BlueLine", "lab", ZONE, timeline, calls, latency,
                NOW), zip);

        Map<String, byte[]> entries = unzip(zip);
        assertEquals(EvidencePack.ENTRIES, List.copyOf(entries.keySet()));

        // SIP codes per minute = the generator's
        Map<String, Long> expectSip = new TreeMap<>();
        Map<String, Long> expectCause = new TreeMap<>();
        for (GeneratedCall c : truth) {
            String minute = EvidencePack.MINUTE.format(local(c.end()).withSecond(0));
            expectSip.merge(minute + "|" + c.sipCode() + "|" + c.sipReason(), 1L, Long::sum);
            expectCause.merge(minute + "|" + c.hangupCause() + "|" + c.dialstatus(), 1L, Long::sum);
        }
        assertEquals(expectSip, counts(entries.get("sip-codes-per-minute.csv"), "minute,sip_code,sip_reason,calls"));
        assertEquals(expectCause, counts(entries.get("hangup-causes-per-minute.csv"),
                "minute,hangup_cause,dialstatus,calls"));

        // sample calls: real calls of the carrier, with their caller code, time and SIP code; failures first
        Map<String, GeneratedCall> byId = new HashMap<>();
        truth.forEach(c -> byId.put(c.uniqueid(), c));
        List<String> lines = text(entries.get("sample-calls.csv")).lines().toList();
        assertEquals("uniqueid,caller_code,call_date,server_ip,dialstatus,sip_code,sip_reason,hangup_cause",
                lines.get(0));
        assertEquals(EvidencePack.SAMPLES, lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            GeneratedCall c = byId.get(f[0]);
            assertTrue(c != null, "a real BlueLine call: " + line);
            assertEquals(c.callerCode(), f[1]);
            assertEquals(EvidencePack.SECOND.format(local(c.end())), f[2]);
            assertEquals(c.serverIp(), f[3]);
            assertEquals(Integer.toString(c.sipCode()), f[5]);
            assertTrue(f[4].equals("CONGESTION") || f[4].equals("CHANUNAVAIL") || c.sipCode() >= 500,
                    "the incident had more than 50 carrier failures, so every sample is one: " + line);
        }

        String summary = text(entries.get("summary.html"));
        long failures = truth.stream().filter(c -> c.sipCode() >= 500 || "CONGESTION".equals(c.dialstatus())
                || "CHANUNAVAIL".equals(c.dialstatus())).count();
        assertTrue(summary.contains("<td>" + truth.size() + "</td>"), "calls in the summary");
        assertTrue(summary.contains("<td>" + failures + "</td>"), "carrier failures in the summary: " + failures);

        String tl = text(entries.get("timeline.csv"));
        assertTrue(tl.contains(",latency,DIALER1/blueline,no qualify answer,for 180 s"), tl);
        assertTrue(tl.contains(",latency,DIALER1/blueline,latency spike 900 ms,"), tl);
        assertTrue(tl.contains(",alert,BLUELINE,calls failing,"), tl);
        assertEquals(40 + 1, text(entries.get("latency.csv")).lines().count(), "a line per sample and the header");
        assertEquals(3, text(entries.get("latency.csv")).lines().filter(l -> l.endsWith(",,no")).count(),
                "the three unanswered polls");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(entries.get("latency.png")));
        assertEquals(LatencyPng.WIDTH, png.getWidth());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }

    private static Map<String, Long> counts(byte[] csv, String header) {
        List<String> lines = text(csv).lines().toList();
        assertEquals(header, lines.get(0));
        Map<String, Long> out = new TreeMap<>();
        for (String l : lines.subList(1, lines.size())) {
            assertFalse(l.contains("\""), "no quoted field expected: " + l);
            String[] f = l.split(",", -1);
            out.put(f[0] + "|" + f[1] + "|" + f[2], Long.parseLong(f[3]));
        }
        return out;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }
}
