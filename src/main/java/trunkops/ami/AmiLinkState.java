package trunkops.ami;

/** The state of the console's manager connection to one dialer, as the operator needs to read it. */
public enum AmiLinkState {
    /** Not started yet. */
    IDLE,
    /** TCP connect and login in progress. */
    CONNECTING,
    /** Logged in and the first snapshot was requested. */
    CONNECTED,
    /** The server refused the credentials; retried with backoff, but shown as an operator problem. */
    AUTH_FAILED,
    /** The server could not be reached, or the link died and is being re-established. */
    DOWN,
    /** Stopped by the console. */
    STOPPED
}
