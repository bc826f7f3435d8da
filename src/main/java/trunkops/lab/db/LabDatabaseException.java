package trunkops.lab.db;

/**
 * The lab database could not be started, stopped or reached. The message says what failed, where
 * (port, directory, binary) and what to do about it; it never contains a password.
 */
public final class LabDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LabDatabaseException(String message) {
        super(message);
    }

    public LabDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
