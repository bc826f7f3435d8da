package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import trunkops.topology.CampaignRow;
import trunkops.topology.CarrierRow;
import trunkops.topology.ListRow;
import trunkops.topology.ServerRow;

/**
 * Reads the ViciDial rows the console's topology is built from. Small tables, read whole, with prepared
 * statements; nothing here touches the big call logs.
 */
public final class ViciDialRepository {

    /** Everything topology discovery needs, read in one go. */
    public record TopologyRows(List<ServerRow> servers, List<CarrierRow> carriers, List<CampaignRow> campaigns,
                               List<ListRow> lists) {
    }

    private static final String SERVERS = "SELECT server_id, server_ip, server_description, active,"
            + " active_asterisk_server, asterisk_version, telnet_host, telnet_port FROM servers ORDER BY server_id";
    private static final String CARRIERS = "SELECT c.carrier_id, c.carrier_name, c.carrier_description, c.protocol,"
            + " c.server_ip, c.active, c.registration_string, c.globals_string, c.account_entry, c.dialplan_entry,"
            + " t.template_contents FROM vicidial_server_carriers c"
            + " LEFT JOIN vicidial_conf_templates t ON t.template_id = c.template_id ORDER BY c.carrier_id";
    private static final String CAMPAIGNS = "SELECT campaign_id, campaign_name, active, dial_prefix,"
            + " manual_dial_prefix, omit_phone_code, dial_timeout FROM vicidial_campaigns ORDER BY campaign_id";
    private static final String LISTS = "SELECT list_id, list_name, campaign_id, active, dial_prefix"
            + " FROM vicidial_lists ORDER BY list_id";

    private final Database db;

    public ViciDialRepository(Database db) {
        this.db = db;
    }

    public TopologyRows topologyRows() throws DbException {
        return db.query("reading ViciDial's servers, carriers, campaigns and lists", c ->
                new TopologyRows(servers(c), carriers(c), campaigns(c), lists(c)));
    }

    private static boolean yes(String v) {
        return "Y".equals(v);
    }

    private static List<ServerRow> servers(Connection c) throws SQLException {
        List<ServerRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SERVERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ServerRow(rs.getString(1), rs.getString(2), rs.getString(3), yes(rs.getString(4)),
                        yes(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8)));
            }
        }
        return out;
    }

    private static List<CarrierRow> carriers(Connection c) throws SQLException {
        List<CarrierRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CARRIERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CarrierRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), yes(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11)));
            }
        }
        return out;
    }

    private static List<CampaignRow> campaigns(Connection c) throws SQLException {
        List<CampaignRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CAMPAIGNS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CampaignRow(rs.getString(1), rs.getString(2), yes(rs.getString(3)), rs.getString(4),
                        rs.getString(5), yes(rs.getString(6)), rs.getInt(7)));
            }
        }
        return out;
    }

    private static List<ListRow> lists(Connection c) throws SQLException {
        List<ListRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LISTS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ListRow(rs.getLong(1), rs.getString(2), rs.getString(3), yes(rs.getString(4)),
                        rs.getString(5)));
            }
        }
        return out;
    }
}
