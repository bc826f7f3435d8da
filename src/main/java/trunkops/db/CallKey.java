package trunkops.db;

/**
 * One call as {@code vicidial_log} can be joined to it: the lead and the uniqueid's 10-digit epoch (vicidial.md
 * Correction 12: answered calls are logged there with the other Local half's uniqueid, so only the epoch joins).
 */
public record CallKey(long leadId, String epoch) {

    /** The key of a carrier-log row, null without lead or uniqueid. */
    public static CallKey of(CarrierLogRow row) {
        return of(row.leadId(), row.uniqueid());
    }

    /** The key of a lead and a uniqueid, null without either. */
    public static CallKey of(long leadId, String uniqueid) {
        return leadId <= 0 || uniqueid == null || uniqueid.length() < 10 ? null
                : new CallKey(leadId, uniqueid.substring(0, 10));
    }
}
