package trunkops.control.audit;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.zip.CRC32;

import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.topology.Tech;

/**
 * The journal's line format (docs/audit.md): {@code trunkops-audit k=v k=v ... crc=<crc32>}, keys and values
 * URL-encoded (UTF-8, so no space, newline or {@code =} inside), the CRC-32 in hex over everything before
 * {@code " crc="}. Three kinds ({@code t=}): {@code begin}, {@code complete}, {@code synced}. A line that does not
 * decode (torn by a crash, edited) is rejected with a reason, never half-read.
 */
public final class JournalCodec {

    static final String MAGIC = "trunkops-audit";

    private JournalCodec() {
    }

    /** A line that could not be read. */
    public static final class BadLine extends Exception {
        BadLine(String message) {
            super(message);
        }
    }

    public static String begin(AuditEntry e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("t", "begin");
        m.put("id", e.id());
        m.put("at", e.started().toString());
        m.put("actor", e.actor());
        m.put("user", e.osUser());
        m.put("host", e.host());
        m.put("cluster", e.cluster());
        m.put("role", e.role().word());
        m.put("verb", e.verb().name());
        m.put("tech", e.tech().name());
        m.put("peer", e.peer());
        for (int i = 0; i < e.servers().size(); i++) {
            m.put("server." + i, e.servers().get(i));
        }
        e.route().ifPresent(r -> m.put("route", r));
        e.value().ifPresent(v -> m.put("value", Integer.toString(v)));
        e.until().ifPresent(u -> m.put("until", u.toString()));
        m.put("reason", e.reason());
        e.ticket().ifPresent(t -> m.put("ticket", t));
        new TreeMap<>(e.before()).forEach((k, v) -> m.put("before." + k, v));
        return line(m);
    }

    public static String complete(String id, AuditEntry.Completion c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("t", "complete");
        m.put("id", id);
        m.put("at", c.at().toString());
        m.put("took", Long.toString(c.took().toMillis()));
        m.putAll(dialerFields(c));
        return line(m);
    }

    public static String synced(String id, boolean completed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("t", "synced");
        m.put("id", id);
        m.put("phase", completed ? "complete" : "begin");
        return line(m);
    }

    /** The per-dialer outcome fields ({@code out.<server>}, {@code detail.<server>}, {@code after.<server>}). */
    static Map<String, String> dialerFields(AuditEntry.Completion c) {
        Map<String, String> m = new LinkedHashMap<>();
        for (DialerOutcome o : c.outcomes()) {
            m.put("out." + o.serverId(), o.status().name());
            m.put("detail." + o.serverId(), o.detail());
            m.put("after." + o.serverId(), c.after().getOrDefault(o.serverId(), ""));
        }
        return m;
    }

    private static String line(Map<String, String> m) {
        StringBuilder b = new StringBuilder(MAGIC);
        m.forEach((k, v) -> b.append(' ').append(enc(k)).append('=').append(enc(v)));
        String sum = crc(b);
        return b.append(" crc=").append(sum).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String crc(CharSequence s) {
        CRC32 crc = new CRC32();
        crc.update(s.toString().getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /** The fields of one line, in order; {@link BadLine} when it is not a whole, unaltered journal line. */
    public static Map<String, String> decode(String line) throws BadLine {
        int at = line.lastIndexOf(" crc=");
        if (!line.startsWith(MAGIC + " ") || at < 0) {
            throw new BadLine("not a journal line");
        }
        if (!crc(line.substring(0, at)).equals(line.substring(at + 5))) {
            throw new BadLine("checksum does not match (torn or altered)");
        }
        Map<String, String> m = new LinkedHashMap<>();
        if (at == MAGIC.length()) {
            return m;
        }
        try {
            for (String pair : line.substring(MAGIC.length() + 1, at).split(" ")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new BadLine("field without a value");
                }
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw new BadLine("bad escape: " + e.getMessage());
        }
        return m;
    }

    /** The entry of a decoded begin line. */
    public static AuditEntry entry(Map<String, String> m) throws BadLine {
        try {
            List<String> servers = new ArrayList<>();
            for (int i = 0; m.containsKey("server." + i); i++) {
                servers.add(m.get("server." + i));
            }
            return new AuditEntry(need(m, "id"), Instant.parse(need(m, "at")), need(m, "actor"), need(m, "user"),
                    need(m, "host"), m.getOrDefault("cluster", ""), Role.parse(m.get("role")).orElse(Role.VIEWER),
                    ControlVerb.valueOf(need(m, "verb")), Tech.valueOf(need(m, "tech")), need(m, "peer"), servers,
                    Optional.ofNullable(m.get("route")),
                    m.containsKey("value") ? OptionalInt.of(Integer.parseInt(m.get("value"))) : OptionalInt.empty(),
                    Optional.ofNullable(m.get("until")).map(Instant::parse), need(m, "reason"),
                    Optional.ofNullable(m.get("ticket")), prefixed(m, "before."), Optional.empty());
        } catch (RuntimeException e) {
            throw new BadLine("begin record unreadable: " + e.getMessage());
        }
    }

    /** The completion of a decoded complete line. */
    public static AuditEntry.Completion completion(Map<String, String> m) throws BadLine {
        try {
            return new AuditEntry.Completion(Instant.parse(need(m, "at")),
                    Duration.ofMillis(Long.parseLong(need(m, "took"))), outcomes(m), prefixed(m, "after."));
        } catch (RuntimeException e) {
            throw new BadLine("complete record unreadable: " + e.getMessage());
        }
    }

    /** The outcomes of {@code out.<server>} / {@code detail.<server>} fields, in their order. */
    static List<DialerOutcome> outcomes(Map<String, String> m) {
        List<DialerOutcome> out = new ArrayList<>();
        m.forEach((k, v) -> {
            if (k.startsWith("out.")) {
                String server = k.substring(4);
                out.add(new DialerOutcome(server, DialerOutcome.Status.valueOf(v),
                        m.getOrDefault("detail." + server, "")));
            }
        });
        return out;
    }

    static Map<String, String> prefixed(Map<String, String> m, String prefix) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static String need(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return v;
    }

    /** The per-dialer fields of a completion as one encoded text (the table's {@code dialers} column). */
    public static String dialersText(AuditEntry.Completion c) {
        return line(dialerFields(c));
    }

    /** The outcomes and values after of a {@link #dialersText} text. */
    public static Map<String, String> dialersFields(String text) throws BadLine {
        return decode(text);
    }

    /** The values before per dialer as one encoded text (the table's {@code before_text} column). */
    public static String beforeText(Map<String, String> before) {
        Map<String, String> m = new LinkedHashMap<>();
        new TreeMap<>(before).forEach((k, v) -> m.put("before." + k, v));
        return line(m);
    }

    /** The map of a {@link #beforeText} text. */
    public static Map<String, String> beforeFields(String text) throws BadLine {
        return prefixed(decode(text), "before.");
    }

    /** A completion from {@link #dialersText} fields. */
    public static AuditEntry.Completion completionOf(Instant at, Duration took, Map<String, String> fields) {
        return new AuditEntry.Completion(at, took, outcomes(fields), prefixed(fields, "after."));
    }
}
