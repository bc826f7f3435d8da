package trunkops.drill;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import trunkops.topology.Tech;

/**
 * The drill's link to the one dialer it runs on (implemented over AMI by the composition): places test calls,
 * hands over the dialer's call and user events, probes a trunk now, reads a trunk's ASTDB admin flag.
 */
public interface DrillLine {

    String serverId();

    /** The one consumer of event frames (first value per key); called on the link's thread, must not block. */
    void setListener(Consumer<Map<String, String>> events);

    /**
     * Async AMI {@code Originate} of {@code channel} (e.g. {@code Local/5912125551234@default}); the call's events
     * carry {@code Linkedid = channelId}.
     */
    void originate(String actionId, String channel, String channelId, long timeoutMs, Map<String, String> variables)
            throws IOException;

    /** The trunk as the dialer sees it right now (qualify status and latency). */
    Probe probe(Tech tech, String peer) throws IOException;

    /** The value of {@code trunkops/admin/<peer>} on this dialer, empty when there is no key. */
    Optional<String> adminFlag(String peer) throws IOException;

    /**
     * A trunk's state read now.
     *
     * @param status    the dialer's words ({@code OK (12 ms)}, {@code UNREACHABLE}, {@code LAGGED (2300 ms)}, ...)
     * @param latencyMs the qualify round trip, -1 when none
     */
    record Probe(String status, int latencyMs) {
        public boolean up() {
            String s = status.toUpperCase(java.util.Locale.ROOT);
            return s.startsWith("OK") || s.startsWith("REACHABLE");
        }
    }
}
