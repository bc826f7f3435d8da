package trunkops.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A deliberately small, strict runner of ONE generated extension, written from Asterisk 20's documented and
 * source-read semantics (RouteGenerator's javadoc): eager substitution of ${...} and $[...] (inner first), quoted
 * operands in $[...] are strings with their quotes, IF splits at the first '?' then ':', IF fails (empty) on an
 * empty condition, Dial returns only when not answered. It throws on anything it does not know (an unknown
 * function or application, an expression syntax error, arithmetic on a string) so a generator slip fails a test
 * instead of passing silently. It is not the lab's PBX; it only lets unit tests exercise the route logic.
 */
final class MiniPbx {

    /** What a Dial to one trunk does: status, cause, tech cause (null: no channel or no final response), seconds. */
    record Outcome(String status, int cause, String tech, double seconds) {
        static Outcome answer() {
            return new Outcome("ANSWER", 16, null, 0.5);
        }
    }

    /** One Dial as the far end saw it. */
    record Dialed(String dest, String timeout, String options, double at) {
    }

    final Map<String, String> db = new HashMap<>();
    final Map<String, String> deviceStates = new HashMap<>();
    final Map<String, Integer> groupCounts = new HashMap<>();
    final List<String> events = new ArrayList<>();
    final List<Dialed> dials = new ArrayList<>();
    private final Map<String, String> vars = new HashMap<>();
    private final Random random;
    private final Function<String, Outcome> farEnd;
    double clock = 1_700_000_000.25;
    String group = "";
    String result = "";
    private String keys = "";
    private String techCause = "";

    MiniPbx(Random random, Function<String, Outcome> farEnd) {
        this.random = random;
        this.farEnd = farEnd;
    }

    MiniPbx set(String var, String value) {
        vars.put(var, value);
        return this;
    }

    /** Runs the extension whose pattern is {@code exten} for the dialed number; ends at Hangup or an answer. */
    void run(String dialplan, String exten, String number) {
        List<DialplanChecks.Line> lines = DialplanChecks.parse(dialplan, new ArrayList<>()).stream()
                .filter(l -> l.exten().equals(exten)).toList();
        vars.put("EXTEN", number);
        int pc = 0;
        for (int steps = 0; steps < 10_000; steps++) {
            DialplanChecks.Line l = lines.get(pc);
            String args = subst(l.args());
            pc++;
            switch (l.app()) {
                case "AGI", "NoOp" -> { }
                case "Set" -> assign(args);
                case "UserEvent" -> events.add(args);
                case "HangupCauseClear" -> keys = "";
                case "Hangup" -> {
                    result = "hangup";
                    return;
                }
                case "GotoIf" -> {
                    String cond = args.substring(0, args.lastIndexOf('?'));
                    String[] to = args.substring(args.lastIndexOf('?') + 1).split(":", -1);
                    String target = truth(cond) ? to[0] : (to.length > 1 ? to[1] : "");
                    if (!target.isEmpty()) {
                        pc = label(lines, target);
                    }
                }
                case "Dial" -> {
                    if (dial(args)) {
                        result = "answered";
                        return;
                    }
                }
                default -> throw new IllegalStateException("unknown application " + l.app());
            }
        }
        throw new IllegalStateException("endless loop");
    }

    private static int label(List<DialplanChecks.Line> lines, String target) {
        for (int i = 0; i < lines.size(); i++) {
            if (target.equals(lines.get(i).label())) {
                return i;
            }
        }
        throw new IllegalStateException("Priority '" + target + "' must be a number > 0, or valid label");
    }

    private void assign(String args) {
        int eq = args.indexOf('=');
        String name = args.substring(0, eq);
        String value = args.substring(eq + 1);
        if (name.startsWith("DB(")) {
            db.put(name.substring(3, name.length() - 1), value);
        } else if (name.startsWith("GROUP(")) {
            group = value + "@" + name.substring(6, name.length() - 1);
        } else {
            vars.put(name, value);
        }
    }

    private boolean dial(String args) {
        String[] a = args.split(",", -1);
        String[] t = a[1].split("\\^");
        double answer = Double.parseDouble(t[0]);
        double progress = Double.parseDouble(t[1]);
        if (answer <= 0 || progress <= 0) {
            throw new IllegalStateException("Dial without a timeout: " + args);
        }
        dials.add(new Dialed(a[0], a[1], a[2], clock));
        String peer = a[0].startsWith("PJSIP/") ? "PJSIP/" + a[0].substring(a[0].indexOf('@') + 1)
                : a[0].substring(0, a[0].lastIndexOf('/'));
        Outcome o = farEnd.apply(peer);
        if (o.status().equals("ANSWER")) {
            return true;
        }
        // a far end that has said nothing when the progress timeout expires: CHANUNAVAIL (app_dial.c, wait_for_answer)
        boolean silent = o.tech() == null && o.seconds() >= progress && progress < answer;
        double took = silent ? progress : o.status().equals("NOANSWER") ? answer : Math.min(o.seconds(), answer);
        clock += took;
        vars.put("DIALSTATUS", silent ? "CHANUNAVAIL" : took >= answer ? "NOANSWER" : o.status());
        vars.put("HANGUPCAUSE", Integer.toString(o.cause()));
        if (o.tech() != null) {
            keys = peer + "-00000001";
            techCause = o.tech();
        }
        return false;
    }

    private static boolean truth(String cond) {
        String c = cond.strip();
        if (c.isEmpty()) {
            return false;
        }
        try {
            return Double.parseDouble(c) != 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    String subst(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("${", i) || s.startsWith("$[", i)) {
                char open = s.charAt(i + 1);
                char close = open == '{' ? '}' : ']';
                int depth = 0;
                int j = i + 1;
                for (; j < s.length(); j++) {
                    if (s.charAt(j) == open) {
                        depth++;
                    } else if (s.charAt(j) == close && --depth == 0) {
                        break;
                    }
                }
                String inner = subst(s.substring(i + 2, j));
                out.append(open == '{' ? value(inner) : MiniExpr.eval(inner));
                i = j + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private String value(String inner) {
        int paren = inner.indexOf('(');
        if (paren > 0 && inner.endsWith(")")) {
            return function(inner.substring(0, paren), inner.substring(paren + 1, inner.length() - 1));
        }
        if (inner.equals("EPOCH")) {
            return Long.toString((long) clock);
        }
        String[] p = inner.split(":");
        String v = vars.getOrDefault(p[0], "");
        if (p.length == 1) {
            return v;
        }
        int from = Math.min(Integer.parseInt(p[1]), v.length());
        int len = p.length > 2 ? Integer.parseInt(p[2]) : v.length();
        return v.substring(from, Math.min(v.length(), from + len));
    }

    private String function(String name, String args) {
        switch (name) {
            case "DB":
                if (!args.contains("/") || args.contains(",")) {
                    throw new IllegalStateException("DB requires an argument, DB(<family>/<key>)");
                }
                return db.getOrDefault(args, "");
            case "FILTER": {
                int comma = args.indexOf(',');
                String allowed = args.substring(0, comma);
                StringBuilder out = new StringBuilder();
                for (char c : args.substring(comma + 1).toCharArray()) {
                    if (allowed.equals("0-9") ? c >= '0' && c <= '9' : allowed.equals("a-z") && c >= 'a' && c <= 'z') {
                        out.append(c);
                    }
                }
                return out.toString();
            }
            case "IF": {
                int q = args.indexOf('?');
                String rest = args.substring(q + 1);
                int colon = rest.indexOf(':');
                if (args.substring(0, q).isBlank()) {
                    return "";
                }
                String t = colon < 0 ? rest : rest.substring(0, colon);
                String f = colon < 0 ? "" : rest.substring(colon + 1);
                return truth(args.substring(0, q)) ? t.strip() : f.strip();
            }
            case "CUT": {
                String[] p = args.split(",");
                String[] fields = vars.getOrDefault(p[0], "").split(p[1], -1);
                int n = Integer.parseInt(p[2]);
                return n <= fields.length ? fields[n - 1] : "";
            }
            case "RAND": {
                String[] p = args.split(",");
                int min = Integer.parseInt(p[0]);
                int max = Integer.parseInt(p[1]);
                return Integer.toString(min + random.nextInt(max - min + 1));
            }
            case "GROUP_COUNT":
                return Integer.toString(groupCounts.getOrDefault(args, 0));
            case "DEVICE_STATE":
                return deviceStates.getOrDefault(args, "NOT_INUSE");
            case "HANGUPCAUSE_KEYS":
                return keys;
            case "HANGUPCAUSE": {
                String[] p = args.split(",");
                if (p.length != 2 || !p[0].equals(keys) || !p[1].equals("tech")) {
                    throw new IllegalStateException("HANGUPCAUSE(" + args + ")");
                }
                return techCause;
            }
            default:
                throw new IllegalStateException("Function " + name + " not registered");
        }
    }
}
