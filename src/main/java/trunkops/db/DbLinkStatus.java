package trunkops.db;

/**
 * One observation of the database link: state, a reason without secrets, since when (epoch ms), and for a failure
 * its cause (null while connecting, up or stopped).
 */
public record DbLinkStatus(DbLinkState state, String message, long sinceMillis, DbFailure failure) {

    public DbLinkStatus(DbLinkState state, String message, long sinceMillis) {
        this(state, message, sinceMillis, null);
    }
}
