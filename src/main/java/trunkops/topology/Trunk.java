package trunkops.topology;

import java.util.Objects;

/**
 * One peer of an active carrier on one dialing server: the unit whose state the health model tracks.
 *
 * @param serverId  the dialer
 * @param carrierId the carrier whose account_entry defines the peer
 * @param peer      the peer as parsed (name, tech, addresses, qualify)
 */
public record Trunk(String serverId, String carrierId, Peer peer) {

    public Trunk {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(peer, "peer");
    }

    public TrunkKey key() {
        return new TrunkKey(serverId, peer.tech(), peer.name());
    }

    public String name() {
        return peer.name();
    }

    public Tech tech() {
        return peer.tech();
    }
}
