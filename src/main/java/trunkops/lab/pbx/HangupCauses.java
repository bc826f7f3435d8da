package trunkops.lab.pbx;

/** Q.850 cause texts as ast_cause2str, and chan_sip's SIP response to cause mapping (hangup_sip2cause). */
public final class HangupCauses {

    public static final int UNALLOCATED = 1;
    public static final int NO_ROUTE_DESTINATION = 3;
    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_USER_RESPONSE = 18;
    public static final int NO_ANSWER = 19;
    public static final int SUBSCRIBER_ABSENT = 20;
    public static final int CALL_REJECTED = 21;
    public static final int DESTINATION_OUT_OF_ORDER = 27;
    public static final int INVALID_NUMBER_FORMAT = 28;
    public static final int FACILITY_REJECTED = 29;
    public static final int NORMAL_UNSPECIFIED = 31;
    public static final int CONGESTION = 34;
    public static final int NORMAL_TEMPORARY_FAILURE = 41;
    public static final int BEARERCAPABILITY_NOTAVAIL = 58;
    public static final int RECOVERY_ON_TIMER_EXPIRE = 102;
    public static final int INTERWORKING = 127;
    public static final int FAILURE = 38;

    private HangupCauses() {
    }

    public static String text(int cause) {
        return switch (cause) {
            case 0 -> "Unknown";
            case UNALLOCATED -> "Unallocated (unassigned) number";
            case NO_ROUTE_DESTINATION -> "No route to destination";
            case NORMAL_CLEARING -> "Normal Clearing";
            case USER_BUSY -> "User busy";
            case NO_USER_RESPONSE -> "No user responding";
            case NO_ANSWER -> "User alerting, no answer";
            case SUBSCRIBER_ABSENT -> "Subscriber absent";
            case CALL_REJECTED -> "Call Rejected";
            case 22 -> "Number changed";
            case DESTINATION_OUT_OF_ORDER -> "Destination out of order";
            case INVALID_NUMBER_FORMAT -> "Invalid number format";
            case FACILITY_REJECTED -> "Facility rejected";
            case NORMAL_UNSPECIFIED -> "Normal, unspecified";
            case CONGESTION -> "Circuit/channel congestion";
            case FAILURE -> "Network out of order";
            case NORMAL_TEMPORARY_FAILURE -> "Temporary failure";
            case BEARERCAPABILITY_NOTAVAIL -> "Bearer capability not available";
            case RECOVERY_ON_TIMER_EXPIRE -> "Recovery on timer expiry";
            case INTERWORKING -> "Interworking, unspecified";
            default -> "Unknown";
        };
    }

    /** chan_sip hangup_sip2cause. */
    public static int fromSip(int code) {
        return switch (code) {
            case 401, 403, 407 -> CALL_REJECTED;
            case 404, 485, 604 -> UNALLOCATED;
            case 408 -> NO_USER_RESPONSE;
            case 409 -> NORMAL_TEMPORARY_FAILURE;
            case 410 -> 22;
            case 480 -> NO_ANSWER;
            case 484 -> INVALID_NUMBER_FORMAT;
            case 486, 600 -> USER_BUSY;
            case 488, 606 -> BEARERCAPABILITY_NOTAVAIL;
            case 500 -> FAILURE;
            case 501 -> FACILITY_REJECTED;
            case 502 -> DESTINATION_OUT_OF_ORDER;
            case 503 -> CONGESTION;
            case 504 -> RECOVERY_ON_TIMER_EXPIRE;
            case 603 -> CALL_REJECTED;
            default -> code >= 500 ? FAILURE : INTERWORKING;
        };
    }

    /** ast_hangup_cause_to_dial_status: what DialEnd says when the dialed channel hung up before answer. */
    public static String toDialEndStatus(int cause) {
        return switch (cause) {
            case USER_BUSY -> "BUSY";
            case CONGESTION -> "CONGESTION";
            case 3, SUBSCRIBER_ABSENT -> "CHANUNAVAIL";
            default -> "NOANSWER";
        };
    }

    /** The reason phrase a far end sends with a SIP failure code. */
    public static String sipReason(int code) {
        return switch (code) {
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 480 -> "Temporarily Unavailable";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 500 -> "Server Internal Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Server Time-out";
            case 600 -> "Busy Everywhere";
            case 603 -> "Decline";
            default -> "Unknown";
        };
    }
}
