package trunkops.traffic;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import trunkops.db.CarrierLogRepository;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.Tech;
import trunkops.topology.Trunk;
import trunkops.topology.TrunkKey;

/**
 * Concurrent calls per trunk right now, from ViciDial's {@code live_channels} (AST_update_AMI2.pl rewrites it from
 * {@code CoreShowChannels} every 0.4 s; trunk channels only): a channel {@code SIP/nsvoice-0000002a} on a dialer is
 * one call on trunk {@code nsvoice} there. Channels of peers no active carrier defines (inter-server IAX loops,
 * phones that slipped in) are counted apart, never dropped.
 *
 * @param at          database clock when read
 * @param byTrunk     trunk → channels, every trunk of the topology (0 when it carries no call: an idle trunk is
 *                    shown, not left out)
 * @param byCarrier   carrier → channels over its trunks
 * @param unmatched   channels no trunk of the topology explains, by their {@code TECH/peer}
 */
public record LiveTrunkCalls(LocalDateTime at, Map<TrunkKey, Integer> byTrunk, Map<String, Integer> byCarrier,
                             Map<String, Integer> unmatched) {

    public LiveTrunkCalls {
        TreeMap<TrunkKey, Integer> sorted = new TreeMap<>(java.util.Comparator.comparing(TrunkKey::toString));
        sorted.putAll(byTrunk);
        byTrunk = Collections.unmodifiableMap(sorted);
        byCarrier = Collections.unmodifiableMap(new TreeMap<>(byCarrier));
        unmatched = Collections.unmodifiableMap(new TreeMap<>(unmatched));
    }

    public static final LiveTrunkCalls NONE = new LiveTrunkCalls(null, Map.of(), Map.of(), Map.of());

    /** Counts {@code channels} against {@code topology}'s trunks. */
    public static LiveTrunkCalls of(LocalDateTime at, List<CarrierLogRepository.LiveChannel> channels,
                                    ClusterTopology topology) {
        Map<String, String> serverIdByIp = new java.util.HashMap<>();
        for (DialerServer s : topology.servers()) {
            if (s.dials()) {
                serverIdByIp.putIfAbsent(s.serverIp(), s.serverId());
            }
        }
        Map<TrunkKey, Trunk> trunks = new java.util.HashMap<>();
        topology.trunks().forEach(t -> trunks.put(t.key(), t));
        Map<TrunkKey, Integer> byTrunk = new java.util.HashMap<>();
        for (Trunk t : topology.trunks()) {
            if (serverIdByIp.containsValue(t.serverId())) {
                byTrunk.put(t.key(), 0);
            }
        }
        Map<String, Integer> byCarrier = new TreeMap<>();
        Map<String, Integer> unmatched = new TreeMap<>();
        for (CarrierLogRepository.LiveChannel c : channels) {
            Optional<String[]> techPeer = techAndPeer(c.channel());
            if (techPeer.isEmpty()) {
                continue;
            }
            Optional<Tech> tech = Tech.fromDialTech(techPeer.get()[0]);
            String server = serverIdByIp.get(c.serverIp());
            Trunk trunk = tech.isEmpty() || server == null ? null
                    : trunks.get(new TrunkKey(server, tech.get(), techPeer.get()[1]));
            if (trunk == null) {
                unmatched.merge(techPeer.get()[0] + "/" + techPeer.get()[1], 1, Integer::sum);
            } else {
                byTrunk.merge(trunk.key(), 1, Integer::sum);
                byCarrier.merge(trunk.carrierId(), 1, Integer::sum);
            }
        }
        return new LiveTrunkCalls(at, byTrunk, byCarrier, unmatched);
    }

    /** {@code SIP/nsvoice-0000002a} → [SIP, nsvoice]; {@code IAX2/peer-1234} likewise; Local and others → empty. */
    static Optional<String[]> techAndPeer(String channel) {
        if (channel == null) {
            return Optional.empty();
        }
        int slash = channel.indexOf('/');
        int dash = channel.lastIndexOf('-');
        if (slash <= 0 || dash <= slash + 1) {
            return Optional.empty();
        }
        String tech = channel.substring(0, slash);
        if (tech.equalsIgnoreCase("Local")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {tech, channel.substring(slash + 1, dash)});
    }

    /** Trunks with at least one call, busiest first. */
    public List<Map.Entry<TrunkKey, Integer>> busiest() {
        List<Map.Entry<TrunkKey, Integer>> l = new ArrayList<>(byTrunk.entrySet());
        l.removeIf(e -> e.getValue() == 0);
        l.sort(Map.Entry.<TrunkKey, Integer>comparingByValue().reversed());
        return l;
    }

    public int total() {
        return byTrunk.values().stream().mapToInt(Integer::intValue).sum();
    }
}
