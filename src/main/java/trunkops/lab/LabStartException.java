package trunkops.lab;

/** The lab could not start; the message says which part and why. */
public final class LabStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
