package trunkops.topology;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code vicidial_server_carriers.protocol}, in the order the keepalive emits carriers into the generated
 * dialplan: IAX2, SIP, PJSIP_WIZ, PJSIP (each group ordered by carrier_id). Zap and EXTERNAL rows generate
 * nothing at all, not even their dialplan_entry.
 */
public enum CarrierProtocol {
    IAX2(0, Tech.IAX2),
    SIP(1, Tech.SIP),
    PJSIP_WIZ(2, Tech.PJSIP),
    PJSIP(3, Tech.PJSIP),
    ZAP(-1, null),
    EXTERNAL(-1, null),
    /** A value this code does not know (a newer ViciDial?); treated like EXTERNAL. */
    UNKNOWN(-1, null);

    private final int emitOrder;
    private final Tech tech;

    CarrierProtocol(int emitOrder, Tech tech) {
        this.emitOrder = emitOrder;
        this.tech = tech;
    }

    /** Reads the column value (MySQL ENUMs compare case-insensitively); anything else is UNKNOWN. */
    public static CarrierProtocol parse(String column) {
        String v = column == null ? "" : column.strip().toUpperCase(Locale.ROOT);
        for (CarrierProtocol p : values()) {
            if (p != UNKNOWN && p.name().equals(v)) {
                return p;
            }
        }
        return UNKNOWN;
    }

    /** Whether the keepalive writes this carrier's account_entry, globals_string and dialplan_entry anywhere. */
    public boolean generatesConfig() {
        return emitOrder >= 0;
    }

    /** Position of this protocol's group in the generated dialplan (lower is earlier); -1 if never emitted. */
    public int emitOrder() {
        return emitOrder;
    }

    /** The channel technology of the peers this protocol defines, if any. */
    public Optional<Tech> tech() {
        return Optional.ofNullable(tech);
    }
}
