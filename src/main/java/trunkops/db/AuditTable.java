package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import javax.sql.DataSource;

import trunkops.control.ControlJournal.JournalException;
import trunkops.control.ControlVerb;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditQuery;
import trunkops.control.audit.AuditStore;
import trunkops.control.audit.JournalCodec;
import trunkops.control.audit.Role;
import trunkops.topology.Tech;

/**
 * {@link AuditStore} on {@code trunkops_audit} (V2__audit.sql). {@link #upsert} is one
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} that only ever fills in a completion, so a copy sent twice changes
 * nothing. {@link #open} never throws: an account that may not create or write the table opens read-only (the
 * status names the grant) and every upsert fails with that message, which leaves the entry in the local journal.
 * Prepared statements only; every method blocks on the database.
 */
public final class AuditTable implements AuditStore {

    static final String GRANT = "SELECT, INSERT, UPDATE";
    private static final int MAX_ROWS = 20_000;
    private static final String COLUMNS = "id, started_at, completed_at, took_ms, outcome, actor, os_user,"
            + " console_host, role, verb, trunk, route, value, until_at, servers, before_text, dialers_text, reason,"
            + " ticket";

    private final DataSource dataSource;
    private volatile String status;
    private volatile String cluster = "";

    private AuditTable(DataSource dataSource, String status) {
        this.dataSource = dataSource;
        this.status = status;
    }

    /** Names the cluster this table belongs to in the entries it reads (the local journal's key for it). */
    public AuditTable forCluster(String key) {
        this.cluster = key == null ? "" : key;
        return this;
    }

    /** Migrates TrunkOps' tables when the account may, then reads what it may do here. */
    public static AuditTable open(DataSource dataSource) {
        TrunkOpsSchema.Migration m = TrunkOpsSchema.migrate(dataSource);
        return new AuditTable(dataSource, probe(dataSource, m));
    }

    /** {@link #open(DataSource)} on the console's database (its login rules and pool). */
    public static AuditTable open(Database database) {
        return open(database.dataSource());
    }

    /** For commands that only read: nothing is created. */
    public static AuditTable reader(DataSource dataSource) {
        return new AuditTable(dataSource, "read only (the audit command creates nothing)");
    }

    public static AuditTable reader(Database database) {
        return reader(database.dataSource());
    }

