package trunkops.topology;

import java.util.List;
import java.util.Objects;

/**
 * What a set of down trunks does to one campaign route.
 *
 * @param route      the route
 * @param downTrunks the route's trunks that are down
 * @param lost       every trunk of the route is down: the campaign has no way out on this server
 */
public record RouteImpact(CampaignRoute route, List<Trunk> downTrunks, boolean lost) {

    public RouteImpact {
        Objects.requireNonNull(route, "route");
        downTrunks = List.copyOf(downTrunks);
    }

    public String campaignId() {
        return route.campaignId();
    }

    public String serverId() {
        return route.serverId();
    }
}
