package trunkops.routing;

import java.util.Objects;
import java.util.OptionalInt;

import trunkops.topology.Tech;

/**
 * One trunk of a route: the channel technology and peer (chan_sip/IAX2) or endpoint (PJSIP) it dials, its place in
 * the failover order (lower first), its weight (0-1000; 0 = only as a failover target) and the most calls it may
 * carry at once (empty: no limit). Validity is checked by {@link RouteValidator}, not here, so a bad route can be
 * loaded, shown and corrected.
 */
public record RouteMember(Tech tech, String peer, int priority, int weight, OptionalInt maxCalls) {

    public static final int MAX_WEIGHT = 1000;

    public RouteMember {
        Objects.requireNonNull(tech, "tech");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(maxCalls, "maxCalls");
    }

    /** {@code SIP/trunk1}: the dial-string form (also how route files and the command line name a member). */
    public String trunk() {
        return tech + "/" + peer;
    }

    public RouteMember withWeight(int w) {
        return new RouteMember(tech, peer, priority, w, maxCalls);
    }

    public RouteMember withPriority(int p) {
        return new RouteMember(tech, peer, p, weight, maxCalls);
    }

    public RouteMember withMaxCalls(OptionalInt m) {
        return new RouteMember(tech, peer, priority, weight, m);
    }
}
