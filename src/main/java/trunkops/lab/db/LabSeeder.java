package trunkops.lab.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabClusterSpec.Campaign;
import trunkops.lab.LabClusterSpec.Carrier;
import trunkops.lab.LabClusterSpec.DialList;
import trunkops.lab.LabClusterSpec.Server;

/**
 * Writes a {@link LabClusterSpec} into the ViciDial tables as a configured ViciDial cluster holds it.
 *
 * <ul>
 *   <li>{@code servers}: one row per dialer, {@code active_asterisk_server}, {@code generate_vicidial_conf},
 *       {@code rebuild_conf_files} (so the lab keepalive builds config on start) and {@code carrier_logging_active}
 *       all 'Y'; AMI as ViciDial leaves it: {@code telnet_host='localhost'} (ViciDial's own AMI clients run on the
 *       dialer; a remote console must use server_ip), {@code telnet_port} = the AMI port the lab opened for that
 *       dialer, {@code ASTmgrUSERNAME='cron'} and a lab-only secret instead of ViciDial's stock '1234'. Everything
 *       else keeps create.sql's defaults (e.g. routing_prefix '13', ext_context 'default').</li>
 *   <li>{@code vicidial_conf_templates}: the two templates create.sql inserts (SIP_generic, IAX_generic).</li>
 *   <li>{@code vicidial_server_carriers}: the spec's rows with account_entry/dialplan_entry verbatim,
 *       template_id '--NONE--', user_group '---ALL---'.</li>
 *   <li>{@code vicidial_campaigns}: dial_prefix, manual_dial_prefix, dial_timeout, active; auto-dialing campaigns
 *       ({@code attemptsPerMinutePerServer > 0}) get dial_method 'RATIO' and auto_dial_level '3.0'.</li>
 *   <li>{@code vicidial_lists}: with their dial_prefix override.</li>
 *   <li>{@code system_settings}: one row, version '2.14b0.5', db_schema_version 1728 (the create script this schema
 *       follows), allowed_sip_stacks 'SIP' (or 'SIP_and_PJSIP' when the spec has PJSIP carriers), no replica
 *       (slave_db_server '').</li>
 * </ul>
 */
public final class LabSeeder {

    /** How many rows went into each table. */
    public record Seeded(int servers, int templates, int carriers, int campaigns, int lists) {
    }

    public static final String AMI_USER = "cron";
    public static final String VICIDIAL_VERSION = "2.14b0.5";
    public static final int DB_SCHEMA_VERSION = 1728;

    private static final Logger LOG = LoggerFactory.getLogger(LabSeeder.class);

    private LabSeeder() {
    }

    /**
     * @param amiPortsByServerId the AMI port the lab listens on for each dialer ({@code server_id} → port)
     * @param amiSecret          the lab-only AMI secret for user 'cron' (1..20 characters; never ViciDial's '1234')
     */
    public static Seeded seed(DataSource dataSource, LabClusterSpec spec, Map<String, Integer> amiPortsByServerId,
                              String amiSecret) throws SQLException {
        Objects.requireNonNull(amiSecret, "amiSecret");
        if (amiSecret.isEmpty() || amiSecret.length() > 20 || amiSecret.equals("1234")) {
            throw new IllegalArgumentException("the AMI secret must be 1..20 characters (servers.ASTmgrSECRET is"
                    + " VARCHAR(20)) and not ViciDial's stock '1234'");
        }
        for (Server server : spec.servers()) {
            if (!amiPortsByServerId.containsKey(server.serverId())) {
                throw new IllegalArgumentException("no AMI port given for server " + server.serverId());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            Seeded seeded = new Seeded(servers(c, spec, amiPortsByServerId, amiSecret), templates(c),
                    carriers(c, spec), campaigns(c, spec), lists(c, spec));
            systemSettings(c, spec);
            LOG.info("Lab cluster seeded: {}", seeded);
            return seeded;
        }
    }

    private static int servers(Connection c, LabClusterSpec spec, Map<String, Integer> ports, String secret)
            throws SQLException {
        String sql = "INSERT INTO servers (server_id,server_description,server_ip,active,asterisk_version,"
                + "max_vicidial_trunks,telnet_host,telnet_port,ASTmgrUSERNAME,ASTmgrSECRET,active_asterisk_server,"
                + "generate_vicidial_conf,rebuild_conf_files,carrier_logging_active,active_agent_login_server)"
                + " VALUES (?,?,?,'Y',?,?,'localhost',?,?,?,'Y','Y','Y','Y','Y')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Server s : spec.servers()) {
                ps.setString(1, s.serverId());
                ps.setString(2, s.description());
                ps.setString(3, s.serverIp());
                ps.setString(4, s.asteriskVersion());
                ps.setInt(5, s.maxTrunks());
                ps.setInt(6, ports.get(s.serverId()));
                ps.setString(7, AMI_USER);
                ps.setString(8, secret);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return spec.servers().size();
    }

    private static int templates(Connection c) throws SQLException {
        String sql = "INSERT INTO vicidial_conf_templates (template_id,template_name,template_contents) VALUES (?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "SIP_generic");
            ps.setString(2, "SIP phone generic");
            ps.setString(3, "type=friend\nhost=dynamic\ncanreinvite=no\ncontext=default");
            ps.addBatch();
            ps.setString(1, "IAX_generic");
            ps.setString(2, "IAX phone generic");
            ps.setString(3, "type=friend\nhost=dynamic\nmaxauthreq=10\nauth=md5,plaintext,rsa\ncontext=default");
            ps.addBatch();
            ps.executeBatch();
        }
        return 2;
    }

