package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ViciDial's own levers for carriers not under a TrunkOps route, on ViciDial's tables (prepared statements only):
 * <ul>
 * <li>reroute a campaign or a list by changing its {@code dial_prefix} (the dialer re-reads it about every 2.5 s,
 * no reload), remembering the old prefix in {@code trunkops_prefix_reroute} (Flyway V3) for the way back;</li>
 * <li>set a carrier inactive (or active again) and {@code rebuild_conf_files='Y'} on its servers (the keepalive
 * regenerates and reloads within about a minute; the carrier's patterns then vanish).</li>
 * </ul>
 * Each change writes a {@code vicidial_admin_log} row as ViciDial's admin pages do (section, MODIFY, record id,
 * {@code ADMIN MODIFY ...}, the statement with its values, notes). ViciDial's tables are MyISAM (no transactions):
 * a change is a compare-and-set on the value read, so a concurrent change by someone else is reported, never
 * silently overwritten. Every method blocks on the database.
 */
public final class ViciDialLevers {

    private static final Logger LOG = LoggerFactory.getLogger(ViciDialLevers.class);
    /** What TrunkOps writes into a dial prefix: digits only (ViciDial allows up to 20 characters). */
    public static final Pattern PREFIX = Pattern.compile("[0-9]{1,20}");
    private static final Pattern CAMPAIGN = Pattern.compile("[A-Za-z0-9_-]{1,8}");
    private static final Pattern CARRIER = Pattern.compile("[A-Za-z0-9_-]{1,15}");

    /** Who changes ViciDial: its admin log's user (20), ip_address (15) and user_group (20) columns. */
    public record ViciActor(String user, String ipAddress, String userGroup) {
        public ViciActor {
            user = cut(Objects.requireNonNull(user), 20);
            ipAddress = cut(Objects.requireNonNull(ipAddress), 15);
            userGroup = cut(Objects.requireNonNull(userGroup), 20);
        }
    }

    /** One change made: what, before and after, and (carriers) the servers flagged for a rebuild. */
    public record Change(String what, String before, String after, List<String> serversFlagged) {
    }

    /** The change was refused (bad input, unknown record, changed by someone else): the message says which. */
    public static final class LeverException extends Exception {
        public LeverException(String message) {
            super(message);
        }
    }

    public enum Kind {
        CAMPAIGN("vicidial_campaigns", "campaign_id", "CAMPAIGNS", "ADMIN MODIFY CAMPAIGN"),
        LIST("vicidial_lists", "list_id", "LISTS", "ADMIN MODIFY LIST");

        final String table;
        final String key;
        final String section;
        final String code;

