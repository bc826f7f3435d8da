package trunkops.lab.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code vicidial_server_carriers} row read the way Asterisk will read what the keepalive generates from it: the
 * {@code exten =>} lines of {@code dialplan_entry} grouped by extension, the {@code [peer]} sections of
 * {@code account_entry} (+ template contents, appended to the last section as the keepalive does), and the global
 * variable of {@code globals_string}.
 *
 * <p>Only what the lab needs is understood: {@code exten => <ext>,<priority>[(<label>)],<App>(<args>)} and
 * {@code same => ...} lines, priorities as numbers or {@code n}; peer options {@code host}, {@code qualify},
 * {@code qualifyfreq}.
 */
public final class CarrierDialplan {

    /** One dialplan priority. */
    public record Step(int priority, String label, String app, String args) {
    }

    /**
     * A SIP/IAX2 peer (or PJSIP section) defined in account_entry.
     *
     * @param qualifyMaxMs the LAGGED/UNREACHABLE threshold: {@code qualify=yes} means 2000 ms, a number means that many
     *                     ms, {@code no} or absent means -1 (not qualified, no PeerStatus events)
     * @param qualifyFreqSeconds {@code qualifyfreq}, chan_sip's default 60 s
     */
    public record Peer(String name, String host, int qualifyMaxMs, int qualifyFreqSeconds) {
        public boolean qualified() {
            return qualifyMaxMs > 0;
        }
    }

    private static final Pattern EXTEN = Pattern.compile(
            "^\\s*(exten|same)\\s*=>?\\s*(?:([^,]+),)?\\s*([0-9]+|n|N)\\s*(?:\\(([^)]*)\\))?\\s*,\\s*([A-Za-z_0-9]+)"
                    + "\\s*(?:\\((.*)\\))?\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_0-9]+)}");

    private final String carrierId;
    private final List<AsteriskPattern> patterns;
    private final Map<String, List<Step>> extensions;
    private final Map<String, Peer> peers;
    private final Map<String, String> globals;

    private CarrierDialplan(String carrierId, Map<String, List<Step>> extensions, Map<String, Peer> peers,
                            Map<String, String> globals) {
        this.carrierId = carrierId;
        this.extensions = extensions;
        this.patterns = extensions.keySet().stream().map(AsteriskPattern::of).toList();
        this.peers = peers;
        this.globals = globals;
    }

    public static CarrierDialplan parse(String carrierId, String globalsString, String accountEntry,
                                        String templateContents, String dialplanEntry) {
        return new CarrierDialplan(carrierId, parseExtensions(carrierId, nullToEmpty(dialplanEntry)),
                parsePeers(nullToEmpty(accountEntry) + "\n" + nullToEmpty(templateContents)),
                parseGlobals(nullToEmpty(globalsString)));
    }

    public String carrierId() {
        return carrierId;
    }

    /** Extension names in the order they appear. */
    public List<AsteriskPattern> extensions() {
        return patterns;
    }

    /** The priorities of {@code extension}, ordered by priority number. */
    public List<Step> steps(AsteriskPattern extension) {
        return extensions.getOrDefault(extension.text(), List.of());
    }

    public Map<String, Peer> peers() {
        return peers;
    }

    public Map<String, String> globals() {
        return globals;
    }

    /**
     * The peer a {@code Dial()} argument reaches: {@code SIP/peer/number}, {@code SIP/number@peer},
     * {@code PJSIP/number@endpoint}, {@code IAX2/peer/number}, with {@code ${VAR}} globals substituted. With several
     * destinations ({@code &}) the first is taken. Empty when the argument names no peer.
     */
    public Optional<String> peerOf(String dialArgs) {
        String target = substitute(splitArgs(dialArgs).get(0)).split("&")[0].strip();
        int slash = target.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String tech = target.substring(0, slash).toUpperCase(Locale.ROOT);
        String rest = target.substring(slash + 1);
        int at = rest.lastIndexOf('@');
        if (tech.equals("PJSIP") || (at >= 0 && rest.indexOf('/') < 0)) {
            return at >= 0 ? Optional.of(rest.substring(at + 1)) : Optional.of(rest);
        }
        int second = rest.indexOf('/');
        return Optional.of(second < 0 ? rest : rest.substring(0, second));
    }

