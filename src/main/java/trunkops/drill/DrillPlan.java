package trunkops.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.topology.DialPattern;

/**
 * What a drill will do: on dialer {@code serverId}, take trunk A ({@code trunk}, a member of the route) out, place
 * {@code calls} test calls to {@code number} through ViciDial's dial context ({@code Local/<number>@<context>}, the
 * production path to the route), restore A and verify it takes calls again.
 *
 * @param fault        empty: A is forced offline through the ASTDB flag; present: a real fault the operator
 *                     names (the drill applies and removes it through the handle, and changes nothing else)
 * @param callTimeout  each test call's Originate timeout (ViciDial's campaign dial_timeout)
 * @param maxVerify    at most this many calls after the restore to see A take one
 */
public record DrillPlan(RouteVersion route, RouteMember trunk, String serverId, int calls, String number,
                        String context, Optional<ExternalFault> fault, Duration callTimeout, int maxVerify,
                        String actor, String reason) {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{3,20}");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** A real fault the operator names (e.g. the carrier's address blocked on the firewall). */
    public interface ExternalFault {
        String describe();

        void apply() throws Exception;

        void remove() throws Exception;
    }

    public DrillPlan {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
    }

    /** The members other than A, in failover order. */
    public List<RouteMember> backups() {
        return route.route().byPriority().stream().filter(m -> !m.trunk().equals(trunk.trunk())).toList();
    }

    public String channel() {
        return "Local/" + number + "@" + context;
    }

    /** What is wrong with the plan itself (nothing is asked of the dialer); empty = fine. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (route.route().members().stream().noneMatch(m -> m.trunk().equals(trunk.trunk()))) {
            p.add("trunk " + trunk.trunk() + " is not a member of route " + route.name());
        }
        if (backups().isEmpty()) {
            p.add("route " + route.name() + " has no member besides " + trunk.trunk() + ": nothing to fail over to");
        }
        if (route.route().maxAttempts() < 2 && route.route().strategy() == Strategy.PRIORITY) {
            p.add("route " + route.name() + " allows 1 attempt per call: it cannot fail over within a call");
        }
        if (calls < 1 || calls > 50) {
            p.add("calls must be 1-50, not " + calls);
        }
        if (maxVerify < 1 || maxVerify > 50) {
            p.add("verify calls must be 1-50, not " + maxVerify);
        }
        if (!NUMBER.matcher(number).matches()) {
            p.add("test number must be 3-20 digits (the dial string with the campaign's prefix)");
        } else if (route.route().patterns().stream().map(RoutePattern::pattern)
                .noneMatch(pt -> DialPattern.of(pt).matches(number))) {
            p.add("test number " + number + " matches none of route " + route.name() + "'s patterns "
                    + route.route().patterns().stream().map(RoutePattern::pattern).toList());
        }
        if (!CONTEXT.matcher(context).matches()) {
            p.add("context must be 1-40 letters, digits, _ or -");
        }
        if (!SERVER.matcher(serverId).matches()) {
            p.add("dialer id must be 1-64 letters, digits, _ . : or -");
        }
        if (callTimeout.toSeconds() < 5 || callTimeout.toSeconds() > 120) {
            p.add("call timeout must be 5-120 s");
        }
        if (reason.isBlank() || reason.contains("\n") || reason.contains("${")) {
            p.add("a reason is required (one line, no ${)");
        }
        if (!firstPickable()) {
            p.add(trunk.trunk() + " never takes a first attempt on route " + route.name() + " ("
                    + route.route().strategy().name().toLowerCase(java.util.Locale.ROOT)
                    + "): taking it out proves no failover");
        }
        return p;
    }

    /** Whether A can take a call's first attempt when all members are up (else the drill proves nothing). */
    boolean firstPickable() {
        return switch (route.route().strategy()) {
            case PRIORITY -> route.route().byPriority().get(0).trunk().equals(trunk.trunk());
            case WEIGHTED -> trunk.weight() > 0
                    || route.route().members().stream().allMatch(m -> m.weight() == 0);
            default -> true;
        };
    }

    /** The share of first attempts A takes when every member is up (priority: 1 when first). */
    public double firstShare() {
        return switch (route.route().strategy()) {
            case PRIORITY -> firstPickable() ? 1.0 : 0.0;
            case WEIGHTED -> route.route().totalWeight() == 0 ? 1.0
                    : trunk.weight() / (double) route.route().totalWeight();
            default -> 1.0 / route.route().members().size();
        };
    }

    /** Enough verify calls that A, taking {@link #firstShare()} of first attempts, misses all with < 0.1 % chance. */
    public int verifyCallsNeeded() {
        double share = firstShare();
        if (share >= 0.999 || share <= 0) {
            return 1;
        }
        return (int) Math.min(50, Math.ceil(Math.log(0.001) / Math.log(1 - share)));
    }

    /** The same plan with {@code n} verify calls. */
    public DrillPlan withMaxVerify(int n) {
        return new DrillPlan(route, trunk, serverId, calls, number, context, fault, callTimeout, n, actor, reason);
    }

    /** The plan in words (what {@code --dry-run} prints). */
    public List<String> describe() {
        String out = fault.map(f -> "apply the named fault: " + f.describe())
                .orElse("force " + trunk.trunk() + " offline on " + serverId
                        + " (ASTDB trunkops/admin/" + trunk.peer() + ", with an expiry as a safety net)");
        return List.of(
                "route " + route.name() + " v" + route.version() + " ("
                        + route.route().strategy().name().toLowerCase(java.util.Locale.ROOT) + ", members "
                        + route.route().byPriority().stream().map(RouteMember::trunk).toList() + ")",
                "1. preflight: role, no other drill on " + route.name() + ", " + trunk.trunk()
                        + " in service, backups " + backups().stream().map(RouteMember::trunk).toList()
                        + " up now on " + serverId,
                "2. " + out,
                "3. " + calls + " test call(s): Originate " + channel() + " (timeout " + callTimeout.toSeconds()
                        + " s), one after another",
                "4. restore " + trunk.trunk() + (fault.isPresent() ? " (remove the fault)" : " (ASTDB key deleted)"),
                "5. verify: up to " + maxVerify + " call(s) until " + trunk.trunk() + " answers one",
                "6. report: pass/fail, per call attempts, trunks, statuses, times; latency of the members");
    }
}
