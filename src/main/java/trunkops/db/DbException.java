package trunkops.db;

/** A database operation failed; the message says what, where and what to check. */
public final class DbException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean authFailure;

    public DbException(String message, Throwable cause, boolean authFailure) {
        super(message, cause);
        this.authFailure = authFailure;
    }

    public boolean authFailure() {
        return authFailure;
    }
}
