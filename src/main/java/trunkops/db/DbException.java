package trunkops.db;

/** A database operation failed; the message says what, where, why and what to check. */
public final class DbException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DbFailure failure;

    public DbException(String message, Throwable cause, DbFailure failure) {
        super(message, cause);
        this.failure = failure;
    }

    /** Why: a refused password must not be retried, a refused connection may be. */
    public DbFailure failure() {
        return failure;
    }

    public boolean authFailure() {
        return failure == DbFailure.AUTH;
    }
}
