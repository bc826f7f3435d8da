package trunkops.ami;

import java.util.Locale;
import java.util.Optional;

import trunkops.topology.Tech;

/**
 * The peer a {@code PeerStatus} is about, with the channel technology it names. Asterisk 20 always writes both:
 * chan_sip {@code ChannelType: SIP} + {@code Peer: SIP/trunk2}, chan_pjsip {@code ChannelType: PJSIP} +
 * {@code Peer: PJSIP/pjtrunk2} (fixtures 04-* and 24-*). A status applies only to the technology it names, so a
 * peer without a technology, or whose two headers disagree, is refused rather than guessed.
 */
public record PeerName(Tech tech, String name) {

    /** The result of reading the two headers: a peer, or why there is none. */
    public record Parsed(Optional<PeerName> peer, String problem) {
        static Parsed ok(PeerName p) {
            return new Parsed(Optional.of(p), null);
        }

        static Parsed refused(String why) {
            return new Parsed(Optional.empty(), why);
        }

        /** A technology that has no trunks here (Local, DAHDI...): not an error, just nothing to update. */
        static Parsed ignored() {
            return new Parsed(Optional.empty(), null);
        }
    }

    public static Parsed parse(String peerHeader, String channelType) {
        String peer = peerHeader == null ? "" : peerHeader.strip();
        int slash = peer.indexOf('/');
        if (slash <= 0) {
            return Parsed.refused(peer.isEmpty() ? "PeerStatus without a peer" : "PeerStatus peer without a technology");
        }
        String techWord = peer.substring(0, slash);
        String name = peer.substring(slash + 1);
        if (name.isBlank()) {
            return Parsed.refused("PeerStatus without a peer");
        }
        if (channelType != null && !channelType.isBlank() && !channelType.strip().equalsIgnoreCase(techWord)) {
            return Parsed.refused("PeerStatus whose ChannelType does not match its peer's technology");
        }
        return Tech.fromDialTech(techWord.toUpperCase(Locale.ROOT)).map(t -> Parsed.ok(new PeerName(t, name)))
                .orElseGet(Parsed::ignored);
    }
}
