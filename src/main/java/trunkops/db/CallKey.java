package trunkops.db;

/**
 * One call as {@code vicidial_log} can be joined to it: the lead and the 10-digit epoch that starts the uniqueid
 * (vicidial.md Correction 12: answered calls are logged there with the other Local half's uniqueid, so only the
 * epoch joins). Two longs: one is made per vicidial_log row read.
 */
public record CallKey(long leadId, long epoch) {

    /** The key of a carrier-log row, null without lead or uniqueid. */
    public static CallKey of(CarrierLogRow row) {
        return of(row.leadId(), row.uniqueid());
    }

    /** The key of a lead and a uniqueid, null without either (or when the uniqueid does not start with 10 digits). */
    public static CallKey of(long leadId, String uniqueid) {
        if (leadId <= 0 || uniqueid == null || uniqueid.length() < 10) {
            return null;
        }
        try {
            return new CallKey(leadId, Long.parseLong(uniqueid, 0, 10, 10));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
