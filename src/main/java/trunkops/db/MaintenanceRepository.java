package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.MaintenanceStore;
import trunkops.control.MaintenanceWindow;
import trunkops.control.MaintenanceWindow.Weekly;
import trunkops.topology.Tech;

/**
 * {@link MaintenanceStore} on TrunkOps' {@code trunkops_maintenance} table (Flyway V4, InnoDB), prepared statements
 * only. Like {@link RouteRepository}: {@link #open} migrates when the account may and never throws on permission or
 * connection problems; {@link #access()} says what the account may do and how to fix it; a write the account may
 * not make is refused with that message. Every method blocks on the database.
 */
public final class MaintenanceRepository implements MaintenanceStore {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceRepository.class);
    private static final String COLUMNS = "maintenance_id, tech, peer, server_ids, starts_at, ends_at, weekly_days,"
            + " weekly_at, weekly_minutes, zone, reason, ticket, created_by, created_at, applied_until, restored_until";
    private static final String GRANT = "SELECT, INSERT, UPDATE";

    /** What the account may do with the windows, and, when not everything, why and what to grant. */
    public record Access(boolean readable, boolean writable, String message) {
    }

    private final DataSource dataSource;
    private final Access access;

    private MaintenanceRepository(DataSource dataSource, Access access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    /** Migrates TrunkOps' tables (when the account may), then finds out what the account may do. */
    public static MaintenanceRepository open(DataSource dataSource) {
        TrunkOpsSchema.Migration m = TrunkOpsSchema.migrate(dataSource);
        return new MaintenanceRepository(dataSource, probe(dataSource, m));
    }

    /** For reading only ({@code maintenance list}): no migration, nothing created as a side effect. */
    public static MaintenanceRepository reader(DataSource dataSource) {
        Access a = probe(dataSource, new TrunkOpsSchema.Migration(true, 0, "(not checked)", ""));
        return new MaintenanceRepository(dataSource, new Access(a.readable(), false, a.message()));
    }

    public Access access() {
        return access;
    }

    private static Access probe(DataSource ds, TrunkOpsSchema.Migration m) {
        try (Connection c = ds.getConnection()) {
            String user = "";
            try (PreparedStatement ps = c.prepareStatement("SELECT CURRENT_USER()"); ResultSet rs = ps.executeQuery()) {
                user = rs.next() ? rs.getString(1) : "";
            }
            String fix = "GRANT " + GRANT + " ON " + (c.getCatalog() == null ? "<database>" : "`" + c.getCatalog()
                    + "`") + ".trunkops_maintenance TO '" + user + "'";
            String read = PrivilegeProbe.attempt(c, "SELECT " + COLUMNS + " FROM trunkops_maintenance WHERE 1 = 0");
            if (read != null) {
                String why = read.contains("doesn't exist") ? "the table trunkops_maintenance does not exist yet (an"
                        + " account that may CREATE tables runs TrunkOps once" + (m.current() ? "" : "; " + m.problem())
                        + ")" : "user '" + user + "' may not read trunkops_maintenance (" + read + "): " + fix;
                return new Access(false, false, "no maintenance windows: " + why);
            }
            String write = writeProbe(c);
            if (write != null) {
                return new Access(true, false, "maintenance windows are read-only: user '" + user + "' may not change"
                        + " them (" + write + "): " + fix);
            }
            return new Access(true, true, "maintenance windows (schema v" + m.version() + ")");
        } catch (SQLException e) {
            return new Access(false, false, "no maintenance windows: the database could not be reached ("
                    + TrunkOpsSchema.cause(e) + ")");
        }
    }

    private static String writeProbe(Connection c) throws SQLException {
        return PrivilegeProbe.writes(c, "UPDATE trunkops_maintenance SET applied_until = applied_until WHERE 1 = 0",
                "INSERT INTO trunkops_maintenance (" + COLUMNS.substring(COLUMNS.indexOf(',') + 2) + ") SELECT "
                        + COLUMNS.substring(COLUMNS.indexOf(',') + 2) + " FROM trunkops_maintenance WHERE 1 = 0");
    }

    @Override
    public long add(MaintenanceWindow w) throws StoreException {
        writable();
        String sql = "INSERT INTO trunkops_maintenance (tech, peer, server_ids, starts_at, ends_at, weekly_days,"
                + " weekly_at, weekly_minutes, zone, reason, ticket, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, w.tech().name());
            ps.setString(2, w.peer());
            ps.setString(3, String.join(",", w.serverIds()));
            ps.setObject(4, RouteRepository.utc(w.from()));
            ps.setObject(5, RouteRepository.utc(w.to()));
            Optional<Weekly> r = w.weekly();
            ps.setString(6, r.map(Weekly::daysText).orElse(null));
            ps.setTime(7, r.map(x -> Time.valueOf(x.at())).orElse(null));
            ps.setObject(8, r.map(x -> (int) x.length().toMinutes()).orElse(null));
            ps.setString(9, r.map(x -> x.zone().getId()).orElse(null));
            ps.setString(10, w.reason());
            ps.setString(11, w.ticket().orElse(""));
            ps.setString(12, w.createdBy());
            ps.setObject(13, RouteRepository.utc(w.createdAt()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new StoreException("the window was stored but its id was not returned", null);
                }
                long id = keys.getLong(1);
                LOG.info("maintenance window #{} added by {}: {}", id, w.createdBy(), w.describe());
                return id;
            }
        } catch (SQLException e) {
            throw failed("the window could not be stored", e);
        }
    }

    @Override
    public List<Stored> windows() throws StoreException {
        return select("removed_at IS NULL");
    }

    @Override
    public List<Stored> removedNotCleanedUp() throws StoreException {
        return select("removed_at IS NOT NULL AND applied_until IS NOT NULL"
                + " AND (restored_until IS NULL OR restored_until <> applied_until)");
    }

    private List<Stored> select(String where) throws StoreException {
        if (!access.readable()) {
            throw new StoreException(access.message(), null);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM trunkops_maintenance WHERE " + where + " ORDER BY maintenance_id")) {
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row(rs).ifPresent(out::add);
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("the maintenance windows could not be read", e);
        }
    }

    /** One row; a row this version cannot read (edited by hand) is logged and left out. */
    private static Optional<Stored> row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        try {
            Tech tech = Tech.valueOf(rs.getString(2));
            String servers = rs.getString(4);
            Optional<Weekly> weekly = Optional.empty();
            if (rs.getString(7) != null) {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String d : rs.getString(7).split(",")) {
                    days.add(day(d));
                }
                weekly = Optional.of(new Weekly(days, rs.getTime(8).toLocalTime(),
                        Duration.ofMinutes(rs.getInt(9)), ZoneId.of(rs.getString(10))));
            }
            String ticket = rs.getString(12);
            MaintenanceWindow w = new MaintenanceWindow(tech, rs.getString(3), servers.isEmpty() ? List.of()
                    : Arrays.asList(servers.split(",")), time(rs, 5).orElseThrow(), time(rs, 6).orElseThrow(), weekly,
                    rs.getString(11), ticket.isEmpty() ? Optional.empty() : Optional.of(ticket), rs.getString(13),
                    time(rs, 14).orElseThrow());
            return Optional.of(new Stored(id, w, time(rs, 15), time(rs, 16)));
        } catch (RuntimeException e) {
            LOG.warn("maintenance window #{} cannot be read ({}); left out", id, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code MON} (or {@code MONDAY}) to the day. */
    public static DayOfWeek day(String text) {
        String t = text.strip().toUpperCase(java.util.Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || d.name().substring(0, 3).equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a day (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    private static Optional<Instant> time(ResultSet rs, int col) throws SQLException {
        LocalDateTime t = rs.getObject(col, LocalDateTime.class);
        return t == null ? Optional.empty() : Optional.of(RouteRepository.instant(t));
    }

    @Override
    public boolean remove(long id, String by, String reason, Instant at) throws StoreException {
        writable();
        return update("the window could not be removed", "UPDATE trunkops_maintenance SET removed_at = ?,"
                + " removed_by = ?, removed_reason = ? WHERE maintenance_id = ? AND removed_at IS NULL",
                RouteRepository.utc(at), by, reason, id) == 1;
    }

    @Override
    public void markApplied(long id, Instant until) throws StoreException {
        writable();
        update("the window could not be marked applied", "UPDATE trunkops_maintenance SET applied_until = ?"
                + " WHERE maintenance_id = ?", RouteRepository.utc(until), id);
    }

    @Override
    public void markRestored(long id, Instant until) throws StoreException {
        writable();
        update("the window could not be marked cleaned up", "UPDATE trunkops_maintenance SET restored_until = ?"
                + " WHERE maintenance_id = ?", RouteRepository.utc(until), id);
    }

    private int update(String what, String sql, Object... values) throws StoreException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private void writable() throws StoreException {
        if (!access.writable()) {
            throw new StoreException(access.message(), null);
        }
    }

    private static StoreException failed(String what, SQLException e) {
        LOG.warn("{}: {}", what, e.getMessage());
        return new StoreException(what + ": " + TrunkOpsSchema.cause(e), e);
    }
}
