package trunkops.lab.pbx;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * func_math's {@code MATH(<number1><op><number2>[,type])}: exactly one operator, looked for in func_math's order
 * (* / % ^ AND XOR OR > < == + -), a leading minus belongs to the first number; comparisons give TRUE/FALSE;
 * other results print as %f (float, the default), %i (int, truncated), %x or %c. Division by zero or a negative
 * divisor gives 0, as in Asterisk 20. Anything it cannot parse logs a warning and reads as empty.
 */
final class MathFunction {

    private static final Logger LOG = LoggerFactory.getLogger(MathFunction.class);
    private static final String[] OPS = {"*", "/", "%", "^", "AND", "XOR", "OR", ">", "<", "=", "+", "-"};

    private MathFunction() {
    }

    static String apply(String args) {
        if (args.isEmpty()) {
            LOG.warn("Syntax: MATH(<number1><op><number 2>[,<type_of_result>]) - missing argument!");
            return "";
        }
        int comma = args.indexOf(',');
        String expr = comma < 0 ? args : args.substring(0, comma);
        String type = comma < 0 ? "f" : args.substring(comma + 1).toLowerCase(Locale.ROOT);
        if (!type.matches("f|float|i|int|h|hex|c|char")) {
            LOG.warn("Unknown type of result requested '{}'.", args.substring(comma + 1));
            return "";
        }
        boolean negative = expr.startsWith("-");
        String v1 = negative ? expr.substring(1) : expr;
        String op = null;
        int at = -1;
        for (String o : OPS) {
            at = v1.indexOf(o);
            if (at >= 0) {
                op = o;
                break;
            }
        }
        if (op == null) {
            LOG.warn("Supply all the parameters - just this once, please");
            return "";
        }
        String v2 = v1.substring(at + op.length());
        v1 = v1.substring(0, at);
        if (op.equals(">") || op.equals("<") || op.equals("=")) {
            if (v2.startsWith("=")) {
                op = op + "=";
                v2 = v2.substring(1);
            } else if (v2.startsWith(op) && !op.equals("=")) {
                op = op + op;
                v2 = v2.substring(1);
            } else if (op.equals("=")) {
                LOG.warn("Supply all the parameters - just this once, please");
                return "";
            }
        }
        Double n1 = leadingNumber(v1);
        Double n2 = leadingNumber(v2);
        if (n1 == null || n2 == null) {
            LOG.warn("'{}' is not a valid number", n1 == null ? v1 : v2);
            return "";
        }
        double a = negative ? -n1 : n1;
        return format(compute(op, a, n2), type);
    }

    private static Object compute(String op, double a, double b) {
        int ia = (int) a;
        int ib = (int) b;
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b <= 0 ? 0.0 : a / b;
            case "%" -> ib == 0 ? 0.0 : (double) (ia % ib);
            case "^" -> Math.pow(a, b);
            case "<<" -> (double) (ia << ib);
            case ">>" -> (double) (ia >> ib);
            case "AND" -> (double) (ia & ib);
            case "XOR" -> (double) (ia ^ ib);
            case "OR" -> (double) (ia | ib);
            case ">" -> a > b;
            case "<" -> a < b;
            case ">=" -> a >= b;
            case "<=" -> a <= b;
            default -> a == b;
        };
    }

    private static String format(Object r, String type) {
        if (r instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        double d = (Double) r;
        return switch (type.charAt(0)) {
            case 'i' -> Integer.toString((int) d);
            case 'h' -> Integer.toHexString((int) (long) d);
            case 'c' -> String.valueOf((char) (((int) d) & 0xff));
            default -> String.format(Locale.ROOT, "%f", d);
        };
    }

    /** sscanf("%lf"): leading blanks, then the longest number prefix; null when there is none. */
    private static Double leadingNumber(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^\\s*([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)").matcher(s);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
