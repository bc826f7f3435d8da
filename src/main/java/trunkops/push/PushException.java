package trunkops.push;

/** A push step that could not be done (database, AMI), or a live row that changed under the push. */
public class PushException extends Exception {

    public PushException(String message, Throwable cause) {
        super(message, cause);
    }

    public PushException(String message) {
        super(message);
    }

    /** The live row is no longer the one the push was built from. */
    public static final class Conflict extends PushException {
        public Conflict(String message) {
            super(message);
        }
    }
}
