package trunkops.health;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live SIP channels of each dialer, for calls per trunk. Bounded: a CoreShowChannels resync replaces a
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
            String peer = peerOfChannel(n);
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
        String peer = peerOfChannel(channel);
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

    int calls(String serverId, String peer) {
        Map<String, String> m = byServer.get(serverId);
        if (m == null) {
            return 0;
        }
        String p = peer.toLowerCase(Locale.ROOT);
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

    /** {@code SIP/nsvoice-0000002a} → {@code nsvoice}; Local and other technologies are not trunks here. */
    static String peerOfChannel(String channel) {
        if (channel == null || !channel.regionMatches(true, 0, "SIP/", 0, 4)) {
            return null;
        }
        int dash = channel.lastIndexOf('-');
        return dash <= 4 ? null : channel.substring(4, dash).toLowerCase(Locale.ROOT);
    }
}
