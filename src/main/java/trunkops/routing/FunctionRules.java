package trunkops.routing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import trunkops.routing.DialplanLines.Step;
import trunkops.routing.DialplanSyntax.Call;
import trunkops.routing.DialplanSyntax.Operand;
import trunkops.routing.LintFinding.Severity;

/**
 * Rules about what one line calls: functions and applications that do not exist in Asterisk 20, DB's argument form,
 * EVAL used as arithmetic, MATH's float result, Macro and Dial's M(), and {@code $[...]} operands that may be
 * empty. Facts: reference seed-dialplan-measured.md traps 1, 3-6 and asterisk-ami.md section 3.1 (A20 sources).
 */
final class FunctionRules {

    /** Function names the tutorials use that Asterisk 20 does not register, with the real one. */
    private static final Map<String, String> NO_SUCH_FUNCTION = Map.of(
            "DEVICESTATE", "DEVICE_STATE",
            "ASTDB", "DB (with family/key: DB(family/key))");

    /** Variables Asterisk always sets on a channel (never empty when read). */
    private static final Set<String> ALWAYS_SET = Set.of("EPOCH", "EXTEN", "CONTEXT", "PRIORITY", "UNIQUEID",
            "CHANNEL", "TIMESTAMP", "DIALSTATUS", "HANGUPCAUSE", "SYSTEMNAME", "ENTITYID", "LINKEDID");

    /** Functions whose result is never empty (not MATH: it returns nothing for an operand that is not a number). */
    private static final Set<String> NEVER_EMPTY = Set.of("RAND", "LEN", "GROUP_COUNT", "GROUP_MATCH_COUNT",
            "DB_EXISTS", "STRFTIME", "DB_KEYCOUNT");

    /** Per variable: the line of each Set and whether that value can never be empty. */
    private final Map<String, TreeMap<Integer, Boolean>> sets = new HashMap<>();

    FunctionRules(DialplanLines lines) {
        for (Step s : lines.steps()) {
            if (s.is("Set")) {
                int eq = s.args().indexOf('=');
                if (eq > 0) {
                    String name = stripUnderscores(s.args().substring(0, eq).strip());
                    boolean safe = nonEmpty(s.args().substring(eq + 1).strip());
                    sets.computeIfAbsent(name, k -> new TreeMap<>()).put(s.line(), safe);
                }
            }
        }
    }

    private static final java.util.regex.Pattern REFERENCE =
            java.util.regex.Pattern.compile("\\$\\{[^{}]*(\\{[^{}]*}[^{}]*)*}");

