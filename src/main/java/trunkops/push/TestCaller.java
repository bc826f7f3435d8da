package trunkops.push;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Places a test call through a dialer's dialplan ({@code Local/<dial string>@<context>}, implementation in
 * trunkops.ami) and says which trunks the call tried and which one answered.
 */
public interface TestCaller {

    /**
     * What a test call did.
     *
     * @param attempts   the trunks dialed, in order ({@code SIP/blueline}), from the Dial events of the call
     * @param answeredBy the trunk whose Dial ended ANSWER, if any
     * @param detail     how each attempt ended ({@code SIP/blueline BUSY, SIP/nsvoice ANSWER}) or why none was made
     */
    record Result(List<String> attempts, Optional<String> answeredBy, String detail) {
        public Result {
            attempts = List.copyOf(attempts);
        }

        /** The call went out through at least one trunk (the route is live). */
        public boolean routed() {
            return !attempts.isEmpty();
        }
    }

    Result call(String serverId, String dialString, String context, Duration timeout) throws PushException,
            InterruptedException;
}
