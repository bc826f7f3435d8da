package trunkops.routing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import trunkops.routing.FailoverPolicy;
import trunkops.routing.FailoverTrigger;
import trunkops.routing.Route;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteProblem;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

/**
 * The editor's fields as typed, turned into a {@link Route} plus what could not even be read (a number that is not
 * one, a member that is not TECH/peer). Something unreadable is reported once, here, and replaced by a harmless
 * value so that {@link trunkops.routing.RouteValidator} can still check the rest as the operator types.
 */
public record RouteDraft(String name, String patterns, String dialers, Strategy strategy, List<MemberInput> members,
                         List<String> triggers, boolean override, String maxAttempts, String dialTimeout,
                         String progressTimeout) {

    /** One member row as typed: trunk ({@code SIP/peer}), priority, weight, max calls (empty = none). */
    public record MemberInput(String trunk, String priority, String weight, String maxCalls) {
    }

    /** The route read from the fields and the problems reading it. */
    public record Result(Route route, List<RouteProblem> problems) {
    }

    public RouteDraft {
        members = List.copyOf(members);
        triggers = List.copyOf(triggers);
    }

    public Result read() {
        List<RouteProblem> problems = new ArrayList<>();
        List<RoutePattern> pats = patterns(problems);
        List<String> ds = dialers.isBlank() || dialers.strip().equalsIgnoreCase("all") ? List.of()
                : List.of(dialers.strip().split("\\s*[,\\s]\\s*"));
        List<RouteMember> ms = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            member(i, members.get(i), problems).ifPresent(ms::add);
        }
        List<FailoverTrigger> ts = new ArrayList<>();
        for (String t : triggers) {
            try {
                ts.add(FailoverTrigger.parse(t));
            } catch (IllegalArgumentException e) {
                problems.add(error("failover", e.getMessage()));
            }
        }
        int attempts = number("max attempts", maxAttempts, ms.size(), problems);
        int dial = number("dial timeout", dialTimeout, Route.DEFAULT_DIAL_TIMEOUT_S, problems);
        int progress = number("progress timeout", progressTimeout, Route.DEFAULT_PROGRESS_TIMEOUT_S, problems);
        Route route = new Route(name.strip(), pats, ds, strategy, ms, new FailoverPolicy(ts, override), attempts,
                dial, progress);
        return new Result(route, problems);
    }

    /** One pattern per line or comma: {@code _91NXXNXXXXXX strip=1} (or {@code _91NXXNXXXXXX 1}). */
    private List<RoutePattern> patterns(List<RouteProblem> problems) {
        List<RoutePattern> out = new ArrayList<>();
        for (String line : patterns.split("[,\\n]")) {
            String[] parts = line.strip().split("\\s+");
            if (parts[0].isEmpty()) {
                continue;
            }
            int strip = 0;
            if (parts.length > 1) {
                String s = parts[1].toLowerCase(Locale.ROOT);
                strip = number("pattern", s.startsWith("strip=") ? s.substring(6) : s, 0, problems);
            }
            if (parts.length > 2) {
                problems.add(error("pattern", "'" + line.strip() + "': write one pattern and its strip, e.g."
                        + " _91NXXNXXXXXX strip=1"));
            }
            out.add(new RoutePattern(parts[0], strip));
        }
        return out;
    }

    private static Optional<RouteMember> member(int row, MemberInput in, List<RouteProblem> problems) {
        String trunk = in.trunk() == null ? "" : in.trunk().strip();
        int slash = trunk.indexOf('/');
        Optional<Tech> tech = slash > 0 ? Tech.fromDialTech(trunk.substring(0, slash)) : Optional.empty();
        if (tech.isEmpty() || slash == trunk.length() - 1) {
            problems.add(error("member " + (row + 1), trunk.isEmpty() ? "pick a trunk for member " + (row + 1)
                    : "'" + trunk + "' is not TECH/peer (SIP, PJSIP or IAX2)"));
            return Optional.empty();
        }
        String field = "member " + trunk;
        int priority = number(field, in.priority(), row + 1, problems);
        int weight = number(field, in.weight(), 0, problems);
        OptionalInt max = in.maxCalls() == null || in.maxCalls().isBlank() ? OptionalInt.empty()
                : OptionalInt.of(number(field, in.maxCalls(), 1, problems));
        return Optional.of(new RouteMember(tech.get(), trunk.substring(slash + 1), priority, weight, max));
    }

    private static int number(String field, String text, int fallback, List<RouteProblem> problems) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            problems.add(error(field, field + ": '" + (text == null ? "" : text.strip())
                    + "' is not a whole number"));
            return fallback;
        }
    }

    private static RouteProblem error(String field, String message) {
        return new RouteProblem(RouteProblem.Severity.ERROR, field, message);
    }

    /** The fields showing {@code r} (the inverse of {@link #read()} for a readable route). */
    public static RouteDraft of(Route r) {
        List<MemberInput> ms = r.members().stream().map(m -> new MemberInput(m.trunk(),
                Integer.toString(m.priority()), Integer.toString(m.weight()),
                m.maxCalls().isPresent() ? Integer.toString(m.maxCalls().getAsInt()) : "")).toList();
        return new RouteDraft(r.name(), String.join("\n", r.patterns().stream().map(RoutePattern::toString).toList()),
                r.allDialers() ? "all" : String.join(", ", r.dialers()), r.strategy(), ms,
                r.failover().triggers().stream().map(FailoverTrigger::text).toList(),
                r.failover().customerOutcomesAcknowledged(), Integer.toString(r.maxAttempts()),
                Integer.toString(r.dialTimeoutSeconds()), Integer.toString(r.progressTimeoutSeconds()));
    }

    /** What Ctrl+N starts from: the default triggers and timing, no members yet. */
    public static RouteDraft blank() {
        return new RouteDraft("", "", "all", Strategy.WEIGHTED, List.of(),
                FailoverPolicy.DEFAULT.triggers().stream().map(FailoverTrigger::text).toList(), false, "1",
                Integer.toString(Route.DEFAULT_DIAL_TIMEOUT_S), Integer.toString(Route.DEFAULT_PROGRESS_TIMEOUT_S));
    }
}
