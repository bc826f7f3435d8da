package trunkops.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pieces of application data the linter reads: argument lists split the way Asterisk's
 * {@code AST_STANDARD_APP_ARGS} splits them (commas outside parentheses, brackets and quotes), {@code ${FUNC(...)}}
 * calls, {@code $[...]} expressions, Goto targets and the {@code cond?true:false} form of GotoIf.
 */
final class DialplanSyntax {

    private DialplanSyntax() {
    }

    /** A function call {@code ${NAME(args)}}; {@code args} as written. */
    record Call(String name, String args) {
    }

    /** A variable or function reference {@code ${...}} inside an expression and whether it sits in quotes. */
    record Operand(String text, String name, boolean quoted) {
    }

    /** A Goto destination; context and exten empty when not given. */
    record Target(String context, String exten, String priority) {
    }

    /** {@code GotoIf(cond?ifTrue:ifFalse)}: either branch may be absent (empty = continue with the next priority). */
    record Branch(String condition, Optional<Target> ifTrue, Optional<Target> ifFalse) {
    }

    static List<String> split(String data, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == sep && depth == 0 && !quoted) {
                out.add(data.substring(start, i));
                start = i + 1;
            }
        }
        out.add(data.substring(start));
        return out;
    }

    /** The argument at {@code index} (0-based), stripped, or {@code ""}. */
    static String arg(String data, int index) {
        List<String> args = split(data, ',');
        return index < args.size() ? args.get(index).strip() : "";
    }

    /** Every {@code ${NAME(...)}} in {@code text}, nested ones included. */
    static List<Call> calls(String text) {
        List<Call> out = new ArrayList<>();
        for (int i = text.indexOf("${"); i >= 0; i = text.indexOf("${", i + 2)) {
            int j = i + 2;
            while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                j++;
            }
            if (j > i + 2 && j < text.length() && text.charAt(j) == '(') {
                int close = closing(text, j, '(', ')');
                out.add(new Call(text.substring(i + 2, j).toUpperCase(Locale.ROOT),
                        text.substring(j + 1, close < 0 ? text.length() : close)));
            }
        }
        return out;
    }

    /** The contents of every {@code $[...]} in {@code text} (outermost only). */
    static List<String> expressions(String text) {
        List<String> out = new ArrayList<>();
        int i = text.indexOf("$[");
        while (i >= 0) {
            int close = closing(text, i + 1, '[', ']');
            if (close < 0) {
                break;
            }
            out.add(text.substring(i + 2, close));
            i = text.indexOf("$[", close);
        }
        return out;
    }

    /** The {@code ${...}} references at the top level of an expression, with whether each is inside quotes. */
    static List<Operand> operands(String expression) {
        List<Operand> out = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '$' && i + 1 < expression.length() && expression.charAt(i + 1) == '{') {
                int close = closing(expression, i + 1, '{', '}');
                if (close < 0) {
                    break;
                }
                String inner = expression.substring(i + 2, close);
                int cut = indexOfAny(inner, ":(");
                out.add(new Operand(expression.substring(i, close + 1), cut < 0 ? inner : inner.substring(0, cut),
                        quoted));
                i = close;
            } else if (c == '$' && i + 1 < expression.length() && expression.charAt(i + 1) == '[') {
                int close = closing(expression, i + 1, '[', ']');
                i = close < 0 ? expression.length() : close;
            }
        }
        return out;
    }

    /** {@code Goto}'s {@code [[context,]exten,]priority}; a target written with {@code ${...}} is not resolvable. */
    static Optional<Target> target(String data) {
        String d = data.strip();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = split(d, ',').stream().map(String::strip).toList();
        return switch (parts.size()) {
            case 1 -> Optional.of(new Target("", "", parts.get(0)));
            case 2 -> Optional.of(new Target("", parts.get(0), parts.get(1)));
            default -> Optional.of(new Target(parts.get(0), parts.get(1), parts.get(2)));
        };
    }

    /** {@code Gosub}'s target: the same as Goto's, with the {@code (args)} after the priority removed. */
    static Optional<Target> gosubTarget(String data) {
        String d = data.strip();
        int paren = d.indexOf('(');
        return target(paren >= 0 ? d.substring(0, paren) : d);
    }

    /** Splits GotoIf/GosubIf data into the condition and its two destinations. */
    static Branch branch(String data, boolean gosub) {
        int q = topLevel(data, '?', 0);
        if (q < 0) {
            return new Branch(data, Optional.empty(), Optional.empty());
        }
        String dest = data.substring(q + 1);
        int colon = topLevel(dest, ':', 0);
        String t = colon < 0 ? dest : dest.substring(0, colon);
        String f = colon < 0 ? "" : dest.substring(colon + 1);
        return new Branch(data.substring(0, q), gosub ? gosubTarget(t) : target(t), gosub ? gosubTarget(f) : target(f));
    }

    /**
     * Evaluates a GotoIf condition that compares only {@code ${DIALSTATUS}} with literals ({@code =}, {@code !=},
     * {@code |}, {@code &}); empty when it depends on anything else.
     */
    static Optional<Boolean> evaluate(String condition, String dialStatus) {
        String c = condition.strip();
        if (c.startsWith("$[") && c.endsWith("]")) {
            c = c.substring(2, c.length() - 1);
        } else {
            return Optional.empty();
        }
        c = c.replace("${DIALSTATUS}", dialStatus);
        if (c.contains("${") || c.contains("(")) {
            return Optional.empty();
        }
        boolean any = false;
        for (String or : split(c, '|')) {
            boolean all = true;
            for (String and : split(or, '&')) {
                Optional<Boolean> v = compare(and);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                all &= v.get();
            }
            any |= all;
        }
        return Optional.of(any);
    }

    private static Optional<Boolean> compare(String term) {
        int ne = term.indexOf("!=");
        int eq = term.indexOf('=');
        if (eq < 0) {
            return Optional.empty();
        }
        boolean negate = ne >= 0 && ne < eq;
        int split = negate ? ne : eq;
        String left = unquote(term.substring(0, split));
        String right = unquote(term.substring(split + (negate ? 2 : term.startsWith("==", eq) ? 2 : 1)));
        return Optional.of(left.equals(right) != negate);
    }

    private static String unquote(String s) {
        return s.strip().replace("\"", "");
    }

    private static int topLevel(String s, char c, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '(' || x == '[' || x == '{') {
                depth++;
            } else if ((x == ')' || x == ']' || x == '}') && depth > 0) {
                depth--;
            } else if (x == c && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    static int closing(String s, int open, char o, char c) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == o) {
                depth++;
            } else if (s.charAt(i) == c && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
