package trunkops.lab.db;

import java.time.Instant;
import java.util.List;

/**
 * One auto-dial attempt of the generated history, with the truth behind its rows: which carrier and peers it went
 * to and what each far end did. Tests use it to hand-check attribution; the writer turns it into rows.
 *
 * @param serverIp       the dialer
 * @param campaignId     the campaign, {@code listId} / {@code leadId} the lead it dialed
 * @param dialTimeout    the campaign's dial_timeout in seconds: the Originate timeout (dial_log.timeout / 1000)
 * @param callerCode     {@code V} + 9-digit MMDDhhmmss (first digit dropped) + 10-digit lead id (20 chars)
 * @param dialString     prefix + phone code 1 + NANP number: the Local channel's extension
 * @param originate      when AST_VDauto_dial queued the Originate (vicidial_dial_log.call_date)
 * @param start          when the Local channel ran the call_log AGI (call_log.start_time, the uniqueid's epoch)
 * @param end            hangup (call_log.end_time, vicidial_carrier_log.call_date)
 * @param uniqueid       Asterisk uniqueid of the Local ;2 channel, {@code <epoch>.<sequence>}
 * @param localChannel   {@code Local/<dialString>@default-<8 hex>;2}
 * @param carrierId      the carrier row whose extension ran, null when nothing matched (no call_log/carrier rows)
 * @param extension      the matched extension pattern, null when unrouted
 * @param legs           every Dial() the carrier's dialplan made, in order (vicidial_carrier_log only sees the last)
 * @param outcome        the last leg's outcome, null when unrouted or no Dial ran
 * @param dialTime       ${DIALEDTIME} of the last Dial, whole seconds
 * @param answeredTime   ${ANSWEREDTIME} of the last Dial, whole seconds
 * @param sipCode        the SIP code logged (0 when none, or when two legs both stored one: HANGUPCAUSE() then gets two
 *                       channel names and returns nothing)
 */
public record GeneratedCall(String serverIp, String campaignId, int dialTimeout, long listId, long leadId,
                            String callerCode,
                            String dialString, Instant originate, Instant start, Instant end, String uniqueid,
                            String localChannel, String carrierId, String extension, List<Leg> legs,
                            CallOutcome outcome, int dialTime, int answeredTime, int sipCode, String sipReason) {

    public GeneratedCall {
        legs = List.copyOf(legs);
    }

    /**
     * One Dial() of a peer: {@code farEndHost} is the peer's {@code host=}; {@code durationMillis} runs from Dial() to
     * its return (ring + talk), {@code answeredMillis} is the talk part.
     */
    public record Leg(String peer, String farEndHost, CallOutcome outcome, long durationMillis, long answeredMillis) {
    }

    public boolean routed() {
        return carrierId != null && outcome != null;
    }

    public String dialstatus() {
        return outcome == null ? null : outcome.dialstatus();
    }

    public int hangupCause() {
        return outcome == null ? 0 : outcome.hangupCause();
    }

    public long lengthSeconds() {
        return end.getEpochSecond() - start.getEpochSecond();
    }
}
