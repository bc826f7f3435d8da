package trunkops.topology;

import java.util.Locale;
import java.util.Objects;

/**
 * Identifies a trunk: a peer on one server. For chan_sip, whose peer names are case-insensitive, the name is
 * stored lower-cased so that {@code SIP/NSVoice} and {@code SIP/nsvoice} are one key.
 */
public record TrunkKey(String serverId, Tech tech, String peer) {

    public TrunkKey {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(tech, "tech");
        Objects.requireNonNull(peer, "peer");
        if (tech.caseInsensitiveNames()) {
            peer = peer.toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return tech + "/" + peer + "@" + serverId;
    }
}
