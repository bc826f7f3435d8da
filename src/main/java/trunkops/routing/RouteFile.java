package trunkops.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import trunkops.topology.Tech;

/**
 * The text form of a route (docs/routes.md): what {@code route render --file} reads, what the store keeps for every
 * version and what the version diff compares. One {@code key = value} per line, {@code #} comments, keys in any
 * order, {@code pattern} and {@code member} repeatable:
 *
 * <pre>
 * name = US-OUT
 * pattern = _91NXXNXXXXXX strip=1
 * dialers = all                      # or server_ip list: 10.0.0.11, 10.0.0.12
 * strategy = weighted                # priority | round-robin | weighted | least-loaded
 * member = SIP/trunk1 weight=70 priority=1 max=40
 * member = SIP/trunk2 weight=30 priority=2
 * failover-on = CHANUNAVAIL,CONGESTION,5xx,408
 * customer-outcome-override = no
 * max-attempts = 2
 * dial-timeout = 30
 * progress-timeout = 5
 * </pre>
 *
 * Parsing checks syntax only (numbers are numbers, keys are known); {@link RouteValidator} checks meaning.
 */
public final class RouteFile {

    private RouteFile() {
    }

    /** A line that cannot be read, with its 1-based number. */
    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        public ParseException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static Route parse(String text) throws ParseException {
        String name = null;
        List<RoutePattern> patterns = new ArrayList<>();
        List<String> dialers = List.of();
        Strategy strategy = null;
        List<RouteMember> members = new ArrayList<>();
        String failoverOn = FailoverPolicy.DEFAULT.text();
        boolean override = false;
        Integer attempts = null;
        int dialTimeout = Route.DEFAULT_DIAL_TIMEOUT_S;
        int progressTimeout = Route.DEFAULT_PROGRESS_TIMEOUT_S;
        List<TrunkSettings> trunks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ParseException(no, "expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "name" -> name = value;
                case "pattern" -> patterns.add(pattern(no, value));
                case "dialers" -> dialers = value.equalsIgnoreCase("all") || value.isEmpty() ? List.of()
                        : List.of(value.split("\\s*,\\s*"));
                case "strategy" -> strategy = Strategy.parse(value).orElseThrow(() -> new ParseException(no,
                        "unknown strategy '" + value + "': priority, round-robin, weighted or least-loaded"));
                case "member" -> members.add(member(no, value, members.size() + 1));
                case "failover-on" -> failoverOn = value;
                case "customer-outcome-override" -> override = yes(no, value);
                case "max-attempts" -> attempts = integer(no, key, value);
                case "dial-timeout" -> dialTimeout = integer(no, key, value);
                case "progress-timeout" -> progressTimeout = integer(no, key, value);
                case "trunk" -> trunks.add(trunk(no, value));
                default -> throw new ParseException(no, "unknown key '" + key + "'");
            }
        }
        if (name == null) {
            throw new ParseException(lines.length, "no 'name = ...' line");
        }
        if (strategy == null) {
            throw new ParseException(lines.length, "no 'strategy = ...' line");
        }
        FailoverPolicy policy;
        try {
            policy = FailoverPolicy.parse(failoverOn, override);
        } catch (IllegalArgumentException e) {
            throw new ParseException(lineOf(lines, "failover-on"), e.getMessage());
        }
        return new Route(name, patterns, dialers, strategy, members, policy,
                attempts == null ? members.size() : attempts, dialTimeout, progressTimeout, trunks);
    }

    /** The canonical text of a route: parse(format(r)) equals r. */
    public static String format(Route r) {
        StringBuilder sb = new StringBuilder();
        sb.append("name = ").append(r.name()).append('\n');
        for (RoutePattern p : r.patterns()) {
            sb.append("pattern = ").append(p.pattern());
            if (p.strip() != 0) {
                sb.append(" strip=").append(p.strip());
            }
            sb.append('\n');
        }
        sb.append("dialers = ").append(r.allDialers() ? "all" : String.join(", ", r.dialers())).append('\n');
        sb.append("strategy = ").append(r.strategy().text()).append('\n');
        for (RouteMember m : r.members()) {
            sb.append("member = ").append(m.trunk()).append(" weight=").append(m.weight())
                    .append(" priority=").append(m.priority());
            m.maxCalls().ifPresent(max -> sb.append(" max=").append(max));
            sb.append('\n');
        }
        sb.append("failover-on = ").append(r.failover().text()).append('\n');
        sb.append("customer-outcome-override = ").append(r.failover().customerOutcomesAcknowledged() ? "yes" : "no")
                .append('\n');
        sb.append("max-attempts = ").append(r.maxAttempts()).append('\n');
        sb.append("dial-timeout = ").append(r.dialTimeoutSeconds()).append('\n');
        sb.append("progress-timeout = ").append(r.progressTimeoutSeconds()).append('\n');
        for (TrunkSettings t : r.trunks()) {
            sb.append("trunk = ").append(t.tech().name()).append('/').append(t.name());
            t.options().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code SIP/rt-peer host=10.0.0.1 port=5060 dtmfmode=rfc2833}: a peer the route itself defines. */
    private static TrunkSettings trunk(int no, String spec) throws ParseException {
        String[] parts = spec.strip().split("\\s+");
        int slash = parts[0].indexOf('/');
        if (slash <= 0 || slash == parts[0].length() - 1) {
            throw new ParseException(no, "trunk '" + spec.strip() + "' must be TECH/peer option=value ...");
        }
        Optional<Tech> tech = Tech.fromDialTech(parts[0].substring(0, slash));
        if (tech.isEmpty()) {
            throw new ParseException(no, "trunk '" + parts[0] + "': unknown technology");
        }
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new ParseException(no, "trunk option '" + parts[i] + "' must be option=value");
            }
            options.put(parts[i].substring(0, eq).toLowerCase(Locale.ROOT), parts[i].substring(eq + 1));
        }
        return new TrunkSettings(tech.get(), parts[0].substring(slash + 1), options);
    }

    /** {@code SIP/trunk1:70} (the command line's short form) or {@code SIP/trunk1 weight=70 priority=1 max=40}. */
    public static RouteMember member(String spec, int defaultPriority) throws ParseException {
        return member(0, spec, defaultPriority);
    }

    private static RouteMember member(int no, String spec, int defaultPriority) throws ParseException {
        String[] parts = spec.strip().split("\\s+");
        String trunk = parts[0];
        Integer shortWeight = null;
        int colon = trunk.lastIndexOf(':');
        if (colon > 0) {
            shortWeight = integer(no, "weight", trunk.substring(colon + 1));
            trunk = trunk.substring(0, colon);
        }
        int slash = trunk.indexOf('/');
        if (slash <= 0 || slash == trunk.length() - 1) {
            throw new ParseException(no, "member '" + spec.strip() + "' must be TECH/peer, e.g. SIP/trunk1");
        }
        String techText = trunk.substring(0, slash);
        Optional<Tech> tech = Tech.fromDialTech(techText);
        if (tech.isEmpty()) {
            throw new ParseException(no, "unknown technology '" + techText + "' (SIP, PJSIP or IAX2)");
        }
        int weight = shortWeight == null ? 1 : shortWeight;
        int priority = defaultPriority;
        OptionalInt max = OptionalInt.empty();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String k = eq < 0 ? parts[i] : parts[i].substring(0, eq).toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : parts[i].substring(eq + 1);
            switch (k) {
                case "weight" -> weight = integer(no, "weight", v);
                case "priority" -> priority = integer(no, "priority", v);
                case "max" -> max = v.equalsIgnoreCase("none") ? OptionalInt.empty()
                        : OptionalInt.of(integer(no, "max", v));
                default -> throw new ParseException(no, "unknown member setting '" + parts[i]
                        + "' (weight=, priority=, max=)");
            }
        }
        return new RouteMember(tech.get(), trunk.substring(slash + 1), priority, weight, max);
    }

    private static RoutePattern pattern(int no, String value) throws ParseException {
        String[] parts = value.split("\\s+");
        int strip = 0;
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].toLowerCase(Locale.ROOT).startsWith("strip=")) {
                throw new ParseException(no, "unknown pattern setting '" + parts[i] + "' (strip=N)");
            }
            strip = integer(no, "strip", parts[i].substring(6));
        }
        return new RoutePattern(parts[0], strip);
    }

    private static int integer(int no, String what, String v) throws ParseException {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new ParseException(no, what + " '" + v.strip() + "' is not a whole number");
        }
    }

    private static boolean yes(int no, String v) throws ParseException {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y" -> true;
            case "no", "false", "n" -> false;
            default -> throw new ParseException(no, "expected yes or no, got '" + v + "'");
        };
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static int lineOf(String[] lines, String key) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().toLowerCase(Locale.ROOT).startsWith(key)) {
                return i + 1;
            }
        }
        return lines.length;
    }
}
