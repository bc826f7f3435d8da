package trunkops.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import trunkops.health.LatencyHistory;
import trunkops.traffic.Csv;

/**
 * "Export evidence for the carrier": one ZIP with what a carrier's support desk asks for (docs/alerts.md):
 * {@code timeline.csv}, {@code sip-codes-per-minute.csv}, {@code hangup-causes-per-minute.csv},
 * {@code sample-calls.csv} (uniqueid, caller code, time, SIP code), {@code latency.csv} and {@code latency.png}, and
 * {@code summary.html} (one page). Written to a temporary file beside the target and moved into place, so a failed
 * export leaves no half ZIP. Blocking file IO: never on the FX thread.
 */
public final class EvidencePack {

    public static final List<String> ENTRIES = List.of("summary.html", "timeline.csv", "sip-codes-per-minute.csv",
            "hangup-causes-per-minute.csv", "sample-calls.csv", "latency.csv", "latency.png");
    /** Sample calls per pack: carrier failures first, spread over the window. */
    public static final int SAMPLES = 50;
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * What goes in.
     *
     * @param databaseZone the zone of the database's wall clock (call times are in it and written as they are)
     * @param calls        the carrier's calls in the window ({@link EvidenceCalls}), oldest first
     * @param latency      qualify history per trunk ({@code SERVER/peer})
     */
    public record Input(Incident incident, String carrierName, String consoleName, ZoneId databaseZone,
                        List<IncidentEvent> timeline, List<EvidenceCall> calls,
                        Map<String, LatencyHistory.Series> latency, Instant made) {
    }

    private EvidencePack() {
    }

    /** Writes the pack to {@code zip}. */
    public static void write(Input in, Path zip) throws IOException {
        Path dir = zip.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".evidence-", ".zip.tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(os)) {
                write(in, z);
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void write(Input in, ZipOutputStream z) throws IOException {
        List<EvidenceCall> samples = samples(in.calls());
        entry(z, "summary.html", EvidenceSummary.html(in, samples).getBytes(StandardCharsets.UTF_8));
        entry(z, "timeline.csv", csv(c -> timeline(in, c)));
        entry(z, "sip-codes-per-minute.csv", csv(c -> perMinute(in.calls(), c, true)));
        entry(z, "hangup-causes-per-minute.csv", csv(c -> perMinute(in.calls(), c, false)));
        entry(z, "sample-calls.csv", csv(c -> samples(samples, c)));
        entry(z, "latency.csv", csv(c -> latency(in.latency(), c)));
        entry(z, "latency.png", LatencyPng.render(in.carrierName(), in.latency(), in.incident().from(),
                in.incident().to(), ZoneId.systemDefault()));
    }

    private interface CsvBody {
        void write(Csv c) throws IOException;
    }

    private static byte[] csv(CsvBody body) throws IOException {
        StringWriter w = new StringWriter();
        body.write(new Csv(w));
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }

    private static void timeline(Input in, Csv c) throws IOException {
        c.row("time_utc", "source", "subject", "what", "detail");
        for (IncidentEvent e : in.timeline()) {
            c.row(DateTimeFormatter.ISO_INSTANT.format(e.at()), e.source().name().toLowerCase(java.util.Locale.ROOT),
                    e.subject(), e.what(), e.detail());
        }
    }

    /** Per minute (database wall clock): SIP code and reason, or hangup cause and dial status, with their calls. */
    static void perMinute(List<EvidenceCall> calls, Csv c, boolean sip) throws IOException {
        TreeMap<LocalDateTime, TreeMap<String, long[]>> m = new TreeMap<>();
        Map<String, List<Object>> keys = new java.util.HashMap<>();
        for (EvidenceCall call : calls) {
            List<Object> key = sip ? List.of(code(call.sipCode()), call.sipReason())
                    : List.of(code(call.hangupCause()), call.dialstatus());
            String k = key.toString();
            keys.putIfAbsent(k, key);
            m.computeIfAbsent(call.callDate().withSecond(0), x -> new TreeMap<>())
                    .computeIfAbsent(k, x -> new long[1])[0]++;
        }
        c.row(sip ? List.of("minute", "sip_code", "sip_reason", "calls")
                : List.of("minute", "hangup_cause", "dialstatus", "calls"));
        for (Map.Entry<LocalDateTime, TreeMap<String, long[]>> e : m.entrySet()) {
            for (Map.Entry<String, long[]> k : e.getValue().entrySet()) {
                List<Object> row = new ArrayList<>();
                row.add(MINUTE.format(e.getKey()));
                row.addAll(keys.get(k.getKey()));
                row.add(k.getValue()[0]);
                c.row(row);
            }
        }
    }

    /** A code as written: the number, {@code NULL}, or empty when the schema has no such column. */
    static String code(int v) {
        return v == -1 ? "NULL" : v == -2 ? "" : Integer.toString(v);
    }

    /** Up to {@link #SAMPLES}: the carrier failures spread over the window, topped up with other calls. */
    static List<EvidenceCall> samples(List<EvidenceCall> calls) {
        List<EvidenceCall> failures = calls.stream().filter(EvidenceCall::carrierFailure).toList();
        List<EvidenceCall> out = new ArrayList<>(spread(failures, SAMPLES));
        if (out.size() < SAMPLES) {
            out.addAll(spread(calls.stream().filter(x -> !x.carrierFailure()).toList(), SAMPLES - out.size()));
        }
        out.sort(java.util.Comparator.comparing(EvidenceCall::callDate).thenComparing(EvidenceCall::uniqueid));
        return out;
    }

    private static List<EvidenceCall> spread(List<EvidenceCall> l, int n) {
        if (l.size() <= n) {
            return l;
        }
        List<EvidenceCall> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(l.get((int) ((long) i * l.size() / n)));
        }
        return out;
    }

    private static void samples(List<EvidenceCall> samples, Csv c) throws IOException {
        c.row("uniqueid", "caller_code", "call_date", "server_ip", "dialstatus", "sip_code", "sip_reason",
                "hangup_cause");
        for (EvidenceCall s : samples) {
            c.row(s.uniqueid(), s.callerCode(), SECOND.format(s.callDate()), s.serverIp(), s.dialstatus(),
                    code(s.sipCode()), s.sipReason(), code(s.hangupCause()));
        }
    }

    private static void latency(Map<String, LatencyHistory.Series> latency, Csv c) throws IOException {
        c.row("time_utc", "trunk", "rtt_ms", "answered");
        for (Map.Entry<String, LatencyHistory.Series> e : latency.entrySet()) {
            LatencyHistory.Series s = e.getValue();
            for (int i = 0; i < s.size(); i++) {
                short v = s.values()[i];
                if (v == LatencyHistory.EMPTY) {
                    continue;
                }
                c.row(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(s.times()[i])), e.getKey(),
                        v >= 0 ? Integer.toString(v) : "", v >= 0 ? "yes" : "no");
            }
        }
    }
}