        Kind(String table, String key, String section, String code) {
            this.table = table;
            this.key = key;
            this.section = section;
            this.code = code;
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    public ViciDialLevers(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Moves {@code id}'s dial prefix to {@code newPrefix}, remembering the old one. */
    public Change reroute(Kind kind, String id, String newPrefix, ViciActor who, String reason, String ticket)
            throws LeverException, DbException {
        checkId(kind, id);
        if (!PREFIX.matcher(newPrefix).matches()) {
            throw new LeverException("dial prefix '" + newPrefix + "' refused: 1-20 digits");
        }
        try (Connection c = dataSource.getConnection()) {
            String old = prefix(c, kind, id);
            if (old.equals(newPrefix)) {
                throw new LeverException(kind.name().toLowerCase() + " " + id + " already dials prefix " + old);
            }
            setPrefix(c, kind, id, old, newPrefix);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO trunkops_prefix_reroute (kind, record_id,"
                    + " old_prefix, new_prefix, actor, reason, ticket, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, kind.name());
                ps.setString(2, id);
                ps.setString(3, old);
                ps.setString(4, newPrefix);
                ps.setString(5, who.user());
                ps.setString(6, cut(reason, 500));
                ps.setString(7, cut(ticket == null ? "" : ticket, 64));
                ps.setTimestamp(8, now());
                ps.executeUpdate();
            }
            adminLog(c, who, kind.section, id, kind.code, "UPDATE " + kind.table + " SET dial_prefix='" + newPrefix
                    + "' WHERE " + kind.key + "='" + id + "'", notes(reason, ticket, "reroute from prefix " + old));
            return new Change(kind.name().toLowerCase() + " " + id + " dial_prefix", old, newPrefix, List.of());
        } catch (SQLException e) {
            throw new DbException("reroute of " + kind.name().toLowerCase() + " " + id + " failed: "
                    + e.getMessage(), e, DbFailure.of(e));
        }
    }

    /** The way back: the prefix the latest standing reroute of {@code id} replaced, if it still dials the new one. */
    public Change restore(Kind kind, String id, ViciActor who, String reason, String ticket)
            throws LeverException, DbException {
        checkId(kind, id);
        try (Connection c = dataSource.getConnection()) {
            long rerouteId;
            String old;
            String rerouted;
            try (PreparedStatement ps = c.prepareStatement("SELECT reroute_id, old_prefix, new_prefix FROM"
                    + " trunkops_prefix_reroute WHERE kind = ? AND record_id = ? AND restored_at IS NULL"
                    + " ORDER BY reroute_id DESC LIMIT 1")) {
                ps.setString(1, kind.name());
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new LeverException("no standing reroute of " + kind.name().toLowerCase() + " " + id);
                    }
                    rerouteId = rs.getLong(1);
                    old = rs.getString(2);
                    rerouted = rs.getString(3);
                }
            }
            setPrefix(c, kind, id, rerouted, old);
            try (PreparedStatement ps = c.prepareStatement("UPDATE trunkops_prefix_reroute SET restored_at = ?,"
                    + " restored_by = ? WHERE reroute_id = ?")) {
                ps.setTimestamp(1, now());
                ps.setString(2, who.user());
                ps.setLong(3, rerouteId);
                ps.executeUpdate();
            }
            adminLog(c, who, kind.section, id, kind.code, "UPDATE " + kind.table + " SET dial_prefix='" + old
                    + "' WHERE " + kind.key + "='" + id + "'", notes(reason, ticket, "restore of prefix " + old));
            return new Change(kind.name().toLowerCase() + " " + id + " dial_prefix", rerouted, old, List.of());
        } catch (SQLException e) {
            throw new DbException("restore of " + kind.name().toLowerCase() + " " + id + " failed: "
                    + e.getMessage(), e, DbFailure.of(e));
        }
    }

