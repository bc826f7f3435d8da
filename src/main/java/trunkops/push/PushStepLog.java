package trunkops.push;

import java.util.List;

/**
 * Where a {@link PushJob} records its steps as they begin and end (the audit journal: {@link JournalStepLog}). A
 * step that cannot be recorded never stops the push (the push itself was journaled before it started); the
 * implementation says so in its own way.
 */
public interface PushStepLog {

    /** The steps of a push, in the order they can happen (names at most 15 characters: the journal's route). */
    enum Phase {
        /** Cancel or checks before anything is written. */
        CHECK,
        /** The row written scoped to the canary. */
        CANARY_WRITE,
        /** One dialer's keepalive awaited (its flag cleared). */
        WAIT,
        /** One dialer read back over AMI. */
        VERIFY,
        /** The row moved to 0.0.0.0 and the other dialers flagged. */
        STAGE_OTHERS,
        /** The previous row written back and the touched dialers flagged. */
        ROLLBACK,
        /** One touched dialer waited for and read back on the previous version. */
        ROLLBACK_VERIFY,
        /** A test call through the route. */
        TEST_CALL,
        /** The end: each dialer's final state. */
        FINAL
    }

    /** What one dialer ended the step with. */
    record Outcome(String serverId, boolean ok, String detail) {
    }

    /** Step {@code phase} on {@code serverIds} begins; returns its id for {@link #end}. */
    String begin(Phase phase, List<String> serverIds, String detail);

    /** The step ended with these outcomes (one per dialer of the step). */
    void end(String id, List<Outcome> outcomes);

    /** Records nothing. */
    PushStepLog NONE = new PushStepLog() {
        @Override
        public String begin(Phase phase, List<String> serverIds, String detail) {
            return "";
        }

        @Override
        public void end(String id, List<Outcome> outcomes) {
            // nothing
        }
    };
}
