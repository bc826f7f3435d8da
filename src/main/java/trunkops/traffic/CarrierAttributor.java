package trunkops.traffic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import trunkops.db.CarrierLogRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialStringMatcher;
import trunkops.topology.DialerServer;
import trunkops.topology.PatternRef;

/**
 * Attributes carrier-log rows to carriers. {@code vicidial_carrier_log} has no carrier column: a row belongs to the
 * carrier whose extension ran the call on the row's dialer, decided from the dialed string exactly as that
 * dialer's Asterisk decides it (topology's {@link DialStringMatcher}: carriers with {@code server_ip} = the dialer or
 * {@code 0.0.0.0}, active, merged in the keepalive's order; the first extension in ext_cmp order that matches; a
 * duplicate extension belongs to the carrier written first).
 *
 * <p>Where the dialed string comes from, in this order (documented in docs/traffic.md):
 * <ol>
 *   <li>{@link Attribution.Source#LOCAL_CHANNEL}: the row's channel is {@code Local/<dial string>@<ctx>-<id>;2},
 *       the auto-dial half that ran the carrier extension (the same channel as its call_log row);</li>
 *   <li>{@link Attribution.Source#CALL_LOG}: {@code call_log.extension} of the same uniqueid (manual dials run the
 *       carrier on the {@code ;1} half of the agent's conference channel, whose name carries no dial string);</li>
 *   <li>{@link Attribution.Source#DIAL_LOG}, for manual dials ({@code M} caller codes) only: the dial log's
 *       {@code extension} of the same caller code, which ViciDial sets to {@code <prefix><phone>} for manual calls
 *       (for auto-dials it holds the VDAD extension, useless here);</li>
 *   <li>otherwise {@link Attribution#UNATTRIBUTED} with the reason: never a guess.</li>
 * </ol>
 * Attribution uses today's topology: a carrier whose patterns changed within the window attributes older rows by
 * its current patterns. Not thread-safe (it caches); use one per worker.
 */
public final class CarrierAttributor {

    /** Everything about one dialer that attribution needs, looked up once per row by server_ip. */
    private record Dialer(String serverId, DialStringMatcher.Server matcher, CampaignResolver.Routes auto,
                          CampaignResolver.Routes manual) {
    }

    private final DialStringMatcher matcher;
    private final Map<String, Dialer> byIp = new HashMap<>();

    /**
     * What attribution reads from a topology and nothing else: per dialing server its address and the live
     * carriers in the keepalive's emit order with their dialplan and globals, and every campaign route's prefixes
     * and state. Two topologies with equal fingerprints attribute every row alike, so a change elsewhere (a carrier's
     * name or peer options, a campaign's dial timeout, a list's name) does not reload the window.
     */
    public static Object fingerprint(ClusterTopology topology) {
        record CarrierKey(String carrierId, trunkops.topology.DialplanEntry dialplan, Map<String, String> globals) {
        }
        record ServerKey(String serverId, String serverIp, List<CarrierKey> carriers) {
        }
        record RouteKey(String serverId, String campaignId, String prefix, boolean omitPhoneCode, boolean dialing,
                        String listPrefix, String manualPrefix) {
        }
        record Fingerprint(List<ServerKey> servers, List<RouteKey> routes) {
        }
        List<ServerKey> servers = new java.util.ArrayList<>();
        for (DialerServer s : topology.servers()) {
            if (s.dials()) {
                servers.add(new ServerKey(s.serverId(), s.serverIp(), trunkops.topology.TopologyBuilder
                        .liveOn(s.serverId(), topology.carriers()).stream()
                        .map(c -> new CarrierKey(c.carrierId(), c.dialplan(), c.globals().variables())).toList()));
            }
        }
        List<RouteKey> routes = topology.routes().stream().map(r -> new RouteKey(r.serverId(), r.campaignId(),
                r.prefix(), r.campaign().omitPhoneCode(), r.dialing(),
                r.list().map(trunkops.topology.ListRow::dialPrefix).orElse(""), r.campaign().manualDialPrefix()))
                .toList();
        return new Fingerprint(List.copyOf(servers), routes);
    }