    /** The technology of a {@code Dial()} argument ({@code SIP}, {@code PJSIP}, {@code IAX2}), upper case. */
    public String techOf(String dialArgs) {
        String target = substitute(splitArgs(dialArgs).get(0));
        int slash = target.indexOf('/');
        return slash < 0 ? "" : target.substring(0, slash).strip().toUpperCase(Locale.ROOT);
    }

    String substitute(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = globals.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Splits application arguments on top-level commas (not inside {@code ${..}}, {@code $[..]} or quotes). */
    static List<String> splitArgs(String args) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (char c : args.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '[' || c == '(')) {
                depth++;
            } else if (!quoted && (c == '}' || c == ']' || c == ')')) {
                depth--;
            } else if (c == ',' && depth == 0 && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    private static Map<String, List<Step>> parseExtensions(String carrierId, String text) {
        Map<String, List<Step>> result = new LinkedHashMap<>();
        String current = null;
        int last = 0;
        for (String line : text.split("\\R")) {
            String stripped = stripComment(line);
            if (stripped.isBlank()) {
                continue;
            }
            Matcher m = EXTEN.matcher(stripped);
            if (!m.matches()) {
                throw new IllegalArgumentException("carrier " + carrierId + ": cannot read dialplan line '" + line
                        + "' (expected exten => <ext>,<priority>,<App>(<args>))");
            }
            boolean same = m.group(1).equals("same");
            String exten = same ? current : (m.group(2) == null ? null : m.group(2).strip());
            if (exten == null) {
                throw new IllegalArgumentException("carrier " + carrierId + ": '" + line + "' names no extension");
            }
            if (!exten.equals(current)) {
                last = 0;
            }
            current = exten;
            String prio = m.group(3);
            int priority = prio.equalsIgnoreCase("n") ? last + 1 : Integer.parseInt(prio);
            last = priority;
            List<Step> steps = result.computeIfAbsent(exten, k -> new ArrayList<>());
            int p = priority;
            if (steps.stream().noneMatch(s -> s.priority() == p)) {   // Asterisk keeps the first of a duplicate
                steps.add(new Step(priority, m.group(4), m.group(5), m.group(6) == null ? "" : m.group(6)));
            }
        }
        result.values().forEach(steps -> steps.sort((a, b) -> Integer.compare(a.priority(), b.priority())));
        Map<String, List<Step>> frozen = new LinkedHashMap<>();
        result.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return frozen;
    }

    private static Map<String, Peer> parsePeers(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : text.split("\\R")) {
            String stripped = stripComment(line).strip();
            if (stripped.startsWith("[") && stripped.contains("]")) {
                String name = stripped.substring(1, stripped.indexOf(']')).strip();
                current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
            } else if (current != null && stripped.contains("=")) {
                int eq = stripped.indexOf('=');
                String value = stripped.substring(eq + 1).replaceFirst("^>", "").strip();
                current.putIfAbsent(stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT), value);
            }
        }
        Map<String, Peer> peers = new LinkedHashMap<>();
        sections.forEach((name, options) -> peers.put(name, new Peer(name, host(options),
                qualifyMaxMs(options.get("qualify")), parseInt(options.get("qualifyfreq"), 60))));
        return peers;
    }

    /**
     * A chan_sip peer's {@code host}; a PJSIP carrier's sections of one name (aor + identify + endpoint, merged
     * here) have none: the far end is the aor's {@code contact=sip:[user@]host[:port]}.
     */
    private static String host(Map<String, String> options) {
        String host = options.getOrDefault("host", "");
        String contact = options.get("contact");
        if (!host.isEmpty() || contact == null) {
            return host;
        }
        String c = contact.replaceFirst("(?i)^sips?:", "");
        c = c.substring(c.indexOf('@') + 1);
        int end = c.length();
        for (char stop : new char[] {':', ';', '>', ','}) {
            int i = c.indexOf(stop);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        return c.substring(0, end).strip();
    }

    private static int qualifyMaxMs(String qualify) {
        if (qualify == null) {
            return -1;
        }
        String q = qualify.strip().toLowerCase(Locale.ROOT);
        if (q.equals("yes")) {
            return 2000;
        }
        int ms = parseInt(q, -1);
        return ms > 0 ? ms : -1;
    }

    private static Map<String, String> parseGlobals(String globalsString) {
        Map<String, String> globals = new LinkedHashMap<>();
        for (String line : globalsString.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                globals.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return globals;
    }

    private static String stripComment(String line) {
        int semicolon = line.indexOf(';');
        return semicolon < 0 ? line : line.substring(0, semicolon);
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
