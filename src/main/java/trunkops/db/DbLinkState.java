package trunkops.db;

/** The console's view of its connection to a cluster's database. */
public enum DbLinkState {
    CONNECTING,
    UP,
    /** The server answered but refused the credentials (MariaDB error 1045). */
    AUTH_FAILED,
    /** Unreachable, stopped, or queries time out. */
    DOWN,
    STOPPED
}
