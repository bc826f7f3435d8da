package trunkops.lab.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The live lab's access to the ViciDial tables: what the simulated keepalive, dialers, FastAGI and AMI listener read
 * and write. Prepared statements only. Writes come one at a time or as a batch ({@link #write(List)}, one round trip
 * per kind of row); {@link AsyncViciWriter} puts a bounded queue in front for high rates.
 *
 * <p>DATETIME columns are written as local time in {@code zone} (ViciDial writes the dialer's local time; the lab's
 * default is the JVM zone, which is also what the lab's mariadbd uses for NOW()).
 */
public final class LabViciStore {

    /** A {@code servers} row, as much of it as the lab and a console need. */
    public record ServerRow(String serverId, String serverIp, String description, boolean active,
                            String asteriskVersion, String telnetHost, int telnetPort, String amiUser,
                            String amiSecret, boolean activeAsteriskServer, boolean generateViciDialConf,
                            boolean rebuildConfFiles, boolean carrierLoggingActive, String extContext,
                            String routingPrefix, int maxTrunks) {
        @Override
        public String toString() {           // never print the AMI secret
            return "ServerRow[" + serverId + " " + serverIp + " AMI " + telnetHost + ":" + telnetPort + "]";
        }
    }

    /** An active {@code vicidial_server_carriers} row with its template's contents ('' for --NONE--). */
    public record CarrierRow(String carrierId, String carrierName, String registrationString, String templateId,
                             String templateContents, String accountEntry, String protocol, String globalsString,
                             String dialplanEntry, String serverIp, String description) {
        public CarrierDialplan dialplan() {
            return CarrierDialplan.parse(carrierId, globalsString, accountEntry, templateContents, dialplanEntry);
        }

        @Override
        public String toString() {           // account_entry may hold secret= lines
            return "CarrierRow[" + carrierId + " " + protocol + " on " + serverIp + "]";
        }
    }

    private static final String SERVERS = "SELECT server_id, server_ip, server_description, active, asterisk_version,"
            + " telnet_host, telnet_port, ASTmgrUSERNAME, ASTmgrSECRET, active_asterisk_server, generate_vicidial_conf,"
            + " rebuild_conf_files, carrier_logging_active, ext_context, routing_prefix, max_vicidial_trunks"
            + " FROM servers ORDER BY server_id";
    // The keepalive runs one query per protocol (IAX2, SIP, PJSIP_WIZ, PJSIP), each ordered by carrier_id.
    private static final String CARRIERS = "SELECT c.carrier_id, c.carrier_name, c.registration_string, c.template_id,"
            + " COALESCE(t.template_contents, ''), c.account_entry, c.protocol, c.globals_string, c.dialplan_entry,"
            + " c.server_ip, c.carrier_description FROM vicidial_server_carriers c"
            + " LEFT JOIN vicidial_conf_templates t ON t.template_id = c.template_id"
            + " WHERE c.server_ip IN (?, '0.0.0.0') AND c.active = 'Y'"
            + " AND c.protocol IN ('IAX2','SIP','PJSIP_WIZ','PJSIP')"
            + " ORDER BY FIELD(c.protocol, 'IAX2', 'SIP', 'PJSIP_WIZ', 'PJSIP'), c.carrier_id";
    private static final String CLAIM = "UPDATE servers SET rebuild_conf_files = 'N' WHERE server_ip = ?"
            + " AND rebuild_conf_files = 'Y' AND active_asterisk_server = 'Y' AND generate_vicidial_conf = 'Y'";
    private static final String REQUEST_REBUILD = "UPDATE servers SET rebuild_conf_files = 'Y' WHERE server_ip = ?";

    private final DataSource dataSource;
    private final ZoneId zone;
    private final ViciRowBatch batch;

    public LabViciStore(DataSource dataSource, ZoneId zone) {
        this.dataSource = dataSource;
        this.zone = zone;
        this.batch = new ViciRowBatch(zone);
    }

    /** With the JVM's zone. */
    public LabViciStore(DataSource dataSource) {
        this(dataSource, ZoneId.systemDefault());
    }

    public ZoneId zone() {
        return zone;
    }

    public List<ServerRow> servers() throws SQLException {
        List<ServerRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SERVERS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new ServerRow(rs.getString(1), rs.getString(2), rs.getString(3), yes(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                        yes(rs.getString(10)), yes(rs.getString(11)), yes(rs.getString(12)), yes(rs.getString(13)),
                        rs.getString(14), rs.getString(15), rs.getInt(16)));
            }
        }
        return rows;
    }

    /** The carriers the keepalive would generate for {@code serverIp}, in its order, with template contents. */
    public List<CarrierRow> activeCarriers(String serverIp) throws SQLException {
        List<CarrierRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CARRIERS)) {
            ps.setString(1, serverIp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CarrierRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11)));
                }
            }
        }
        return rows;
    }

    /** A {@link CarrierRouter} over what {@link #activeCarriers(String)} returns now. */
    public CarrierRouter routerFor(String serverIp) throws SQLException {
        return CarrierRouter.ofOrdered(serverIp, activeCarriers(serverIp).stream().map(CarrierRow::dialplan).toList());
    }

    /**
     * The keepalive's first step: when {@code active_asterisk_server}, {@code generate_vicidial_conf} and
     * {@code rebuild_conf_files} are all 'Y' (ADMIN_keepalive_ALL.pl ~2986), set {@code rebuild_conf_files='N'} and
     * return true; otherwise change nothing and return false. Atomic, so two claimers never both rebuild. The flag is
     * cleared before anything is generated, as in ViciDial.
     */
    public boolean claimRebuild(String serverIp) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, serverIp);
            return ps.executeUpdate() == 1;
        }
    }

    /** What admin.php does after a carrier change: flag the server for a rebuild. */
    public void requestRebuild(String serverIp) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REQUEST_REBUILD)) {
            ps.setString(1, serverIp);
            ps.executeUpdate();
        }
    }

    public void callStarted(ViciRow.CallLogStart row) throws SQLException {
        writeOne(row);
    }

    public void callEnded(ViciRow.CallLogEnd row) throws SQLException {
        writeOne(row);
    }

    /** INSERT IGNORE, as FastAGI_log.pl: returns false when a row with that uniqueid already existed. */
    public boolean carrierLog(ViciRow.CarrierLog row) throws SQLException {
        return writeOne(row).carrierLogInserted() == 1;
    }

    public void dialLog(ViciRow.DialLog row) throws SQLException {
        writeOne(row);
    }

    public void dialLogSipCause(ViciRow.DialLogSipCause row) throws SQLException {
        writeOne(row);
    }

    public void peerEvent(PeerEvent event) throws SQLException {
        writeOne(event);
    }

    /** Brings one dialer's live_channels rows to {@code channels}, the way AST_update_AMI2.pl does. */
    public void syncLiveChannels(String serverIp, List<ViciRow.LiveChannel> channels) throws SQLException {
        writeOne(new ViciRow.LiveChannelsSync(serverIp, channels));
    }

    /** Deletes one live_channels row (server_ip, channel, extension). Returns whether a row went. */
    public boolean deleteLiveChannel(String serverIp, String channel, String extension) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(ViciRowBatch.DELETE_LIVE)) {
            ps.setString(1, serverIp);
            ps.setString(2, channel);
            ps.setString(3, extension);
            return ps.executeUpdate() > 0;
        }
    }

    /** The live_channels rows of one dialer, ordered by channel. */
    public List<ViciRow.LiveChannel> liveChannels(String serverIp) throws SQLException {
        List<ViciRow.LiveChannel> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT channel, extension, channel_group, channel_data FROM live_channels WHERE server_ip = ?"
                        + " ORDER BY channel")) {
            ps.setString(1, serverIp);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ViciRow.LiveChannel(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return rows;
    }

    /**
     * Writes a mixed batch on one connection, one JDBC batch per kind of row, in an order that keeps every call's
     * story consistent: call_log starts, then ends, carrier log, dial log, dial-log SIP updates, peer events, then
     * live-channel syncs in submission order. A kind the database refuses is counted in the outcome and the others
     * still go in; a lost connection throws.
     */
    public ViciRowBatch.Outcome write(List<? extends ViciRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new ViciRowBatch.Outcome(0, 0, 0, null);
        }
        try (Connection c = dataSource.getConnection()) {
            return batch.write(c, rows);
        }
    }

    /** {@link #write(List)} for one row; throws when the database refused it. */
    private ViciRowBatch.Outcome writeOne(ViciRow row) throws SQLException {
        ViciRowBatch.Outcome outcome = write(List.of(row));
        if (outcome.firstError() != null) {
            throw outcome.firstError();
        }
        return outcome;
    }

    static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).withNano(0);
    }

    private static boolean yes(String flag) {
        return "Y".equals(flag);
    }

}
