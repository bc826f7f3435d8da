package trunkops.lab.ami;

import java.util.ArrayList;
import java.util.List;

/**
 * A message a client sent, kept as its raw header lines the way Asterisk's manager keeps them. Look-ups follow
 * {@code astman_get_header}: a case-insensitive match of the name followed directly by {@code ':'}, leading bytes
 * below 33 of the value skipped, trailing characters kept; a line without a colon is stored but never matches.
 */
public final class AmiRequest {

    private final List<String> lines;
    private final boolean headersLost;

    public AmiRequest(List<String> lines, boolean headersLost) {
        this.lines = List.copyOf(lines);
        this.headersLost = headersLost;
    }

    public List<String> lines() {
        return lines;
    }

    /** True when the client sent more header lines than the manager keeps (the extra ones were dropped). */
    public boolean headersLost() {
        return headersLost;
    }

    /** The first value of {@code name}, or {@code ""}. */
    public String get(String name) {
        int len = name.length();
        for (String h : lines) {
            if (h.length() > len && h.charAt(len) == ':' && h.regionMatches(true, 0, name, 0, len)) {
                return skipBlanks(h.substring(len + 1));
            }
        }
        return "";
    }

    /** The first non-empty value of {@code name}, or {@code ""}. */
    public String getNonEmpty(String name) {
        for (String v : all(name)) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** Every value of {@code name}, in order (Variable:, Output: style repeated headers). */
    public List<String> all(String name) {
        int len = name.length();
        List<String> out = new ArrayList<>();
        for (String h : lines) {
            if (h.length() > len && h.charAt(len) == ':' && h.regionMatches(true, 0, name, 0, len)) {
                out.add(skipBlanks(h.substring(len + 1)));
            }
        }
        return out;
    }

    public String actionId() {
        return get("ActionID");
    }

    /** The first non-empty {@code Action:} value (process_message uses GET_HEADER_SKIP_EMPTY). */
    public String action() {
        return getNonEmpty("Action");
    }

    private static String skipBlanks(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return s.substring(i);
    }

    @Override
    public String toString() {
        return String.join(" | ", lines);
    }
}
