package trunkops.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line grammar Asterisk's config loader applies to every {@code .conf} file (main/config.c), shared by the
 * account_entry and dialplan_entry parsers: CR/LF or LF line ends, {@code ;} comments with {@code \;} as a literal
 * semicolon, {@code ;-- ... --;} block comments (nestable), {@code [name]} / {@code [name](options)} headers,
 * {@code key = value} and {@code key => value} entries (split at the first {@code =}, both sides trimmed), and
 * {@code #include}-style directives.
 */
final class ConfigText {

    private ConfigText() {
    }

    /** One meaningful line. */
    sealed interface Line permits Header, Entry, Directive, Malformed {
        int number();
    }

    /** {@code [name]} or {@code [name](opt1,opt2)}. */
    record Header(int number, String name, List<String> options) implements Line {
    }

    /** {@code key = value} or {@code key => value}; {@code key} as written (not lower-cased). */
    record Entry(int number, String key, String value, boolean arrow) implements Line {
    }

    /** {@code #include ...}, {@code #exec ...}. */
    record Directive(int number, String text) implements Line {
    }

    /** A line Asterisk rejects; {@code problem} says why. */
    record Malformed(int number, String text, String problem) implements Line {
    }

    /** Splits {@code text} into meaningful lines; comments and blank lines are dropped. Null is empty. */
    static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String[] raw = text.split("\r\n|\n|\r", -1);
        int nesting = 0;
        for (int i = 0; i < raw.length; i++) {
            StringBuilder kept = new StringBuilder();
            nesting = stripComments(raw[i], nesting, kept);
            String line = kept.toString().strip();
            if (!line.isEmpty()) {
                out.add(classify(i + 1, line));
            }
        }
        return out;
    }

    /** Appends the non-comment part of {@code line} to {@code kept}; returns the block-comment nesting after it. */
    private static int stripComments(String line, int nesting, StringBuilder kept) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ';' && line.startsWith(";--", i) && !line.startsWith(";---", i)) {
                nesting++;
                i += 3;
            } else if (nesting > 0 && c == ';' && i >= 2 && line.startsWith("--;", i - 2)) {
                nesting--;
                i++;
            } else if (nesting > 0) {
                i++;
            } else if (c == '\\' && i + 1 < n && line.charAt(i + 1) == ';') {
                kept.append(';');
                i += 2;
            } else if (c == ';') {
                break;
            } else {
                kept.append(c);
                i++;
            }
        }
        return nesting;
    }

    private static Line classify(int number, String line) {
        if (line.startsWith("[")) {
            return header(number, line);
        }
        if (line.startsWith("#")) {
            return new Directive(number, line);
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            return new Malformed(number, line, "no '=' (Asterisk ignores the line)");
        }
        String key = line.substring(0, eq).strip();
        String rest = line.substring(eq + 1);
        boolean arrow = rest.startsWith(">");
        String value = (arrow ? rest.substring(1) : rest).strip();
        if (key.isEmpty()) {
            return new Malformed(number, line, "nothing before '=' (Asterisk ignores the line)");
        }
        return new Entry(number, key, value, arrow);
    }

    private static Line header(int number, String line) {
        int close = line.indexOf(']');
        if (close < 0) {
            return new Malformed(number, line,
                    "no closing ']' - Asterisk stops loading the whole file at this line");
        }
        String name = line.substring(1, close).strip();
        String after = line.substring(close + 1).strip();
        List<String> options = List.of();
        if (after.startsWith("(")) {
            int end = after.indexOf(')');
            if (end < 0) {
                return new Malformed(number, line,
                        "no closing ')' - Asterisk stops loading the whole file at this line");
            }
            options = Arrays.stream(after.substring(1, end).split(",", -1))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return new Header(number, name, options);
    }
}
