package trunkops.health;

import trunkops.topology.TrunkKey;

/**
 * One trunk as the board shows it.
 *
 * @param latencyMs     last qualify round trip in ms, or -1
 * @param dialerStatus  what the console concluded and why, in words (e.g. {@code OK 28 ms}, {@code no report
 *                      for 21 s})
 * @param updatedMillis when the dialer last told us about this trunk (epoch ms), 0 if never
 * @param sinceMillis   when the current state began (epoch ms), 0 if unknown
 * @param calls         live calls on this trunk (its {@code SIP/<peer>-} or {@code PJSIP/<endpoint>-} channels)
 * @param sparkline     the last minutes of latency, one value per history slot (see {@link LatencyHistory})
 * @param maxMs         the peer's qualify threshold (maxms) from its account_entry, or 0 when qualify is off; for a
 *                      PJSIP trunk the console's own lagged threshold ({@link PjsipLagThresholds})
 * @param forced        the operator's switch (forced offline / drain) read from the dialer's ASTDB, a state of its
 *                      own beside the verdict ({@link ForcedState#UNKNOWN} when the flags could not be read)
 * @param registration  the outbound registration of the trunk's carrier on this dialer (chan_sip {@code register =>}
 *                      or a PJSIP {@code type=registration}), null when it has none
 */
public record TrunkView(TrunkKey key, String carrierId, String carrierName, String address, TrunkState state,
                        boolean flapping, TrunkScope scope, int latencyMs, int calls, String dialerStatus,
                        long updatedMillis, long sinceMillis, short[] sparkline, int maxMs, ForcedState forced,
                        RegistrationView registration) {

    public TrunkView {
        java.util.Objects.requireNonNull(forced, "forced");
    }

    /** A view without a registration. */
    public TrunkView(TrunkKey key, String carrierId, String carrierName, String address, TrunkState state,
                     boolean flapping, TrunkScope scope, int latencyMs, int calls, String dialerStatus,
                     long updatedMillis, long sinceMillis, short[] sparkline, int maxMs, ForcedState forced) {
        this(key, carrierId, carrierName, address, state, flapping, scope, latencyMs, calls, dialerStatus,
                updatedMillis, sinceMillis, sparkline, maxMs, forced, null);
    }

    /** A view whose dialer's admin flags were not read (the headless status command, tests). */
    public TrunkView(TrunkKey key, String carrierId, String carrierName, String address, TrunkState state,
                     boolean flapping, TrunkScope scope, int latencyMs, int calls, String dialerStatus,
                     long updatedMillis, long sinceMillis, short[] sparkline, int maxMs) {
        this(key, carrierId, carrierName, address, state, flapping, scope, latencyMs, calls, dialerStatus,
                updatedMillis, sinceMillis, sparkline, maxMs, ForcedState.UNKNOWN);
    }

    public String serverId() {
        return key.serverId();
    }

    public String peer() {
        return key.peer();
    }

    /** Down as far as calls are concerned: chan_sip refuses calls to UNREACHABLE and LAGGED peers. */
    public boolean down() {
        return state == TrunkState.UNREACHABLE || state == TrunkState.LAGGED;
    }

    /**
     * The carrier's registration on this dialer failed (a fresh Rejected / Unregistered / Timeout ...): a trunk
     * problem even while OPTIONS still answer (the carrier may refuse calls, or send none in).
     */
    public boolean registrationFailed() {
        return registration != null && registration.failed();
    }

    /** Down, or its registration failed: what the board marks as a problem of this trunk. */
    public boolean problem() {
        return down() || registrationFailed();
    }

    /** The peer as the board and the status command write it: {@code nsvoice}, {@code PJSIP/pjtrunk1}. */
    public String peerLabel() {
        return key.tech() == trunkops.topology.Tech.SIP ? key.peer() : key.tech().name() + "/" + key.peer();
    }

    /** LAGGED decided by the console itself (PJSIP has no Lagged state: polled round trip over its threshold). */
    public boolean consoleVerdict() {
        return state == TrunkState.LAGGED && key.tech() == trunkops.topology.Tech.PJSIP;
    }

    /** Takes no new calls: down, or forced offline / draining (what the blast radius counts as not live). */
    public boolean notLive() {
        return down() || forced.active();
    }

    /** The health verdict in words ({@code ✔ Reachable 23 ms}), as shown under a forced state. */
    public String verdictWords() {
        return state.glyph() + " " + state.label()
                + ((state == TrunkState.REACHABLE || state == TrunkState.LAGGED) && latencyMs >= 0
                ? " " + latencyMs + " ms" : "");
    }
}
