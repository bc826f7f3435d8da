package trunkops.secrets;

/** The OS keyring could not be used (no keyring service, locked, tool missing); the message says which. */
public final class KeyringException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyringException(String message) {
        super(message);
    }
}
