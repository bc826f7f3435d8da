package trunkops.lab.vici;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * What AST_VDauto_dial.pl re-reads every loop (~2.5 s): each campaign's dial prefix, dial timeout and active flag,
 * and its active lists with their prefix overrides. This is why a dial_prefix change reroutes a campaign with no
 * reload at all.
 */
final class ViciCampaigns {

    /** A campaign as the dialer sees it on this loop. */
    record Campaign(String campaignId, boolean active, String dialPrefix, int dialTimeoutSeconds,
                    List<DialList> lists) {
    }

    /** An active list; an empty prefix means the campaign's. */
    record DialList(long listId, String dialPrefix) {
    }

    private static final String CAMPAIGNS = "SELECT campaign_id, active, dial_prefix, dial_timeout"
            + " FROM vicidial_campaigns";
    private static final String LISTS = "SELECT list_id, campaign_id, dial_prefix FROM vicidial_lists"
            + " WHERE active = 'Y'";

    private ViciCampaigns() {
    }

    static Map<String, Campaign> read(DataSource ds) throws SQLException {
        Map<String, List<DialList>> lists = new LinkedHashMap<>();
        Map<String, Campaign> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(LISTS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lists.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                            .add(new DialList(rs.getLong(1), nullToEmpty(rs.getString(3))));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CAMPAIGNS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String prefix = nullToEmpty(rs.getString(3));
                    out.put(id, new Campaign(id, "Y".equals(rs.getString(2)), prefix.isEmpty() ? "9" : prefix,
                            rs.getInt(4), List.copyOf(lists.getOrDefault(id, List.of()))));
                }
            }
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
