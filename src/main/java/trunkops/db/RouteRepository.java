package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.routing.Route;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteProblem;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteValidator;
import trunkops.routing.RouteVersion;

/**
 * {@link RouteStore} on TrunkOps' {@code trunkops_route} / {@code trunkops_route_version} tables (InnoDB, created by
 * {@link TrunkOpsSchema}). A save is one transaction: lock the route's row, compare its latest version with the
 * version the editor started from, insert the new version, move the latest pointer. Prepared statements only.
 * {@link #open} never throws on permission or connection problems: {@link #status()} says what the account may do.
 * Every method blocks on the database: call it from a background thread, never the FX thread. Reads on a store that
 * is not readable return nothing (the status says why); a read that fails turns the status unreadable.
 */
public final class RouteRepository implements RouteStore {

    private static final Logger LOG = LoggerFactory.getLogger(RouteRepository.class);
    static final int MAX_AUTHOR = 100;
    private static final int SAVE_TRIES = 4;
    private static final String COLUMNS = "v.name, v.version, v.route_text, v.author, v.saved_at, v.comment";

    private final DataSource dataSource;
    private final String defaultAuthor;
    private volatile StoreStatus status;

    private RouteRepository(DataSource dataSource, String defaultAuthor, StoreStatus status) {
        this.dataSource = dataSource;
        this.defaultAuthor = defaultAuthor;
        this.status = status;
    }

    /**
     * Migrates the tables (when the account may), then finds out what the account may do. {@code author} names
     * saves that pass no author of their own; null or blank = the database user.
     */
    public static RouteRepository open(DataSource dataSource, String author) {
        TrunkOpsSchema.Migration m = TrunkOpsSchema.migrate(dataSource);
        StoreAccess.Found found = StoreAccess.probe(dataSource, m);
        String who = author == null || author.isBlank() ? found.user() : author.strip();
        return new RouteRepository(dataSource, who, found.status());
    }

    /**
     * For commands that only read (what-if): no migration, so nothing is created as a side effect; a database where
     * TrunkOps never ran simply has no routes ({@link StoreStatus#readable()} false, the message says why).
     */
    public static RouteRepository reader(DataSource dataSource) {
        StoreAccess.Found found = StoreAccess.probe(dataSource,
                new TrunkOpsSchema.Migration(true, 0, "(not checked)", ""));
        StoreStatus s = found.status();
        return new RouteRepository(dataSource, found.user(), new StoreStatus(s.readable(), false, s.message()));
    }

    /** {@link #open(DataSource, String)} on the console's database (its login rules and pool). */
    public static RouteRepository open(Database database, String author) {
        return open(database.dataSource(), author);
    }

    @Override
    public StoreStatus status() {
        return status;
    }

    /** Who a save without an author of its own is recorded as. */
    public String defaultAuthor() {
        return defaultAuthor;
    }

    @Override
    public List<RouteVersion> latest() {
        return read("SELECT " + COLUMNS + " FROM trunkops_route r JOIN trunkops_route_version v"
                + " ON v.name = r.name AND v.version = r.latest_version ORDER BY r.name", null);
    }

    @Override
    public List<RouteVersion> history(String name) {
        return read("SELECT " + COLUMNS + " FROM trunkops_route_version v WHERE v.name = ? ORDER BY v.version", name);
    }

    @Override
    public Optional<RouteVersion> version(String name, int version) {
        return history(name).stream().filter(v -> v.version() == version).findFirst();
    }

    private List<RouteVersion> read(String sql, String name) {
        if (!status.readable()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        } catch (SQLException e) {
            LOG.warn("reading routes failed: {}", e.getMessage());
            status = new StoreStatus(false, false, "routes could not be read: " + TrunkOpsSchema.cause(e)
                    + " (reopen the store when the database is back)");
            return List.of();
        }
    }

    private static List<RouteVersion> rows(ResultSet rs) throws SQLException {
        List<RouteVersion> out = new ArrayList<>();
        while (rs.next()) {
            String name = rs.getString(1);
            int version = rs.getInt(2);
            try {
                Route route = RouteFile.parse(rs.getString(3));
                out.add(new RouteVersion(route, version, rs.getString(4), instant(rs.getObject(5, LocalDateTime.class)),
                        rs.getString(6)));
            } catch (RouteFile.ParseException e) {
                LOG.warn("route {} v{} in trunkops_route_version cannot be read ({}); left out", name, version,
                        e.getMessage());
            }
        }
        return out;
    }

    @Override
    public SaveResult save(Route route, int basedOn, String author, String comment) {
        List<RouteProblem> problems = new ArrayList<>(RouteValidator.validate(route));
        String who = author == null || author.isBlank() ? defaultAuthor : author.strip();
        if (who.length() > MAX_AUTHOR) {
            problems.add(new RouteProblem(RouteProblem.Severity.ERROR, "author", "the author name is longer than "
                    + MAX_AUTHOR + " characters"));
        }
        if (basedOn < 0) {
            problems.add(new RouteProblem(RouteProblem.Severity.ERROR, "version", "based on version " + basedOn
                    + ": 0 for a new route, else the version the edit started from"));
        }
        if (RouteValidator.hasErrors(problems)) {
            return new SaveResult.Invalid(problems.stream().filter(RouteProblem::isError).toList());
        }
        if (!status.writable()) {
            return new SaveResult.Refused(status.message());
        }
        String text = RouteFile.format(route);
        String why = comment == null ? "" : comment;
        SQLException last = null;
        for (int attempt = 1; attempt <= SAVE_TRIES; attempt++) {
            try {
                return StoreAccess.saveOnce(dataSource, route, basedOn, who, why, text);
            } catch (SQLException e) {
                last = e;
                if (!StoreAccess.raced(e)) {
                    break;
                }
                LOG.debug("save of {} raced another save (attempt {}): {}", route.name(), attempt, e.getMessage());
            }
        }
        LOG.warn("saving route {} failed: {}", route.name(), last.getMessage());
        return new SaveResult.Refused("route " + route.name() + " was not saved: " + TrunkOpsSchema.cause(last));
    }

    static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    /** One version row read inside a transaction. */
    static Optional<RouteVersion> versionRow(Connection c, String name, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM trunkops_route_version v WHERE v.name = ? AND v.version = ?")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs).stream().findFirst();
            }
        }
    }
}
