package trunkops.lab.vici;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What AST_VDauto_dial.pl knows of each call it placed on one dialer (campaign, list, number), keyed by caller code,
 * until the h-extension writes the call's {@code vicidial_log} row. Bounded: a call that never reaches the
 * h-extension (unrouted) is forgotten once {@link #CAPACITY} newer calls were placed. Thread-safe.
 */
public final class PlacedCalls {

    /** One placed call. */
    public record Placed(String campaignId, long listId, String phoneNumber) {
    }

    static final int CAPACITY = 50_000;

    private final Map<String, Placed> byCallerCode = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Placed> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void put(String callerCode, Placed p) {
        byCallerCode.put(callerCode, p);
    }

    /** The call placed with {@code callerCode}, removed; null when unknown. */
    public synchronized Placed take(String callerCode) {
        return byCallerCode.remove(callerCode);
    }
}
