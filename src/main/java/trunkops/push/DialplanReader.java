package trunkops.push;

import java.util.List;

/** Reads one context of a dialer's live dialplan (AMI {@code ShowDialPlan}; implementation in trunkops.ami). */
public interface DialplanReader extends AutoCloseable {

    /** One priority as Asterisk has it loaded. */
    record Priority(String exten, int priority, String application, String appData) {
    }

    List<Priority> show(String serverId, String context) throws PushException;

    /**
     * chan_sip's {@code SIPshowpeer} of one peer: its fields with lower-case names ({@code tohost},
     * {@code context}, ...), empty when the dialer does not know the peer. Readers that cannot read peers refuse.
     */
    default java.util.Optional<java.util.Map<String, String>> showPeer(String serverId, String peer)
            throws PushException {
        throw new PushException(serverId + ": this reader cannot read peers back (SIPshowpeer)");
    }

    @Override
    void close();
}
