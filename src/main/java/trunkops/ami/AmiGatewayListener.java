package trunkops.ami;

import java.util.List;

/**
 * What a gateway reports, always on its own dispatch thread ("ami-&lt;server&gt;"), never on asterisk-java's
 * event thread and never on the FX thread. Implementations must return quickly.
 */
public interface AmiGatewayListener {

    void linkChanged(AmiLinkStatus status);

    /** A full peer list read with SIPpeers after a (re)connect or on request. */
    void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis);

    /** A chan_sip PeerStatus event (Reachable / Lagged / Unreachable / Registered ...). */
    void peerStatus(String serverId, String peer, String status, Integer timeMs, long atMillis);
}
