package trunkops.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A TrunkOps route: the dial patterns it serves, the dialers it runs on, how it spreads calls over its member
 * trunks and when it fails over. It becomes the dialplan of one ViciDial "router" carrier whose carrier_id is
 * {@link #name()} (ViciDial's carrier_id is at most 15 characters, so is a route name).
 *
 * @param dialers                server_ip of the dialers it runs on; empty means every dialer (ViciDial's 0.0.0.0)
 * @param maxAttempts            how many members one call may try (at most the number of members)
 * @param dialTimeoutSeconds     the dial-timeout budget all attempts share when the call carries no {@code CAMPDTO}
 *                               (ViciDial sets it from the campaign's dial_timeout on every call it originates)
 * @param progressTimeoutSeconds how long an attempt may go without the trunk ringing or answering before it counts
 *                               as CHANUNAVAIL (Dial's {@code ring^progress} timeout): a dead trunk qualify has not
 *                               noticed yet costs this, not chan_sip's 6-32 s transaction timeout
 * @param trunks                 chan_sip peers the route itself defines (its router carrier's account_entry, rendered
 *                               by {@link PeerSectionGenerator}); usually empty: members are other carriers' peers
 */
public record Route(String name, List<RoutePattern> patterns, List<String> dialers, Strategy strategy,
                    List<RouteMember> members, FailoverPolicy failover, int maxAttempts, int dialTimeoutSeconds,
                    int progressTimeoutSeconds, List<TrunkSettings> trunks) {

    public static final int DEFAULT_DIAL_TIMEOUT_S = 30;
    public static final int DEFAULT_PROGRESS_TIMEOUT_S = 5;

    public Route {
        Objects.requireNonNull(name, "name");
        patterns = List.copyOf(patterns);
        dialers = List.copyOf(dialers);
        Objects.requireNonNull(strategy, "strategy");
        members = List.copyOf(members);
        Objects.requireNonNull(failover, "failover");
        trunks = trunks == null ? List.of() : List.copyOf(trunks);
    }

    /** A route that defines no peers of its own. */
    public Route(String name, List<RoutePattern> patterns, List<String> dialers, Strategy strategy,
                 List<RouteMember> members, FailoverPolicy failover, int maxAttempts, int dialTimeoutSeconds,
                 int progressTimeoutSeconds) {
        this(name, patterns, dialers, strategy, members, failover, maxAttempts, dialTimeoutSeconds,
                progressTimeoutSeconds, List.of());
    }

    public Route withTrunks(List<TrunkSettings> t) {
        return new Route(name, patterns, dialers, strategy, members, failover, maxAttempts, dialTimeoutSeconds,
                progressTimeoutSeconds, t);
    }

    /** A route with the defaults: every dialer, the default failover policy, one attempt per member. */
    public static Route of(String name, RoutePattern pattern, Strategy strategy, List<RouteMember> members) {
        return new Route(name, List.of(pattern), List.of(), strategy, members, FailoverPolicy.DEFAULT,
                members.size(), DEFAULT_DIAL_TIMEOUT_S, DEFAULT_PROGRESS_TIMEOUT_S);
    }

    public boolean allDialers() {
        return dialers.isEmpty();
    }

    /** Members in failover order: priority, then weight (heavier first), then as listed. */
    public List<RouteMember> byPriority() {
        return members.stream().sorted(Comparator.comparingInt(RouteMember::priority)
                .thenComparing(Comparator.comparingInt(RouteMember::weight).reversed())).toList();
    }

    public int totalWeight() {
        return members.stream().mapToInt(RouteMember::weight).sum();
    }

    public Route withMembers(List<RouteMember> m) {
        return new Route(name, patterns, dialers, strategy, m, failover, maxAttempts, dialTimeoutSeconds,
                progressTimeoutSeconds, trunks);
    }

    public Route withStrategy(Strategy s) {
        return new Route(name, patterns, dialers, s, members, failover, maxAttempts, dialTimeoutSeconds,
                progressTimeoutSeconds, trunks);
    }

    public Route withFailover(FailoverPolicy f) {
        return new Route(name, patterns, dialers, strategy, members, f, maxAttempts, dialTimeoutSeconds,
                progressTimeoutSeconds, trunks);
    }

    public Route withTiming(int attempts, int dialTimeout, int progressTimeout) {
        return new Route(name, patterns, dialers, strategy, members, failover, attempts, dialTimeout,
                progressTimeout, trunks);
    }
}
