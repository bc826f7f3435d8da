package trunkops.push;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The push's test call on the canary, journaled as a TEST_CALL step. */
final class TestCallStep {

    private TestCallStep() {
    }

    /** The call's result, or empty when it could not be placed (the journal and {@code progress} say why). */
    static Optional<TestCaller.Result> run(PushStore.Dialer canary, TestCaller caller, String dialString,
                                           String context, Duration timeout, PushStepLog steps,
                                           Consumer<String> progress) throws InterruptedException {
        List<String> one = List.of(canary.serverId());
        String id = steps.begin(PushStepLog.Phase.TEST_CALL, one, "Local/" + dialString + "@" + context);
        progress.accept("test call Local/" + dialString + "@" + context);
        try {
            TestCaller.Result r = caller.call(canary.serverId(), dialString, context, timeout);
            steps.end(id, List.of(new PushStepLog.Outcome(canary.serverId(), r.routed(), said(r))));
            progress.accept("test call " + said(r));
            return Optional.of(r);
        } catch (PushException e) {
            steps.end(id, List.of(new PushStepLog.Outcome(canary.serverId(), false, e.getMessage())));
            progress.accept("test call failed: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code answered by SIP/blueline (SIP/blueline ANSWER)}. */
    static String said(TestCaller.Result r) {
        return r.answeredBy().map(a -> "answered by " + a).orElse("not answered") + " (" + r.detail() + ")";
    }
}
