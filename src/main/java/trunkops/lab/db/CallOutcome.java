package trunkops.lab.db;

/**
 * What one {@code Dial()} of a chan_sip peer ends with, and what ViciDial's h-extension then logs in
 * {@code vicidial_carrier_log} (dialstatus = {@code ${DIALSTATUS}}, hangup_cause = {@code ${HANGUPCAUSE}},
 * sip_hangup_cause/reason = the last SIP response chan_sip recorded for the dialed channel, which FastAGI_log.pl
 * splits out of {@code ${HANGUPCAUSE(${HANGUPCAUSE_KEYS()},tech)}} = "SIP &lt;code&gt; &lt;reason&gt;").
 *
 * <p>Sources, Asterisk 20.20.1: {@code channels/chan_sip.c} (handle_response ~25200-25520, handle_response_invite
 * ~24420-24590, hangup_sip2cause ~7017, the cause-code hash stored for every response to the channel ~29190-29210),
 * {@code apps/app_dial.c} (wait_for_answer, handle_cause ~924). Decisions:
 * <ul>
 *   <li>503, 500: chan_sip queues CONGESTION → {@code CONGESTION}; cause = hangup_sip2cause: 34 / 38.</li>
 *   <li>486: BUSY → {@code BUSY}, cause 17.</li>
 *   <li>480: handle_response_invite's 480 branch queues AST_CONTROL_BUSY, so chan_sip reports {@code BUSY}
 *       (not CHANUNAVAIL); cause = hangup_sip2cause(480) = AST_CAUSE_NO_ANSWER = 19. (chan_pjsip not checked.)</li>
 *   <li>404: the channel is hung up with cause 1 (UNALLOCATED); app_dial counts that as "nochan" →
 *       {@code CHANUNAVAIL}, cause 1.</li>
 *   <li>Answered: {@code ANSWER}, cause 16, SIP 200 "OK": chan_sip stores every response to the INVITE, so the last one
 *       of an answered call is the 200 (Asterisk 12+; older versions logged 0/'').</li>
 *   <li>No answer before the campaign's dial timeout: the lab carriers' Dial() has no timeout of its own, so the
 *       auto-dial Originate timeout hangs up the Local channel and Dial ends with {@code CANCEL}; the hangup frame
 *       carries no cause, so hangup_cause 0 (a decision, not checked against a capture); the last SIP response
 *       stored is the "180 Ringing" (the 487 to our CANCEL arrives after the channel is gone).</li>
 *   <li>Peer UNREACHABLE/LAGGED by qualify: the SIP channel is refused at request time → {@code CHANUNAVAIL},
 *       cause 20, no SIP channel, so no SIP code (0, '').</li>
 *   <li>Peer dead but not yet detected: INVITE unanswered until chan_sip gives up (~6 s in fixtures/ami/06),
 *       {@code CHANUNAVAIL}, cause 18 (NO_USER_RESPONSE), no SIP response stored (0, '').</li>
 * </ul>
 * The Q.850 causes follow chan_sip's rule in handle_response (~25215-25222): on every response to the INVITE the
 * dialed channel's cause becomes hangup_sip2cause(code), unless a Q.850 {@code Reason} header (peer option
 * {@code q850_reason}) names another; app_dial copies it to the calling Local channel on BUSY/CONGESTION/hangup.
 * Carriers sending Reason headers would log their own causes (not modelled).
 */
public enum CallOutcome {
    ANSWER("ANSWER", 16, 200, "OK", true),
    BUSY("BUSY", 17, 486, "Busy Here", true),
    TEMPORARILY_UNAVAILABLE("BUSY", 19, 480, "Temporarily Unavailable", true),
    NOT_FOUND("CHANUNAVAIL", 1, 404, "Not Found", true),
    CONGESTION("CONGESTION", 34, 503, "Service Unavailable", true),
    SERVER_ERROR("CONGESTION", 38, 500, "Internal Server Error", true),
    CANCELLED("CANCEL", 0, 180, "Ringing", true),
    PEER_UNREACHABLE("CHANUNAVAIL", 20, 0, "", false),
    NO_RESPONSE("CHANUNAVAIL", 18, 0, "", true);

    private final String dialstatus;
    private final int hangupCause;
    private final int sipCode;
    private final String sipReason;
    private final boolean createsSipChannel;

    CallOutcome(String dialstatus, int hangupCause, int sipCode, String sipReason, boolean createsSipChannel) {
        this.dialstatus = dialstatus;
        this.hangupCause = hangupCause;
        this.sipCode = sipCode;
        this.sipReason = sipReason;
        this.createsSipChannel = createsSipChannel;
    }

    public String dialstatus() {
        return dialstatus;
    }

    public int hangupCause() {
        return hangupCause;
    }

    /** The SIP status chan_sip last stored for the dialed channel; 0 when it stored none. */
    public int sipCode() {
        return sipCode;
    }

    public String sipReason() {
        return sipReason;
    }

    /** Whether the Dial created a {@code SIP/<peer>-xxxxxxxx} channel (and so an entry in HANGUPCAUSE_KEYS()). */
    public boolean createsSipChannel() {
        return createsSipChannel;
    }

    /** True for the outcomes on which the far end answered the INVITE with a final or provisional response. */
    public boolean storesSipCause() {
        return sipCode != 0;
    }
}
