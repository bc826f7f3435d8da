package trunkops.testutil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares what a lab AMI server sent with what the real Asterisk sent for the same client bytes.
 *
 * <p>Responses and list items (written directly to the session, no {@code Timestamp}) must come in the same
 * order, with the same message types, header names in the same order, and the same values. Queued events
 * ({@code Timestamp}) are compared per subject (per channel, per peer, per device, per bridge role), because
 * Asterisk is multi-threaded and only one channel's own event order is stable (fixtures README). Values that
 * differ on every run (the README's list: timestamps, session ids, unique ids, channel suffixes, call ids,
 * RTP statistics, durations and measured latencies) are masked on both sides before comparing.
 */
public final class AmiStreamComparator {

    private static final Set<String> MASKED = Set.of("timestamp", "eventtv", "sessiontv", "sessionid", "uptime",
            "lastreload", "challenge", "duration", "seconds", "bridgeuniqueid", "bridgeid");
    private static final Set<String> TIMED_VARIABLES = Set.of("SIPCALLID", "BRIDGEPVTCALLID", "RTPAUDIOQOS",
            "RTPAUDIOQOSJITTER", "RTPAUDIOQOSLOSS", "RTPAUDIOQOSRTT", "RTPAUDIOQOSMES", "ANSWEREDTIME",
            "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "RINGTIME", "RINGTIME_MS", "PROGRESSTIME",
            "PROGRESSTIME_MS");
    private static final Pattern CHANNEL_SUFFIX = Pattern.compile("((?:SIP|Local)/[^\\s,]*?)-[0-9a-f]{8}");
    private static final Pattern UNIQUEID = Pattern.compile("\\d{9,}\\.\\d+");
    private static final Pattern LATENCY = Pattern.compile("\\((\\d+) ms\\)");

    private AmiStreamComparator() {
    }

    /** A normalised message: kind line plus (name, value) headers. */
    record Msg(String kind, List<String[]> headers, boolean queued, String raw) {
        String names() {
            StringBuilder sb = new StringBuilder();
            for (String[] h : headers) {
                sb.append(h[0]).append(',');
            }
            return sb.toString();
        }

        String render() {
            StringBuilder sb = new StringBuilder(kind);
            for (String[] h : headers) {
                sb.append(" | ").append(h[0]).append(": ").append(h[1]);
            }
            return sb.toString();
        }

        String get(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }
    }

    static Msg normalise(List<String> lines) {
        if (lines.isEmpty()) {
            return new Msg("<empty line>", List.of(), false, "");
        }
        if (!lines.get(0).contains(":")) {
            return new Msg("banner " + lines.get(0), List.of(), false, lines.get(0));
        }
        List<String[]> headers = new ArrayList<>();
        String kind = lines.get(0);
        boolean queued = false;
        String variable = null;
        for (String l : lines) {
            if (l.regionMatches(true, 0, "Variable:", 0, 9)) {
                variable = l.substring(l.indexOf(':') + 1).strip();
            }
        }
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            int colon = l.indexOf(':');
            String name = colon < 0 ? l : l.substring(0, colon);
            String value = colon < 0 ? "" : l.substring(colon + 1).strip();
            if (name.equals("Timestamp")) {
                queued = true;
            }
            headers.add(new String[] {name, mask(name, value, variable)});
        }
        return new Msg(kind, headers, queued, String.join(" | ", lines));
    }

    static String mask(String name, String value, String variable) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (MASKED.contains(n)) {
            return "*";
        }
        if (n.equals("localaddress") || n.equals("remoteaddress")) {
            return value.replaceAll("/\\d+$", "/*").replaceAll("IPV4/TCP/[0-9.]+", "IPV4/TCP/*");
        }
        if (n.equals("value") && variable != null && TIMED_VARIABLES.contains(variable) && !value.isEmpty()) {
            return "*";
        }
        if (n.equals("time") && value.matches("\\d+")) {
            return "*";
        }
        if (n.equals("output") && value.startsWith("Asterisk 20.")) {
            return "Asterisk 20.* built ...";
        }
        String v = CHANNEL_SUFFIX.matcher(value).replaceAll("$1-*");
        v = UNIQUEID.matcher(v).replaceAll("*");
        return LATENCY.matcher(v).replaceAll("(* ms)");
    }

    /** The subject a queued event belongs to, whose own order is stable. */
    static String subject(Msg m) {
        String event = m.kind().substring(m.kind().indexOf(':') + 1).strip();
        for (String h : new String[] {"DestChannel", "Channel", "LocalOneChannel"}) {
            String v = m.get(h);
            if (v != null && m.get(h + "State") != null) {
                return "channel " + v;
            }
        }
        if (event.startsWith("Bridge")) {
            return "bridge";
        }
        if (m.get("Device") != null) {
            return "device " + m.get("Device");
        }
        if (m.get("Peer") != null) {
            return "peer " + m.get("Peer");
        }
        return "event " + event;
    }

    /** Differences between the real Asterisk's server stream and the lab's, as readable lines (empty = equal). */
    public static List<String> compare(List<List<String>> expected, List<List<String>> actual) {
        List<String> diffs = new ArrayList<>();
        List<Msg> expDirect = new ArrayList<>();
        List<Msg> actDirect = new ArrayList<>();
        Map<String, List<Msg>> expQueued = new LinkedHashMap<>();
        Map<String, List<Msg>> actQueued = new LinkedHashMap<>();
        split(expected, expDirect, expQueued);
        split(actual, actDirect, actQueued);
        compareSeq("direct", expDirect, actDirect, diffs);
        for (String subject : expQueued.keySet()) {
            compareSeq(subject, expQueued.get(subject), actQueued.getOrDefault(subject, List.of()), diffs);
        }
        for (String subject : actQueued.keySet()) {
            if (!expQueued.containsKey(subject)) {
                diffs.add("[" + subject + "] lab sent events real Asterisk did not: "
                        + actQueued.get(subject).get(0).render());
            }
        }
        return diffs;
    }

    private static void split(List<List<String>> msgs, List<Msg> direct, Map<String, List<Msg>> queued) {
        for (List<String> lines : msgs) {
            Msg m = normalise(lines);
            if (m.queued()) {
                queued.computeIfAbsent(subject(m), k -> new ArrayList<>()).add(m);
            } else {
                direct.add(m);
            }
        }
    }

    private static void compareSeq(String what, List<Msg> exp, List<Msg> act, List<String> diffs) {
        int n = Math.max(exp.size(), act.size());
        for (int i = 0; i < n; i++) {
            if (i >= exp.size()) {
                diffs.add("[" + what + " #" + i + "] extra in lab: " + act.get(i).render());
                return;
            }
            if (i >= act.size()) {
                diffs.add("[" + what + " #" + i + "] missing in lab: " + exp.get(i).render());
                return;
            }
            Msg e = exp.get(i);
            Msg a = act.get(i);
            if (!e.kind().equals(a.kind()) || !e.names().equals(a.names())) {
                diffs.add("[" + what + " #" + i + "] shape differs\n    real: " + e.render() + "\n    lab:  "
                        + a.render());
                return;
            }
            for (int h = 0; h < e.headers().size(); h++) {
                String ev = e.headers().get(h)[1];
                String av = a.headers().get(h)[1];
                if (!ev.equals(av)) {
                    diffs.add("[" + what + " #" + i + "] " + e.kind() + " header " + e.headers().get(h)[0]
                            + ": real '" + ev + "' lab '" + av + "'");
                }
            }
        }
    }
}
