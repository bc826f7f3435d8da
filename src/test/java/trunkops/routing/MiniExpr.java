package trunkops.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * $[...] as main/ast_expr2.y evaluates it, strictly: a quoted token is a string (quotes kept), digits a number;
 * comparisons are textual when either side is a string; | & return an operand; an empty or missing operand is a
 * syntax error, and so (here) is arithmetic on a string, so tests catch the generator writing one.
 */
final class MiniExpr {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\"[^\"]*\"|\\d+(?:\\.\\d+)?|<=|>=|!=|==|[|&=<>+*/%()!-]"
            + "|[A-Za-z0-9_.';\\\\^#@]+)");

    private record V(boolean str, String s, long n) {
        static V num(long n) {
            return new V(false, null, n);
        }

        String text() {
            return str ? s : Long.toString(n);
        }

        boolean zeroOrNull() {
            return str ? s.isEmpty() : n == 0;
        }
    }

    private final List<String> tokens = new ArrayList<>();
    private int pos;

    private MiniExpr(String text) {
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (!text.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalStateException("syntax error in $[" + text + "] at " + at);
            }
            tokens.add(m.group(1));
            at = m.end();
        }
    }

    static String eval(String text) {
        MiniExpr e = new MiniExpr(text);
        if (e.tokens.isEmpty()) {
            throw new IllegalStateException("syntax error: empty $[]");
        }
        V v = e.or();
        if (e.pos != e.tokens.size()) {
            throw new IllegalStateException("syntax error, unexpected '" + e.tokens.get(e.pos) + "' in $[" + text + "]");
        }
        return v.text();
    }

    private boolean at(String op) {
        if (pos < tokens.size() && tokens.get(pos).equals(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private V or() {
        V a = and();
        while (at("|")) {
            V b = and();
            a = a.zeroOrNull() ? b : a;
        }
        return a;
    }

    private V and() {
        V a = cmp();
        while (at("&")) {
            V b = cmp();
            a = a.zeroOrNull() || b.zeroOrNull() ? V.num(0) : a;
        }
        return a;
    }

    private V cmp() {
        V a = add();
        while (pos < tokens.size() && List.of("=", "==", "!=", "<", ">", "<=", ">=").contains(tokens.get(pos))) {
            String op = tokens.get(pos++);
            V b = add();
            int c = a.str || b.str ? a.text().compareTo(b.text()) : Long.compare(a.n, b.n);
            boolean r = switch (op) {
                case "=", "==" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                default -> c >= 0;
            };
            a = V.num(r ? 1 : 0);
        }
        return a;
    }

    private V add() {
        V a = mul();
        while (pos < tokens.size() && (tokens.get(pos).equals("+") || tokens.get(pos).equals("-"))) {
            String op = tokens.get(pos++);
            V b = mul();
            a = V.num(op.equals("+") ? num(a) + num(b) : num(a) - num(b));
        }
        return a;
    }

    private V mul() {
        V a = unary();
        while (pos < tokens.size() && List.of("*", "%").contains(tokens.get(pos))) {
            String op = tokens.get(pos++);
            V b = unary();
            a = V.num(op.equals("*") ? num(a) * num(b) : num(a) % num(b));
        }
        return a;
    }

    private V unary() {
        if (at("-")) {
            return V.num(-num(unary()));
        }
        if (at("(")) {
            V v = or();
            if (!at(")")) {
                throw new IllegalStateException("syntax error: missing )");
            }
            return v;
        }
        if (pos >= tokens.size()) {
            throw new IllegalStateException("syntax error: missing operand");
        }
        String t = tokens.get(pos++);
        if (t.matches("\\d+")) {
            return V.num(Long.parseLong(t));
        }
        if (t.matches("[|&=<>+*/%()!-]|<=|>=|!=|==")) {
            throw new IllegalStateException("syntax error, unexpected '" + t + "'");
        }
        return new V(true, t, 0);
    }

    private static long num(V v) {
        if (v.str) {
            throw new IllegalStateException("non-numeric argument " + v.s);
        }
        return v.n;
    }
}
