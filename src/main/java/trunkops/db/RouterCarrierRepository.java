package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import trunkops.push.PushException;
import trunkops.push.PushStore;
import trunkops.push.RouterRow;

/**
 * The push's rows in ViciDial's tables (prepared statements only): the route's router carrier in
 * {@code vicidial_server_carriers}, the servers' {@code rebuild_conf_files}, and one {@code vicidial_admin_log} row
 * per carrier change as admin.php writes it (CARRIERS, ADD/MODIFY/DELETE). The tables are MyISAM: a write is a
 * compare-and-set on the whole row read before (an insert relies on the unique carrier_id), so a row changed by
 * someone else is a {@link PushException.Conflict}, never overwritten.
 */
public final class RouterCarrierRepository implements PushStore {

    private static final Pattern CARRIER = Pattern.compile("[A-Za-z0-9_-]{1,15}");
    private static final String MATCH = " WHERE carrier_id = ? AND COALESCE(dialplan_entry, '') = ?"
            + " AND COALESCE(globals_string, '') = ? AND server_ip = ? AND active = ?"
            + " AND COALESCE(account_entry, '') = ?";

    private final DataSource dataSource;
    private final Clock clock;
    private final String ip;

    /** {@code ip}: the console's address for the admin log (15 characters kept). */
    public RouterCarrierRepository(DataSource dataSource, Clock clock, String ip) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.ip = ip.length() > 15 ? ip.substring(0, 15) : ip;
    }

    @Override
    public List<Dialer> dialers() throws PushException {
        List<Dialer> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT server_id,"
                + " server_ip FROM servers WHERE active = 'Y' AND active_asterisk_server = 'Y'"
                + " AND generate_vicidial_conf = 'Y' ORDER BY server_id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Dialer(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("reading the servers", e);
        }
    }

    @Override
    public Optional<RouterRow> read(String carrierId) throws PushException {
        check(carrierId);
        try (Connection c = dataSource.getConnection()) {
            return read(c, carrierId);
        } catch (SQLException e) {
            throw failed("reading carrier " + carrierId, e);
        }
    }

    private static Optional<RouterRow> read(Connection c, String carrierId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT dialplan_entry, globals_string, server_ip, active,"
                + " account_entry FROM vicidial_server_carriers WHERE carrier_id = ?")) {
            ps.setString(1, carrierId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new RouterRow(carrierId, rs.getString(1), rs.getString(2),
                        rs.getString(3), "Y".equals(rs.getString(4)), rs.getString(5))) : Optional.empty();
            }
        }
    }

    @Override
    public void write(Optional<RouterRow> expected, Optional<RouterRow> next, String actor, String note)
            throws PushException {
        String id = next.or(() -> expected).map(RouterRow::carrierId).orElseThrow();
        check(id);
        try (Connection c = dataSource.getConnection()) {
            String type;
            if (expected.isEmpty() && next.isEmpty()) {
                return;
            } else if (expected.isEmpty()) {
                insert(c, next.get());
                type = "ADD";
            } else {
                int n = next.isPresent() ? update(c, expected.get(), next.get()) : delete(c, expected.get());
                if (n != 1) {
                    Optional<RouterRow> now = read(c, id);
                    throw new PushException.Conflict("carrier " + id + " changed since the push was built ("
                            + now.map(r -> expected.get().differences(r)).orElse("row deleted") + "); built from "
                            + RouterChange.describe(expected.get()) + ", pushing " + next.map(RouterChange::describe)
                            .orElse("no row"), trunkops.push.FieldConflict.of(expected, now, next));
                }
                type = next.isPresent() ? "MODIFY" : "DELETE";
            }
            adminLog(c, actor, type, id, next.map(r -> "server_ip='" + r.serverIp() + "' active='"
                    + (r.active() ? "Y" : "N") + "'").orElse("deleted"), note);
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new PushException.Conflict("carrier " + id + " was created by someone else since the push was"
                    + " built", conflictOnInsert(id, next));
        } catch (SQLException e) {
            throw failed("writing carrier " + id, e);
        }
    }

    private static void insert(Connection c, RouterRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vicidial_server_carriers (carrier_id,"
                + " carrier_name, registration_string, template_id, account_entry, protocol, globals_string,"
                + " dialplan_entry, server_ip, active, carrier_description) VALUES (?, ?, '', '--NONE--', ?,"
                + " 'SIP', ?, ?, ?, ?, 'generated by TrunkOps')")) {
            ps.setString(1, r.carrierId());
            ps.setString(2, "TrunkOps route " + r.carrierId());
            ps.setString(3, r.accountEntry());
            ps.setString(4, r.globalsString());
            ps.setString(5, r.dialplanEntry());
            ps.setString(6, r.serverIp());
            ps.setString(7, r.active() ? "Y" : "N");
            ps.executeUpdate();
        }
    }

    private static int update(Connection c, RouterRow was, RouterRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vicidial_server_carriers SET dialplan_entry = ?,"
                + " globals_string = ?, server_ip = ?, active = ?, account_entry = ?" + MATCH)) {
            ps.setString(1, r.dialplanEntry());
            ps.setString(2, r.globalsString());
            ps.setString(3, r.serverIp());
            ps.setString(4, r.active() ? "Y" : "N");
            ps.setString(5, r.accountEntry());
            bind(ps, 6, was);
            return ps.executeUpdate();
        }
    }

    private static int delete(Connection c, RouterRow was) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM vicidial_server_carriers" + MATCH)) {
            bind(ps, 1, was);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, int at, RouterRow was) throws SQLException {
        ps.setString(at, was.carrierId());
        ps.setString(at + 1, was.dialplanEntry());
        ps.setString(at + 2, was.globalsString());
        ps.setString(at + 3, was.serverIp());
        ps.setString(at + 4, was.active() ? "Y" : "N");
        ps.setString(at + 5, was.accountEntry());
    }

    private List<trunkops.push.FieldConflict> conflictOnInsert(String id, Optional<RouterRow> next) {
        try (Connection c = dataSource.getConnection()) {
            return trunkops.push.FieldConflict.of(Optional.empty(), read(c, id), next);
        } catch (SQLException e) {
            return List.of();
        }
    }

    @Override
    public void requestRebuild(List<String> serverIps) throws PushException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE servers SET rebuild_conf_files = 'Y' WHERE server_ip = ?")) {
            for (String s : serverIps) {
                ps.setString(1, s);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failed("setting rebuild_conf_files", e);
        }
    }

    @Override
    public boolean rebuildPending(String serverIp) throws PushException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT rebuild_conf_files FROM servers WHERE server_ip = ?")) {
            ps.setString(1, serverIp);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "Y".equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failed("reading rebuild_conf_files of " + serverIp, e);
        }
    }

    private void adminLog(Connection c, String actor, String type, String id, String sql, String notes)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vicidial_admin_log (event_date, user,"
                + " ip_address, event_section, event_type, record_id, event_code, event_sql, event_notes,"
                + " user_group) VALUES (?, ?, ?, 'CARRIERS', ?, ?, ?, ?, ?, '---ALL---')")) {
            ps.setTimestamp(1, Timestamp.valueOf(java.time.LocalDateTime.now(clock)));
            ps.setString(2, actor.length() > 20 ? actor.substring(0, 20) : actor);
            ps.setString(3, ip);
            ps.setString(4, type);
            ps.setString(5, id);
            ps.setString(6, "ADMIN " + type + " CARRIER");
            ps.setString(7, "vicidial_server_carriers " + id + ": " + sql + "|");
            ps.setString(8, "TrunkOps: " + notes);
            ps.executeUpdate();
        }
    }

    private static void check(String id) throws PushException {
        if (!CARRIER.matcher(id).matches()) {
            throw new PushException("carrier id '" + id + "' refused: 1-15 letters, digits, '_' or '-'");
        }
    }

    private static PushException failed(String what, SQLException e) {
        return new PushException(what + " failed: " + e.getMessage(), e);
    }

    /** Short descriptions of rows for messages. */
    private static final class RouterChange {
        static String describe(RouterRow r) {
            return "server_ip " + r.serverIp() + ", active " + (r.active() ? "Y" : "N") + ", " + trunkops.push
                    .PlanText.of(r.dialplanEntry()).marker().orElse("no marker");
        }
    }
}
