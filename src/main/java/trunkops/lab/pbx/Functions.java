package trunkops.lab.pbx;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialplan functions the lab supports, named and behaving as in Asterisk 20: DB, DB_EXISTS, DB_DELETE,
 * RAND, GROUP, GROUP_COUNT, DEVICE_STATE, LEN, IF, MATH, CALLERID, HANGUPCAUSE, HANGUPCAUSE_KEYS, GLOBAL, CUT,
 * ISNULL, EXISTS. An unknown function (DEVICESTATE, ASTDB, ...) logs {@code Function X not registered} and
 * reads as empty, as Asterisk does at call time.
 */
final class Functions {

    private static final Logger LOG = LoggerFactory.getLogger(Functions.class);

    private final Pbx pbx;
    private final Map<String, String> globals;

    Functions(Pbx pbx, Map<String, String> globals) {
        this.pbx = pbx;
        this.globals = globals;
    }

    long nowSeconds() {
        return pbx.clock().nowMillis() / 1000;
    }

    String global(String name) {
        return globals.getOrDefault(name, "");
    }

    String read(Channel ch, String name, String args) {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "DB", "DB_EXISTS": {
                String fn = name.toUpperCase(Locale.ROOT);
                String[] fk = familyKey(args);
                if (fk == null) {
                    LOG.warn("{} requires an argument, DB(<family>/<key>)", fn);
                    return "";
                }
                String v = pbx.astdb().get(fk[0], fk[1]);
                if (v != null && ch != null) {
                    pbx.channels.setVar(ch, "DB_RESULT", v);
                }
                if (fn.equals("DB_EXISTS")) {
                    return v == null ? "0" : "1";
                }
                return v == null ? "" : v;
            }
            case "DB_DELETE": {
                String[] fk = familyKey(args);
                if (fk == null) {
                    return "";
                }
                String v = pbx.astdb().get(fk[0], fk[1]);
                pbx.astdb().delete(fk[0], fk[1]);
                return v == null ? "" : v;
            }
            case "RAND": {
                String[] p = args.split(",", 2);
                long min = leadingInt(p.length > 0 ? p[0] : "", 0);
                long max = leadingInt(p.length > 1 ? p[1] : "", Integer.MAX_VALUE);
                if (max < min) {
                    long t = max;
                    max = min;
                    min = t;
                }
                return Long.toString(ThreadLocalRandom.current().nextLong(min, max + 1));
            }
            case "GROUP":
                return ch == null ? "" : ch.groups.getOrDefault(args.strip(), "");
            case "GROUP_COUNT":
                return Integer.toString(pbx.channels.groupCount(ch, args.strip()));
            case "DEVICE_STATE":
                return pbx.sip.deviceState(args.strip());
            case "LEN":
                return Integer.toString(args.length());
            case "ISNULL":
                return args.isEmpty() ? "1" : "0";
            case "EXISTS":
                return args.isEmpty() ? "0" : "1";
            case "IF":
                return acfIf(args);
            case "MATH":
                return MathFunction.apply(args);
            case "CALLERID": {
                String what = args.strip().toLowerCase(Locale.ROOT);
                if (ch == null) {
                    return "";
                }
                return switch (what) {
                    case "num", "number" -> ch.callerIdNum;
                    case "name" -> ch.callerIdName;
                    case "all" -> "\"" + ch.callerIdName + "\" <" + ch.callerIdNum + ">";
                    default -> "";
                };
            }
            case "HANGUPCAUSE_KEYS":
                return ch == null ? "" : pbx.channels.hangupCauseKeys(ch);
            case "HANGUPCAUSE": {
                String[] p = args.split(",", 2);
                if (p.length != 2) {
                    LOG.warn("The HANGUPCAUSE function must have 2 parameters, not {}", p.length);
                    return "";
                }
                return pbx.channels.hangupCauseOf(ch, p[0], p[1]);
            }
            case "GLOBAL":
                return global(args.strip());
            case "FILTER":
                return filter(args);
            case "CUT":
                return ch == null ? "" : cut(ch, AppArgs.split(args));
            default:
                LOG.error("Function {} not registered", name);
                return "";
        }
    }

    /** {@code Set(FUNC(args)=value)}; returns false for an unknown or read-only function. */
    boolean write(Channel ch, String name, String args, String value) {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "DB": {
                String[] fk = familyKey(args);
                if (fk == null) {
                    LOG.warn("DB requires an argument, DB(<family>/<key>)=value");
                    return true;
                }
                pbx.astdb().put(fk[0], fk[1], value);
                return true;
            }
            case "GROUP":
                if (ch != null) {
                    ch.groups.put(args.strip(), value);
                }
                return true;
            case "GLOBAL":
                globals.put(args.strip(), value);
                return true;
            case "DEVICE_STATE":
                return pbx.sip.setCustomDeviceState(args.strip(), value);
            case "CALLERID":
                if (ch != null) {
                    if (args.strip().startsWith("num")) {
                        ch.callerIdNum = value;
                    } else if (args.strip().startsWith("name")) {
                        ch.callerIdName = value;
                    }
                }
                return true;
            default:
                LOG.error("Function {} not registered", name);
                return false;
        }
    }

    /**
     * func_logic's IF(expr?true:false): split at the first {@code ?} then the first {@code :} outside quotes and
     * parentheses; an empty expression or no {@code ?} reads empty; branches stripped; pbx_checkcondition.
     */
    private static String acfIf(String args) {
        String[] q = AppArgs.splitOnce(args, '?');
        if (q[0].isBlank() || q[1] == null) {
            return "";
        }
        String[] branches = AppArgs.splitOnce(q[1], ':');
        String chosen = Expr.truthy(q[0].strip()) ? branches[0] : branches[1];
        return chosen == null ? "" : chosen.strip();
    }

    /** func_strings' FILTER(allowed,string): keeps the characters of string listed in allowed (ranges a-z). */
    private static String filter(String args) {
        int comma = args.indexOf(',');
        if (comma < 0) {
            LOG.warn("FILTER requires an argument, FILTER(<allowed-chars>,<string>)");
            return "";
        }
        String allowed = args.substring(0, comma);
        boolean[] ok = new boolean[256];
        for (int i = 0; i < allowed.length(); i++) {
            char c = allowed.charAt(i);
            if (i + 2 < allowed.length() && allowed.charAt(i + 1) == '-') {
                for (int x = c; x <= allowed.charAt(i + 2) && x < 256; x++) {
                    ok[x] = true;
                }
                i += 2;
            } else if (c < 256) {
                ok[c] = true;
            }
        }
        StringBuilder out = new StringBuilder();
        for (char c : args.substring(comma + 1).toCharArray()) {
            if (c < 256 && ok[c]) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** func_cut: {@code CUT(var,delim,fields)} with fields {@code n}, {@code n-m}, {@code n-} or {@code -m}. */
    private String cut(Channel ch, java.util.List<String> a) {
        if (a.size() < 3) {
            LOG.warn("Syntax: CUT(<varname>,<char-delim>,<range-spec>) - missing argument!");
            return "";
        }
        String value = ch.vars.getOrDefault(a.get(0), global(a.get(0)));
        String delim = a.get(1).isEmpty() ? "-" : a.get(1).substring(0, 1);
        String[] fields = value.split(java.util.regex.Pattern.quote(delim), -1);
        StringBuilder out = new StringBuilder();
        for (String range : a.get(2).split("&")) {
            int dash = range.indexOf('-');
            long from = dash == 0 ? 1 : parseLong(dash < 0 ? range : range.substring(0, dash), 1);
            long to = dash < 0 ? from : dash == range.length() - 1 ? fields.length
                    : parseLong(range.substring(dash + 1), from);
            for (long i = Math.max(1, from); i <= Math.min(to, fields.length); i++) {
                if (out.length() > 0) {
                    out.append(delim);
                }
                out.append(fields[(int) i - 1]);
            }
        }
        return out.toString();
    }

    /** {@code family/key} (DB's argument separator is the slash). */
    private static String[] familyKey(String args) {
        int slash = args.indexOf('/');
        if (args.isEmpty() || slash < 0) {
            return null;
        }
        return new String[] {args.substring(0, slash), args.substring(slash + 1)};
    }

    /** sscanf("%d"): leading blanks, an optional sign and digits; the fallback when there are none. */
    private static long leadingInt(String s, long fallback) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([+-]?\\d{1,10})").matcher(s);
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