    public CarrierAttributor(ClusterTopology topology) {
        this.matcher = DialStringMatcher.of(topology);
        CampaignResolver campaigns = new CampaignResolver(topology);
        for (DialerServer s : topology.servers()) {
            if (s.dials() && !byIp.containsKey(s.serverIp())) {
                matcher.forServer(s.serverId()).ifPresent(m -> byIp.put(s.serverIp(), new Dialer(s.serverId(), m,
                        campaigns.routes(s.serverId(), false), campaigns.routes(s.serverId(), true))));
            }
        }
    }

    /** The dialer's server_id for a carrier-log server_ip, if it is an active Asterisk server. */
    public Optional<String> serverId(String serverIp) {
        Dialer d = serverIp == null ? null : byIp.get(serverIp);
        return Optional.ofNullable(d == null ? null : d.serverId());
    }

    /** Whether the row's channel carries no dial string, so its call_log row must be looked up. */
    public boolean needsDetails(CarrierLogRow row) {
        return !isAutoDialLocal(row.channel());
    }

    /**
     * Whether the row's own dial string (an auto-dial Local channel) fits the prefixes of several campaigns on its
     * dialer: its uniqueid is then read, so that {@link CallCampaigns} can ask vicidial_log for its campaign.
     */
    public boolean sharedPrefix(CarrierLogRow row) {
        Dialer d = row.serverIp() == null ? null : byIp.get(row.serverIp());
        String local = localDialString(row.channel());
        return d != null && local != null && d.auto().campaign(local).indexOf('|') >= 0;
    }

    /** Whether a manual-dial row still needs the dial log after its call_log row gave nothing usable. */
    public boolean needsDialLog(CarrierLogRow row) {
        String code = row.details().callerCode();
        if (code == null || !code.startsWith("M")) {
            return false;
        }
        Dialer d = row.serverIp() == null ? null : byIp.get(row.serverIp());
        String ext = row.details().callLogExtension();
        return d != null && (ext == null || d.matcher().match(ext).isEmpty());
    }

    public Attribution attribute(CarrierLogRow row) {
        Dialer dialer = row.serverIp() == null ? null : byIp.get(row.serverIp());
        String local = localDialString(row.channel());
        if (dialer == null) {
            return Attribution.unattributed(Attribution.Source.NONE, local, Attribution.Problem.UNKNOWN_SERVER);
        }
        if (local != null) {
            return attributed(dialer, local, Attribution.Source.LOCAL_CHANNEL, false);
        }
        CarrierLogRow.Details d = row.details();
        boolean manual = d.callerCode() != null && d.callerCode().startsWith("M");
        Attribution viaCallLog = d.callLogExtension() == null ? null
                : attributed(dialer, d.callLogExtension(), Attribution.Source.CALL_LOG, manual);
        if (viaCallLog != null && viaCallLog.attributed()) {
            return viaCallLog;
        }
        if (d.dialLogExtension() != null && manual) {
            Attribution viaDialLog = attributed(dialer, d.dialLogExtension(), Attribution.Source.DIAL_LOG, true);
            if (viaDialLog.attributed() || viaCallLog == null) {
                return viaDialLog;
            }
        }
        return viaCallLog != null ? viaCallLog : Attribution.unattributed(Attribution.Source.NONE, null,
                Attribution.Problem.NO_DIAL_STRING);
    }

    private static Attribution attributed(Dialer dialer, String dialString, Attribution.Source source,
                                          boolean manual) {
        PatternRef m = dialer.matcher().matchOrNull(dialString);
        if (m == null) {
            return Attribution.unattributed(source, dialString, Attribution.Problem.NO_MATCHING_PATTERN);
        }
        return new Attribution(m.carrierId(), (manual ? dialer.manual() : dialer.auto()).campaign(dialString),
                source, dialString, null);
    }

    private static boolean isAutoDialLocal(String channel) {
        return channel != null && channel.startsWith("Local/") && channel.endsWith(";2")
                && channel.lastIndexOf('@') > 6;
    }

    /**
     * The dial string of an auto-dial Local channel {@code Local/<exten>@<context>-<id>;2}, or {@code null} when the
     * channel is anything else (a {@code ;1} half, a SIP channel, NULL).
     */
    static String localDialString(String channel) {
        return isAutoDialLocal(channel) ? channel.substring(6, channel.lastIndexOf('@')) : null;
    }
}
