package trunkops.control;

import java.util.List;

/**
 * The audit journal: every action is written before it is sent and completed after, so an action cut short (the
 * console killed between the two) is found again on the next start. Implementations keep it locally (append-only)
 * and in TrunkOps' table.
 */
public interface ControlJournal {

    /**
     * Records {@code request} as about to be sent, with what each dialer held before ({@code before}: server id to
     * the flag or value read there, may be empty), and returns the entry's id. Throws {@link JournalException} when
     * the entry could not be made durable: the action must then not be sent.
     */
    String begin(ControlRequest request, java.util.Map<String, String> before) throws JournalException;

    /** Completes entry {@code id} with the outcome per dialer. */
    void complete(String id, ControlResult result) throws JournalException;

    /** Entries begun and never completed (the console stopped between send and result), oldest first. */
    List<ControlRequest> unfinished() throws JournalException;

    /** The journal could not be written or read; the message says where and why. */
    final class JournalException extends Exception {
        public JournalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
