package trunkops.db;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One {@code vicidial_carrier_log} row as the console reads it: only the columns per-carrier statistics need.
 * NULLs are kept visible: a NULL {@code hangup_cause}, {@code sip_hangup_cause}, {@code dial_time} or
 * {@code answered_time} is {@link #NULL}, a NULL {@code dialstatus} / {@code sip_hangup_reason} / {@code channel}
 * is {@code null}. On a schema without the SIP columns (before ViciDial 2.6) {@code sipCode} is {@link #ABSENT}.
 *
 * @param callDateSecond {@code call_date} as seconds since 1970-01-01 00:00:00 of the database's wall clock
 *                       (ViciDial writes local time; no zone is applied)
 * @param serverIp       the dialer that wrote the row
 * @param channel        the channel that ran the h-extension: for auto-dial calls the {@code Local/<dial
 *                       string>@<context>-<id>;2} half that ran the carrier extension
 * @param uniqueid       the row's key, or {@code null} when the scan did not ask for it
 * @param details        what the follow-up lookups found (call_log, dial log), or {@link Details#NOT_LOOKED_UP}
 * @param leadId         {@code lead_id} (0 when NULL or not read): with the uniqueid's epoch, the key of the call's
 *                       {@code vicidial_log} row (its campaign)
 */
public record CarrierLogRow(long callDateSecond, String serverIp, String dialstatus, int hangupCause, int sipCode,
                            String sipReason, int dialTime, int answeredTime, String channel, String uniqueid,
                            Details details, long leadId) {

    /** A row without its lead. */
    public CarrierLogRow(long callDateSecond, String serverIp, String dialstatus, int hangupCause, int sipCode,
                         String sipReason, int dialTime, int answeredTime, String channel, String uniqueid,
                         Details details) {
        this(callDateSecond, serverIp, dialstatus, hangupCause, sipCode, sipReason, dialTime, answeredTime, channel,
                uniqueid, details, 0);
    }

    /** A NULL numeric column. */
    public static final int NULL = -1;
    /** A column the database's ViciDial schema does not have. */
    public static final int ABSENT = -2;

    /**
     * The follow-up of one row: its caller code and the dialed string other tables hold for it.
     *
     * @param callerCode       {@code vicidial_carrier_log.caller_code} ({@code V...} auto-dial, {@code M...} manual)
     * @param callLogFound     whether {@code call_log} has a row with the same uniqueid
     * @param callLogExtension that row's {@code extension} (null when none)
     * @param dialLogExtension {@code vicidial_dial_log.extension} of the same caller code and server (the manual
     *                         dial string {@code <prefix><phone>}), null when none was looked up or found
     */
    public record Details(String callerCode, boolean callLogFound, String callLogExtension, String dialLogExtension) {
        public static final Details NOT_LOOKED_UP = new Details(null, false, null, null);

        public Details withDialLog(String extension) {
            return new Details(callerCode, callLogFound, callLogExtension, extension);
        }
    }

    public CarrierLogRow withUniqueid(String id) {
        return new CarrierLogRow(callDateSecond, serverIp, dialstatus, hangupCause, sipCode, sipReason, dialTime,
                answeredTime, channel, id, details, leadId);
    }

    public LocalDateTime callDate() {
        return LocalDateTime.ofEpochSecond(callDateSecond, 0, ZoneOffset.UTC);
    }

    public CarrierLogRow withDetails(Details d) {
        return new CarrierLogRow(callDateSecond, serverIp, dialstatus, hangupCause, sipCode, sipReason, dialTime,
                answeredTime, channel, uniqueid, d, leadId);
    }

    /** Seconds since 1970 of a wall-clock time, the unit of {@link #callDateSecond()}. */
    public static long second(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }
}
