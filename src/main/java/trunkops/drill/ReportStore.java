package trunkops.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A drill report kept whole beside its HTML ({@code reports/<id>.report}) so the console can show it again: one
 * record per line, tab-separated fields, tabs / newlines / backslashes escaped. Plain text, no code is loaded from
 * it; a damaged file is refused with the line that broke.
 */
public final class ReportStore {

    private ReportStore() {
    }

    public static void write(DrillReport r, Path file) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(line("R", r.id(), r.route(), r.version(), r.strategy(), r.trunk(), r.serverId(), r.number(),
                r.context(), r.mode(), r.actor(), r.reason(), r.started(), r.finished(), r.outcome(), r.takeOutMs(),
                r.timeToFailoverMs(), r.restoreMs(), r.timeToRecoveryMs()));
        r.backups().forEach(b -> out.add(line("B", b)));
        r.reasons().forEach(x -> out.add(line("X", x)));
        for (CallRecord c : r.calls()) {
            out.add(line("C", c.index(), c.phase(), c.channelId(), c.sent(), c.connected(), c.originateReason(),
                    c.startMs(), c.answerMs(), c.answerRx()));
            c.skips().forEach(s -> out.add(line("S", s)));
            c.attempts().forEach(a -> out.add(line("A", a.n(), a.trunk(), a.atMs(), a.dialStatus(), a.hangupCause(),
                    a.sipCause(), a.next(), a.amiDialEnd())));
            c.evidence().forEach(e -> out.add(line("E", e)));
        }
        r.latency().forEach(s -> out.add(line("L", s.atMs(), s.trunk(), s.ms(), s.status())));
        r.log().forEach(l -> out.add(line("G", l)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, out, StandardCharsets.UTF_8);
    }

    public static DrillReport read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            return parse(lines);
        } catch (RuntimeException e) {
            throw new IOException("drill report " + file.getFileName() + " is damaged: " + e.getMessage(), e);
        }
    }

    private static DrillReport parse(List<String> lines) {
        String[] h = null;
        List<String> backups = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<CallRecord> calls = new ArrayList<>();
        List<DrillReport.LatencySample> latency = new ArrayList<>();
        List<String> log = new ArrayList<>();
        CallParts cur = null;
        for (String raw : lines) {
            String[] f = fields(raw);
            switch (f[0]) {
                case "R" -> h = f;
                case "B" -> backups.add(f[1]);
                case "X" -> reasons.add(f[1]);
                case "C" -> {
                    if (cur != null) {
                        calls.add(cur.build());
                    }
                    cur = new CallParts(f);
                }
                case "S" -> cur.skips.add(f[1]);
                case "A" -> cur.attempts.add(new CallRecord.Attempt(Integer.parseInt(f[1]), f[2], Long.parseLong(f[3]),
                        f[4], f[5], f[6], f[7], f[8]));
                case "E" -> cur.evidence.add(f[1]);
                case "L" -> latency.add(new DrillReport.LatencySample(Long.parseLong(f[1]), f[2],
                        Integer.parseInt(f[3]), f[4]));
                case "G" -> log.add(f[1]);
                default -> throw new IllegalArgumentException("unknown record " + f[0]);
            }
        }
        if (cur != null) {
            calls.add(cur.build());
        }
        if (h == null) {
            throw new IllegalArgumentException("no header");
        }
        return new DrillReport(h[1], h[2], Integer.parseInt(h[3]), h[4], h[5], backups, h[6], h[7], h[8], h[9],
                h[10], h[11], Instant.parse(h[12]), Instant.parse(h[13]), DrillOutcome.valueOf(h[14]), reasons, calls,
                Long.parseLong(h[15]), Long.parseLong(h[16]), Long.parseLong(h[17]), Long.parseLong(h[18]), latency,
                log);
    }

    private static final class CallParts {
        final String[] f;
        final List<String> skips = new ArrayList<>();
        final List<CallRecord.Attempt> attempts = new ArrayList<>();
        final List<String> evidence = new ArrayList<>();

        CallParts(String[] f) {
            this.f = f;
        }

        CallRecord build() {
            return new CallRecord(Integer.parseInt(f[1]), f[2], f[3], f[4] == null ? null : Instant.parse(f[4]), Boolean.parseBoolean(f[5]),
                    f[6], skips, attempts, Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]),
                    evidence);
        }
    }

    private static String line(Object... fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            if (fields[i] == null) {
                b.append("\\0");
                continue;
            }
            String s = String.valueOf(fields[i]);
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                out.add(field(b));
                b.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n == '0' ? '\u0000' : n);
            } else {
                b.append(c);
            }
        }
        out.add(field(b));
        return out.toArray(String[]::new);
    }

    private static String field(StringBuilder b) {
        return b.length() == 1 && b.charAt(0) == '\u0000' ? null : b.toString();
    }
}
