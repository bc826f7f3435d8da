package trunkops.lab.pbx;

import java.util.Locale;

/**
 * pbx_config: turns a parsed extensions.conf into a {@link Dialplan}. Keeps pbx_config's quirks that matter to
 * a console verifying a push: {@code n} counts from the previous line of the same section whatever its
 * extension, an application without its closing parenthesis is registered with the data it has, and a second
 * registration of the same extension and priority is refused (the first one stays).
 */
public final class DialplanLoader {

    private DialplanLoader() {
    }

    public static Dialplan load(AstConfig cfg) {
        Dialplan dp = new Dialplan();
        for (AstConfig.Category cat : cfg.categories()) {
            String name = cat.name();
            if (name.equalsIgnoreCase("general")) {
                continue;
            }
            if (name.equalsIgnoreCase("globals")) {
                for (AstConfig.Var v : cat.vars()) {
                    dp.globals().put(v.name(), v.value());
                }
                continue;
            }
            loadContext(dp, cat);
        }
        return dp;
    }

    private static void loadContext(Dialplan dp, AstConfig.Category cat) {
        Dialplan.Context ctx = dp.context(cat.name(), true);
        int lastPri = -2;
        String lastExt = null;
        for (AstConfig.Var v : cat.vars()) {
            String key = v.name().toLowerCase(Locale.ROOT);
            switch (key) {
                case "include" -> {
                    String inc = v.value();
                    int comma = inc.indexOf(',');
                    ctx.includes.add((comma < 0 ? inc : inc.substring(0, comma)).strip());
                }
                case "exten", "same" -> {
                    String rest = v.value();
                    String ext;
                    if (key.equals("exten")) {
                        int comma = rest.indexOf(',');
                        if (comma < 0) {
                            dp.warnings().add("Invalid extension line at line " + v.line() + " of " + v.file());
                            continue;
                        }
                        ext = rest.substring(0, comma).strip();
                        int slash = ext.indexOf('/');
                        if (slash >= 0) {
                            ext = ext.substring(0, slash);
                        }
                        rest = rest.substring(comma + 1);
                    } else {
                        if (lastExt == null) {
                            dp.warnings().add("No previous extension for 'same' at line " + v.line() + " of "
                                    + v.file());
                            continue;
                        }
                        ext = lastExt;
                    }
                    int comma = rest.indexOf(',');
                    String pri = (comma < 0 ? rest : rest.substring(0, comma)).strip();
                    String appPart = comma < 0 ? "" : rest.substring(comma + 1).strip();
                    String label = null;
                    int paren = pri.indexOf('(');
                    if (paren >= 0) {
                        int close = pri.indexOf(')', paren);
                        label = pri.substring(paren + 1, close < 0 ? pri.length() : close);
                        pri = pri.substring(0, paren);
                    }
                    int ipri;
                    if (pri.equals("n") || pri.equals("next")) {
                        if (lastPri <= -2) {
                            dp.warnings().add("Can't use 'next' priority on the first entry at line " + v.line()
                                    + " of " + v.file() + "!");
                            continue;
                        }
                        ipri = lastPri + 1;
                    } else if (pri.equals("s") || pri.equals("same")) {
                        ipri = lastPri;
                    } else if (pri.equals("hint")) {
                        lastExt = ext;
                        continue;
                    } else {
                        try {
                            ipri = Integer.parseInt(pri);
                        } catch (NumberFormatException e) {
                            Dialplan.Extension existing = ctx.extension(ext, false);
                            ipri = existing == null ? -1 : Dialplan.resolvePriority(existing, pri);
                            if (ipri < 1) {
                                dp.warnings().add("Invalid priority/label '" + pri + "' at line " + v.line()
                                        + " of " + v.file());
                                ipri = 0;
                            }
                        }
                    }
                    lastPri = ipri;
                    lastExt = ext;
                    if (ipri < 1) {
                        continue;
                    }
                    String[] app = splitApp(appPart, v, dp);
                    Dialplan.Extension e = ctx.extension(ext, true);
                    if (e.priorities.containsKey(ipri)) {
                        dp.warnings().add("Unable to register extension '" + ext + "' priority " + ipri + " in '"
                                + ctx.name + "', already in use");
                        continue;
                    }
                    e.priorities.put(ipri, new Dialplan.Priority(ipri, label, app[0], app[1], v.file(), v.line()));
                }
                default -> {
                    // ignorepat, switch, eswitch, lswitch and unknown keys: not simulated
                }
            }
        }
    }

    /** {@code App(data)} or the legacy {@code App,data}; returns {app, data}. */
    static String[] splitApp(String appPart, AstConfig.Var v, Dialplan dp) {
        int open = appPart.indexOf('(');
        int comma = appPart.indexOf(',');
        if (open >= 0 && (comma < 0 || open < comma)) {
            String app = appPart.substring(0, open).strip();
            String data = appPart.substring(open + 1);
            int close = data.lastIndexOf(')');
            if (close >= 0) {
                data = data.substring(0, close);
            } else {
                dp.warnings().add("No closing parenthesis found? '" + app + "(" + data + "' at line " + v.line()
                        + " of " + v.file());
            }
            return new String[] {app, data};
        }
        if (comma >= 0) {
            return new String[] {appPart.substring(0, comma).strip(), appPart.substring(comma + 1)};
        }
        return new String[] {appPart.strip(), ""};
    }
}
