package trunkops.db;

/** One observation of the database link: state, a reason without secrets, since when (epoch ms). */
public record DbLinkStatus(DbLinkState state, String message, long sinceMillis) {
}
