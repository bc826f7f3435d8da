package trunkops.lab.pbx;

/**
 * How chan_sip and app_dial turn a failed INVITE into what Asterisk reports: 486/600/603/480 arrive as a BUSY
 * control frame, 500/502/503/504 as CONGESTION, everything else (404, 408, no response) as a hangup with a
 * cause, in which case a HangupRequest precedes DialEnd and DialEnd's status comes from the cause.
 */
record SipFailure(boolean busyControl, boolean congestionControl, String dialEndStatus, String dialStatus) {

    static SipFailure of(int sipCode, int cause) {
        boolean busy = sipCode == 486 || sipCode == 600 || sipCode == 603 || sipCode == 480;
        boolean congestion = sipCode == 500 || sipCode == 502 || sipCode == 503 || sipCode == 504;
        if (busy) {
            return new SipFailure(true, false, "BUSY", "BUSY");
        }
        if (congestion) {
            return new SipFailure(false, true, "CONGESTION", "CONGESTION");
        }
        String status = switch (cause) {
            case HangupCauses.USER_BUSY -> "BUSY";
            case HangupCauses.CONGESTION -> "CONGESTION";
            case HangupCauses.NORMAL_CLEARING, HangupCauses.NO_ANSWER -> "NOANSWER";
            default -> "CHANUNAVAIL";
        };
        return new SipFailure(false, false, HangupCauses.toDialEndStatus(cause), status);
    }

    /** A control frame (busy/congestion) rather than a hangup with a cause. */
    boolean control() {
        return busyControl || congestionControl;
    }
}
