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

    boolean continueOnCalleeHangup() {
        return options.indexOf('g') >= 0;
    }
}
