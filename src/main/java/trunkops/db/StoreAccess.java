package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.sql.DataSource;

import trunkops.routing.Route;
import trunkops.routing.RouteStore.SaveResult;
import trunkops.routing.RouteStore.StoreStatus;
import trunkops.routing.RouteVersion;

/** The SQL behind {@link RouteRepository}: what the account may do, and one save transaction. */
final class StoreAccess {

    /** What {@link #probe} found: the status and the database account ({@code user@host}, or "" if unknown). */
    record Found(StoreStatus status, String user) {
    }

    static final String TABLES = "trunkops_route and trunkops_route_version";
    private static final String MIGRATE_GRANT = "CREATE, ALTER, INDEX, SELECT, INSERT, UPDATE, DELETE";
    private static final String SAVE_GRANT = "SELECT, INSERT, UPDATE";

    private StoreAccess() {
    }

    /** Reads with zero-row statements what the account may do; never throws. */
    static Found probe(DataSource ds, TrunkOpsSchema.Migration m) {
        String account = "";
        String db = "the ViciDial database";
        try (Connection c = ds.getConnection()) {
            account = currentUser(c);
            db = c.getCatalog() == null ? db : "`" + c.getCatalog() + "`";
            String readProblem = PrivilegeProbe.attempt(c, "SELECT name, latest_version, updated_at, updated_by"
                    + " FROM trunkops_route WHERE 1 = 0", "SELECT name, version, route_text, author, saved_at, comment"
                    + " FROM trunkops_route_version WHERE 1 = 0");
            String writeProblem = readProblem != null ? readProblem : writeProbe(c);
            String user = "user '" + account + "'";
            String grantSave = "GRANT " + SAVE_GRANT + " ON " + db + ".trunkops_route and ON " + db
                    + ".trunkops_route_version TO " + user;
            if (!m.current()) {
                String why = user + " may not create or upgrade TrunkOps' tables (" + m.problem() + ")";
                String fix = ": an administrator runs TrunkOps once with an account that has " + MIGRATE_GRANT
                        + " on " + db + ".*, then " + grantSave;
                return new Found(readProblem == null
                        ? new StoreStatus(true, false, "routes are read-only: " + why + fix)
                        : new StoreStatus(false, false, "no routes: " + why + " and cannot read them (" + readProblem
                        + ")" + fix), account);
            }
            if (readProblem != null && readProblem.contains("doesn't exist")) {
                return new Found(new StoreStatus(false, false, "no routes: TrunkOps' tables do not exist in " + db
                        + " yet (the console creates them when it opens the routes with an account that may CREATE"
                        + " tables)"), account);
            }
            if (readProblem != null) {
                return new Found(new StoreStatus(false, false, "no routes: " + user + " may not read " + TABLES
                        + " (" + readProblem + "): " + grantSave), account);
            }
            if (writeProblem != null) {
                return new Found(new StoreStatus(true, false, "routes are read-only: " + user + " may read but not"
                        + " save routes (" + writeProblem + "): " + grantSave), account);
            }
            return new Found(new StoreStatus(true, true, count(c) + " routes (TrunkOps tables, schema v"
                    + m.version() + ")"), account);
        } catch (SQLException e) {
            return new Found(new StoreStatus(false, false, "no routes: the database could not be reached ("
                    + TrunkOpsSchema.cause(e) + ")"), account);
        }
    }

    private static String currentUser(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_USER()"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM trunkops_route");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The privilege checks of a save, on statements that touch no row, rolled back anyway. */
    private static String writeProbe(Connection c) throws SQLException {
        return PrivilegeProbe.writes(c, "UPDATE trunkops_route SET latest_version = latest_version WHERE 1 = 0",
                "INSERT INTO trunkops_route (name, latest_version, updated_at, updated_by)"
                        + " SELECT name, latest_version, updated_at, updated_by FROM trunkops_route WHERE 1 = 0",
                "INSERT INTO trunkops_route_version (name, version, route_text, author, saved_at, comment)"
                        + " SELECT name, version, route_text, author, saved_at, comment FROM"
                        + " trunkops_route_version WHERE 1 = 0");
    }

    /** A duplicate key (two first saves of one name), a deadlock or a lock wait: the save is tried again. */
    static boolean raced(SQLException e) {
        int code = e.getErrorCode();
        return code == 1062 || code == 1213 || code == 1205 || "40001".equals(e.getSQLState());
    }

    /** One save transaction (READ COMMITTED: no gap locks, so two first saves meet on the key, not a deadlock). */
    static SaveResult saveOnce(DataSource ds, Route route, int basedOn, String author, String comment, String text)
            throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            try {
                SaveResult r = saveIn(c, route, basedOn, author, comment, text);
                if (r instanceof SaveResult.Saved) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
                c.setTransactionIsolation(isolation);
            }
        }
    }

    private static SaveResult saveIn(Connection c, Route route, int basedOn, String author, String comment,
                                     String text) throws SQLException {
        Optional<Integer> latest = lockLatest(c, route.name());
        if (latest.isPresent() && latest.get() != basedOn || latest.isEmpty() && basedOn != 0) {
            return conflict(c, route, basedOn, latest);
        }
        int next = latest.orElse(0) + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String name = latest.isPresent() ? storedName(c, route.name()) : route.name();
        if (latest.isEmpty()) {
            update(c, "INSERT INTO trunkops_route (name, latest_version, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                    name, next, now, author);
        } else {
            update(c, "UPDATE trunkops_route SET latest_version = ?, updated_at = ?, updated_by = ? WHERE name = ?",
                    next, now, author, name);
        }
        update(c, "INSERT INTO trunkops_route_version (name, version, route_text, author, saved_at, comment)"
                + " VALUES (?, ?, ?, ?, ?, ?)", name, next, text, author, now, comment);
        return new SaveResult.Saved(new RouteVersion(route, next, author, now, comment));
    }

    private static SaveResult conflict(Connection c, Route mine, int basedOn, Optional<Integer> latest)
            throws SQLException {
        if (latest.isEmpty()) {
            return new SaveResult.Refused("route " + mine.name() + " does not exist (any more): save it as a new"
                    + " route (based on version 0)");
        }
        Optional<RouteVersion> theirs = RouteRepository.versionRow(c, storedName(c, mine.name()), latest.get());
        return theirs.<SaveResult>map(t -> new SaveResult.Conflict(mine, basedOn, t)).orElseGet(() ->
                new SaveResult.Refused("route " + mine.name() + " v" + latest.get() + " was saved by someone else"
                        + " but cannot be read back; nothing was written"));
    }

    private static Optional<Integer> lockLatest(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT latest_version FROM trunkops_route WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** The name as first saved (names compare case-insensitively, as ViciDial's carrier_id). */
    private static String storedName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM trunkops_route WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : name;
            }
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                ps.setObject(i + 1, v instanceof Instant t ? RouteRepository.utc(t) : v);
            }
            ps.executeUpdate();
        }
    }
}