    /**
     * Sets carrier {@code carrierId} active or inactive and flags its servers ({@code server_ip}, or every active
     * Asterisk server for {@code 0.0.0.0}) with {@code rebuild_conf_files='Y'}.
     */
    public Change setCarrierActive(String carrierId, boolean active, ViciActor who, String reason, String ticket)
            throws LeverException, DbException {
        if (!CARRIER.matcher(carrierId).matches()) {
            throw new LeverException("carrier id '" + carrierId + "' refused: 1-15 letters, digits, '_' or '-'");
        }
        String flag = active ? "Y" : "N";
        try (Connection c = dataSource.getConnection()) {
            String was;
            String serverIp;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT active, server_ip FROM vicidial_server_carriers WHERE carrier_id = ?")) {
                ps.setString(1, carrierId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new LeverException("unknown carrier '" + carrierId + "'");
                    }
                    was = rs.getString(1);
                    serverIp = rs.getString(2);
                }
            }
            if (flag.equals(was)) {
                throw new LeverException("carrier " + carrierId + " is already " + (active ? "active" : "inactive"));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE vicidial_server_carriers SET active = ?"
                    + " WHERE carrier_id = ? AND active = ?")) {
                ps.setString(1, flag);
                ps.setString(2, carrierId);
                ps.setString(3, was);
                if (ps.executeUpdate() != 1) {
                    throw new LeverException("carrier " + carrierId + " was changed by someone else meanwhile");
                }
            }
            List<String> flagged = flagServers(c, serverIp);
            adminLog(c, who, "CARRIERS", carrierId, "ADMIN MODIFY CARRIER", "UPDATE vicidial_server_carriers SET"
                    + " active='" + flag + "' WHERE carrier_id='" + carrierId + "'", notes(reason, ticket,
                    "rebuild_conf_files='Y' on " + String.join(",", flagged)));
            LOG.info("carrier {} active {} -> {}, rebuild flagged on {}", carrierId, was, flag, flagged);
            return new Change("carrier " + carrierId + " active", was, flag, flagged);
        } catch (SQLException e) {
            throw new DbException("carrier " + carrierId + " could not be changed: " + e.getMessage(), e,
                    DbFailure.of(e));
        }
    }

    private static List<String> flagServers(Connection c, String serverIp) throws SQLException {
        boolean all = "0.0.0.0".equals(serverIp);
        String where = all ? "active_asterisk_server = 'Y' AND active = 'Y'" : "server_ip = ?";
        List<String> ips = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT server_ip FROM servers WHERE " + where)) {
            if (!all) {
                ps.setString(1, serverIp);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ips.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE servers SET rebuild_conf_files = 'Y' WHERE server_ip = ?")) {
            for (String ip : ips) {
                ps.setString(1, ip);
                ps.executeUpdate();
            }
        }
        return ips;
    }

    private static String prefix(Connection c, Kind kind, String id) throws SQLException, LeverException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT dial_prefix FROM " + kind.table + " WHERE " + kind.key + " = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LeverException("unknown " + kind.name().toLowerCase() + " '" + id + "'");
                }
                return Optional.ofNullable(rs.getString(1)).orElse("");
            }
        }
    }

    /** Compare-and-set: only when the prefix is still {@code expected}. */
    private static void setPrefix(Connection c, Kind kind, String id, String expected, String value)
            throws SQLException, LeverException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + kind.table + " SET dial_prefix = ? WHERE "
                + kind.key + " = ? AND dial_prefix = ?")) {
            ps.setString(1, value);
            ps.setString(2, id);
            ps.setString(3, expected);
            if (ps.executeUpdate() != 1) {
                throw new LeverException(kind.name().toLowerCase() + " " + id + " no longer dials prefix '"
                        + expected + "' (changed by someone else meanwhile: " + prefix(c, kind, id) + "); nothing"
                        + " changed");
            }
        }
    }

    private void adminLog(Connection c, ViciActor who, String section, String recordId, String code, String sql,
                          String notes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vicidial_admin_log (event_date, user,"
                + " ip_address, event_section, event_type, record_id, event_code, event_sql, event_notes,"
                + " user_group) VALUES (?, ?, ?, ?, 'MODIFY', ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.valueOf(java.time.LocalDateTime.now(clock)));
            ps.setString(2, who.user());
            ps.setString(3, who.ipAddress());
            ps.setString(4, section);
            ps.setString(5, recordId);
            ps.setString(6, code);
            ps.setString(7, sql + "|");
            ps.setString(8, notes);
            ps.setString(9, who.userGroup());
            ps.executeUpdate();
        }
    }

    private static String notes(String reason, String ticket, String what) {
        return "TrunkOps: " + what + "; reason: " + reason + (ticket == null || ticket.isBlank() ? ""
                : "; ticket: " + ticket);
    }

    private Timestamp now() {
        return Timestamp.valueOf(java.time.LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)));
    }

    private static void checkId(Kind kind, String id) throws LeverException {
        boolean ok = kind == Kind.CAMPAIGN ? CAMPAIGN.matcher(id).matches() : id.matches("[0-9]{1,14}");
        if (!ok) {
            throw new LeverException(kind.name().toLowerCase() + " id '" + id + "' refused");
        }
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