    private static String probe(DataSource ds, TrunkOpsSchema.Migration m) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM trunkops_audit WHERE 1 = 0")) {
                ps.executeQuery().close();
            } catch (SQLException e) {
                return "audit table not readable (" + TrunkOpsSchema.cause(e) + "): " + grant();
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trunkops_audit (" + COLUMNS + ") SELECT "
                    + COLUMNS + " FROM trunkops_audit WHERE 1 = 0")) {
                ps.executeUpdate();
            } catch (SQLException e) {
                return "audit table read-only (" + TrunkOpsSchema.cause(e) + "): entries stay in the local journal; "
                        + grant();
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
            return m.current() ? "audit table writable" : "audit table writable, schema not upgraded ("
                    + m.problem() + ")";
        } catch (SQLException e) {
            return "database unreachable (" + TrunkOpsSchema.cause(e) + "): entries stay in the local journal";
        }
    }

    private static String grant() {
        return "GRANT " + GRANT + " ON <ViciDial database>.trunkops_audit TO the console's account";
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public void upsert(AuditEntry e) throws JournalException {
        String sql = "INSERT INTO trunkops_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " dialers_text = IF(completed_at IS NULL AND VALUES(completed_at) IS NOT NULL,"
                + " VALUES(dialers_text), dialers_text),"
                + " outcome = IF(completed_at IS NULL AND VALUES(completed_at) IS NOT NULL, VALUES(outcome), outcome),"
                + " took_ms = IF(completed_at IS NULL, VALUES(took_ms), took_ms),"
                + " completed_at = COALESCE(completed_at, VALUES(completed_at))";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            var done = e.completion();
            ps.setString(1, e.id());
            ps.setObject(2, RouteRepository.utc(e.started()));
            ps.setObject(3, done.map(d -> RouteRepository.utc(d.at())).orElse(null), Types.TIMESTAMP);
            if (done.isPresent()) {
                ps.setLong(4, done.get().took().toMillis());
            } else {
                ps.setNull(4, Types.INTEGER);
            }
            ps.setString(5, e.outcomeWord());
            ps.setString(6, cut(e.actor(), 100));
            ps.setString(7, cut(e.osUser(), 100));
            ps.setString(8, cut(e.host(), 255));
            ps.setString(9, e.role().word());
            ps.setString(10, e.verb().name());
            ps.setString(11, cut(e.trunk(), 100));
            ps.setString(12, e.route().map(r -> cut(r, 15)).orElse(null));
            if (e.value().isPresent()) {
                ps.setInt(13, e.value().getAsInt());
            } else {
                ps.setNull(13, Types.INTEGER);
            }
            ps.setObject(14, e.until().map(RouteRepository::utc).orElse(null), Types.TIMESTAMP);
            ps.setString(15, String.join("\n", e.servers()));
            ps.setString(16, JournalCodec.beforeText(e.before()));
            ps.setString(17, done.map(JournalCodec::dialersText).orElse(""));
            ps.setString(18, e.reason());
            ps.setString(19, e.ticket().map(t -> cut(t, 100)).orElse(null));
            ps.executeUpdate();
        } catch (SQLException ex) {
            String why = TrunkOpsSchema.cause(ex);
            throw new JournalException("audit entry " + e.id() + " not written to trunkops_audit (" + why + ")"
                    + (why.contains("denied") ? ": " + grant() : ""), ex);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public List<AuditEntry> read(AuditQuery query) throws JournalException {
        String sql = "SELECT " + COLUMNS + " FROM trunkops_audit WHERE started_at >= ?"
                + " ORDER BY started_at DESC, id DESC LIMIT " + MAX_ROWS; // the newest, returned oldest first
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, query.since().map(RouteRepository::utc).orElse(LocalDateTime.of(1970, 1, 1, 0, 0)));
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEntry e = row(rs);
                    if (query.matches(e)) {
                        out.add(e);
                    }
                }
            }
            java.util.Collections.reverse(out);
            return out;
        } catch (SQLException ex) {
            status = "audit table could not be read: " + TrunkOpsSchema.cause(ex);
            throw new JournalException(status, ex);
        }
    }

    private AuditEntry row(ResultSet rs) throws SQLException, JournalException {
        String id = rs.getString("id");
        try {
            String trunk = rs.getString("trunk");
            int slash = trunk.indexOf('/');
            int value = rs.getInt("value");
            OptionalInt v = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
            String servers = rs.getString("servers");
            AuditEntry e = new AuditEntry(id, RouteRepository.instant(rs.getObject("started_at", LocalDateTime.class)),
                    rs.getString("actor"), rs.getString("os_user"), rs.getString("console_host"), cluster,
                    Role.parse(rs.getString("role")).orElse(Role.VIEWER), ControlVerb.valueOf(rs.getString("verb")),
                    Tech.valueOf(trunk.substring(0, slash)), trunk.substring(slash + 1),
                    servers.isEmpty() ? List.of() : Arrays.asList(servers.split("\n")),
                    Optional.ofNullable(rs.getString("route")), v,
                    Optional.ofNullable(rs.getObject("until_at", LocalDateTime.class)).map(RouteRepository::instant),
                    rs.getString("reason"), Optional.ofNullable(rs.getString("ticket")),
                    JournalCodec.beforeFields(rs.getString("before_text")), Optional.empty());
            LocalDateTime done = rs.getObject("completed_at", LocalDateTime.class);
            if (done == null) {
                return e;
            }
            Map<String, String> fields = JournalCodec.dialersFields(rs.getString("dialers_text"));
            return e.withCompletion(JournalCodec.completionOf(RouteRepository.instant(done),
                    Duration.ofMillis(rs.getLong("took_ms")), fields));
        } catch (JournalCodec.BadLine | RuntimeException ex) {
            throw new JournalException("audit row " + id + " in trunkops_audit cannot be read: " + ex.getMessage(),
                    null);
        }
    }
}
