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

    /**
     * A Hangup with its Q.850 {@code cause} (-1 when absent) and chan_pjsip's {@code TechCause} (the SIP response
     * code, -1 when absent: chan_sip never sends one). By default just {@link #channelEnded}.
     */
    default void channelHungUp(String serverId, String channel, int cause, int sipCode, long atMillis) {
        channelEnded(serverId, channel, atMillis);
    }

    /**
     * PJSIP contacts with status and round trip: after a (re)connect ({@code snapshot}) and at every latency poll,
     * from {@code PJSIPShowEndpoints} + {@code PJSIPShowEndpoint} (ContactStatusDetail). {@code endpoints} are the
     * endpoints whose contacts this report holds completely (an endpoint without a contact has none in it).
     */
    default void pjsipContacts(String serverId, List<String> endpoints, List<PjsipContactInfo> contacts,
                               boolean snapshot, long atMillis) {
    }

    /** A {@code ContactStatus} event: one contact changed (Reachable / Unreachable / Removed ...). */
    default void contactStatus(String serverId, PjsipContactInfo contact, long atMillis) {
    }

    /**
     * The dialer's outbound registrations (SIPshowregistry and PJSIPShowRegistrationsOutbound) after a
     * (re)connect and then with the channel resync; {@code techs} are the stacks this list is complete for.
     */
    default void registrations(String serverId, java.util.Set<Tech> techs, List<RegistrationInfo> registrations,
                               long atMillis) {
    }

    /**
     * A {@code Registry} event: {@code client} is its Username (PJSIP: the client URI), {@code server} its Domain
     * (PJSIP: the server URI). PJSIP sends one after every REGISTER answer, so a healthy trunk repeats
     * {@code Registered} every refresh.
     */
    default void registry(String serverId, Tech tech, String client, String server, String status, long atMillis) {
    }

    /** Something the operator should know about the link that is not a state change (a refused poll ...). */
    default void gatewayProblem(String serverId, String message) {
    }
}
