package trunkops.health;

import trunkops.topology.TrunkKey;

/**
 * One trunk as the board shows it.
 *
 * @param latencyMs     last qualify round trip in ms, or -1
 * @param dialerStatus  chan_sip's own words (e.g. {@code OK (28 ms)}) or a console explanation
 * @param updatedMillis when the dialer last told us about this trunk (epoch ms), 0 if never
 */
public record TrunkView(TrunkKey key, String carrierId, String carrierName, String address, TrunkState state,
                        int latencyMs, String dialerStatus, long updatedMillis) {

    public String serverId() {
        return key.serverId();
    }

    public String peer() {
        return key.peer();
    }
}
