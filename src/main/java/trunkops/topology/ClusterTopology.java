package trunkops.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The cluster as ViciDial's rows make it: servers, carriers, trunks (server x peer of an active carrier) and, for
 * every campaign (and every list overriding its prefix) on every dialing server, the carrier pattern its calls hit
 * and the trunks they go out on. Immutable; rebuild it from fresh rows with {@link TopologyBuilder}.
 *
 * @param servers   every server row, dialing or not, in input order
 * @param carriers  every carrier row, inactive ones included, in the keepalive's emit order
 * @param trunks    one per (dialing server, peer of an active carrier generated there)
 * @param routes    campaign routes, per campaign (campaign prefix first, then overriding lists) and server
 * @param conflicts carriers colliding on a server (patterns, peer names, global variables)
 */
public record ClusterTopology(List<DialerServer> servers, List<Carrier> carriers, List<Trunk> trunks,
                              List<CampaignRoute> routes, List<TopologyConflict> conflicts) {

    public ClusterTopology {
        servers = List.copyOf(servers);
        carriers = List.copyOf(carriers);
        trunks = List.copyOf(trunks);
        routes = List.copyOf(routes);
        conflicts = List.copyOf(conflicts);
    }

    public Optional<DialerServer> server(String serverId) {
        return servers.stream().filter(s -> s.serverId().equals(serverId)).findFirst();
    }

    public Optional<Carrier> carrier(String carrierId) {
        return carriers.stream().filter(c -> c.carrierId().equals(carrierId)).findFirst();
    }

    public Optional<Trunk> trunk(TrunkKey key) {
        return trunks.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public List<Trunk> trunksOn(String serverId) {
        return trunks.stream().filter(t -> t.serverId().equals(serverId)).toList();
    }

    public List<Trunk> trunksOf(String carrierId) {
        return trunks.stream().filter(t -> t.carrierId().equals(carrierId)).toList();
    }

    public List<CampaignRoute> routesOf(String campaignId) {
        return routes.stream().filter(r -> r.campaignId().equals(campaignId)).toList();
    }

    /**
     * Blast radius: the routes that dial at least one of {@code down}; {@link RouteImpact#lost()} when all of a
     * route's trunks are down. Routes of paused campaigns and inactive lists are included (see
     * {@link CampaignRoute#dialing()}).
     */
    public List<RouteImpact> blastRadius(Collection<TrunkKey> down) {
        Set<TrunkKey> downSet = Set.copyOf(down);
        List<RouteImpact> out = new ArrayList<>();
        for (CampaignRoute r : routes) {
            List<Trunk> hit = r.trunks().stream().filter(t -> downSet.contains(t.key())).toList();
            if (!hit.isEmpty()) {
                out.add(new RouteImpact(r, hit, hit.size() == r.trunks().size()));
            }
        }
        return out;
    }

    /** Campaign id to the servers where {@code down} leaves it no way out (dialing routes only). */
    public Map<String, Set<String>> campaignsLosingRoute(Collection<TrunkKey> down) {
        return blastRadius(down).stream().filter(RouteImpact::lost).filter(i -> i.route().dialing())
                .collect(Collectors.groupingBy(RouteImpact::campaignId, TreeMap::new,
                        Collectors.mapping(RouteImpact::serverId, Collectors.toCollection(TreeSet::new))));
    }
}
