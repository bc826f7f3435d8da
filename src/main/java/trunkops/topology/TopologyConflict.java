package trunkops.topology;

import java.util.Objects;

/**
 * Two active carriers that claim the same thing on one server; the first in the keepalive's order (protocol group
 * IAX2, SIP, PJSIP_WIZ, PJSIP, then carrier_id) is written first.
 *
 * @param kind       what collides
 * @param serverId   where
 * @param subject    the pattern, peer or variable name
 * @param keptCarrierId    the carrier whose definition Asterisk uses
 * @param droppedCarrierId the carrier whose definition is lost or merged away
 * @param message    what happens and what to do
 */
public record TopologyConflict(Kind kind, String serverId, String subject, String keptCarrierId,
                               String droppedCarrierId, String message) {

    public enum Kind {
        /** Same extension and priority: Asterisk keeps the first ("already in use") and drops the later line. */
        DIALPLAN_PRIORITY,
        /** Same peer name: chan_sip/chan_iax2 merge both sections into one peer; res_pjsip refuses the whole file. */
        PEER_NAME,
        /** Same global variable with different values: the last one written wins for every carrier using it. */
        GLOBAL_VARIABLE
    }

    public TopologyConflict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(keptCarrierId, "keptCarrierId");
        Objects.requireNonNull(droppedCarrierId, "droppedCarrierId");
        Objects.requireNonNull(message, "message");
    }
}
