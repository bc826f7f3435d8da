package trunkops.drill;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The drill's own journal on this machine ({@code <state dir>/drill/drills.log}): one line per step, written and
 * forced to disk <em>before</em> the step acts, so a drill cut short by a crash is found at the next start
 * ({@link #unfinished()}) with what it changed ({@code out}: the dialer, the trunk and the exact ASTDB value it
 * set) and restored by {@link DrillRecovery}. Lines are {@code trunkops-drill k=v ... crc=<crc32>} with URL-encoded
 * values (the audit journal's format); a torn or damaged line is skipped. {@code end} lines are the drill history.
 */
public final class DrillJournal {

    private static final String PREFIX = "trunkops-drill ";

    /** A drill begun and never ended. */
    public record Unfinished(String id, String route, String trunk, String serverId, Instant started,
                             Optional<String> outValue, boolean restored, String lastState) {
    }

    /** An ended drill, as the history lists it. */
    public record Ended(String id, String route, String trunk, String serverId, Instant started, Instant finished,
                        DrillOutcome outcome, String summary) {
    }

    /**
     * A copy of the drills elsewhere (the cluster's {@code trunkops_drills} table): told after the local line is
     * durable, never trusted for recovery; a failure there is logged, not raised.
     */
    public interface Mirror {
        void begun(Unfinished drill) throws IOException;

        void ended(Ended drill) throws IOException;

        /** Drills on {@code route} begun and not ended (by any console), newest first. */
        List<String> running(String route) throws IOException;

        Mirror NONE = new Mirror() {
            @Override
            public void begun(Unfinished drill) {
            }

            @Override
            public void ended(Ended drill) {
            }

            @Override
            public List<String> running(String route) {
                return List.of();
            }
        };
    }

    private final Path file;
    private final Mirror mirror;

    public DrillJournal(Path file) {
        this(file, Mirror.NONE);
    }

    public DrillJournal(Path file, Mirror mirror) {
        this.file = file;
        this.mirror = mirror;
    }

    public Mirror mirror() {
        return mirror;
    }

    private void mirrored(String what, IORunnable r) {
        try {
            r.run();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(DrillJournal.class).info("drill {} not copied to the table: {}", what,
                    e.toString());
        }
    }

    @FunctionalInterface
    private interface IORunnable {
        void run() throws IOException;
    }

    public Path file() {
        return file;
    }

    /** The folder beside the journal where reports are kept. */
    public Path reportDir() {
        return file.resolveSibling("reports");
    }

    public void begin(String id, DrillPlan p, Instant at) throws IOException {
        append(Map.of("t", "begin", "id", id, "at", at.toString(), "route", p.route().name(),
                "version", Integer.toString(p.route().version()), "trunk", p.trunk().trunk(), "server", p.serverId(),
                "actor", p.actor(), "reason", p.reason(), "mode", p.fault().isPresent() ? "fault" : "offline"));
        mirrored("begin", () -> mirror.begun(new Unfinished(id, p.route().name(), p.trunk().trunk(), p.serverId(),
                at, Optional.empty(), false, DrillState.PLANNED.name())));
    }

    public void state(String id, DrillState s) throws IOException {
        append(Map.of("t", "state", "id", id, "state", s.name()));
    }

    /** Written before A is taken out: what will be set where (the value recovery compares before deleting). */
    public void out(String id, String serverId, String trunk, String value) throws IOException {
        append(Map.of("t", "out", "id", id, "server", serverId, "trunk", trunk, "value", value));
    }

    public void restored(String id, String detail) throws IOException {
        append(Map.of("t", "restored", "id", id, "detail", detail));
    }

    public void end(String id, DrillOutcome outcome, Instant at, String summary) throws IOException {
        append(Map.of("t", "end", "id", id, "outcome", outcome.name(), "at", at.toString(), "summary", summary));
        mirrored("end", () -> {
            for (Ended e : history()) {
                if (e.id().equals(id)) {
                    mirror.ended(e);
                }
            }
        });
    }

    /** Drills begun and not ended, oldest first. */
    public List<Unfinished> unfinished() throws IOException {
        Map<String, Map<String, String>> open = new LinkedHashMap<>();
        for (Map<String, String> r : read()) {
            String id = r.getOrDefault("id", "");
            switch (r.getOrDefault("t", "")) {
                case "begin" -> open.put(id, new LinkedHashMap<>(r));
                case "state" -> merge(open, id, "state", r.get("state"));
                case "out" -> merge(open, id, "value", r.get("value"));
                case "restored" -> merge(open, id, "restored", "yes");
                case "end" -> open.remove(id);
                default -> { }
            }
        }
        List<Unfinished> out = new ArrayList<>();
        for (Map<String, String> b : open.values()) {
            out.add(new Unfinished(b.get("id"), b.getOrDefault("route", ""), b.getOrDefault("trunk", ""),
                    b.getOrDefault("server", ""), Instant.parse(b.get("at")), Optional.ofNullable(b.get("value")),
                    b.containsKey("restored"), b.getOrDefault("state", DrillState.PLANNED.name())));
        }
        return out;
    }

    /** Ended drills, oldest first. */
    public List<Ended> history() throws IOException {
        Map<String, Map<String, String>> begun = new LinkedHashMap<>();
        List<Ended> out = new ArrayList<>();
        for (Map<String, String> r : read()) {
            String id = r.getOrDefault("id", "");
            if ("begin".equals(r.get("t"))) {
                begun.put(id, r);
            } else if ("end".equals(r.get("t")) && begun.containsKey(id)) {
                Map<String, String> b = begun.get(id);
                out.add(new Ended(id, b.get("route"), b.get("trunk"), b.get("server"), Instant.parse(b.get("at")),
                        Instant.parse(r.get("at")), DrillOutcome.valueOf(r.get("outcome")), r.get("summary")));
            }
        }
        return out;
    }

    private static void merge(Map<String, Map<String, String>> open, String id, String k, String v) {
        Map<String, String> b = open.get(id);
        if (b != null && v != null) {
            b.put(k, v);
        }
    }

    private synchronized void append(Map<String, String> fields) throws IOException {
        StringBuilder b = new StringBuilder(PREFIX);
        String[] order = {"t", "id"};
        Map<String, String> rest = new LinkedHashMap<>(fields);
        for (String k : order) {
            b.append(k).append('=').append(enc(rest.remove(k))).append(' ');
        }
        rest.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getKey()).append('=').append(enc(e.getValue())).append(' '));
        String body = b.toString().stripTrailing();
        String line = body + " crc=" + crc(body) + "\n";
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            long end = ch.size();
            if (end > 0) {
                ByteBuffer last = ByteBuffer.allocate(1);
                ch.read(last, end - 1);
                if (last.get(0) != '\n') {
                    end += ch.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)), end);
                }
            }
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), end);
            ch.force(true);
        }
    }

    private List<Map<String, String>> read() throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int c = line.lastIndexOf(" crc=");
            if (!line.startsWith(PREFIX) || c < 0 || !line.substring(c + 5).equals(crc(line.substring(0, c)))) {
                continue; // torn by a crash or damaged
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String kv : line.substring(PREFIX.length(), c).split(" ")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            out.add(m);
        }
        return out;
    }

    private static String enc(String v) {
        return URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8);
    }

    private static String crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(c.getValue());
    }
}
