package trunkops.health;

import trunkops.topology.Tech;

/**
 * One outbound registration of a trunk's carrier on the trunk's dialer, as the board shows it with the trunk.
 *
 * @param name        the PJSIP registration object, or chan_sip's {@code user@host:port}
 * @param state       the dialer's word ({@code Registered}, {@code Rejected}, {@code Unregistered}, chan_sip's
 *                    {@code Request Sent} ...), or {@code Unknown} before the dialer said
 * @param sinceMillis when the dialer first said this state (epoch ms; the first report after a connect when it
 *                    already held before)
 * @param fresh       false when the dialer's link is down: the state is the last one known
 */
public record RegistrationView(Tech tech, String name, String state, long sinceMillis, boolean fresh) {

    /** Registered, or not known to be otherwise (no fresh data is no failure: the trunk is STALE then). */
    public boolean ok() {
        return !fresh || state.equalsIgnoreCase("Registered");
    }

    /** A fresh report of any state but Registered: a trunk problem even when OPTIONS still answer. */
    public boolean failed() {
        return !ok();
    }

    /** One word for the status command ({@code Request Sent} → {@code Request-Sent}). */
    public String word() {
        return state.isBlank() ? "Unknown" : state.strip().replaceAll("[\\s]+", "-");
    }

    /** {@code registration pjtrunk2-reg Rejected since 12:03:01}, {@code (last known)} when not fresh. */
    public String words(java.time.ZoneId zone) {
        String since = sinceMillis <= 0 ? "" : " since " + java.time.Instant.ofEpochMilli(sinceMillis).atZone(zone)
                .toLocalTime().withNano(0);
        return (failed() ? "\u26A0 " : "") + "registration " + name + " " + (state.isBlank() ? "Unknown" : state)
                + since + (fresh ? "" : " (last known)");
    }
}
