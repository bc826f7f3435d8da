package trunkops.drill;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import trunkops.routing.RouteMember;
import trunkops.routing.RouteVersion;

/**
 * One scheduled drill as the operator keeps it (no secrets: names, numbers and times only): drill {@code trunk} of
 * {@code route} on dialer {@code serverId} with {@code calls} test calls to {@code number}@{@code context}, on
 * {@code days}, starting at {@code from} local time and only while the off-peak window {@code from}–{@code to} lasts
 * (a pass that comes late, still inside the window, runs it; after the window, not). An occurrence already started
 * when the console starts or the entry is added counts as done (a restart re-runs nothing): it runs from the next
 * one. A window may cross midnight ({@code to} before {@code from}).
 */
public record ScheduledDrill(String name, String route, String trunk, String serverId, int calls, String number,
                             String context, LocalTime from, LocalTime to, Set<DayOfWeek> days) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 _.-]{1,40}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:/@-]{1,80}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{3,20}");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public ScheduledDrill {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** What is wrong with it (empty = can be kept and run). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        check(p, name, NAME, "name (letters, digits, space, _ . -; up to 40)");
        check(p, route, WORD, "route");
        check(p, trunk, WORD, "trunk");
        check(p, serverId, WORD, "dialer");
        check(p, number, NUMBER, "test number (3-20 digits)");
        check(p, context, CONTEXT, "dial context");
        if (calls < 1 || calls > 50) {
            p.add("test calls must be 1-50");
        }
        if (from == null || to == null || from.equals(to)) {
            p.add("the off-peak window needs a start and a different end");
        }
        if (days.isEmpty()) {
            p.add("choose at least one day");
        }
        return p;
    }

    private static void check(List<String> p, String v, Pattern pt, String what) {
        if (v == null || !pt.matcher(v).matches()) {
            p.add("invalid " + what);
        }
    }

    /** The window's length (crossing midnight when {@code to} is before {@code from}). */
    public Duration window() {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? d.plusDays(1) : d;
    }

    /** The plan against the route's current version (empty when the route or trunk is gone). */
    public Optional<DrillPlan> plan(List<RouteVersion> routes, String actor) {
        Optional<RouteVersion> v = routes.stream().filter(r -> r.name().equals(route)).findFirst();
        Optional<RouteMember> a = v.flatMap(r -> r.route().byPriority().stream()
                .filter(m -> m.trunk().equals(trunk)).findFirst());
        if (a.isEmpty()) {
            return Optional.empty();
        }
        DrillPlan p = new DrillPlan(v.get(), a.get(), serverId, calls, number, context, Optional.empty(),
                Duration.ofSeconds(30), 1, actor, "scheduled drill '" + name + "' (off-peak " + from + "–" + to + ")");
        return Optional.of(p.withMaxVerify(p.verifyCallsNeeded()));
    }

    /** As the core scheduler takes it. */
    public DrillSchedule schedule(ZoneId zone, DrillPlan plan) {
        return new DrillSchedule(name, days, from, zone, List.of(plan));
    }

    public String describe() {
        return name + ": " + route + ", " + trunk + " out on " + serverId + ", " + calls + " call(s) to " + number
                + "@" + context + ", " + days.stream().sorted().map(d -> d.name().substring(0, 3).toLowerCase(
                Locale.ROOT)).collect(Collectors.joining(",")) + " " + from + "–" + to;
    }
}
