package trunkops.health;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.SipPeerInfo;
import trunkops.topology.ClusterTopology;
import trunkops.topology.Trunk;

/**
 * What each dialer last said about each of its peers, and the rules that turn it into a {@link TrunkState}:
 * UNKNOWN until a snapshot arrived after the current connect, STALE once the link to the dialer is down, and a
 * peer the database expects but the dialer does not have is reported as such, never guessed.
 */
final class TrunkStateBook {

    private record Known(SipPeerInfo.QualifyStatus status, int latencyMs, String text, long atMillis) {
    }

    private final Map<String, Map<String, Known>> byServer = new HashMap<>();
    private final Map<String, Boolean> fresh = new HashMap<>();

    void snapshot(String serverId, List<SipPeerInfo> peers, long at) {
        Map<String, Known> m = new HashMap<>();
        for (SipPeerInfo p : peers) {
            m.put(p.name().toLowerCase(Locale.ROOT), new Known(p.status(), p.latencyMs(), p.statusText(), at));
        }
        byServer.put(serverId, m);
        fresh.put(serverId, true);
    }

    void event(String serverId, String peer, String status, Integer timeMs, long at) {
        Map<String, Known> m = byServer.get(serverId);
        if (m == null) {
            return;
        }
        String key = peer.toLowerCase(Locale.ROOT);
        Known old = m.get(key);
        SipPeerInfo.QualifyStatus st = switch (status) {
            case "Reachable" -> SipPeerInfo.QualifyStatus.OK;
            case "Lagged" -> SipPeerInfo.QualifyStatus.LAGGED;
            case "Unreachable" -> SipPeerInfo.QualifyStatus.UNREACHABLE;
            default -> null;
        };
        if (st == null) {
            return;
        }
        int latency = timeMs != null && timeMs > 0 ? timeMs : (st == SipPeerInfo.QualifyStatus.UNREACHABLE ? -1
                : old == null ? -1 : old.latencyMs());
        m.put(key, new Known(st, latency, "PeerStatus " + status, at));
    }

    void linkLost(String serverId) {
        fresh.put(serverId, false);
    }

    List<TrunkView> views(ClusterTopology topology, Map<String, AmiLinkStatus> links) {
        List<TrunkView> out = new ArrayList<>();
        for (Trunk t : topology.trunks()) {
            String carrierName = topology.carrier(t.carrierId()).map(c -> c.row().carrierName()).orElse("");
            AmiLinkStatus link = links.get(t.serverId());
            boolean connected = link != null && link.state() == AmiLinkState.CONNECTED;
            Map<String, Known> m = byServer.get(t.serverId());
            Known k = m == null ? null : m.get(t.name().toLowerCase(Locale.ROOT));
            String address = t.peer().host() == null ? "" : t.peer().host();
            TrunkState state;
            String text;
            if (!connected || !fresh.getOrDefault(t.serverId(), false)) {
                state = k == null ? TrunkState.UNKNOWN : TrunkState.STALE;
                text = k == null ? "no data from the dialer yet" : "last known: " + k.text() + " (AMI link down)";
            } else if (k == null) {
                state = TrunkState.UNKNOWN;
                text = "not loaded on the dialer (configuration not rebuilt yet?)";
            } else {
                state = switch (k.status()) {
                    case OK -> TrunkState.REACHABLE;
                    case LAGGED -> TrunkState.LAGGED;
                    case UNREACHABLE -> TrunkState.UNREACHABLE;
                    case UNMONITORED -> TrunkState.UNMONITORED;
                    case UNKNOWN -> TrunkState.UNKNOWN;
                };
                text = k.text();
            }
            out.add(new TrunkView(t.key(), t.carrierId(), carrierName, address, state,
                    k == null ? -1 : k.latencyMs(), text, k == null ? 0 : k.atMillis()));
        }
        return out;
    }
}
