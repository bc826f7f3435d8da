package trunkops.ami;

import java.util.List;

import trunkops.topology.Tech;

/**
 * What a gateway reports, always on its own dispatch thread ("ami-&lt;server&gt;"), never on asterisk-java's
 * event thread and never on the FX thread. Implementations must return quickly.
 */
public interface AmiGatewayListener {

    void linkChanged(AmiLinkStatus status);

    /** A full peer list read with SIPpeers after a (re)connect or on request. */
    void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis);

    /**
     * A PeerStatus of the technology it names ({@code tech}: chan_sip's SIP, chan_pjsip's PJSIP, IAX2): an event
     * on a state change (Reachable / Lagged carry no time on Asterisk 12+, Unreachable carries -1) or an item of
     * the periodic SIPpeerstatus poll (Reachable / Lagged with the qualify round trip in {@code timeMs},
     * Unreachable, Unknown, Unmonitored).
     */
    void peerStatus(String serverId, Tech tech, String peer, String status, Integer timeMs, long atMillis);

    /** The dialer's live channels (CoreShowChannels) after a (re)connect and then periodically. */
    default void channelsSnapshot(String serverId, List<String> channels, long atMillis) {
    }

    default void channelStarted(String serverId, String channel, long atMillis) {
    }

    default void channelEnded(String serverId, String channel, long atMillis) {
    }

    /** Something the operator should know about the link that is not a state change (a refused poll ...). */
    default void gatewayProblem(String serverId, String message) {
    }
}
