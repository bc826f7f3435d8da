package trunkops.ami;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames that kill asterisk-java 3.41's reader thread (the link then drops and is re-established, losing events):
 * found by the fuzz test on mutated real transcripts. Asterisk never sends them, so they are dropped and counted
 * before asterisk-java sees them:
 * <ul>
 * <li>a repeated {@code Event}, {@code Response}, {@code ActionID}, {@code ListItems}, {@code EventList} or
 * {@code UserEvent} header: the reader casts the value to String and dies on the list it built
 * (ClassCastException);</li>
 * <li>a {@code BridgeCreate/Enter/Leave/Destroy} event without a {@code BridgeUniqueid} value (or, entering or
 * leaving, without a {@code Channel}): its bridge bookkeeping puts a null key into a ConcurrentHashMap
 * (NullPointerException);</li>
 * <li>a {@code BridgeEnter} without a {@code Uniqueid}, or with one whose {@code <digits>.<digits>} end does not fit
 * a long and an int: the bookkeeping sorts members by it (NullPointerException, NumberFormatException).</li>
 * </ul>
 */
final class AsteriskJavaFrameGuard {

    private static final Set<String> SINGLE = Set.of("event", "response", "actionid", "listitems", "eventlist",
            "userevent");
    private static final Set<String> BRIDGE_EVENTS = Set.of("bridgecreate", "bridgeenter", "bridgeleave",
            "bridgedestroy");

    /** What asterisk-java's BridgeEnterEventComparator parses into a long and an int. */
    private static final Pattern UNIQUE_ID_END = Pattern.compile("([0-9]+)\\.([0-9]+)$");

    private AsteriskJavaFrameGuard() {
    }

    /** Why asterisk-java's reader would not survive this frame, or null when it would. */
    static String check(List<String> lines) {
        Set<String> singles = new HashSet<>();
        String event = null;
        boolean bridgeId = false;
        boolean channel = false;
        String uniqueId = null;
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = l.substring(0, colon).trim().toLowerCase(Locale.ENGLISH);
            boolean hasValue = l.length() > colon + 1; // what asterisk-java's reader needs to keep the header
            if (SINGLE.contains(key) && hasValue) {
                if (!singles.add(key)) {
                    return "a repeated '" + key + "' header";
                }
                if (key.equals("event")) {
                    event = l.substring(colon + 1).trim().toLowerCase(Locale.ENGLISH);
                }
            } else if (key.equals("bridgeuniqueid")) {
                bridgeId |= hasValue;
            } else if (key.equals("channel")) {
                channel |= hasValue;
            } else if (key.equals("uniqueid") && hasValue) {
                uniqueId = l.substring(colon + 1).trim();
            }
        }
        if (event != null && BRIDGE_EVENTS.contains(event)) {
            if (!bridgeId) {
                return "a " + event + " event without a BridgeUniqueid";
            }
            if (!channel && (event.equals("bridgeenter") || event.equals("bridgeleave"))) {
                return "a " + event + " event without a Channel";
            }
            if (event.equals("bridgeenter") && !sortableUniqueId(uniqueId)) {
                return "a bridgeenter event without a usable Uniqueid";
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
