package trunkops.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a {@link ClusterTopology} from ViciDial rows. Pure: no I/O, no clock, no shared state.
 *
 * <ul>
 *   <li>Only servers with {@code active='Y'} and {@code active_asterisk_server='Y'} dial; each one's AMI endpoint is
 *       its server_ip with telnet_port (telnet_host is ignored).</li>
 *   <li>A carrier applies to the dialing server with its server_ip, or to every one for {@code 0.0.0.0}; inactive
 *       carriers (and Zap/EXTERNAL ones) stay in the model but route nothing and have no trunks.</li>
 *   <li>Carriers are merged per server in the keepalive's order: protocol IAX2, SIP, PJSIP_WIZ, PJSIP, then
 *       carrier_id (MySQL's case-insensitive collation); colliding patterns, peer names and globals are
 *       reported as {@link TopologyConflict}s.</li>
 *   <li>Campaign routes use the dial string AST_VDauto_dial builds: prefix (list override, else campaign
 *       dial_prefix, else 9) + phone code 1 (unless omit_phone_code) + {@link #SAMPLE_NUMBER}.</li>
 * </ul>
 */
public final class TopologyBuilder {

    /** The representative NANP number routes are computed for (555-01xx is reserved for fiction). */
    public static final String SAMPLE_NUMBER = "2025550143";

    /** The keepalive's order of carriers within one generated file. */
    public static final Comparator<Carrier> EMIT_ORDER = Comparator
            .comparingInt((Carrier c) -> c.protocol().emitOrder())
            .thenComparing(c -> c.carrierId().toLowerCase(Locale.ROOT))
            .thenComparing(Carrier::carrierId);

    private TopologyBuilder() {
    }

    /** Builds the topology, computing campaign routes for {@link #SAMPLE_NUMBER}. */
    public static ClusterTopology build(List<ServerRow> servers, List<CarrierRow> carriers, List<CampaignRow> campaigns,
                                        List<ListRow> lists) {
        return build(servers, carriers, campaigns, lists, SAMPLE_NUMBER);
    }

    /**
     * Builds the topology, computing campaign routes for {@code sampleNumber} (the lead's phone number without
     * phone code, e.g. a number in the area code a campaign really dials).
     */
    public static ClusterTopology build(List<ServerRow> servers, List<CarrierRow> carriers, List<CampaignRow> campaigns,
                                        List<ListRow> lists, String sampleNumber) {
        Objects.requireNonNull(servers, "servers (use an empty list when there are none)");
        Objects.requireNonNull(carriers, "carriers (use an empty list when there are none)");
        Objects.requireNonNull(campaigns, "campaigns (use an empty list when there are none)");
        Objects.requireNonNull(lists, "lists (use an empty list when there are none)");
        Objects.requireNonNull(sampleNumber, "sampleNumber");
        List<DialerServer> dialerServers = servers.stream().map(s -> server(s, servers)).toList();
        List<DialerServer> dialing = dialerServers.stream().filter(DialerServer::dials).toList();
        List<Carrier> parsed = carriers.stream().map(c -> carrier(c, dialing, servers)).sorted(EMIT_ORDER).toList();
        List<Trunk> trunks = new ArrayList<>();
        List<TopologyConflict> conflicts = new ArrayList<>();
        List<CampaignRoute> routes = new ArrayList<>();
        List<RouteResolver> resolvers = new ArrayList<>();
        for (DialerServer server : dialing) {
            List<Carrier> live = liveOn(server.serverId(), parsed);
            List<Trunk> serverTrunks = trunks(server.serverId(), live, conflicts);
            trunks.addAll(serverTrunks);
            ServerDialplan dialplan = ServerDialplan.build(server.serverId(), live);
            conflicts.addAll(dialplan.conflicts());
            resolvers.add(new RouteResolver(server, dialplan, serverTrunks));
        }
        for (CampaignRow campaign : campaigns) {
            List<Optional<ListRow>> variants = new ArrayList<>();
            variants.add(Optional.empty());
            lists.stream().filter(l -> l.campaignId().equals(campaign.campaignId()) && !l.dialPrefix().isEmpty())
                    .forEach(l -> variants.add(Optional.of(l)));
            for (Optional<ListRow> list : variants) {
                for (RouteResolver resolver : resolvers) {
                    routes.add(resolver.route(campaign, list, sampleNumber));
                }
            }
        }
        return new ClusterTopology(dialerServers, parsed, trunks, routes, conflicts);
    }

    /** The carriers generated on {@code serverId}, in emit order ({@code parsed} is already in emit order). */
    public static List<Carrier> liveOn(String serverId, List<Carrier> parsed) {
        return parsed.stream().filter(c -> c.routes() && c.serverIds().contains(serverId)).toList();
    }

    private static DialerServer server(ServerRow row, List<ServerRow> all) {
        List<ParseWarning> warnings = new ArrayList<>();
        int port = row.telnetPort();
        if (port < 1 || port > 65535) {
            warnings.add(ParseWarning.warning(0, "server " + row.serverId() + " telnet_port " + port
                    + " is not a port; using " + AmiEndpoint.DEFAULT_PORT));
            port = AmiEndpoint.DEFAULT_PORT;
        }
        if (row.serverIp().isEmpty()) {
            warnings.add(ParseWarning.error(0, "server " + row.serverId() + " has no server_ip: the console cannot "
                    + "reach its AMI and no carrier can name it"));
        }
        long sameIp = all.stream().filter(o -> o.dials() && o.serverIp().equals(row.serverIp())).count();
        if (row.dials() && sameIp > 1) {
            warnings.add(ParseWarning.warning(0, "server_ip " + row.serverIp() + " belongs to " + sameIp
                    + " active Asterisk servers: carriers for that address are generated on all of them"));
        }
        return new DialerServer(row, new AmiEndpoint(row.serverIp(), port), warnings);
    }

    private static Carrier carrier(CarrierRow row, List<DialerServer> dialing, List<ServerRow> allServers) {
        CarrierProtocol protocol = CarrierProtocol.parse(row.protocol());
        GlobalsString globals = GlobalsString.parse(row.globalsString());
        AccountEntry account = AccountEntryParser.parse(protocol, row.accountEntry(), row.templateContents());
        DialplanEntry dialplan = DialplanEntryParser.parse(row.dialplanEntry(), globals);
        List<String> serverIds = dialing.stream()
                .filter(s -> row.appliesToAllServers() || s.serverIp().equals(row.serverIp()))
                .map(DialerServer::serverId).toList();
        List<ParseWarning> warnings = new ArrayList<>();
        if (protocol == CarrierProtocol.UNKNOWN) {
            warnings.add(ParseWarning.warning(0, "carrier " + row.carrierId() + " protocol '" + row.protocol()
                    + "' is unknown: the keepalive generates nothing for it"));
        } else if (!protocol.generatesConfig()) {
            warnings.add(ParseWarning.info(0, "carrier " + row.carrierId() + " protocol " + protocol
                    + ": the keepalive generates nothing for it (no peers, no patterns)"));
        }
        if (serverIds.isEmpty()) {
            boolean known = allServers.stream().anyMatch(s -> s.serverIp().equals(row.serverIp()));
            warnings.add(ParseWarning.warning(0, "carrier " + row.carrierId() + " server_ip '" + row.serverIp() + "' "
                    + (known ? "is not an active Asterisk server" : "matches no server") + ": it is generated nowhere"));
        }
        if (!row.registrationString().isBlank() && protocol.tech().orElse(null) == Tech.PJSIP) {
            warnings.add(ParseWarning.warning(0, "carrier " + row.carrierId() + " has a registration_string, which "
                    + "the keepalive ignores for " + protocol + ": put a type=registration section in account_entry"));
        }
        return new Carrier(row, protocol, serverIds, account, globals, dialplan, warnings);
    }

    /** One trunk per peer of each live carrier; a name already taken on the server is a conflict, not a trunk. */
    private static List<Trunk> trunks(String serverId, List<Carrier> live, List<TopologyConflict> conflicts) {
        List<Trunk> out = new ArrayList<>();
        for (Carrier c : live) {
            for (Peer p : c.peers()) {
                Optional<Trunk> taken = out.stream().filter(t -> t.tech() == p.tech()
                        && p.tech().sameName(t.name(), p.name())).findFirst();
                if (taken.isPresent()) {
                    conflicts.add(peerConflict(serverId, taken.get(), c, p));
                } else {
                    out.add(new Trunk(serverId, c.carrierId(), p));
                }
            }
        }
        return out;
    }

    private static TopologyConflict peerConflict(String serverId, Trunk first, Carrier second, Peer p) {
        String effect = p.tech() == Tech.PJSIP
                ? "res_pjsip refuses to load the whole PJSIP configuration (duplicate object) - every PJSIP trunk "
                        + "on the server is affected"
                : (p.tech() == Tech.SIP ? "chan_sip" : "chan_iax2") + " builds one peer from both sections, "
                        + second.carrierId() + "'s values overriding (host, qualify, ...)";
        return new TopologyConflict(TopologyConflict.Kind.PEER_NAME, serverId, p.channelPrefix(), first.carrierId(),
                second.carrierId(), p.channelPrefix() + " is defined by " + first.carrierId() + " and "
                + second.carrierId() + " on " + serverId + ": " + effect + ". Rename one of the peers");
    }
}
