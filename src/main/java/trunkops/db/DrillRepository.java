package trunkops.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import trunkops.drill.DrillJournal;

/**
 * The drill table {@code trunkops_drills} (Flyway V7, InnoDB) as the drill journal's {@link DrillJournal.Mirror}:
 * a row when a drill begins, its outcome when it ends (also for a drill recovered after a crash, whose row may be
 * missing: then it is inserted whole), and the drills running on a route (begun in the last 24 h, not ended) for
 * every console's preflight. Prepared statements only; every method blocks on the database; failures are
 * IOExceptions (the journal logs them and goes on locally).
 */
public final class DrillRepository implements DrillJournal.Mirror {

    /** A drill not ended after this long is not "running" any more (a crashed console's, not yet recovered). */
    static final Duration STALE = Duration.ofHours(24);

    private final DataSource dataSource;

    private DrillRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Migrates TrunkOps' tables when the account may (as the other repositories do). */
    public static DrillRepository open(DataSource dataSource) {
        TrunkOpsSchema.migrate(dataSource);
        return new DrillRepository(dataSource);
    }

    @Override
    public void begun(DrillJournal.Unfinished d) throws IOException {
        upsert(d.id(), d.route(), d.trunk(), d.serverId(), d.started(), null, null, "");
    }

    @Override
    public void ended(DrillJournal.Ended d) throws IOException {
        upsert(d.id(), d.route(), d.trunk(), d.serverId(), d.started(), d.finished(), d.outcome().name(),
                d.summary());
    }

    private void upsert(String id, String route, String trunk, String server, Instant started, Instant finished,
                        String outcome, String summary) throws IOException {
        String sql = "INSERT INTO trunkops_drills (drill_id, route, trunk, server_id, started_at, finished_at, outcome,"
                + " summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " finished_at = COALESCE(VALUES(finished_at), finished_at),"
                + " outcome = COALESCE(VALUES(outcome), outcome), summary = IF(VALUES(summary) = '', summary,"
                + " VALUES(summary))";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, cut(route, 15));
            ps.setString(3, cut(trunk, 90));
            ps.setString(4, cut(server, 64));
            ps.setTimestamp(5, Timestamp.from(started));
            ps.setTimestamp(6, finished == null ? null : Timestamp.from(finished));
            ps.setString(7, outcome);
            ps.setString(8, cut(summary, 1000));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("trunkops_drills: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> running(String route) throws IOException {
        String sql = "SELECT drill_id FROM trunkops_drills WHERE route = ? AND finished_at IS NULL AND started_at > ?"
                + " ORDER BY started_at DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, route);
            ps.setTimestamp(2, Timestamp.from(Instant.now().minus(STALE)));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IOException("trunkops_drills: " + e.getMessage(), e);
        }
    }

    /** The ended drills, newest first, at most {@code limit} (the history every console of the cluster sees). */
    public List<String> history(int limit) throws IOException {
        String sql = "SELECT drill_id, outcome, summary FROM trunkops_drills WHERE finished_at IS NOT NULL"
                + " ORDER BY started_at DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IOException("trunkops_drills: " + e.getMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
