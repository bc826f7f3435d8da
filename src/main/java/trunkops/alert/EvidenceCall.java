package trunkops.alert;

import java.time.LocalDateTime;

import trunkops.traffic.CarrierMetrics;

/**
 * One call of the carrier in the incident's window, from {@code vicidial_carrier_log} (+ its caller code), as the
 * evidence pack lists it.
 *
 * @param callDate    {@code call_date}, the database's wall clock (the hangup)
 * @param hangupCause Q.850 cause, -1 when NULL
 * @param sipCode     SIP final response, -1 when NULL, -2 when the schema has no SIP columns
 */
public record EvidenceCall(LocalDateTime callDate, String serverIp, String uniqueid, String callerCode,
                           String dialstatus, int hangupCause, int sipCode, String sipReason) {

    /** CONGESTION, CHANUNAVAIL or a SIP 5xx: the carrier side failed the call. */
    public boolean carrierFailure() {
        return CarrierMetrics.CARRIER_FAILURES.contains(dialstatus) || sipCode >= 500 && sipCode <= 599;
    }
}
