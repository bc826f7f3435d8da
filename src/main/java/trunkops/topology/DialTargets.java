package trunkops.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts and resolves Dial() destinations: {@code SIP/peer/${EXTEN:2}}, {@code SIP/${EXTEN:1}@peer},
 * {@code PJSIP/${EXTEN}@endpoint}, {@code IAX2/[user[:secret]@]peer[:port]/exten}, several joined by {@code &}, and
 * any of them behind global variables ({@code ${SIPTRUNK}/${EXTEN:2}}, {@code PJSIP/${EXTEN:1}@${PJTRUNK}}).
 */
public final class DialTargets {

    private static final Pattern VAR = Pattern.compile("\\$\\{(?:GLOBAL\\()?([A-Za-z0-9_]+)\\)?}");
    /** Variables the dialplan sets per call; a peer name made of them cannot be known in advance. */
    private static final Set<String> CALL_TIME = Set.of("EXTEN", "CALLERID", "CAMPDTO", "DIALSTATUS", "CHANNEL");

    private DialTargets() {
    }

    /** The destinations in a Dial application's argument string ({@code oldSyntax}: 1.4 {@code |} separators too). */
    public static List<DialTarget> ofDialArgs(String args, boolean oldSyntax, GlobalsString globals) {
        String first = firstArgument(args, oldSyntax);
        List<DialTarget> out = new ArrayList<>();
        for (String dest : splitTopLevel(first, '&')) {
            if (!dest.isBlank()) {
                out.add(resolve(dest.strip(), globals));
            }
        }
        return out;
    }

    /** Resolves one destination such as {@code ${SIPTRUNK}/${EXTEN:2}} with {@code globals}. */
    public static DialTarget resolve(String dest, GlobalsString globals) {
        String expanded = substitute(dest, n -> globals.get(n).orElse(null));
        int slash = expanded.indexOf('/');
        if (slash < 0) {
            return unresolved(dest, expanded, "", "", variableProblem(expanded, globals, "no TECH/ in '" + expanded + "'"));
        }
        String tech = expanded.substring(0, slash);
        if (tech.contains("$")) {
            return unresolved(dest, expanded, "", "", variableProblem(tech, globals, "the technology is not known"));
        }
        String resource = expanded.substring(slash + 1);
        if (Tech.fromDialTech(tech).isEmpty()) {
            return new DialTarget(dest, expanded, tech, resource, "");
        }
        String peer = peerPart(resource);
        if (peer.isEmpty()) {
            return unresolved(dest, expanded, tech, "", "no peer name in '" + expanded + "'");
        }
        if (peer.contains("$")) {
            return unresolved(dest, expanded, tech, "", variableProblem(peer, globals, "the peer name is computed"));
        }
        return new DialTarget(dest, expanded, tech, peer, "");
    }

    /**
     * The trunk a {@code DialBegin}'s {@code DialString} goes to (the dial string without its technology):
     * chan_sip's {@code trunk1/201} → {@code trunk1}, chan_pjsip's {@code 12125551234@pjtrunk1} → {@code pjtrunk1}
     * (number first, endpoint after {@code @}; also {@code pjtrunk1} alone or {@code 123@pjtrunk1/sip:x}), IAX2's
     * {@code user:secret@peer/exten} → {@code peer}; "" when there is none.
     */
    public static String peerOfDialString(String dialString) {
        if (dialString == null || dialString.isBlank()) {
            return "";
        }
        return peerPart(dialString.strip()); // the same split serves every technology (see peerPart)
    }

    /** {@code [exten@]peer[:port][/more]} (chan_sip, chan_pjsip and chan_iax2 all split this way) to the peer. */
    private static String peerPart(String resource) {
        String first = resource;
        int slash = first.indexOf('/');
        if (slash >= 0) {
            first = first.substring(0, slash);
        }
        int bang = first.indexOf('!');
        if (bang >= 0) {
            first = first.substring(0, bang);
        }
        int at = first.indexOf('@');
        if (at >= 0) {
            first = first.substring(at + 1);
        }
        if (!first.contains("$")) {
            int colon = first.indexOf(':');
            if (colon >= 0 && colon == first.lastIndexOf(':')) {
                first = first.substring(0, colon);
            }
        }
        return first.strip();
    }

    private static String variableProblem(String text, GlobalsString globals, String fallback) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(\\(?)").matcher(text);
        if (m.find()) {
            String name = m.group(1);
            if (!m.group(2).isEmpty()) {
                return fallback + ": the dialplan function ${" + name + "(...)} is evaluated per call";
            }
            if (CALL_TIME.contains(name)) {
                return fallback + ": ${" + name + "} is set per call";
            }
            if (globals.get(name).isEmpty()) {
                return "${" + name + "} is not defined in the carrier's globals_string";
            }
            return fallback + ": ${" + name + "} cannot be expanded here";
        }
        return text.contains("$[") ? fallback + ": it uses an expression $[...]" : fallback;
    }

    private static DialTarget unresolved(String raw, String expanded, String tech, String peer, String problem) {
        return new DialTarget(raw, expanded, tech, peer, problem);
    }

    /** Replaces {@code ${NAME}} and {@code ${GLOBAL(NAME)}} where {@code lookup} knows NAME; the rest stays. */
    static String substitute(String text, Function<String, String> lookup) {
        String current = text;
        for (int depth = 0; depth < 5; depth++) {
            Matcher m = VAR.matcher(current);
            StringBuilder sb = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String value = lookup.apply(m.group(1));
                boolean global = m.group().startsWith("${GLOBAL(") == m.group().endsWith(")}");
                if (value != null && global) {
                    m.appendReplacement(sb, Matcher.quoteReplacement(value));
                    changed = true;
                } else {
                    m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
                }
            }
            m.appendTail(sb);
            current = sb.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    /** The first application argument: up to the first top-level comma (or {@code |} in 1.4 syntax). */
    static String firstArgument(String args, boolean oldSyntax) {
        List<String> parts = splitTopLevel(args, ',');
        String first = parts.isEmpty() ? "" : parts.get(0);
        if (oldSyntax) {
            List<String> pipe = splitTopLevel(first, '|');
            first = pipe.isEmpty() ? "" : pipe.get(0);
        }
        return first;
    }

    /** Splits at {@code sep} outside {@code ${...}}, {@code $[...]}, parentheses and quotes; {@code \} escapes. */
    static List<String> splitTopLevel(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (!quoted && depth == 0 && c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}
