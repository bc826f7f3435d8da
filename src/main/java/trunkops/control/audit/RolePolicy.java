package trunkops.control.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import trunkops.control.ControlVerb;

/**
 * Who may do what (docs/adr/0010, docs/audit.md): a policy file the administrator controls maps OS users to roles,
 * one {@code <user> <role>} per line, {@code *} for everyone not listed; anyone else is a {@link Role#VIEWER}. A
 * missing, unreadable or group/world-writable file leaves everyone a viewer, and {@link #problems()} says why. The
 * console and the CLI ask {@link #check} before acting and show the refusal's message as it is.
 */
public final class RolePolicy {

    /** What someone may ask for, and the least role that may. */
    public enum Action {
        OFFLINE(Role.OPERATOR, "take a trunk offline"),
        ONLINE(Role.OPERATOR, "put a trunk back online"),
        DRAIN(Role.OPERATOR, "drain a trunk"),
        WEIGHT(Role.OPERATOR, "change a live weight"),
        MAX_CALLS(Role.OPERATOR, "change a live call limit"),
        MAINTENANCE_WINDOW(Role.OPERATOR, "plan a maintenance window"),
        REROUTE(Role.ENGINEER, "change a campaign's or list's dial prefix"),
        CARRIER_ACTIVE(Role.ENGINEER, "set a ViciDial carrier active or inactive"),
        ROUTE_EDIT(Role.ENGINEER, "edit or save a route"),
        ROUTE_PUSH(Role.ENGINEER, "push a route to the dialers"),
        ALERT_SILENCE(Role.OPERATOR, "silence alerts");

        private final Role least;
        private final String words;

        Action(Role least, String words) {
            this.least = least;
            this.words = words;
        }

        public Role least() {
            return least;
        }

        public String words() {
            return words;
        }

        public static Action of(ControlVerb verb) {
            return switch (verb) {
                case OFFLINE -> OFFLINE;
                case ONLINE -> ONLINE;
                case DRAIN -> DRAIN;
                case WEIGHT -> WEIGHT;
                case MAX_CALLS -> MAX_CALLS;
                case REROUTE, REROUTE_RESTORE -> REROUTE;
                case CARRIER_INACTIVE, CARRIER_ACTIVE -> CARRIER_ACTIVE;
                case ROUTE_PUSH, ROUTE_PUSH_STEP -> ROUTE_PUSH;
                case ALERT_SILENCE -> ALERT_SILENCE;
            };
        }
    }

    /** The answer: {@code message} says who, which role they have, which one the action needs and who grants it. */
    public record Decision(boolean allowed, String message) {
    }

    private final Map<String, Role> roles;
    private final Role others;
    private final String source;
    private final List<String> problems;

    private RolePolicy(Map<String, Role> roles, Role others, String source, List<String> problems) {
        this.roles = Map.copyOf(roles);
        this.others = others;
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** {@code /etc/trunkops/roles.conf}; on Windows {@code %ProgramData%\TrunkOps\roles.conf}. */
    public static Path defaultFile() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String pd = System.getenv("ProgramData");
            return Path.of(pd == null || pd.isBlank() ? "C:\\ProgramData" : pd, "TrunkOps", "roles.conf");
        }
        return Path.of("/etc/trunkops/roles.conf");
    }

    /** Reads {@code file}; never throws (a problem leaves everyone, or the line's user, a viewer). */
    public static RolePolicy load(Path file) {
        List<String> problems = new ArrayList<>();
        String where = file.toString();
        List<String> lines;
        try {
            String insecure = insecure(file);
            if (insecure != null) {
                problems.add("role policy " + where + " ignored: " + insecure + " (chmod 644, owned by root):"
                        + " everyone is a viewer");
                return new RolePolicy(Map.of(), Role.VIEWER, where, problems);
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add("no role policy at " + where + ": everyone is a viewer (docs/audit.md says how an"
                    + " administrator sets it up)");
            return new RolePolicy(Map.of(), Role.VIEWER, where, problems);
        } catch (IOException | RuntimeException e) {
            problems.add("role policy " + where + " could not be read (" + e.getMessage() + "): everyone is a viewer");
            return new RolePolicy(Map.of(), Role.VIEWER, where, problems);
        }
        return parse(lines, where, problems);
    }

    /** The policy of {@code lines} (the file's text), {@code where} naming it in messages. */
    public static RolePolicy parse(List<String> lines, String where, List<String> problems) {
        List<String> found = new ArrayList<>(problems);
        Map<String, Role> roles = new HashMap<>();
        Role others = Role.VIEWER;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+");
            var role = parts.length == 2 ? Role.parse(parts[1]) : java.util.Optional.<Role>empty();
            if (role.isEmpty()) {
                found.add(where + " line " + (i + 1) + " ignored: expected '<os-user> viewer|operator|engineer'");
                continue;
            }
            String user = parts[0].toLowerCase(Locale.ROOT);
            if (user.equals("*")) {
                others = role.get();
            } else if (roles.put(user, role.get()) != null) {
                found.add(where + " line " + (i + 1) + ": " + parts[0] + " is listed twice; the last line counts");
            }
        }
        return new RolePolicy(roles, others, where, found);
    }

    /** A group- or world-writable policy is no policy: anyone could grant themselves a role. Null when fine. */
    private static String insecure(Path file) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                return "it is writable by group or others";
            }
        } catch (UnsupportedOperationException e) {
            return null; // not POSIX (Windows): the ACL of %ProgramData% is the administrator's
        }
        return null;
    }

    /** The role of OS user {@code user} (user names compare ignoring letter case). */
    public Role roleOf(String user) {
        return roles.getOrDefault(Objects.requireNonNull(user).toLowerCase(Locale.ROOT), others);
    }

    public Identity identify(String user, String host) {
        return new Identity(user, host, roleOf(user));
    }

    /** May {@code who} do {@code action}? The refusal names the person, their role, the role needed, the file. */
    public Decision check(Identity who, Action action) {
        if (who.role().atLeast(action.least())) {
            return new Decision(true, who.display() + " may " + action.words());
        }
        return new Decision(false, who.who() + " is " + article(who.role()) + " and may not " + action.words()
                + ": that needs the " + action.least().word() + " role, which an administrator grants in "
                + source);
    }

    public Decision check(Identity who, ControlVerb verb) {
        return check(who, Action.of(verb));
    }

    private static String article(Role r) {
        return (r == Role.OPERATOR || r == Role.ENGINEER ? "an " : "a ") + r.word();
    }

    /** Where the policy came from (the file). */
    public String source() {
        return source;
    }

    /** What was wrong with the file: missing, insecure, lines ignored. Empty when it was read cleanly. */
    public List<String> problems() {
        return problems;
    }
}
