package trunkops.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import trunkops.routing.TrunkHealthInput.State;
import trunkops.routing.WhatIfAnswer.Dialer;
import trunkops.routing.WhatIfAnswer.Plan;
import trunkops.topology.CampaignRoute;
import trunkops.topology.CampaignRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.ListRow;
import trunkops.topology.NumberRouter;
import trunkops.topology.Trunk;

/**
 * "Where does this number go now, and what if trunk X is down?" on the real topology. ViciDial's rules come from
 * {@link NumberRouter} (list prefix over campaign prefix, 0.0.0.0 carriers, Asterisk's pattern precedence). When the
 * winning carrier is a TrunkOps router carrier (its carrier_id is the name of a saved route) the route's strategy
 * spreads the calls ({@link RouteSplit}); any other carrier is run as its own dialplan ({@link CarrierWalk}). Pure:
 * no I/O, no clock; build once per topology and ask many times.
 */
public final class WhatIf {

    /**
     * A question.
     *
     * @param number   the lead's phone number without phone code (digits)
     * @param listId   a list of the campaign; its non-empty dial_prefix overrides the campaign's
     * @param dialer   server_id or server_ip; empty = every dialing server
     * @param health   the trunks' state now
     * @param down     trunks ({@code SIP/peer}) to take out for the scenario
     * @param downAs   how they are taken out: {@link State#DOWN} (unreachable) or {@link State#OFFLINE} (ASTDB flag)
     */
    public record Query(String number, String campaignId, Optional<Long> listId, Optional<String> dialer,
                        TrunkHealthInput health, List<String> down, State downAs) {
        public Query {
            down = List.copyOf(down);
        }

        public static Query of(String number, String campaignId) {
            return new Query(number, campaignId, Optional.empty(), Optional.empty(), TrunkHealthInput.ALL_UP,
                    List.of(), State.DOWN);
        }

        public Query withDown(List<String> trunks, State as) {
            return new Query(number, campaignId, listId, dialer, health, trunks, as);
        }

        public Query onDialer(String d) {
            return new Query(number, campaignId, listId, Optional.of(d), health, down, downAs);
        }

        public Query withList(long id) {
            return new Query(number, campaignId, Optional.of(id), dialer, health, down, downAs);
        }

        public Query withHealth(TrunkHealthInput h) {
            return new Query(number, campaignId, listId, dialer, h, down, downAs);
        }
    }

    private final ClusterTopology topology;
    private final NumberRouter router;
    private final Map<String, CampaignRow> campaigns;
    private final Map<Long, ListRow> lists;
    private final Map<String, RouteVersion> routes;

    /**
     * @param lists  the lists (all of them, so a list without its own prefix is known too); those the topology's
     *               campaign routes carry are added
     * @param routes the saved routes (latest versions); a carrier whose id is one of their names is a router carrier
     */
    public WhatIf(ClusterTopology topology, Collection<ListRow> lists, Collection<RouteVersion> routes) {
        this.topology = topology;
        this.router = new NumberRouter(topology);
        this.campaigns = topology.routes().stream().map(CampaignRoute::campaign)
                .collect(Collectors.toMap(CampaignRow::campaignId, Function.identity(), (a, b) -> a));
        this.lists = new TreeMap<>();
        topology.routes().forEach(r -> r.list().ifPresent(l -> this.lists.put(l.listId(), l)));
        lists.forEach(l -> this.lists.put(l.listId(), l));
        this.routes = routes.stream().collect(Collectors.toMap(v -> v.name().toLowerCase(Locale.ROOT),
                Function.identity(), (a, b) -> a.version() >= b.version() ? a : b));
    }

