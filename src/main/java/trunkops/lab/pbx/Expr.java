package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk 20's {@code $[...]} (main/ast_expr2.fl and ast_expr2.y), written from reading them:
 * <ul>
 * <li>tokens: an unquoted {@code [0-9]+(.[0-9]+)?} is a numeric string; a double-quoted token is a <em>string,
 * quotes kept</em> ({@code "10" < "9"} compares text and is 1; {@code "5" + 1} is a non-numeric argument); any other
 * word is a string;</li>
 * <li>precedence, loosest first: {@code ?:: | & (= != < > <= >=) (+ -) (* / %) (! unary-) (: =~ ~~)};</li>
 * <li>comparisons are numeric unless one side is a string; arithmetic is floating point printed with up to 16
 * significant digits ({@code 7/2} = 3.5); division by zero gives 2147483647; a non-numeric operand of + - follows
 * op_plus/op_minus (the other operand, or 0); * / % give 0;</li>
 * <li>{@code a | b} is a unless a is empty or zero, then b; {@code a & b} is a when both are non-empty and
 * non-zero, else 0;</li>
 * <li>a syntax error (e.g. the missing operand of {@code $[ = 0]}) is logged and the expression reads {@code 0}
 * (ast_expr leaves no value and pbx_substitute writes "0"), which GotoIf takes as false; {@code $[]} is empty.</li>
 * </ul>
 */
final class Expr {

    private static final Logger LOG = LoggerFactory.getLogger(Expr.class);
    private static final Pattern NUMERIC_TOKEN = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*[+-]?\\d{1,18}");
    private static final String SINGLE_OPS = "|&=<>+-*/%?!:()";

    private enum Type { NUMBER, NUMERIC_STRING, STRING }

    private record Val(Type type, String s, double n) {
        static Val number(double d) {
            return new Val(Type.NUMBER, null, d);
        }

        static Val bool(boolean b) {
            return number(b ? 1 : 0);
        }

        boolean isString() {
            return type == Type.STRING;
        }

        /** to_number: a number, or a numeric string converted; null for a string. */
        Double num() {
            if (type == Type.NUMBER) {
                return n;
            }
            return type == Type.NUMERIC_STRING ? parseLeading(s) : null;
        }

        String text() {
            return type == Type.NUMBER ? format(n) : s;
        }

        boolean zeroOrNull() {
            if (type == Type.NUMBER) {
                return n == 0;
            }
            Double d = num();
            return s.isEmpty() || (d != null && d == 0);
        }
    }

