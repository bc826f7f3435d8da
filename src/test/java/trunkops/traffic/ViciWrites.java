package trunkops.traffic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;

import javax.sql.DataSource;

/**
 * Writes single rows into a lab database the way ViciDial's scripts write them (FastAGI_log.pl for call_log and the
 * carrier log, AST_VDauto_dial.pl / vdc_db_query.php for the dial log), for the odd cases the history generator does
 * not make: manual dials, missing call_log rows, NULLs, skewed clocks.
 */
final class ViciWrites {

    private final DataSource ds;

    ViciWrites(DataSource ds) {
        this.ds = ds;
    }

    /** The h-extension's carrier-log INSERT IGNORE; NULL-able columns take Java nulls. */
    void carrierLog(String uniqueid, LocalDateTime callDate, String serverIp, String dialstatus, Integer cause,
                    String channel, Integer dialTime, Integer answeredTime, Integer sip, String reason,
                    String callerCode) throws SQLException {
        exec("INSERT IGNORE INTO vicidial_carrier_log (uniqueid,call_date,server_ip,lead_id,hangup_cause,dialstatus,"
                        + "channel,dial_time,answered_time,sip_hangup_cause,sip_hangup_reason,caller_code)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", uniqueid, callDate, serverIp, 4242, cause, dialstatus,
                channel, dialTime, answeredTime, sip, reason, callerCode);
    }

    /** An auto-dial call that hung up at {@code at}: call_log (Local channel line) and carrier log, same uniqueid. */
    void autoDial(String uniqueid, LocalDateTime at, String serverIp, String dialString, String status, int cause,
                  int sip, String reason) throws SQLException {
        String channel = "Local/" + dialString + "@default-0000beef;2";
        String code = "V1126101530000004242";
        callLog(uniqueid, channel, serverIp, dialString, code, at.minusSeconds(25), at);
        carrierLog(uniqueid, at, serverIp, status, cause, channel, 25, status.equals("ANSWER") ? 10 : 0, sip, reason,
                code);
    }

    void callLog(String uniqueid, String channel, String serverIp, String extension, String callerCode,
                 LocalDateTime start, LocalDateTime end) throws SQLException {
        exec("INSERT INTO call_log (uniqueid,channel,channel_group,type,server_ip,extension,number_dialed,caller_code,"
                        + "start_time,start_epoch,end_time,end_epoch) VALUES (?,?,'Local Channel Line','Local',?,?,?,?,"
                        + "?,0,?,0)", uniqueid, channel, serverIp, extension, extension, callerCode, start, end);
    }

    void dialLog(String callerCode, String serverIp, LocalDateTime at, String extension, String channel)
            throws SQLException {
        exec("INSERT INTO vicidial_dial_log (caller_code,lead_id,server_ip,call_date,extension,channel,context,"
                + "timeout,outbound_cid) VALUES (?,4242,?,?,?,?,'default',30000,'')", callerCode, serverIp, at,
                extension, channel);
    }

    void exec(String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
