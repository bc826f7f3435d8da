package trunkops.control;

import java.util.Optional;

/**
 * One dialer's ASTDB as the control core needs it: get, put, delete one key. Calls block the caller's thread (the
 * control core runs each dialer on a thread of its own and gives up on it after its timeout); the AMI
 * implementation lives in {@code trunkops.ami}.
 */
public interface AstDbLink {

    String serverId();

    /** The value of {@code family/key}, empty when there is no such entry. */
    Optional<String> get(String family, String key) throws AstDbException;

    void put(String family, String key, String value) throws AstDbException;

    /** Deletes {@code family/key}; false when there was no such entry (nothing to delete is not a failure). */
    boolean delete(String family, String key) throws AstDbException;

    /** Why an ASTDB call did not happen: the dialer refused it, or could not be reached in time. */
    final class AstDbException extends Exception {

        private final boolean unreachable;

        public AstDbException(boolean unreachable, String message, Throwable cause) {
            super(message, cause);
            this.unreachable = unreachable;
        }

        public static AstDbException refused(String message) {
            return new AstDbException(false, message, null);
        }

        public static AstDbException unreachable(String message, Throwable cause) {
            return new AstDbException(true, message, cause);
        }

        /** True: no link or no answer in time; false: the dialer answered and refused. */
        public boolean unreachable() {
            return unreachable;
        }
    }
}
