package trunkops.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import trunkops.topology.DialPattern;

/**
 * A dialplan text read the way pbx_config loads it, keeping {@code [context]} headers: the linter checks carrier
 * dialplan_entry texts (no header: everything is in {@code [vicidial-auto-external]}) and whole contexts copied
 * from tutorials. (The topology's DialplanEntryParser stops following the text at the first header, as ViciDial's
 * routing does, so it cannot serve Goto and Gosub scoping across contexts.)
 */
final class DialplanLines {

    /** The context of lines before any header: where ViciDial writes a carrier's dialplan_entry. */
    static final String EXTERNAL = "vicidial-auto-external";

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,9}");
    private static final java.util.regex.Pattern LINE_END = java.util.regex.Pattern.compile("\r\n|\n|\r");

    /** One priority as Asterisk numbers it. */
    record Step(int line, String context, String exten, int priority, String label, String app, String args) {

        boolean is(String application) {
            return app.equalsIgnoreCase(application);
        }

        boolean inExternal() {
            return context.equals(EXTERNAL);
        }
    }

    private final List<Step> steps;
    private final List<LintFinding> findings;
    private final java.util.Map<String, List<Step>> byExtension = new java.util.HashMap<>();
    private final java.util.Map<Step, Optional<Step>> nextStep = new java.util.IdentityHashMap<>();
    private java.util.Set<String> contexts;

    private DialplanLines(List<Step> steps, List<LintFinding> findings) {
        this.steps = List.copyOf(steps);
        this.findings = List.copyOf(findings);
    }

    /** Every step in text order. */
    List<Step> steps() {
        return steps;
    }

    /** Lines Asterisk drops while loading (a priority used twice). */
    List<LintFinding> findings() {
        return findings;
    }

    /** The steps of one extension, ascending priority. */
    List<Step> extension(String context, String exten) {
        return byExtension.computeIfAbsent(context + "\u0000" + exten, k -> extensionSteps(context, exten));
    }

    private List<Step> extensionSteps(String context, String exten) {
        return steps.stream().filter(s -> s.context.equals(context) && sameExten(s.exten, exten))
                .sorted(Comparator.comparingInt(Step::priority)).toList();
    }

    boolean hasContext(String context) {
        if (contexts == null) {
            contexts = new java.util.HashSet<>();
            steps.forEach(s -> contexts.add(s.context));
        }
        return contexts.contains(context);
    }

    /** The extension Asterisk runs for {@code exten} in {@code context}: same name, or a pattern that matches it. */
    Optional<String> resolveExten(String context, String exten) {
        List<Step> inContext = steps.stream().filter(s -> s.context.equals(context)).toList();
        Optional<Step> exact = inContext.stream().filter(s -> sameExten(s.exten, exten)).findFirst();
        if (exact.isPresent()) {
            return Optional.of(exact.get().exten);
        }
        return inContext.stream().filter(s -> s.exten.startsWith("_") && DialPattern.of(s.exten).matches(exten))
                .map(Step::exten).findFirst();
    }

    /** The step following {@code s} in its extension, if any. */
    Optional<Step> next(Step s) {
        return nextStep.computeIfAbsent(s, k -> extension(k.context, k.exten).stream()
                .filter(o -> o.priority > k.priority).findFirst());
    }

    static boolean sameExten(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.startsWith("_") || b.startsWith("_")) {
            return a.startsWith("_") && b.startsWith("_") && DialPattern.of(a).sameExtensionAs(DialPattern.of(b));
        }
        return a.equals(b);
    }

    static DialplanLines parse(String text) {
        return new Reader().read(text == null ? "" : text);
    }

    private static final class Reader {
        final List<Step> steps = new ArrayList<>();
        final List<LintFinding> findings = new ArrayList<>();
        String context = EXTERNAL;
        String exten = "";
        Integer last;

        DialplanLines read(String text) {
            String[] raw = LINE_END.split(text, -1);
            for (int i = 0; i < raw.length; i++) {
                line(i + 1, stripComment(raw[i]).strip());
            }
            return new DialplanLines(steps, findings);
        }

        private void line(int number, String line) {
            if (line.startsWith("[") && line.contains("]")) {
                context = line.substring(1, line.indexOf(']')).strip();
                exten = "";
                last = null;
                return;
            }
            int eq = line.indexOf("=>");
            if (eq < 0) {
                return;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 2).strip();
            if (key.equals("exten")) {
                int comma = value.indexOf(',');
                if (comma < 0) {
                    return;
                }
                exten = value.substring(0, comma).strip();
                int slash = exten.indexOf('/');
                exten = slash > 0 ? exten.substring(0, slash) : exten;
                step(number, value.substring(comma + 1));
            } else if (key.equals("same") && !exten.isEmpty()) {
                step(number, value);
            }
        }

        private void step(int number, String rest) {
            int comma = rest.indexOf(',');
            String pri = (comma < 0 ? rest : rest.substring(0, comma)).strip();
            String appl = comma < 0 ? "" : rest.substring(comma + 1).strip();
            String label = "";
            int open = pri.indexOf('(');
            if (open >= 0 && pri.endsWith(")")) {
                label = pri.substring(open + 1, pri.length() - 1);
                pri = pri.substring(0, open);
            }
            if (pri.equals("hint")) {
                return;
            }
            Integer priority = priority(pri);
            if (priority == null) {
                return;
            }
            last = priority;
            int p = priority;
            Optional<Step> taken = steps.stream().filter(s -> s.context.equals(context) && s.priority == p
                    && sameExten(s.exten, exten)).findFirst();
            if (taken.isPresent()) {
                findings.add(new LintFinding(LintFinding.Severity.ERROR, number, "duplicate-priority", exten
                        + " priority " + p + " is already used on line " + taken.get().line
                        + ": Asterisk keeps the first and silently drops this line",
                        "give each line its own priority (use 'n' after the first line)"));
                return;
            }
            String[] app = application(appl);
            if (app.length > 2) {
                findings.add(new LintFinding(LintFinding.Severity.ERROR, number, "old-app-syntax", "'" + app[0]
                        + ",...' is the Asterisk 1.4 form: Asterisk 1.6 and later look for an application named '"
                        + appl.strip() + "', which does not exist, and the call fails here",
                        "write " + app[0] + "(" + app[1] + ")"));
            }
            steps.add(new Step(number, context, exten, p, label, app[0], app[1]));
        }

        private Integer priority(String pri) {
            if (pri.equals("n") || pri.equals("s")) {
                return last == null ? null : pri.equals("n") ? last + 1 : last;
            }
            int plus = pri.indexOf('+');
            if (plus > 0) {
                String base = pri.substring(0, plus);
                Integer offset = number(pri.substring(plus + 1));
                return steps.stream().filter(s -> s.context.equals(context) && sameExten(s.exten, exten)
                        && s.label.equals(base)).findFirst().map(s -> offset == null ? null : s.priority + offset)
                        .orElse(null);
            }
            Integer n = number(pri);
            return n == null || n < 1 ? null : n;
        }

        private static Integer number(String s) {
            String t = s.strip();
            return DIGITS.matcher(t).matches() ? Integer.valueOf(t) : null;
        }

        /** {application, data}: {@code App(data)}, {@code App} alone, or the old {@code App,data} form. */
        private static String[] application(String appl) {
            int paren = appl.indexOf('(');
            int comma = appl.indexOf(',');
            if (comma >= 0 && (paren < 0 || comma < paren)) {
                return new String[] {appl.substring(0, comma).strip(), appl.substring(comma + 1), "old"};
            }
            if (paren < 0) {
                return new String[] {appl.strip(), ""};
            }
            int close = appl.lastIndexOf(')');
            String data = close > paren ? appl.substring(paren + 1, close) : appl.substring(paren + 1);
            return new String[] {appl.substring(0, paren).strip(), data};
        }
    }

    /** Drops a {@code ;} comment; {@code \;} is a literal semicolon. */
    static String stripComment(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                out.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
