package trunkops.lab.pbx;

import java.util.Map;

/**
 * What a simulated dialer calls out to: ViciDial's FastAGI server (the {@code call_log} AGI at priority 1 of
 * every carrier extension and the {@code HVcauses} AGI of the {@code h} extension). Called on the PBX thread:
 * implementations must only hand work off (e.g. to an asynchronous database writer), never block.
 */
public interface PbxHooks {

    /**
     * A channel ran {@code AGI(url)}. {@code env} holds what agi_* variables would carry (channel, uniqueid,
     * callerid, extension, context, priority). Returns variables the AGI script sets on the channel.
     */
    Map<String, String> agi(String serverId, String url, Map<String, String> env);

    /** A qualify verdict changed (ViciDial's listener writes vicidial_peer_event_log from these events). */
    default void peerStatus(String serverId, String peer, String status, int lastms, int maxms) {
    }

    /** A PJSIP endpoint's PeerStatus changed (Reachable/Unreachable; RTT of the contact that changed, µs). */
    default void pjsipPeerStatus(String serverId, String endpoint, String status, long rttUsec) {
    }

    /** A PJSIP outbound registration got a response or timed out (Registered/Rejected). */
    default void registry(String serverId, String registration, String status) {
    }

    PbxHooks NONE = (serverId, url, env) -> Map.of();
}
