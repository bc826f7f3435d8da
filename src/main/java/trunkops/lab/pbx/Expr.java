package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk's {@code $[...]} expressions (ast_expr2): {@code | & = != < > <= >= =~ : + - * / % ! ?:} with
 * parentheses; operands are numbers or strings (double quotes optional); comparisons are numeric when both
 * sides are numbers, string otherwise; results are {@code 1}/{@code 0} or the computed value. Arithmetic is
 * floating point as in Asterisk 20 ({@code 7/2} is 3.5, printed with up to 16 significant digits); division
 * by zero gives 2147483647 (INT_MAX); {@code a | b} is a when a is neither empty nor zero, else b. A missing
 * operand (an empty variable left {@code $[ = 0]}) is a syntax error: Asterisk logs it and the expression
 * reads as empty, which GotoIf takes as false.
 */
final class Expr {

    private static final Logger LOG = LoggerFactory.getLogger(Expr.class);
    private static final Pattern NUMERIC = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)");

    /** A parse error, as ast_yyerror reports it. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> tokens;
    private int pos;

    private Expr(List<String> tokens) {
        this.tokens = tokens;
    }

    static String evaluate(String expression) {
        List<String> tokens = tokenize(expression);
        if (tokens.isEmpty()) {
            return "";
        }
        Expr e = new Expr(tokens);
        try {
            String v = e.ternary();
            if (e.peek() != null) {
                throw new SyntaxError("syntax error, unexpected '" + e.peek().replace("\u0001", "") + "', expecting $end");
            }
            return v;
        } catch (SyntaxError ex) {
            LOG.warn("ast_yyerror(): syntax error: {}; Input:\n{}", ex.getMessage(), expression);
            return "";
        }
    }

    private static final String OPS = "|&=!<>:+-*/%?()~";

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    end = s.length();
                }
                out.add("\u0001" + s.substring(i + 1, end));
                i = end + 1;
            } else if (s.startsWith("!=", i) || s.startsWith("<=", i) || s.startsWith(">=", i)
                    || s.startsWith("=~", i) || s.startsWith("::", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if (OPS.indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"'
                        && OPS.indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add("\u0001" + s.substring(start, i));
            }
        }
        return out;
    }

    private String peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean accept(String op) {
        if (op.equals(peek())) {
            pos++;
            return true;
        }
        return false;
    }

    private String ternary() {
        String cond = or();
        if (accept("?")) {
            String a = or();
            String b = accept("::") ? or() : "";
            return truthy(cond) ? a : b;
        }
        return cond;
    }

    private String or() {
        String l = and();
        while (accept("|")) {
            String r = and();
            l = truthy(l) ? l : r;
        }
        return l;
    }

    private String and() {
        String l = compare();
        while (accept("&")) {
            String r = compare();
            l = truthy(l) && truthy(r) ? l : "0";
        }
        return l;
    }

    private String compare() {
        String l = additive();
        while (true) {
            String op = peek();
            if (op == null || !(op.equals("=") || op.equals("!=") || op.equals("<") || op.equals(">")
                    || op.equals("<=") || op.equals(">=") || op.equals("=~") || op.equals(":"))) {
                return l;
            }
            pos++;
            String r = additive();
            l = switch (op) {
                case "=~", ":" -> regex(l, r, op.equals(":"));
                default -> {
                    int c = cmp(l, r);
                    boolean b = switch (op) {
                        case "=" -> c == 0;
                        case "!=" -> c != 0;
                        case "<" -> c < 0;
                        case ">" -> c > 0;
                        case "<=" -> c <= 0;
                        default -> c >= 0;
                    };
                    yield b ? "1" : "0";
                }
            };
        }
    }

    private String additive() {
        String l = multiplicative();
        while (true) {
            if (accept("+")) {
                l = num(num(l) + num(multiplicative()));
            } else if (accept("-")) {
                l = num(num(l) - num(multiplicative()));
            } else {
                return l;
            }
        }
    }

    private String multiplicative() {
        String l = unary();
        while (true) {
            if (accept("*")) {
                l = num(num(l) * num(unary()));
            } else if (accept("/")) {
                String r = unary();
                l = !isNumber(l) ? "0" : !isNumber(r) || num(r) == 0 ? "2147483647" : num(num(l) / num(r));
            } else if (accept("%")) {
                String r = unary();
                l = !isNumber(l) || !isNumber(r) ? "0" : num(r) == 0 ? r : num(num(l) % num(r));
            } else {
                return l;
            }
        }
    }

    private String unary() {
        if (accept("!")) {
            return truthy(unary()) ? "0" : "1";
        }
        if (accept("-")) {
            return num(-num(unary()));
        }
        if (accept("(")) {
            String v = ternary();
            if (!accept(")")) {
                throw new SyntaxError(peek() == null ? "syntax error, unexpected $end, expecting ')'"
                        : "syntax error, unexpected '" + peek() + "', expecting ')'");
            }
            return v;
        }
        String t = peek();
        if (t == null) {
            throw new SyntaxError("syntax error, unexpected $end");
        }
        if (!t.startsWith("\u0001")) {
            throw new SyntaxError("syntax error, unexpected '" + t + "'");
        }
        pos++;
        return t.substring(1);
    }

    private static String regex(String l, String r, boolean anchored) {
        try {
            Matcher m = Pattern.compile(anchored ? "^(?:" + r + ")" : r).matcher(l);
            if (!m.find()) {
                return "0";
            }
            return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : Integer.toString(m.end() - m.start());
        } catch (PatternSyntaxException e) {
            return "0";
        }
    }

    private static boolean isNumber(String s) {
        return NUMERIC.matcher(s).matches();
    }

    private static int cmp(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return a.compareTo(b);
    }

    private static double num(String s) {
        return isNumber(s) ? Double.parseDouble(s) : 0;
    }

    private static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new java.math.BigDecimal(d).round(new java.math.MathContext(16)).stripTrailingZeros().toPlainString();
    }

    static boolean truthy(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        if (isNumber(v)) {
            return Double.parseDouble(v) != 0;
        }
        return true;
    }
}
