package trunkops.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural checks of generated dialplan text, each returning the problems found (empty = fine): the traps of
 * seed-dialplan-measured.md as rules a text can be held to.
 */
final class DialplanChecks {

    static final Pattern LINE = Pattern.compile("exten => ([^,]+),(1|2|n|n\\(([a-z0-9]+)\\)),([A-Za-z]+)\\((.*)\\)");
    private static final Pattern GOTO = Pattern.compile("^(GotoIf|Goto)$");
    private static final Pattern TOKEN = Pattern.compile("\\s*(\"[^\"]*\"|\\$\\{([A-Z][A-Z0-9_]*)\\}|\\d+|[()&|=<>!+*/%-]+)");
    private static final Pattern FORBIDDEN = Pattern.compile("Macro\\(|,M\\(|\\bGosub\\b|EVAL\\(|DEVICESTATE\\(|ASTDB\\("
            + "|\\bDB\\([^)/]*,|CHANNEL\\(numchannels\\)|MATH\\([^)]*\\)(?<!,i\\))");

    record Line(String exten, String priority, String label, String app, String args, int no) {
    }

    private DialplanChecks() {
    }

    static List<Line> parse(String text, List<String> problems) {
        List<Line> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isEmpty() && i == lines.length - 1) {
                continue;
            }
            if (l.startsWith(";")) {
                continue;
            }
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                problems.add("line " + (i + 1) + " is not an exten line: " + l);
                continue;
            }
            if (l.contains(";")) {
                problems.add("line " + (i + 1) + " has a ';' (a comment start in extensions.conf): " + l);
            }
            out.add(new Line(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), i + 1));
        }
        return out;
    }

    /** All problems of the text: structure, labels, forbidden constructs, expressions, timeouts, events. */
    static List<String> check(String text, String marker) {
        List<String> problems = new ArrayList<>();
        if (!text.startsWith("; " + marker + " generated")) {
            problems.add("first line is not the '; <marker> generated ... do not edit' comment");
        }
        if (!text.endsWith("\n") || text.contains("\r")) {
            problems.add("lines must end with LF");
        }
        List<Line> lines = parse(text, problems);
        Map<String, List<Line>> byExten = new LinkedHashMap<>();
        lines.forEach(l -> byExten.computeIfAbsent(l.exten(), k -> new ArrayList<>()).add(l));
        for (List<Line> ext : byExten.values()) {
            extension(ext, marker, problems);
        }
        Matcher f = FORBIDDEN.matcher(text);
        while (f.find()) {
            problems.add("forbidden construct: " + f.group());
        }
        expressions(lines, problems);
        return problems;
    }

    private static void extension(List<Line> ext, String marker, List<String> problems) {
        String name = ext.get(0).exten();
        if (!ext.get(0).priority().equals("1") || !ext.get(0).app().equals("AGI")
                || !ext.get(0).args().equals("agi://127.0.0.1:4577/call_log")) {
            problems.add(name + ": priority 1 is not the call_log AGI");
        }
        if (ext.size() < 2 || !ext.get(1).priority().equals("2")
                || !(ext.get(1).app() + "(" + ext.get(1).args() + ")").equals("NoOp(" + marker + ")")) {
            problems.add(name + ": priority 2 is not the marker NoOp(" + marker + ")");
        }
        Set<String> labels = new TreeSet<>();
        for (int i = 2; i < ext.size(); i++) {
            if (ext.get(i).priority().matches("\\d+")) {
                problems.add(name + ": numbered priority after 2 at line " + ext.get(i).no());
            }
            if (ext.get(i).label() != null && !labels.add(ext.get(i).label())) {
                problems.add(name + ": label " + ext.get(i).label() + " twice");
            }
        }
        for (Line l : ext) {
            if (GOTO.matcher(l.app()).matches()) {
                String targets = l.app().equals("GotoIf") ? l.args().substring(l.args().lastIndexOf('?') + 1)
                        : l.args();
                for (String t : targets.split(":")) {
                    if (!labels.contains(t)) {
                        problems.add(name + ": line " + l.no() + " jumps to missing label '" + t + "'");
                    }
                }
            }
            if (l.app().equals("Dial")) {
                dial(ext, l, problems);
            }
        }
    }

    /** Dial: with a timeout that was checked to be at least 1 s, option o, an Attempt event and a clear before it. */
    private static void dial(List<Line> ext, Line dial, List<String> problems) {
        String[] a = dial.args().split(",");
        if (a.length != 3 || !a[2].contains("o") || !a[1].matches("\\$\\{TO_LEFT\\}\\^\\d+")) {
            problems.add("line " + dial.no() + ": Dial needs TECH/peer/num,${TO_LEFT}^progress,To: " + dial.args());
            return;
        }
        int at = ext.indexOf(dial);
        boolean guarded = false;
        boolean cleared = false;
        boolean announced = false;
        for (int i = at - 1; i >= 0 && !ext.get(i).args().startsWith("TO_LEFT="); i--) {
            Line l = ext.get(i);
            guarded |= l.app().equals("GotoIf") && l.args().matches("\\$\\[\\$\\{TO_LEFT\\} < [1-9]\\d*\\]\\?\\w+");
            cleared |= l.app().equals("HangupCauseClear");
            announced |= l.app().equals("UserEvent") && l.args().startsWith("TrunkOpsAttempt,");
        }
        if (!guarded || !cleared || !announced) {
            problems.add("line " + dial.no() + ": Dial without " + (!guarded ? "a time-left guard " : "")
                    + (!cleared ? "HangupCauseClear " : "") + (!announced ? "an Attempt event" : ""));
        }
        boolean reported = false;
        for (int i = at + 1; i < ext.size() && !ext.get(i).app().equals("Dial"); i++) {
            reported |= ext.get(i).app().equals("UserEvent") && ext.get(i).args().startsWith("TrunkOpsResult,");
        }
        if (!reported) {
            problems.add("line " + dial.no() + ": no Result event after the Dial");
        }
    }

    /**
     * Every {@code $[...]} is made of quoted strings, numbers, operators and variables that always hold digits:
     * an unquoted variable must be set only from digits (a number, ${EPOCH}, GROUP_COUNT, RAND, an expression, or
     * FILTER(0-9,..) followed at once by a default).
     */
    private static void expressions(List<Line> lines, List<String> problems) {
        Map<String, List<String>> assignments = new HashMap<>();
        for (Line l : lines) {
            if (l.app().equals("Set")) {
                int eq = l.args().indexOf('=');
                assignments.computeIfAbsent(l.args().substring(0, eq), k -> new ArrayList<>())
                        .add(l.args().substring(eq + 1));
            }
        }
        for (Line l : lines) {
            for (String e : exprs(l.app() + "(" + l.args() + ")")) {
                int pos = 0;
                Matcher m = TOKEN.matcher(e);
                while (pos < e.length()) {
                    if (!m.find(pos) || m.start() != pos) {
                        problems.add("line " + l.no() + ": unquoted or unknown operand in $[" + e + "] at '"
                                + e.substring(pos) + "'");
                        break;
                    }
                    if (m.group(2) != null && !numeric(m.group(2), assignments, new TreeSet<>())) {
                        problems.add("line " + l.no() + ": ${" + m.group(2) + "} unquoted in $[" + e + "] but it"
                                + " may hold a non-number or nothing");
                    }
                    pos = m.end();
                }
            }
        }
    }

    private static boolean numeric(String var, Map<String, List<String>> assignments, Set<String> seen) {
        if (var.equals("EPOCH")) {
            return true;
        }
        if (!var.startsWith("TO_") || !assignments.containsKey(var) || !seen.add(var)) {
            return seen.contains(var) && assignments.containsKey(var);
        }
        List<String> values = assignments.get(var);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.startsWith("${FILTER(0-9,")) {
                String next = i + 1 < values.size() ? values.get(i + 1) : "";
                if (!next.matches("\\$\\{IF\\(\\$\\[\"\\$\\{" + var + "\\}\" = \"\"\\]\\?\\d+:\\$\\{" + var + "\\}\\)\\}")) {
                    return false;
                }
                i++;
            } else if (!numericValue(v, assignments, seen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean numericValue(String v, Map<String, List<String>> assignments, Set<String> seen) {
        if (v.matches("\\d+") || v.equals("${EPOCH}") || v.matches("\\$\\{(GROUP_COUNT|RAND)\\([^)]*\\)\\}")
                || v.matches("\\$\\[[^\\[\\]]*\\]")) {
            return true;
        }
        Matcher m = Pattern.compile("\\$\\{IF\\(\\$\\[.*\\]\\?(.*):(.*)\\)\\}").matcher(v);
        if (m.matches()) {
            return branch(m.group(1), assignments, seen) && branch(m.group(2), assignments, seen);
        }
        return false;
    }

    private static boolean branch(String b, Map<String, List<String>> assignments, Set<String> seen) {
        if (b.matches("\\d+")) {
            return true;
        }
        Matcher m = Pattern.compile("\\$\\{(TO_[A-Z0-9_]+)\\}").matcher(b);
        return m.matches() && numeric(m.group(1), assignments, seen);
    }

    /** The contents of every $[...] in a line (brackets matched). */
    static List<String> exprs(String line) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while ((from = line.indexOf("$[", from)) >= 0) {
            int depth = 0;
            int i = from + 1;
            for (; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    break;
                }
            }
            out.add(line.substring(from + 2, Math.min(i, line.length())));
            from = i;
        }
        return out;
    }
}
