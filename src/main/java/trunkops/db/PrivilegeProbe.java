package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What TrunkOps' own tables allow this account, found by running statements that touch no row ({@code WHERE 1 =
 * 0}): the server checks the privileges of a statement even when it matches nothing.
 */
final class PrivilegeProbe {

    private PrivilegeProbe() {
    }

    /** Null when every statement ran, else the server's message of the first that did not. */
    static String attempt(Connection c, String... sql) {
        for (String s : sql) {
            try (PreparedStatement ps = c.prepareStatement(s)) {
                ps.execute();
            } catch (SQLException e) {
                return TrunkOpsSchema.cause(e);
            }
        }
        return null;
    }

    /** As {@link #attempt}, for writes: inside a transaction that is rolled back whatever happens. */
    static String writes(Connection c, String... sql) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            return attempt(c, sql);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }
}
