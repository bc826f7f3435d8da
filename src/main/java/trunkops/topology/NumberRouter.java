package trunkops.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one number's call goes, on the same merged dialplans {@link TopologyBuilder} uses for campaign routes: the
 * prefix ViciDial puts in front (list override, campaign dial_prefix, else 9), Asterisk's pattern precedence over
 * every active carrier live on the dialer ({@code 0.0.0.0} ones included) and the Dial steps of the extension that
 * wins. Built once per topology; pure and thread-safe.
 */
public final class NumberRouter {

    /** One priority of the winning extension, with the trunks a Dial there reaches (empty for other apps). */
    public record Step(int priority, String label, String app, String args, String carrierId, List<Trunk> trunks) {
        public Step {
            trunks = List.copyOf(trunks);
        }

        public boolean isDial() {
            return app.equalsIgnoreCase("Dial");
        }
    }

    private final Map<String, RouteResolver> resolvers = new LinkedHashMap<>();
    private final Map<String, ServerDialplan> dialplans = new LinkedHashMap<>();
    private final Map<String, List<Trunk>> trunks = new LinkedHashMap<>();

    public NumberRouter(ClusterTopology topology) {
        for (DialerServer s : topology.servers()) {
            if (!s.dials()) {
                continue;
            }
            List<Trunk> on = topology.trunksOn(s.serverId());
            ServerDialplan dp = ServerDialplan.build(s.serverId(),
                    TopologyBuilder.liveOn(s.serverId(), topology.carriers()));
            resolvers.put(s.serverId(), new RouteResolver(s, dp, on));
            dialplans.put(s.serverId(), dp);
            trunks.put(s.serverId(), on);
        }
    }

    /** The dialing servers this router knows, by server_id. */
    public List<String> serverIds() {
        return List.copyOf(resolvers.keySet());
    }

    /**
     * The route of {@code number} (the lead's phone number, without phone code) for a campaign, optionally one of its
     * lists, on one dialer.
     *
     * @throws IllegalArgumentException for a server that is not a dialing server
     */
    public CampaignRoute route(CampaignRow campaign, Optional<ListRow> list, String serverId, String number) {
        RouteResolver r = resolvers.get(serverId);
        if (r == null) {
            throw new IllegalArgumentException(serverId + " is not an active Asterisk server");
        }
        Optional<ListRow> overriding = list.filter(l -> !l.dialPrefix().isEmpty());
        return r.route(campaign, overriding, number);
    }

    /** The steps of the extension Asterisk runs for {@code dialString} on the server, empty when none matches. */
    public List<Step> steps(String serverId, String dialString) {
        ServerDialplan dp = dialplans.get(serverId);
        if (dp == null) {
            return List.of();
        }
        Optional<ServerDialplan.Ext> ext = dp.match(dialString);
        if (ext.isEmpty()) {
            return List.of();
        }
        List<Step> out = new ArrayList<>();
        for (ServerDialplan.Step s : ext.get().steps()) {
            DialplanStep d = s.step();
            List<Trunk> reached = new ArrayList<>();
            if (d.isDial()) {
                for (DialTarget t : DialTargets.ofDialArgs(d.args(), d.oldSyntax(), dp.globals())) {
                    t.trunkTech().flatMap(tech -> trunks.get(serverId).stream()
                            .filter(x -> x.tech() == tech && tech.sameName(x.name(), t.peer())).findFirst())
                            .filter(x -> !reached.contains(x)).ifPresent(reached::add);
                }
            }
            out.add(new Step(d.priority(), d.label(), d.app(), d.args(), s.carrierId(), reached));
        }
        return out;
    }
}
