package trunkops.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import trunkops.db.ViciDialRepository.TopologyRows;
import trunkops.topology.CampaignRoute;
import trunkops.topology.CampaignRow;
import trunkops.topology.CarrierRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.ListRow;
import trunkops.topology.TopologyBuilder;
import trunkops.topology.Trunk;
import trunkops.topology.TrunkKey;

/**
 * What one of ViciDial's levers does to the campaign routes, computed the way the board computes them: the topology
 * from the rows as they are, and again from the rows as they will be (a prefix moved, a carrier inactive), compared
 * route by route (campaign, overriding list, dialer). Pure: no database here.
 */
final class LeverImpact {

    /** One campaign route before and after: the carrier its calls hit (empty: no route). */
    record Change(CampaignRoute before, Optional<CampaignRoute> after) {

        String key() {
            return before.campaignId() + before.list().or(() -> after.flatMap(CampaignRoute::list))
                    .map(l -> " list " + l.listId()).orElse("") + " on " + before.serverId();
        }

        static String carrier(Optional<CampaignRoute> r) {
            return r.filter(CampaignRoute::routed).flatMap(CampaignRoute::carrierId).orElse("(no route)");
        }

        boolean lost() {
            return before.routed() && before.dialing() && after.map(a -> !a.routed()).orElse(true);
        }

        String line() {
            return key() + (before.dialing() ? "" : " (not dialing)") + ": prefix " + before.prefix() + " "
                    + carrier(Optional.of(before)) + " -> " + after.map(CampaignRoute::prefix).orElse("?") + " "
                    + carrier(after);
        }
    }

    private LeverImpact() {
    }

    /** The routes of campaign {@code id} that dial its own prefix (lists with a prefix of their own keep theirs). */
    static List<Change> campaignPrefix(TopologyRows rows, String id, String prefix) {
        List<CampaignRow> campaigns = rows.campaigns().stream().map(c -> c.campaignId().equals(id)
                ? new CampaignRow(c.campaignId(), c.campaignName(), c.active(), prefix, c.manualDialPrefix(),
                c.omitPhoneCode(), c.dialTimeout()) : c).toList();
        return compare(rows, rows.carriers(), campaigns, rows.lists(),
                r -> r.campaignId().equals(id) && r.list().isEmpty(), LeverImpact::key);
    }

    /** The routes of list {@code id}. */
    static List<Change> listPrefix(TopologyRows rows, long id, String prefix) {
        List<ListRow> lists = rows.lists().stream().map(l -> l.listId() == id
                ? new ListRow(l.listId(), l.listName(), l.campaignId(), l.active(), prefix) : l).toList();
        // a list without a prefix of its own dials through its campaign's route until now
        return compare(rows, rows.carriers(), rows.campaigns(), lists,
                r -> r.list().map(l -> l.listId() == id).orElse(false) || r.list().isEmpty() && rows.lists().stream()
                        .anyMatch(l -> l.listId() == id && l.dialPrefix().isEmpty()
                                && l.campaignId().equals(r.campaignId())),
                r -> r.campaignId() + "|" + id + "|" + r.serverId());
    }

    /** The routes whose calls go out on carrier {@code id} now, with the carrier set active or inactive. */
    static List<Change> carrier(TopologyRows rows, String id, boolean active) {
        List<CarrierRow> carriers = rows.carriers().stream().map(c -> c.carrierId().equals(id)
                ? new CarrierRow(c.carrierId(), c.carrierName(), c.description(), c.protocol(), c.serverIp(), active,
                c.registrationString(), c.globalsString(), c.accountEntry(), c.dialplanEntry(),
                c.templateContents()) : c).toList();
        ClusterTopology now = build(rows, rows.carriers(), rows.campaigns(), rows.lists());
        List<TrunkKey> its = now.trunksOf(id).stream().map(Trunk::key).toList();
        List<CampaignRoute> hit = now.blastRadius(its).stream().map(i -> i.route()).toList();
        return compare(rows, carriers, rows.campaigns(), rows.lists(),
                r -> hit.contains(r) || r.carrierId().map(id::equals).orElse(false), LeverImpact::key);
    }

    private static List<Change> compare(TopologyRows rows, List<CarrierRow> carriers, List<CampaignRow> campaigns,
                                        List<ListRow> lists, java.util.function.Predicate<CampaignRoute> affected,
                                        Function<CampaignRoute, String> afterKey) {
        ClusterTopology before = build(rows, rows.carriers(), rows.campaigns(), rows.lists());
        ClusterTopology after = build(rows, carriers, campaigns, lists);
        Map<String, CampaignRoute> afterByKey = after.routes().stream()
                .collect(Collectors.toMap(LeverImpact::key, Function.identity(), (a, b) -> a));
        List<Change> out = new ArrayList<>();
        for (CampaignRoute r : before.routes()) {
            if (affected.test(r)) {
                out.add(new Change(r, Optional.ofNullable(afterByKey.get(afterKey.apply(r)))));
            }
        }
        return out;
    }

    private static String key(CampaignRoute r) {
        return r.campaignId() + "|" + r.list().map(l -> Long.toString(l.listId())).orElse("") + "|" + r.serverId();
    }

    private static ClusterTopology build(TopologyRows rows, List<CarrierRow> carriers, List<CampaignRow> campaigns,
                                         List<ListRow> lists) {
        return TopologyBuilder.build(rows.servers(), carriers, campaigns, lists);
    }
}
