package trunkops.ami;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the console's AMI user may do, read from Asterisk's {@code ListCommands} answer, and what of it is more than
 * the console needs. Asterisk lists exactly the actions the session's <em>write</em> classes allow (manager.c
 * {@code action_listcommands}: {@code writeperm & authority}, or authority 0), one header per action:
 * {@code Command: Execute Asterisk CLI Command. (Priv: command)}. An action whose only class is C proves the user
 * has write class C.
 */
public final class PrivilegeCheck {

    /** ViciDial's own manager users (manager.conf.sample of ViciDial); the console must have its own. */
    private static final Set<String> VICIDIAL_USERS = Set.of("cron", "updatecron", "listencron", "sendcron",
            "sipcron");
    private static final Pattern PRIV = Pattern.compile("\\(Priv: ([^)]*)\\)\\s*$");

    private PrivilegeCheck() {
    }

    /** Action name (lower case) → its write classes, from the headers of a ListCommands response. */
    public static Map<String, Set<String>> actions(Map<String, ?> headers) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            Matcher m = PRIV.matcher(value.toString());
            if (m.find()) {
                Set<String> classes = new java.util.TreeSet<>();
                for (String c : m.group(1).split(",")) {
                    if (!c.isBlank() && !c.strip().equals("<none>")) {
                        classes.add(c.strip().toLowerCase(Locale.ROOT));
                    }
                }
                out.put(name.toLowerCase(Locale.ROOT), classes);
            }
        });
        return out;
    }

    /**
     * One sentence per excess privilege of {@code user}, given the actions ListCommands listed ({@link #actions});
     * empty when the user has only what the console needs.
     */
    public static List<String> excess(String user, Map<String, Set<String>> actions) {
        List<String> out = new ArrayList<>();
        if (VICIDIAL_USERS.contains(user.toLowerCase(Locale.ROOT))) {
            out.add("it is ViciDial's own AMI user '" + user + "' (its scripts use it; give the console a user of its"
                    + " own)");
        }
        if (actions.containsKey("command")) {
            out.add("write class 'command' runs any CLI command");
        }
        if (actions.containsKey("updateconfig") || actions.containsKey("createconfig")) {
            out.add("write class 'config' rewrites Asterisk's configuration files (the dialplan included)");
        }
        return out;
    }

    /**
     * What the user can read although the console needs it: write class 'system' on a dialer with res_pjsip (the
     * console's PJSIP poll is PJSIPShowEndpoint) also answers AuthDetail with every trunk password in clear.
     */
    private static String pjsipExposure(Map<String, Set<String>> actions) {
        return !actions.containsKey("pjsipshowendpoint") ? null
                : "it can read every PJSIP trunk password: write class 'system' on this PJSIP dialer, which the"
                + " console's PJSIP poll needs, lets PJSIPShowEndpoint answer AuthDetail with Password in clear"
                + " (keep this user's secret as safe as the trunk passwords)";
    }

    /** The operator's warning for {@code serverId}, or null when there is nothing to say. */
    public static String warning(String serverId, String user, Map<String, Set<String>> actions) {
        List<String> excess = excess(user, actions);
        String pjsip = pjsipExposure(actions);
        if (excess.isEmpty()) {
            return pjsip == null ? null : "AMI user '" + user + "' on " + serverId + ": " + pjsip + ".";
        }
        return "AMI user '" + user + "' on " + serverId + " may do more than the console needs: "
                + String.join("; ", excess) + ". The console needs read=system,call,reporting,user and"
                + " write=system,call,reporting,originate (manager.conf, see the README)."
                + (pjsip == null ? "" : " Also, " + pjsip + ".");
    }
}
