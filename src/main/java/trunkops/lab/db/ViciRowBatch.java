package trunkops.lab.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Executes a mixed list of {@link ViciRow}s on one connection as one JDBC batch per statement. */
public final class ViciRowBatch {

    /**
     * What happened: carrier-log rows actually inserted (INSERT IGNORE skips duplicates), rows submitted, rows in
     * statements the database refused (each kind of row is its own statement, so one bad kind does not stop the
     * others), and the first refusal.
     */
    public record Outcome(int carrierLogInserted, int rowsSubmitted, int rowsFailed, SQLException firstError) {
        public int rowsWritten() {
            return rowsSubmitted - rowsFailed;
        }
    }

    static final String CALL_LOG_START = "INSERT INTO call_log (uniqueid,channel,channel_group,type,server_ip,"
            + "extension,number_dialed,caller_code,start_time,start_epoch) VALUES (?,?,?,?,?,?,?,?,?,?)";
    static final String CALL_LOG_END = "UPDATE call_log SET end_time=?, end_epoch=?, length_in_sec=(? - start_epoch),"
            + " length_in_min=ROUND((? - start_epoch) / 60, 2), channel=? WHERE uniqueid=?";
    static final String CARRIER_LOG = "INSERT IGNORE INTO vicidial_carrier_log (uniqueid,call_date,server_ip,lead_id,"
            + "hangup_cause,dialstatus,channel,dial_time,answered_time,sip_hangup_cause,sip_hangup_reason,caller_code)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String VICIDIAL_LOG = "INSERT IGNORE INTO vicidial_log (uniqueid,lead_id,list_id,campaign_id,"
            + "call_date,start_epoch,end_epoch,length_in_sec,status,phone_code,phone_number,user,processed,"
            + "user_group,term_reason,alt_dial,called_count) VALUES (?,?,?,?,?,?,?,?,?,'1',?,'VDAD','N','',"
            + "'NONE','MAIN',1)";
    static final String DIAL_LOG = "INSERT INTO vicidial_dial_log (caller_code,lead_id,server_ip,call_date,extension,"
            + "channel,context,timeout,outbound_cid) VALUES (?,?,?,?,?,?,?,?,?)";
    static final String DIAL_LOG_SIP = "UPDATE vicidial_dial_log SET sip_hangup_cause=?, sip_hangup_reason=?,"
            + " uniqueid=? WHERE caller_code=? AND server_ip=? AND lead_id=?";
    static final String SELECT_LIVE = "SELECT channel, extension FROM live_channels WHERE server_ip = ?";
    static final String INSERT_LIVE = "INSERT INTO live_channels (channel,server_ip,extension,channel_group,"
            + "channel_data) VALUES (?,?,?,?,?)";
    static final String DELETE_LIVE = "DELETE FROM live_channels WHERE server_ip = ? AND channel = ?"
            + " AND extension <=> ?";

    private final ZoneId zone;

    ViciRowBatch(ZoneId zone) {
        this.zone = zone;
    }

    Outcome write(Connection c, List<? extends ViciRow> rows) throws SQLException {
        List<ViciRow.CallLogStart> starts = new ArrayList<>();
        List<ViciRow.CallLogEnd> ends = new ArrayList<>();
        List<ViciRow.CarrierLog> carrierLogs = new ArrayList<>();
        List<ViciRow.DialLog> dialLogs = new ArrayList<>();
        List<ViciRow.VicidialLog> callLogs = new ArrayList<>();
        List<ViciRow.DialLogSipCause> sipCauses = new ArrayList<>();
        List<PeerEvent> peerEvents = new ArrayList<>();
        List<ViciRow.LiveChannelsSync> syncs = new ArrayList<>();
        for (ViciRow row : rows) {
            if (row instanceof ViciRow.CallLogStart r) {
                starts.add(r);
            } else if (row instanceof ViciRow.CallLogEnd r) {
                ends.add(r);
            } else if (row instanceof ViciRow.CarrierLog r) {
                carrierLogs.add(r);
            } else if (row instanceof ViciRow.DialLog r) {
                dialLogs.add(r);
            } else if (row instanceof ViciRow.VicidialLog r) {
                callLogs.add(r);
            } else if (row instanceof ViciRow.DialLogSipCause r) {
                sipCauses.add(r);
            } else if (row instanceof PeerEvent r) {
                peerEvents.add(r);
            } else if (row instanceof ViciRow.LiveChannelsSync r) {
                syncs.add(r);
            }
        }
        Failures failures = new Failures();
        failures.run(starts.size(), () -> batch(c, CALL_LOG_START, starts, this::bindStart));
        failures.run(ends.size(), () -> batch(c, CALL_LOG_END, ends, this::bindEnd));
        int[] inserted = new int[1];
        failures.run(carrierLogs.size(),
                () -> inserted[0] = sum(batch(c, CARRIER_LOG, carrierLogs, this::bindCarrierLog)));
        failures.run(dialLogs.size(), () -> batch(c, DIAL_LOG, dialLogs, this::bindDialLog));
        failures.run(callLogs.size(), () -> batch(c, VICIDIAL_LOG, callLogs,
                (ps, r) -> bindVicidialLog(ps, r, zone)));
        failures.run(sipCauses.size(), () -> batch(c, DIAL_LOG_SIP, sipCauses, ViciRowBatch::bindSipCause));
        failures.run(peerEvents.size(), () -> batch(c, CallHistoryWriter.PEER_EVENT, peerEvents,
                (ps, e) -> CallHistoryWriter.bindPeerEvent(ps, e, zone)));
        for (ViciRow.LiveChannelsSync sync : syncs) {
            failures.run(1, () -> sync(c, sync));
        }
        return new Outcome(inserted[0], rows.size(), failures.rows, failures.first);
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private static final class Failures {
        int rows;
        SQLException first;

        void run(int count, SqlAction action) throws SQLException {
            if (count == 0) {
                return;
            }
            try {
                action.run();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    throw e;                          // the connection is gone: nothing else will get through
                }
                rows += count;
                first = first == null ? e : first;
            }
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private static <T> int[] batch(Connection c, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (rows.size() == 1) {            // exact affected-row count (bulk batches report SUCCESS_NO_INFO)
                binder.bind(ps, rows.get(0));
                return new int[] {ps.executeUpdate()};
            }
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    private void bindStart(PreparedStatement ps, ViciRow.CallLogStart r) throws SQLException {
        ps.setString(1, r.uniqueid());
        ps.setString(2, r.channel());
        ps.setString(3, r.channelGroup());
        ps.setString(4, r.type());
        ps.setString(5, r.serverIp());
        ps.setString(6, r.extension());
        ps.setString(7, r.numberDialed());
        ps.setString(8, r.callerCode());
        ps.setObject(9, LabViciStore.local(r.start(), zone));
        ps.setLong(10, r.start().getEpochSecond());
    }

    private void bindEnd(PreparedStatement ps, ViciRow.CallLogEnd r) throws SQLException {
        long epoch = r.end().getEpochSecond();
        ps.setObject(1, LabViciStore.local(r.end(), zone));
        ps.setLong(2, epoch);
        ps.setLong(3, epoch);
        ps.setLong(4, epoch);
        ps.setString(5, r.channel());
        ps.setString(6, r.uniqueid());
    }

    static void bindVicidialLog(PreparedStatement ps, ViciRow.VicidialLog r, java.time.ZoneId zone)
            throws SQLException {
        ps.setString(1, r.uniqueid());
        ps.setLong(2, r.leadId());
        ps.setLong(3, r.listId());
        ps.setString(4, r.campaignId());
        ps.setObject(5, LabViciStore.local(r.callDate(), zone));
        ps.setLong(6, r.callDate().getEpochSecond());
        ps.setLong(7, r.end().getEpochSecond());
        ps.setLong(8, r.end().getEpochSecond() - r.callDate().getEpochSecond());
        ps.setString(9, r.status());
        ps.setString(10, r.phoneNumber());
    }

    private void bindCarrierLog(PreparedStatement ps, ViciRow.CarrierLog r) throws SQLException {
        ps.setString(1, r.uniqueid());
        ps.setObject(2, LabViciStore.local(r.callDate(), zone));
        ps.setString(3, r.serverIp());
        ps.setLong(4, r.leadId());
        ps.setInt(5, r.hangupCause());
        ps.setString(6, r.dialstatus());
        ps.setString(7, r.channel());
        ps.setInt(8, r.dialTime());
        ps.setInt(9, r.answeredTime());
        ps.setInt(10, r.sipHangupCause());
        ps.setString(11, r.sipHangupReason());
        ps.setString(12, r.callerCode());
    }

    private void bindDialLog(PreparedStatement ps, ViciRow.DialLog r) throws SQLException {
        ps.setString(1, r.callerCode());
        ps.setLong(2, r.leadId());
        ps.setString(3, r.serverIp());
        ps.setObject(4, LabViciStore.local(r.callDate(), zone));
        ps.setString(5, r.extension());
        ps.setString(6, r.channel());
        ps.setString(7, r.context());
        ps.setInt(8, r.timeoutMillis());
        ps.setString(9, r.outboundCid());
    }

    private static void bindSipCause(PreparedStatement ps, ViciRow.DialLogSipCause r) throws SQLException {
        ps.setInt(1, r.sipHangupCause());
        ps.setString(2, r.sipHangupReason());
        ps.setString(3, r.uniqueid());
        ps.setString(4, r.callerCode());
        ps.setString(5, r.serverIp());
        ps.setLong(6, r.leadId());
    }

    private static void sync(Connection c, ViciRow.LiveChannelsSync sync) throws SQLException {
        Set<String> inDb = new HashSet<>();
        List<String[]> stale = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        sync.channels().forEach(ch -> wanted.add(key(ch.channel(), ch.extension())));
        try (PreparedStatement ps = c.prepareStatement(SELECT_LIVE)) {
            ps.setString(1, sync.serverIp());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String k = key(rs.getString(1), rs.getString(2));
                    inDb.add(k);
                    if (!wanted.contains(k)) {
                        stale.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
        }
        List<ViciRow.LiveChannel> fresh = sync.channels().stream()
                .filter(ch -> !inDb.contains(key(ch.channel(), ch.extension()))).toList();
        batch(c, INSERT_LIVE, fresh, (ps, ch) -> {
            ps.setString(1, ch.channel());
            ps.setString(2, sync.serverIp());
            ps.setString(3, ch.extension());
            ps.setString(4, ch.channelGroup());
            ps.setString(5, ch.channelData());
        });
        batch(c, DELETE_LIVE, stale, (ps, k) -> {
            ps.setString(1, sync.serverIp());
            ps.setString(2, k[0]);
            ps.setString(3, k[1]);
        });
    }

    private static String key(String channel, String extension) {
        return channel + "\u0000" + (extension == null ? "" : extension);
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int n : counts) {
            total += n == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, n);
        }
        return total;
    }
}
