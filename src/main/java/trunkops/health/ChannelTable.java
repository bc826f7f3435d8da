package trunkops.health;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import trunkops.topology.Tech;

/**
 * The live SIP and PJSIP channels of each dialer, for calls per trunk. Bounded: a CoreShowChannels resync replaces a
 * dialer's table (a channel whose Hangup was missed ages out there), and between resyncs at most {@code cap}
 * channels are held per dialer; the channels beyond are counted, not kept, until the next resync.
 */
final class ChannelTable {

    static final int DEFAULT_CAP = 10_000;

    private final int cap;
    private final Map<String, Map<String, String>> byServer = new HashMap<>();
    private final Map<String, Long> overflow = new HashMap<>();

    ChannelTable(int cap) {
        this.cap = cap;
    }

    /** CoreShowChannels: the dialer's channels are exactly these now. */
    void resync(String serverId, List<String> names) {
        Map<String, String> m = new HashMap<>();
        long over = 0;
        for (String n : names) {
            String peer = trunkOfChannel(n);
            if (peer == null) {
                continue;
            }
            if (m.size() < cap) {
                m.put(n, peer);
            } else {
                over++;
            }
        }
        byServer.put(serverId, m);
        overflow.put(serverId, over);
    }

    /** Newchannel; returns true when this is the first channel since the last resync that did not fit. */
    boolean started(String serverId, String channel) {
        String peer = trunkOfChannel(channel);
        if (peer == null) {
            return false;
        }
        Map<String, String> m = byServer.computeIfAbsent(serverId, k -> new HashMap<>());
        if (m.size() < cap || m.containsKey(channel)) {
            m.put(channel, peer);
            return false;
        }
        return overflow.merge(serverId, 1L, Long::sum) == 1L;
    }

    void ended(String serverId, String channel) {
        Map<String, String> m = byServer.get(serverId);
        if (m != null) {
            m.remove(channel);
        }
    }

    /** Channels seen since the last resync that the table had no room for. */
    long overflowed(String serverId) {
        return overflow.getOrDefault(serverId, 0L);
    }

    int cap() {
        return cap;
    }

    /** Calls on chan_sip peer {@code peer}. */
    int calls(String serverId, String peer) {
        return calls(serverId, Tech.SIP, peer);
    }

    /** Calls on the trunk {@code tech}/{@code peer} (chan_sip names compare without case, PJSIP ids with). */
    int calls(String serverId, Tech tech, String peer) {
        Map<String, String> m = byServer.get(serverId);
        if (m == null) {
            return 0;
        }
        String p = token(tech, peer);
        int n = 0;
        for (String v : m.values()) {
            if (v.equals(p)) {
                n++;
            }
        }
        return n;
    }

    int calls(String serverId) {
        Map<String, String> m = byServer.get(serverId);
        return m == null ? 0 : m.size();
    }

    /** {@code SIP/nsvoice-0000002a} → {@code nsvoice}; PJSIP, Local and other technologies → null. */
    static String peerOfChannel(String channel) {
        String t = trunkOfChannel(channel);
        return t == null || !t.startsWith("SIP/") ? null : t.substring(4);
    }

    /**
     * {@code SIP/nsvoice-0000002a} → {@code SIP/nsvoice} (lower case), {@code PJSIP/pjtrunk1-00000000} →
     * {@code PJSIP/pjtrunk1} (as written: endpoint ids are case-sensitive); Local and others → null.
     */
    static String trunkOfChannel(String channel) {
        if (channel == null) {
            return null;
        }
        int slash = channel.indexOf('/');
        int dash = channel.lastIndexOf('-');
        if (slash <= 0 || dash <= slash + 1) {
            return null;
        }
        String tech = channel.substring(0, slash);
        if (tech.equalsIgnoreCase("SIP")) {
            return token(Tech.SIP, channel.substring(slash + 1, dash));
        }
        if (tech.equalsIgnoreCase("PJSIP")) {
            return token(Tech.PJSIP, channel.substring(slash + 1, dash));
        }
        return null;
    }

    private static String token(Tech tech, String peer) {
        return tech.name() + "/" + (tech.caseInsensitiveNames() ? peer.toLowerCase(Locale.ROOT) : peer);
    }
}