    /** @throws IllegalArgumentException for a number, campaign, list or dialer that does not exist */
    public WhatIfAnswer ask(Query q) {
        if (!q.number().matches("[0-9]{1,30}")) {
            throw new IllegalArgumentException("number '" + q.number() + "' must be digits (the lead's phone number"
                    + " without phone code)");
        }
        CampaignRow campaign = campaigns.get(q.campaignId());
        if (campaign == null) {
            throw new IllegalArgumentException("unknown campaign '" + q.campaignId() + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(campaigns.keySet())));
        }
        Optional<ListRow> list = q.listId().map(id -> {
            ListRow l = lists.get(id);
            if (l == null || !l.campaignId().equals(campaign.campaignId())) {
                throw new IllegalArgumentException("list " + id + " is not a list of campaign " + campaign.campaignId());
            }
            return l;
        });
        List<Dialer> out = new ArrayList<>();
        for (String serverId : servers(q.dialer())) {
            out.add(dialer(q, campaign, list, serverId));
        }
        return new WhatIfAnswer(q.number(), campaign.campaignId(), q.listId(), out);
    }

    private List<String> servers(Optional<String> dialer) {
        if (dialer.isEmpty()) {
            return router.serverIds();
        }
        String d = dialer.get().strip();
        return topology.servers().stream().filter(DialerServer::dials)
                .filter(s -> s.serverId().equalsIgnoreCase(d) || s.serverIp().equals(d)).map(DialerServer::serverId)
                .findFirst().map(List::of).orElseThrow(() -> new IllegalArgumentException("unknown dialer '" + d
                        + "'; dialing servers: " + String.join(", ", router.serverIds())));
    }

    private Dialer dialer(Query q, CampaignRow campaign, Optional<ListRow> list, String serverId) {
        CampaignRoute r = router.route(campaign, list, serverId, q.number());
        String ip = topology.server(serverId).map(DialerServer::serverIp).orElse("");
        List<String> notes = new ArrayList<>(r.problems());
        String prefix = r.prefix() + " (" + switch (r.prefixSource()) {
            case LIST -> "list " + r.list().map(ListRow::listId).orElse(0L);
            case CAMPAIGN -> "campaign";
            case DEFAULT -> "default 9, the campaign has none";
        } + ")";
        Optional<String> carrier = r.carrierId();
        Optional<String> pattern = r.matched().map(m -> m.pattern().text());
        if (carrier.isEmpty()) {
            if (q.number().length() == 11 && q.number().startsWith("1") && !campaign.omitPhoneCode()) {
                notes.add("ViciDial puts phone code 1 in front of the number itself: give the number without it ("
                        + q.number().substring(1) + ")");
            }
            Plan none = new Plan(List.of(), true, "no route: no carrier pattern on " + serverId + " matches "
                    + r.dialString());
            return new Dialer(serverId, ip, r.dialString(), prefix, carrier, pattern, Optional.empty(),
                    Optional.empty(), none, q.down().isEmpty() ? Optional.empty() : Optional.of(none), notes);
        }
        RouteVersion route = routes.get(carrier.get().toLowerCase(Locale.ROOT));
        List<NumberRouter.Step> steps = router.steps(serverId, r.dialString());
        TrunkHealthInput scenario = q.health().with(q.down(), q.downAs());
        if (route == null) {
            offlineIgnored(q, steps, carrier.get(), notes);
            return new Dialer(serverId, ip, r.dialString(), prefix, carrier, pattern, Optional.empty(),
                    Optional.empty(), CarrierWalk.plan(steps, q.health(), carrier.get()),
                    q.down().isEmpty() ? Optional.empty() : Optional.of(CarrierWalk.plan(steps, scenario,
                            carrier.get())), notes);
        }
        liveVersion(steps, route, serverId, notes);
        List<Trunk> onServer = topology.trunksOn(serverId);
        Plan now = RouteSplit.plan(route.route(), onServer, q.health(), notes);
        Optional<Plan> ifDown = q.down().isEmpty() ? Optional.empty()
                : Optional.of(RouteSplit.plan(route.route(), onServer, scenario, new ArrayList<>()));
        return new Dialer(serverId, ip, r.dialString(), prefix, carrier, pattern,
                Optional.of(route.name() + " v" + route.version()), Optional.of(route.route().strategy()), now,
                ifDown, notes);
    }

    private static void offlineIgnored(Query q, List<NumberRouter.Step> steps, String carrierId, List<String> notes) {
        if (q.downAs() != State.OFFLINE || q.down().isEmpty()) {
            return;
        }
        steps.stream().flatMap(s -> s.trunks().stream()).map(CarrierWalk::trunk).distinct()
                .filter(t -> q.down().stream().anyMatch(d -> TrunkHealthInput.peerKey(d)
                        .equals(TrunkHealthInput.peerKey(t))))
                .forEach(t -> notes.add(t + " offline has no effect here: carrier " + carrierId + " is not a TrunkOps"
                        + " route, its dialplan does not read trunkops/admin (take it out with a route, or set the"
                        + " carrier inactive)"));
    }

    /** The version marker the dialer runs ({@code NoOp(trunkops route R vN)}) against the store's latest. */
    private static void liveVersion(List<NumberRouter.Step> steps, RouteVersion route, String serverId,
                                    List<String> notes) {
        Optional<String> marker = steps.stream().filter(s -> s.app().equalsIgnoreCase("NoOp"))
                .map(NumberRouter.Step::args).filter(a -> a.startsWith("trunkops route ")).findFirst();
        if (marker.isEmpty()) {
            notes.add(serverId + " runs no version marker for route " + route.name() + ": the store's v"
                    + route.version() + " has not been pushed there");
        } else if (!marker.get().equals(route.marker())) {
            notes.add(serverId + " runs '" + marker.get() + "', the store's latest is v" + route.version()
                    + " (not pushed yet): the answer is for v" + route.version());
        }
    }

    /** Dialers sorted by id, for stable output. */
    static Comparator<Dialer> byServer() {
        return Comparator.comparing(Dialer::serverId);
    }
}
