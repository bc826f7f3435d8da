package trunkops.traffic;

import java.util.Objects;

/**
 * What one line of statistics is about: a carrier, optionally on one dialer (by server_ip as the carrier log
 * names it) or for one campaign key.
 */
public record SeriesKey(String carrierId, String serverIp, String campaign) implements Comparable<SeriesKey> {

    public SeriesKey {
        Objects.requireNonNull(carrierId, "carrierId");
    }

    public static SeriesKey carrier(String carrierId) {
        return new SeriesKey(carrierId, null, null);
    }

    public boolean unattributed() {
        return Attribution.UNATTRIBUTED.equals(carrierId);
    }

    public String label() {
        return carrierId + (serverIp == null ? "" : " @ " + serverIp) + (campaign == null ? "" : " / " + campaign);
    }

    /** Carriers by id, the unattributed bucket last. */
    @Override
    public int compareTo(SeriesKey o) {
        int u = Boolean.compare(unattributed(), o.unattributed());
        if (u != 0) {
            return u;
        }
        int c = carrierId.compareTo(o.carrierId);
        if (c != 0) {
            return c;
        }
        c = Objects.compare(serverIp, o.serverIp, java.util.Comparator.nullsFirst(String::compareTo));
        return c != 0 ? c : Objects.compare(campaign, o.campaign, java.util.Comparator.nullsFirst(String::compareTo));
    }
}
