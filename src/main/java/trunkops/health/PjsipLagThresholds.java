package trunkops.health;

import java.util.Map;
import java.util.TreeMap;

/**
 * When the console calls a PJSIP trunk LAGGED. res_pjsip has no such state (no maxms: a 2.5 s round trip is still
 * {@code Reachable} and sends no event; only a reply later than qualify_timeout makes it Unreachable), so LAGGED
 * for a PJSIP trunk is the console's own verdict: the polled round trip of its best reachable contact above this
 * threshold. The default is chan_sip's {@code qualify=yes} (2000 ms); the operator sets another per carrier.
 *
 * @param defaultMs  the threshold of every carrier not named in {@code byCarrier}
 * @param byCarrier  carrier_id → threshold in ms
 */
public record PjsipLagThresholds(int defaultMs, Map<String, Integer> byCarrier) {

    /** chan_sip's DEFAULT_MAXMS, what {@code qualify=yes} means. */
    public static final int DEFAULT_MS = 2000;

    public PjsipLagThresholds {
        check(defaultMs, "default");
        byCarrier.forEach((c, ms) -> check(ms, "carrier " + c));
        byCarrier = Map.copyOf(new TreeMap<>(byCarrier));
    }

    private static void check(int ms, String what) {
        if (ms < 1 || ms > 60_000) {
            throw new IllegalArgumentException("PJSIP lagged threshold (" + what + ") must be 1..60000 ms, got " + ms);
        }
    }

    public static PjsipLagThresholds defaults() {
        return new PjsipLagThresholds(DEFAULT_MS, Map.of());
    }

    /** The threshold of carrier {@code carrierId} ("" for a trunk without a carrier). */
    public int forCarrier(String carrierId) {
        return byCarrier.getOrDefault(carrierId, defaultMs);
    }

    /**
     * Reads {@code pjsip.lagged.ms = 2000} and {@code pjsip.lagged.ms.<carrier_id> = 500} from a cluster profile's
     * properties (any other key is ignored); a value that is not a whole number of ms in range is refused.
     */
    public static PjsipLagThresholds fromProperties(java.util.Properties p) {
        int def = DEFAULT_MS;
        Map<String, Integer> by = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.equals("pjsip.lagged.ms")) {
                def = parse(k, p.getProperty(k));
            } else if (k.startsWith("pjsip.lagged.ms.") && k.length() > "pjsip.lagged.ms.".length()) {
                by.put(k.substring("pjsip.lagged.ms.".length()), parse(k, p.getProperty(k)));
            }
        }
        return new PjsipLagThresholds(def, by);
    }

    private static int parse(String key, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of milliseconds");
        }
    }
}