    /** A parse error, as ast_yyerror reports it. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Val> tokens;
    private int pos;

    private Expr(List<Val> tokens) {
        this.tokens = tokens;
    }

    static String evaluate(String expression) {
        List<Val> tokens = tokenize(expression);
        if (tokens.isEmpty()) {
            return "";
        }
        Expr e = new Expr(tokens);
        try {
            Val v = e.cond();
            if (e.peekOp() != null || e.pos < tokens.size()) {
                throw new SyntaxError("syntax error, unexpected '" + tokens.get(e.pos).s + "', expecting $end");
            }
            return v.text();
        } catch (SyntaxError ex) {
            LOG.warn("ast_yyerror():  syntax error: {}; Input:\n{}", ex.getMessage(), expression);
            return "0";
        }
    }

    /** Operators are tokens of type null-free STRING flagged by an {@code op} prefix char \u0000. */
    private static List<Val> tokenize(String s) {
        List<Val> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                end = end < 0 ? s.length() - 1 : end;
                out.add(new Val(Type.STRING, s.substring(i, end + 1), 0));
                i = end + 1;
            } else if (i + 1 < s.length() && List.of("||", "&&", "==", "=~", "~~", ">=", "<=", "!=", "::")
                    .contains(s.substring(i, i + 2))) {
                out.add(op(s.substring(i, i + 2)));
                i += 2;
            } else if (SINGLE_OPS.indexOf(c) >= 0 || c == ',') {
                out.add(op(String.valueOf(c)));
                i++;
            } else {
                int start = i;
                while (i < s.length() && " \t\r\n\"".indexOf(s.charAt(i)) < 0 && SINGLE_OPS.indexOf(s.charAt(i)) < 0
                        && s.charAt(i) != ',' && !s.startsWith("~~", i) && !s.startsWith("=~", i)) {
                    i++;
                }
                String word = s.substring(start, i);
                out.add(new Val(NUMERIC_TOKEN.matcher(word).matches() ? Type.NUMERIC_STRING : Type.STRING, word, 0));
            }
        }
        return out;
    }

    private static Val op(String o) {
        return new Val(null, o, 0);
    }

    /** The operator at the current position, or null (end or an operand). */
    private String peekOp() {
        if (pos >= tokens.size() || tokens.get(pos).type() != null) {
            return null;
        }
        return switch (tokens.get(pos).s()) {
            case "||" -> "|";
            case "&&" -> "&";
            case "==" -> "=";
            default -> tokens.get(pos).s();
        };
    }

    private boolean accept(String op) {
        if (op.equals(peekOp())) {
            pos++;
            return true;
        }
        return false;
    }

    private Val cond() {
        Val c = or();
        if (accept("?")) {
            Val a = cond();
            if (!accept("::")) {
                throw new SyntaxError("syntax error, unexpected $end, expecting TOK_COLONCOLON");
            }
            Val b = cond();
            boolean t = c.isString() ? !c.s().isEmpty() && !c.s().equals("\"\"") && !c.s().equals("0")
                    : !c.zeroOrNull();
            return t ? a : b;
        }
        return c;
    }

    private Val or() {
        Val l = and();
        while (accept("|")) {
            Val r = and();
            l = l.zeroOrNull() ? r : l;
        }
        return l;
    }

    private Val and() {
        Val l = compare();
        while (accept("&")) {
            Val r = compare();
            l = l.zeroOrNull() || r.zeroOrNull() ? Val.number(0) : l;
        }
        return l;
    }

    private Val compare() {
        Val l = additive();
        while (true) {
            String op = peekOp();
            if (op == null || !List.of("=", "!=", "<", ">", "<=", ">=").contains(op)) {
                return l;
            }
            pos++;
            Val r = additive();
            int c;
            if (l.isString() || r.isString()) {
                c = Integer.signum(l.text().compareTo(r.text()));
            } else {
                c = Double.compare(l.num(), r.num());
            }
            l = Val.bool(switch (op) {
                case "=" -> c == 0;
                case "!=" -> c != 0;
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                default -> c >= 0;
            });
        }
    }

    private Val additive() {
        Val l = multiplicative();
        while (true) {
            boolean plus = accept("+");
            if (!plus && !accept("-")) {
                return l;
            }
            Val r = multiplicative();
            Double a = l.num();
            Double b = r.num();
            if (a == null) {
                LOG.warn("non-numeric argument");
                l = b == null ? Val.number(0) : plus ? r : Val.number(-b);
            } else if (b == null) {
                if (!plus) {
                    LOG.warn("non-numeric argument");
                }
            } else {
                l = Val.number(plus ? a + b : a - b);
            }
        }
    }

    private Val multiplicative() {
        Val l = unary();
        while (true) {
            String op = peekOp();
            if (op == null || !(op.equals("*") || op.equals("/") || op.equals("%"))) {
                return l;
            }
            pos++;
            Val r = unary();
            Double a = l.num();
            Double b = r.num();
            if (a == null || b == null) {
                LOG.warn("non-numeric argument");
                l = Val.number(op.equals("/") && a != null ? Integer.MAX_VALUE : 0);
            } else if (op.equals("*")) {
                l = Val.number(a * b);
            } else if (b == 0) {
                LOG.warn("division by zero");
                l = op.equals("/") ? Val.number(Integer.MAX_VALUE) : r;
            } else {
                l = Val.number(op.equals("/") ? a / b : a % b);
            }
        }
    }

    private Val unary() {
        if (accept("!")) {
            Val a = unary();
            return Val.bool(!compl(a));
        }
        if (accept("-")) {
            Double a = unary().num();
            if (a == null) {
                LOG.warn("non-numeric argument");
                return Val.number(0);
            }
            return Val.number(-a);
        }
        return regexLevel();
    }

    private Val regexLevel() {
        Val l = primary();
        while (true) {
            if (accept(":")) {
                l = regex(l, primary(), true);
            } else if (accept("=~")) {
                l = regex(l, primary(), false);
            } else if (accept("~~")) {
                Val r = primary();
                l = new Val(Type.STRING, stripQuotes(l.text()) + stripQuotes(r.text()), 0);
            } else {
                return l;
            }
        }
    }

    private Val primary() {
        if (accept("(")) {
            Val v = cond();
            if (!accept(")")) {
                throw new SyntaxError(pos >= tokens.size() ? "syntax error, unexpected $end, expecting ')'"
                        : "syntax error, unexpected '" + tokens.get(pos).s() + "', expecting ')'");
            }
            return v;
        }
        if (pos >= tokens.size()) {
            throw new SyntaxError("syntax error, unexpected $end");
        }
        Val t = tokens.get(pos);
        if (t.type() == null) {
            throw new SyntaxError("syntax error, unexpected '" + t.s() + "'");
        }
        pos++;
        return t;
    }

    /** op_compl's truth test: 0, empty or atoi()==0 is false. */
    private static boolean compl(Val a) {
        if (a.type() == Type.NUMBER) {
            return a.n() != 0;
        }
        if (a.s().isEmpty() || a.s().equals("0")) {
            return false;
        }
        Matcher m = LEADING_INT.matcher(a.s());
        return m.find() && Long.parseLong(m.group().strip()) != 0;
    }

    private static Val regex(Val l, Val r, boolean anchored) {
        try {
            Matcher m = Pattern.compile((anchored ? "^(?:" : "(?:") + stripQuotes(r.text()) + ")")
                    .matcher(stripQuotes(l.text()));
            if (!m.find()) {
                return m.groupCount() >= 1 ? new Val(Type.STRING, "", 0) : Val.number(0);
            }
            if (m.groupCount() >= 1) {
                return new Val(Type.STRING, m.group(1) == null ? "" : m.group(1), 0);
            }
            return Val.number(m.end() - m.start());
        } catch (PatternSyntaxException e) {
            LOG.warn("regcomp() error: {}", e.getDescription());
            return Val.number(0);
        }
    }

    private static String stripQuotes(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** strtod on a numeric string. */
    private static double parseLeading(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** %.16g-like: integers without a point, others with up to 16 significant digits. */
    private static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new java.math.BigDecimal(d).round(new java.math.MathContext(16)).stripTrailingZeros().toPlainString();
    }

    /** The truth of an application's condition (GotoIf, ExecIf, IF): pbx_checkcondition, i.e. non-empty and not a zero integer. */
    static boolean truthy(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        Matcher m = LEADING_INT.matcher(v);
        if (m.find()) {
            return Long.parseLong(m.group().strip()) != 0;
        }
        return true;
    }
}
