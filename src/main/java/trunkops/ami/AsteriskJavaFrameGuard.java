package trunkops.ami;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames asterisk-java 3.41's reader cannot survive, or that make it hold memory without bound; found by the fuzz
 * test on mutated real transcripts. They are dropped and counted before asterisk-java sees them:
 * <ul>
 * <li>a repeated {@code Event}, {@code Response}, {@code ActionID}, {@code ListItems}, {@code EventList} or
 * {@code UserEvent} header: the reader casts the value to String and dies on the list it built
 * (ClassCastException; the link drops). Asterisk never repeats them;</li>
 * <li>a {@code BridgeCreate/Enter/Leave/Destroy} event without a {@code BridgeUniqueid} value (or, entering or
 * leaving, without a {@code Channel}): asterisk-java's bridge bookkeeping (its emulation of the old {@code Bridge}
 * event) puts a null key into a ConcurrentHashMap (NullPointerException, the reader dies);</li>
 * <li>a {@code BridgeEnter} without a {@code Uniqueid}, or with one whose {@code <digits>.<digits>} end does not fit
 * a long and an int: that bookkeeping sorts members by it (NullPointerException, NumberFormatException);</li>
 * <li>a {@code BridgeCreate} beyond {@link #MAX_BRIDGES} open bridges, or a {@code BridgeEnter} beyond
 * {@link #MAX_MEMBERS} members of one (non-holding) bridge: that bookkeeping keeps every open bridge and member
 * (the whole event) for the life of the connection object, across asterisk-java's own reconnects. This guard
 * mirrors its open bridges (ids and channel names only) to bound it.</li>
 * </ul>
 * One guard per connection object; its methods run on that connection's reader thread.
 */
final class AsteriskJavaFrameGuard {

    /** Far above a dialer's open bridges (two per call at most; a ViciDial dialer carries a few hundred calls). */
    static final int MAX_BRIDGES = 2_048;
    /** Far above a conference's members; holding bridges (parking, queues) are not counted, as asterisk-java skips them. */
    static final int MAX_MEMBERS = 32;

    private static final Set<String> SINGLE = Set.of("event", "response", "actionid", "listitems", "eventlist",
            "userevent");
    private static final Set<String> WATCHED = Set.of("bridgeuniqueid", "channel", "uniqueid", "bridgetechnology");
    /** What asterisk-java's BridgeEnterEventComparator parses into a long and an int. */
    private static final Pattern UNIQUE_ID_END = Pattern.compile("([0-9]+)\\.([0-9]+)$");

    private final Map<String, Set<String>> openBridges = new HashMap<>();

    /** Why this frame must not reach asterisk-java's reader, or null when it may (and is then accounted for). */
    synchronized String check(List<String> lines) {
        Set<String> singles = new HashSet<>();
        Map<String, String> h = new HashMap<>();
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon <= 0 || l.length() <= colon + 1) {
                continue; // asterisk-java's reader keeps no header without a value either
            }
            String key = l.substring(0, colon).trim().toLowerCase(Locale.ENGLISH);
            if (SINGLE.contains(key)) {
                if (!singles.add(key)) {
                    return "a repeated '" + key + "' header";
                }
                h.put(key, l.substring(colon + 1).trim());
            } else if (WATCHED.contains(key)) {
                h.putIfAbsent(key, l.substring(colon + 1).trim());
            }
        }
        String event = h.getOrDefault("event", "").toLowerCase(Locale.ENGLISH);
        return event.startsWith("bridge") ? bridge(event, h) : null;
    }

    private String bridge(String event, Map<String, String> h) {
        String id = h.get("bridgeuniqueid");
        String channel = h.get("channel");
        boolean entering = event.equals("bridgeenter");
        switch (event) {
            case "bridgecreate", "bridgedestroy", "bridgeenter", "bridgeleave" -> {
                if (id == null) {
                    return "a " + event + " event without a BridgeUniqueid";
                }
                if (channel == null && (entering || event.equals("bridgeleave"))) {
                    return "a " + event + " event without a Channel";
                }
                if (entering && !sortableUniqueId(h.get("uniqueid"))) {
                    return "a bridgeenter event without a usable Uniqueid";
                }
            }
            default -> {
                return null;
            }
        }
        Set<String> members = openBridges.get(id);
        switch (event) {
            case "bridgecreate" -> {
                if (members == null && openBridges.size() >= MAX_BRIDGES) {
                    return "a bridgecreate event beyond " + MAX_BRIDGES + " open bridges";
                }
                openBridges.putIfAbsent(id, new HashSet<>());
            }
            case "bridgedestroy" -> openBridges.remove(id);
            case "bridgeenter" -> {
                if (members != null && !"holding_bridge".equals(h.get("bridgetechnology"))
                        && !members.contains(channel)) {
                    if (members.size() >= MAX_MEMBERS) {
                        return "a bridgeenter event beyond " + MAX_MEMBERS + " members of one bridge";
                    }
                    members.add(channel);
                }
            }
            default -> { // bridgeleave
                if (members != null) {
                    members.remove(channel);
                }
            }
        }
        return null;
    }

    private static boolean sortableUniqueId(String uniqueId) {
        if (uniqueId == null) {
            return false;
        }
        Matcher m = UNIQUE_ID_END.matcher(uniqueId);
        return !m.find() || m.group(1).length() <= 18 && m.group(2).length() <= 9;
    }
}