    private static String stripUnderscores(String name) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '_') {
            i++;
        }
        return name.substring(i);
    }

    void check(Step s, Consumer<LintFinding> out) {
        String text = s.app() + "(" + s.args() + ")";
        for (Call c : DialplanSyntax.calls(text)) {
            call(s, c, out);
        }
        if (s.is("Macro") || s.is("MacroExclusive")) {
            out.accept(macro(s.line(), s.app() + "()"));
        }
        if (s.is("Dial") && hasMacroOption(DialplanSyntax.arg(s.args(), 2))) {
            out.accept(macro(s.line(), "Dial's M() option"));
        }
        Set<String> reported = new HashSet<>();
        for (String expression : DialplanSyntax.expressions(text)) {
            for (Operand o : DialplanSyntax.operands(expression)) {
                if (!o.quoted() && !safe(o, s.line()) && reported.add(o.text())) {
                    out.accept(new LintFinding(Severity.WARNING, s.line(), "empty-operand", o.text()
                            + " is unquoted in $[" + expression.strip() + "]: when it is empty the expression is a "
                            + "syntax error (\"syntax error, unexpected '='\"), evaluates to nothing and GotoIf takes "
                            + "its false branch",
                            "quote both sides (\"" + o.text() + "\" = \"0\") and give the variable a default"));
                }
            }
        }
    }

    private void call(Step s, Call c, Consumer<LintFinding> out) {
        int line = s.line();
        String real = NO_SUCH_FUNCTION.get(c.name());
        if (real != null) {
            out.accept(new LintFinding(Severity.ERROR, line, "unknown-function", c.name() + "() does not exist in "
                    + "Asterisk: at call time it logs 'Function " + c.name() + " not registered' and reads as empty",
                    "use " + real));
        } else if (c.name().equals("CHANNEL") && c.args().strip().equalsIgnoreCase("numchannels")) {
            out.accept(new LintFinding(Severity.ERROR, line, "unknown-function", "CHANNEL(numchannels) is not an "
                    + "item of CHANNEL(): it reads as empty with an error",
                    "count calls per trunk with GROUP()/GROUP_COUNT()"));
        } else if (c.name().startsWith("DB") && !c.name().equals("DB_KEYS") && c.args().contains(",")
                && !c.args().contains("/")) {
            out.accept(new LintFinding(Severity.ERROR, line, "db-comma", c.name() + "(" + c.args() + ") separates "
                    + "family and key with a comma: DB() logs 'DB requires an argument, DB(<family>/<key>)' and "
                    + "reads as empty", c.name() + "(" + c.args().replaceFirst("\\s*,\\s*", "/") + ")"));
        } else if (c.name().equals("EVAL") && arithmetic(c.args())) {
            out.accept(new LintFinding(Severity.ERROR, line, "eval-arithmetic", "EVAL(" + c.args() + ") only "
                    + "substitutes variables a second time; it does no arithmetic, so a counter built with it grows "
                    + "as the text ' + 1 + 1 ...'", "$[" + c.args().strip() + "] or ${MATH(" + c.args().strip()
                    + ",i)}"));
        } else if (c.name().equals("MATH") && DialplanSyntax.split(c.args(), ',').size() < 2) {
            out.accept(new LintFinding(Severity.INFO, line, "math-float", "MATH(" + c.args() + ") returns a float "
                    + "such as 1.000000 unless given a type", "MATH(" + c.args() + ",i) or $[" + c.args() + "]"));
        }
    }

    private static LintFinding macro(int line, String what) {
        return new LintFinding(Severity.ERROR, line, "macro", what + " needs app_macro, which Asterisk 16 and later "
                + "do not build by default (removed in 21): Dial hangs the callee up ~1 ms after it answers while "
                + "DIALSTATUS still says ANSWER, so every answered call is dropped",
                "remove it, or use Dial's U(subroutine^args) with a Gosub subroutine that ends in Return()");
    }

    private static boolean hasMacroOption(String options) {
        int depth = 0;
        for (int i = 0; i + 1 < options.length(); i++) {
            char c = options.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == 'M' && depth == 0 && options.charAt(i + 1) == '(') {
                return true;
            }
        }
        return false;
    }

    private static boolean arithmetic(String args) {
        String literal = args.replaceAll("\\$\\{[^}]*}", "V");
        return literal.matches(".*(V|\\d)\\s*[-+*/%]\\s*(V|\\d).*");
    }

    /** Whether the operand is set (text order: the last Set above the line) to something that is never empty. */
    private boolean safe(Operand o, int line) {
        String name = o.name().toUpperCase(Locale.ROOT);
        if (o.text().startsWith("${" + o.name() + "(")) {
            return NEVER_EMPTY.contains(name);
        }
        if (ALWAYS_SET.contains(name)) {
            return true;
        }
        Map.Entry<Integer, Boolean> last = sets.getOrDefault(o.name(), new TreeMap<>()).lowerEntry(line);
        return last != null && last.getValue();
    }

    /** Whether a Set value can never expand to nothing: a literal, an expression, or a never-empty function. */
    private static boolean nonEmpty(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (value.startsWith("$[")) {
            return true;
        }
        String outside = value.contains("${") ? REFERENCE.matcher(value).replaceAll("") : value;
        if (!outside.isBlank()) {
            return true;
        }
        List<Call> calls = DialplanSyntax.calls(value);
        if (!calls.isEmpty() && value.startsWith("${" + calls.get(0).name())) {
            return NEVER_EMPTY.contains(calls.get(0).name()) || calls.get(0).name().equals("IF")
                    && ifBranchesNonEmpty(calls.get(0).args());
        }
        String inner = value.startsWith("${") && value.endsWith("}") ? value.substring(2, value.length() - 1) : "";
        return ALWAYS_SET.contains(inner);
    }

    private static boolean ifBranchesNonEmpty(String args) {
        DialplanSyntax.Branch b = DialplanSyntax.branch(args, false);
        int q = args.indexOf('?');
        if (q < 0) {
            return false;
        }
        List<String> parts = DialplanSyntax.split(args.substring(q + 1), ':');
        return b.condition() != null && parts.size() == 2 && !parts.get(0).isBlank() && !parts.get(1).isBlank();
    }
}