    private static int carriers(Connection c, LabClusterSpec spec) throws SQLException {
        String sql = "INSERT INTO vicidial_server_carriers (carrier_id,carrier_name,registration_string,template_id,"
                + "account_entry,protocol,globals_string,dialplan_entry,server_ip,active,carrier_description,"
                + "user_group) VALUES (?,?,?,'--NONE--',?,?,?,?,?,?,?,'---ALL---')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Carrier k : spec.carriers()) {
                ps.setString(1, k.carrierId());
                ps.setString(2, k.carrierName());
                ps.setString(3, k.registrationString());
                ps.setString(4, k.accountEntry());
                ps.setString(5, k.protocol());
                ps.setString(6, k.globalsString());
                ps.setString(7, k.dialplanEntry());
                ps.setString(8, k.serverIp());
                ps.setString(9, k.active() ? "Y" : "N");
                ps.setString(10, k.description());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return spec.carriers().size();
    }

    private static int campaigns(Connection c, LabClusterSpec spec) throws SQLException {
        String sql = "INSERT INTO vicidial_campaigns (campaign_id,campaign_name,active,dial_timeout,dial_prefix,"
                + "dial_method,auto_dial_level,campaign_changedate,manual_dial_prefix) VALUES (?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Campaign k : spec.campaigns()) {
                boolean autoDial = k.attemptsPerMinutePerServer() > 0;
                ps.setString(1, k.campaignId());
                ps.setString(2, k.campaignName());
                ps.setString(3, k.active() ? "Y" : "N");
                ps.setInt(4, k.dialTimeoutSeconds());
                ps.setString(5, k.dialPrefix());
                ps.setString(6, autoDial ? "RATIO" : "MANUAL");
                ps.setString(7, autoDial ? "3.0" : "0");
                ps.setObject(8, LocalDateTime.now().withNano(0));
                ps.setString(9, k.manualDialPrefix());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return spec.campaigns().size();
    }

    private static int lists(Connection c, LabClusterSpec spec) throws SQLException {
        String sql = "INSERT INTO vicidial_lists (list_id,list_name,campaign_id,active,list_changedate,dial_prefix)"
                + " VALUES (?,?,?,?,?,?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (DialList l : spec.lists()) {
                ps.setLong(1, l.listId());
                ps.setString(2, l.listName());
                ps.setString(3, l.campaignId());
                ps.setString(4, l.active() ? "Y" : "N");
                ps.setObject(5, LocalDateTime.now().withNano(0));
                ps.setString(6, l.dialPrefix());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return spec.lists().size();
    }

    private static void systemSettings(Connection c, LabClusterSpec spec) throws SQLException {
        boolean pjsip = spec.carriers().stream()
                .anyMatch(k -> k.protocol() != null && k.protocol().startsWith("PJSIP"));
        String sql = "INSERT INTO system_settings (version,install_date,db_schema_version,db_schema_update_date,"
                + "vdc_agent_api_active,first_login_trigger,slave_db_server,reports_use_slave_db,reload_timestamp,"
                + "allowed_sip_stacks) VALUES (?,?,?,NOW(),'1','N','','',NOW(),?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, VICIDIAL_VERSION);
            ps.setString(2, LocalDate.now().toString());
            ps.setInt(3, DB_SCHEMA_VERSION);
            ps.setString(4, pjsip ? "SIP_and_PJSIP" : "SIP");
            ps.executeUpdate();
        }
    }
}
