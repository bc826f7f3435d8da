package trunkops.lab.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link CallHistory} into the ViciDial tables the way ViciDial would have left them: per routed attempt a
 * {@code call_log} row (FastAGI_log.pl for a Local channel: channel_group 'Local Channel Line', type 'Local',
 * extension and number_dialed = the dial string) and a {@code vicidial_carrier_log} row (the h-extension); per attempt
 * a {@code vicidial_dial_log} row (AST_VDauto_dial.pl: extension = routing_prefix '13' + campaign_vdad_exten '8368' as
 * on Asterisk 13+, channel {@code Local/<dial string>@default}, context 'default', timeout = dial_timeout x 1000,
 * outbound_cid {@code "<caller code>" <campaign_cid>} with ViciDial's default campaign_cid; its SIP cause and uniqueid
 * are filled in as FastAGI_log.pl's later UPDATE fills them when Asterisk reported a SIP cause). Peer events go to
 * {@code vicidial_peer_event_log}; every call with a channel gets a {@code vicidial_log} row (campaign, list).
 * DATETIMEs are local time in the given zone, epochs are UTC seconds.
 *
 * <p>Fast on purpose (a day is ~150 000 rows): each table is loaded on its own connection in parallel (MyISAM locks
 * per table), write-locked with its non-unique keys disabled meanwhile, by batched prepared statements that the lab
 * pool sends with MariaDB's bulk protocol ({@code useBulkStmts}).
 */
public final class CallHistoryWriter {

    /** Rows written and the time it took. */
    public record Result(int callLogRows, int carrierLogRows, int dialLogRows, int peerEventRows, long millis) {
        public int totalRows() {
            return callLogRows + carrierLogRows + dialLogRows + peerEventRows;
        }
    }

    static final String VDAD_EXTEN = "138368";
    static final String CAMPAIGN_CID = "0000000000";

    private static final Logger LOG = LoggerFactory.getLogger(CallHistoryWriter.class);
    private static final int CHUNK = 5_000;

    private static final String CALL_LOG = "INSERT INTO call_log (uniqueid,channel,channel_group,type,server_ip,"
            + "extension,number_dialed,caller_code,start_time,start_epoch,end_time,end_epoch,length_in_sec,"
            + "length_in_min) VALUES (?,?,'Local Channel Line','Local',?,?,?,?,?,?,?,?,?,?)";
    private static final String CARRIER_LOG = "INSERT IGNORE INTO vicidial_carrier_log (uniqueid,call_date,server_ip,"
            + "lead_id,hangup_cause,dialstatus,channel,dial_time,answered_time,sip_hangup_cause,sip_hangup_reason,"
            + "caller_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String DIAL_LOG = "INSERT INTO vicidial_dial_log (caller_code,lead_id,server_ip,call_date,"
            + "extension,channel,context,timeout,outbound_cid,sip_hangup_cause,sip_hangup_reason,uniqueid)"
            + " VALUES (?,?,?,?,?,?,'default',?,?,?,?,?)";
    static final String PEER_EVENT = "INSERT INTO vicidial_peer_event_log (event_type,event_date,server_ip,"
            + "channel_type,peer,data) VALUES (?,?,?,?,?,?)";

    private final ZoneId zone;

    /** {@code zone}: the dialers' local time zone, as in the {@link HistoryOptions} the history was made with. */
    public CallHistoryWriter(ZoneId zone) {
        this.zone = zone;
    }

    public Result write(DataSource dataSource, CallHistory history) throws SQLException {
        long t0 = System.nanoTime();
        List<GeneratedCall> calls = history.calls();
        List<GeneratedCall> withChannel = calls.stream().filter(c -> c.uniqueid() != null).toList();
        List<GeneratedCall> routed = calls.stream().filter(GeneratedCall::routed).toList();
        List<ViciRow.VicidialLog> vicidialLog = withChannel.stream().map(CallHistoryWriter::vicidialLog).toList();
        // three tables in parallel and two on this thread: the lab's pool has four connections
        ExecutorService pool = Executors.newFixedThreadPool(3, new NamedDaemonThreads("lab-history-writer"));
        try {
            Future<Integer> callLog = pool.submit(() -> load(dataSource, "call_log", CALL_LOG, withChannel,
                    this::bindCallLog));
            Future<Integer> carrierLog = pool.submit(() -> load(dataSource, "vicidial_carrier_log", CARRIER_LOG,
                    routed, this::bindCarrierLog));
            Future<Integer> dialLog = pool.submit(() -> load(dataSource, "vicidial_dial_log", DIAL_LOG, calls,
                    this::bindDialLog));
            int peerEvents = load(dataSource, "vicidial_peer_event_log", PEER_EVENT, history.peerEvents(),
                    (ps, e) -> bindPeerEvent(ps, e, zone));
            load(dataSource, "vicidial_log", ViciRowBatch.VICIDIAL_LOG, vicidialLog,
                    (ps, r) -> ViciRowBatch.bindVicidialLog(ps, r, zone));
            Result result = new Result(get(callLog), get(carrierLog), get(dialLog), peerEvents,
                    (System.nanoTime() - t0) / 1_000_000);
            LOG.info("Call history written: {} call_log, {} vicidial_carrier_log, {} vicidial_dial_log, {}"
                            + " vicidial_peer_event_log rows in {} ms", result.callLogRows(), result.carrierLogRows(),
                    result.dialLogRows(), result.peerEventRows(), result.millis());
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /**
     * One table on its own connection: write-locked, non-unique keys disabled while loading (MyISAM then rebuilds
     * them by sorting at ENABLE KEYS), rows sent in chunks of batched prepared statements.
     */
    private static <T> int load(DataSource dataSource, String table, String sql, List<T> rows, Binder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLES " + table + " WRITE");
                st.execute("ALTER TABLE " + table + " DISABLE KEYS");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int pending = 0;
                for (T row : rows) {
                    binder.bind(ps, row);
                    ps.addBatch();
                    if (++pending == CHUNK) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE " + table + " ENABLE KEYS");
                    st.execute("UNLOCK TABLES");
                }
            }
        }
        return rows.size();
    }

    private static int get(Future<Integer> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while writing the call history", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("writing the call history failed: " + e.getCause(), e.getCause());
        }
    }

    private void bindCallLog(PreparedStatement ps, GeneratedCall call) throws SQLException {
        long length = call.lengthSeconds();
        ps.setString(1, call.uniqueid());
        ps.setString(2, call.localChannel());
        ps.setString(3, call.serverIp());
        ps.setString(4, call.dialString());
        ps.setString(5, call.dialString());
        ps.setString(6, call.callerCode());
        ps.setObject(7, local(call.start()));
        ps.setLong(8, call.start().getEpochSecond());
        ps.setObject(9, local(call.end()));
        ps.setLong(10, call.end().getEpochSecond());
        ps.setLong(11, length);
        ps.setDouble(12, Math.round(length / 60.0 * 100) / 100.0);
    }

    /** The call's vicidial_log row (its campaign and list; the other Local half's uniqueid when answered). */
    static ViciRow.VicidialLog vicidialLog(GeneratedCall call) {
        String d = call.dialString();
        return ViciRow.VicidialLog.of(call.uniqueid(), "ANSWER".equals(call.dialstatus()), call.leadId(),
                call.listId(), call.campaignId(), call.start(), call.end(), call.dialstatus(),
                d.substring(Math.max(0, d.length() - 10)));
    }

    private void bindCarrierLog(PreparedStatement ps, GeneratedCall call) throws SQLException {
        ps.setString(1, call.uniqueid());
        ps.setObject(2, local(call.end()));
        ps.setString(3, call.serverIp());
        ps.setLong(4, call.leadId());
        ps.setInt(5, call.hangupCause());
        ps.setString(6, call.dialstatus());
        ps.setString(7, call.localChannel());
        ps.setInt(8, call.dialTime());
        ps.setInt(9, call.answeredTime());
        ps.setInt(10, call.sipCode());
        ps.setString(11, call.sipReason());
        ps.setString(12, call.callerCode());
    }

    private void bindDialLog(PreparedStatement ps, GeneratedCall call) throws SQLException {
        boolean sipKnown = call.sipCode() != 0;
        ps.setString(1, call.callerCode());
        ps.setLong(2, call.leadId());
        ps.setString(3, call.serverIp());
        ps.setObject(4, local(call.originate()));
        ps.setString(5, VDAD_EXTEN);
        ps.setString(6, "Local/" + call.dialString() + "@default");
        ps.setInt(7, call.dialTimeout() * 1000);
        ps.setString(8, "\"" + call.callerCode() + "\" <" + CAMPAIGN_CID + ">");
        ps.setInt(9, sipKnown ? call.sipCode() : 0);
        ps.setString(10, sipKnown ? call.sipReason() : "");
        ps.setString(11, sipKnown ? call.uniqueid() : "");
    }

    static void bindPeerEvent(PreparedStatement ps, PeerEvent event, ZoneId zone) throws SQLException {
        ps.setString(1, event.eventType());
        ps.setObject(2, LocalDateTime.ofInstant(event.time(), zone));
        ps.setString(3, event.serverIp());
        ps.setString(4, event.channelType());
        ps.setString(5, event.peer());
        ps.setString(6, event.data());
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).withNano(0);
    }
}
