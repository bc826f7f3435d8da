package trunkops.lab.pbx;

/** State of one Dial() in progress on a calling channel. */
final class DialAttempt {
    final Channel caller;
    final String dialString;
    final long startMicros;
    final String options;
    Channel out;
    String sipCallId = "";
    boolean ringingSeen;
    boolean answered;
    boolean done;
    int gen;

    DialAttempt(Channel caller, String dialString, String options, long startMicros) {
        this.caller = caller;
        this.dialString = dialString;
        this.options = options;
        this.startMicros = startMicros;
    }

    /** The {@code M(macro^args)} option (app_dial's OPT_CALLEE_MACRO) with a non-empty argument. */
    boolean calleeMacro() {
        return !macroArgs().isEmpty();
    }

    String macroArgs() {
        int m = options.indexOf("M(");
        if (m < 0) {
            return "";
        }
        int close = options.indexOf(')', m);
        return close < 0 ? options.substring(m + 2) : options.substring(m + 2, close);
    }

    boolean continueOnCalleeHangup() {
        return options.indexOf('g') >= 0;
    }
}
