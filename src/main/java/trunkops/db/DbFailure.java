package trunkops.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * Why a connection to the database failed, as far as the operator is concerned: each cause has a different fix, and
 * only {@link #AUTH} must never be tried again with the same password (account lockout on MariaDB/PAM/LDAP).
 */
public enum DbFailure {
    /** The server refused the user or password (MariaDB 1045, SQLState 28000). */
    AUTH("wrong password", "the server refused the user or password"),
    /** No password to log in with: the operator cancelled the prompt (nothing was sent). */
    NO_PASSWORD("no password given", "the password prompt was cancelled; refresh to be asked again"),
    /** The database in the URL does not exist, or the user may not use it (1049; 1044 when it is not granted). */
    NO_DATABASE("no such database", "the database does not exist or the user may not use it"),
    /** Nothing listens at the address (TCP reset). */
    REFUSED("connection refused", "nothing listens at that address and port"),
    /** The host name does not resolve, or there is no route to it. */
    UNREACHABLE("host unreachable", "the host is unknown or there is no route to it"),
    /** The address answered nothing within the connect timeout (a dead host, a firewall dropping packets). */
    TIMEOUT("timed out", "no answer within the connect timeout"),
    /** Anything else: the server's or driver's own message says what. */
    OTHER("failed", "see the message");

    private final String label;
    private final String explanation;

    DbFailure(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    /** A few words for a status chip: "wrong password", "connection refused". */
    public String label() {
        return label;
    }

    /** What the cause means, for a message. */
    public String explanation() {
        return explanation;
    }

    /** The cause of a failed connection attempt or query, from the exception chain (server codes first). */
    public static DbFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LoginGate.Denied d) {
                return d.failure();
            }
            if (t instanceof SQLException s) {
                DbFailure byCode = byServerCode(s);
                if (byCode != null) {
                    return byCode;
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException && !(t instanceof NoRouteToHostException)) {
                return String.valueOf(t.getMessage()).contains("unreachable") ? UNREACHABLE : REFUSED;
            }
            if (t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return UNREACHABLE;
            }
            if (t instanceof SocketTimeoutException || t instanceof SQLTimeoutException) {
                return TIMEOUT;
            }
        }
        return OTHER;
    }

    private static DbFailure byServerCode(SQLException s) {
        int code = s.getErrorCode();
        if (code == 1045 || "28000".equals(s.getSQLState())) {
            return AUTH;
        }
        if (code == 1049 || code == 1044) {
            return NO_DATABASE;
        }
        return null;
    }
}
