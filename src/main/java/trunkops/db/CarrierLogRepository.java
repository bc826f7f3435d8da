package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads ViciDial's per-call carrier log the way a busy MyISAM cluster tolerates it.
 *
 * <ul>
 *   <li>Only {@code call_date} is indexed, so every read is a bounded {@code call_date} range; nothing filters on
 *       server_ip or dialstatus in SQL.</li>
 *   <li>The scan is narrow (the columns statistics need, no join, no SQL functions) and streamed
 *       ({@code setFetchSize}; fastest over the binary protocol, {@link #readerSettings}), so the
 *       table's read lock lasts as long as the server needs to read the rows, not as long as the console needs to
 *       digest them. Joining {@code call_log} for every row costs one random row read per call (8.5 s instead of
 *       0.85 s for 1.5 M rows, docs/benchmarks.md); the rows that need it are looked up afterwards by primary key,
 *       in batches ({@link #scan}'s {@code needsDetails}).</li>
 *   <li>Every statement has a query timeout on top of the pool's socket timeout.</li>
 *   <li>Columns missing on older schemas are detected ({@link #schema()}) and read as {@link CarrierLogRow#ABSENT}.</li>
 * </ul>
 * Never called on the FX thread.
 */
public final class CarrierLogRepository {

    /** Rows kept for follow-up before they are looked up mid-scan. */
    static final int PENDING_LIMIT = 20_000;
    /** TO_SECONDS('1970-01-01 00:00:00'): minute counts are read as TO_SECONDS(call_date) DIV 60. */
    static final long TO_SECONDS_1970 = 62_167_219_200L;

    /** Above this many leads the campaigns of a scan are read as a range of vicidial_log, not by lead. */
    public static final int LEAD_LOOKUP_MAX = 2_000;
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('vicidial_carrier_log','system_settings',"
            + "'live_channels','vicidial_log')";
    private static final String MINUTE_COUNTS = "SELECT TO_SECONDS(call_date) DIV 60, COUNT(*)"
            + " FROM vicidial_carrier_log WHERE call_date >= ? AND call_date < ? GROUP BY 1";
    private static final String OLDEST_LIVE = "SELECT MIN(call_date) FROM vicidial_carrier_log";
    private static final String ARCHIVE_EXISTS = "SELECT COUNT(*) FROM information_schema.TABLES"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'vicidial_carrier_log_archive'";
    private static final String ARCHIVED_ROWS = "SELECT COUNT(*) FROM vicidial_carrier_log_archive"
            + " WHERE call_date >= ? AND call_date < ?";
    private static final String TABLE_ROWS = "SELECT COUNT(*) FROM vicidial_carrier_log";
    private static final String EXPLAIN_RANGE = "EXPLAIN SELECT uniqueid FROM vicidial_carrier_log"
            + " WHERE call_date >= ? AND call_date < ?";
    private static final String LIVE_CHANNELS = "SELECT server_ip, channel FROM live_channels LIMIT 50000";

    /** One channel of ViciDial's {@code live_channels} (trunk channels, refreshed every 0.4 s by AST_update_AMI2). */
    public record LiveChannel(String serverIp, String channel) {
    }

    /**
     * What a scan did: rows delivered, of them looked up in call_log / the dial log, statements run, and how long
     * the streamed carrier-log statement ran from execution to its last row ({@code lockMillis}: MyISAM holds the
     * table's read lock that long).
     */
    public record ScanStats(long rows, long detailLookups, long dialLogLookups, int statements, long lockMillis) {
        public ScanStats(long rows, long detailLookups, long dialLogLookups, int statements) {
            this(rows, detailLookups, dialLogLookups, statements, 0);
        }

        public ScanStats plus(ScanStats o) {
            return new ScanStats(rows + o.rows, detailLookups + o.detailLookups, dialLogLookups + o.dialLogLookups,
                    statements + o.statements, lockMillis + o.lockMillis);
        }
    }

    /**
     * How MariaDB would read a call_date range: {@code fullScan} when its optimizer prefers reading the whole table
     * (the range holds most of it) over the call_date index, its estimate of the rows in the range, and the table's
     * row count (exact for MyISAM).
     */
    public record Extent(boolean fullScan, long estimatedRows, long tableRows) {
    }

    private final Database db;
    private final int queryTimeoutSeconds;

    /**
     * Statements time out after 20 s on the server ({@code max_statement_time}), before the 30 s socket timeout:
     * a statement stuck behind a MyISAM table lock is stopped by the server rather than left running when the
     * connection is dropped.
     */
    public CarrierLogRepository(Database db) {
        this(db, 20);
    }

    public CarrierLogRepository(Database db, int queryTimeoutSeconds) {
        this.db = db;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    private PreparedStatement timed(PreparedStatement ps) throws java.sql.SQLException {
        ps.setQueryTimeout(queryTimeoutSeconds);
        return ps;
    }

    public Database database() {
        return db;
    }

    /** Detects the columns and replica settings this database has (system_settings may lack columns or its row). */
    public CarrierLogSchema schema() throws DbException {
        return db.query("detecting the ViciDial schema", c -> {
            Map<String, Set<String>> columns = new HashMap<>();
            try (PreparedStatement ps = timed(c.prepareStatement(COLUMNS)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1).toLowerCase(java.util.Locale.ROOT), k -> new HashSet<>())
                            .add(rs.getString(2).toLowerCase(java.util.Locale.ROOT));
                }
            }
            Set<String> log = columns.getOrDefault("vicidial_carrier_log", Set.of());
            if (!log.containsAll(List.of("uniqueid", "call_date", "server_ip", "dialstatus", "hangup_cause",
                    "channel", "dial_time", "answered_time"))) {
                throw new SQLException("vicidial_carrier_log is missing or lacks its 2.2 columns (found " + log
                        + "): is this a ViciDial database?");
            }
            Set<String> settings = columns.getOrDefault("system_settings", Set.of());
            String select = "SELECT " + col(settings, "db_schema_version", "0") + ", "
                    + col(settings, "slave_db_server", "''") + ", " + col(settings, "reports_use_slave_db", "''")
                    + " FROM system_settings LIMIT 1";
            int version = 0;
            String slave = "";
            String reports = "";
            if (!settings.isEmpty()) {
                try (PreparedStatement ps = timed(c.prepareStatement(select)); ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        version = rs.getInt(1);
                        slave = rs.getString(2);
                        reports = rs.getString(3);
                    }
                }
            }
            return new CarrierLogSchema(version, log.contains("sip_hangup_cause") && log.contains("sip_hangup_reason"),
                    log.contains("caller_code"), slave, reports, columns.containsKey("live_channels"),
                    columns.getOrDefault("vicidial_log", Set.of()).containsAll(List.of("lead_id", "uniqueid",
                            "campaign_id")));
        });
    }

    private static String col(Set<String> present, String name, String fallback) {
        return present.contains(name) ? name : fallback;
    }

    /** What the optimizer would do with {@code from <= call_date < to} (EXPLAIN, no rows read). */
    public Extent extent(LocalDateTime from, LocalDateTime to) throws DbException {
        return db.query("planning a read of vicidial_carrier_log", c -> {
            long tableRows;
            try (PreparedStatement ps = timed(c.prepareStatement(TABLE_ROWS)); ResultSet rs = ps.executeQuery()) {
                rs.next();
                tableRows = rs.getLong(1);
            }
            try (PreparedStatement ps = timed(c.prepareStatement(EXPLAIN_RANGE))) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Extent(false, 0, tableRows);
                    }
                    String type = rs.getString("type");
                    long estimate = rs.getLong("rows");
                    return new Extent("ALL".equalsIgnoreCase(type), estimate, tableRows);
                }
            }
        });
    }

    /**
     * Rows of a window that ViciDial's log rotation ({@code ADMIN_archive_log_tables.pl}) has already removed from
     * the live table: the live table's first call_date and how many rows of [from, that) the archive holds.
     */
    public record ArchiveGap(LocalDateTime liveFrom, long archivedRows) {
    }

    /**
     * Whether part of [from, to) is only in {@code vicidial_carrier_log_archive} (which the console does not read):
     * empty when the live table reaches back to {@code from}, or there is no archive, or it holds nothing there.
     * Two index lookups on call_date and one range count.
     */
    public java.util.Optional<ArchiveGap> archiveGap(LocalDateTime from, LocalDateTime to) throws DbException {
        return db.query("checking vicidial_carrier_log_archive", c -> {
            LocalDateTime oldest;
            try (PreparedStatement ps = timed(c.prepareStatement(OLDEST_LIVE)); ResultSet rs = ps.executeQuery()) {
                oldest = rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
            }
            LocalDateTime end = oldest == null || oldest.isAfter(to) ? to : oldest;
            if (!from.isBefore(end)) {
                return java.util.Optional.<ArchiveGap>empty();
            }
            try (PreparedStatement ps = timed(c.prepareStatement(ARCHIVE_EXISTS)); ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    return java.util.Optional.<ArchiveGap>empty();
                }
            }
            try (PreparedStatement ps = timed(c.prepareStatement(ARCHIVED_ROWS))) {
                ps.setObject(1, from);
                ps.setObject(2, end);
                try (ResultSet rs = ps.executeQuery()) {
                    long n = rs.next() ? rs.getLong(1) : 0;
                    return n == 0 ? java.util.Optional.<ArchiveGap>empty()
                            : java.util.Optional.of(new ArchiveGap(end, n));
                }
            }
        });
    }

    /** The database's wall clock ({@code NOW()}), the clock ViciDial's call_date values are compared with. */
    public LocalDateTime now() throws DbException {
        return db.query("reading the database clock", c -> {
            try (PreparedStatement ps = timed(c.prepareStatement("SELECT NOW()")); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, LocalDateTime.class);
            }
        });
    }

    /**
     * Settings for the carrier-log reader's own pool: two connections, and MariaDB's binary protocol
     * ({@code useServerPrepStmts=true}), in which the server sends numbers and DATETIMEs without formatting them as
     * text (the scan of 1.5 M rows takes about 640 ms instead of 900, docs/benchmarks.md). A pool of its own also
     * keeps a cold load from holding the console's other connections.
     */
    public static Database.Settings readerSettings(Database.Settings primary) {
        String url = primary.jdbcUrl();
        if (!url.contains("useServerPrepStmts=")) {
            url += (url.contains("?") ? "&" : "?") + "useServerPrepStmts=true";
        }
        return new Database.Settings(url, primary.user(), primary.connectTimeoutMs(), primary.socketTimeoutMs(), 2,
                primary.probeIntervalMs());
    }

    static String scanSql(CarrierLogSchema schema) {
        return "SELECT CAST(call_date AS UNSIGNED), server_ip, dialstatus, hangup_cause, "
                + (schema.sipColumns() ? "sip_hangup_cause, sip_hangup_reason" : "NULL, NULL")
                + ", dial_time, answered_time, channel, uniqueid, lead_id FROM vicidial_carrier_log"
                + " WHERE call_date >= ? AND call_date < ?";
    }

    /** {@link #scan(CarrierLogSchema, LocalDateTime, LocalDateTime, long, Predicate, Predicate, Consumer)} with every uniqueid read. */
    public ScanStats scan(CarrierLogSchema schema, LocalDateTime from, LocalDateTime to,
                          Predicate<CarrierLogRow> needsDetails, Predicate<CarrierLogRow> needsDialLog,
                          Consumer<CarrierLogRow> sink) throws DbException {
        return scan(schema, from, to, Long.MIN_VALUE, needsDetails, needsDialLog, sink);
    }

    /**
     * Streams every row with {@code from <= call_date < to} to {@code sink}. Rows for which {@code needsDetails}
     * holds are delivered later (still within this call), after their caller code and call_log row have been looked
     * up by primary key in batches; of those, rows for which {@code needsDialLog} then holds also get the dial log's
     * extension of their caller code. The uniqueid is decoded only for rows at or after {@code uniqueidFrom}
     * (call_date seconds) and rows that need details; the others carry {@code null} (saves a string per row).
     */
    public ScanStats scan(CarrierLogSchema schema, LocalDateTime from, LocalDateTime to, long uniqueidFrom,
                          Predicate<CarrierLogRow> needsDetails, Predicate<CarrierLogRow> needsDialLog,
                          Consumer<CarrierLogRow> sink) throws DbException {
        return scan(schema, from, to, uniqueidFrom, r -> false, needsDetails, needsDialLog, sink);
    }

    /** The same, also decoding the uniqueid of every row for which {@code needsUniqueid} holds. */
    public ScanStats scan(CarrierLogSchema schema, LocalDateTime from, LocalDateTime to, long uniqueidFrom,
                          Predicate<CarrierLogRow> needsUniqueid, Predicate<CarrierLogRow> needsDetails,
                          Predicate<CarrierLogRow> needsDialLog, Consumer<CarrierLogRow> sink) throws DbException {
        String what = "reading vicidial_carrier_log " + from + " to " + to;
        return db.query(what, c -> {
            List<CarrierLogRow> pending = new ArrayList<>();
            long rows = 0;
            long[] looked = new long[2];
            int[] statements = {1};
            long locked;
            try (PreparedStatement ps = c.prepareStatement(scanSql(schema), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(4096);
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setObject(1, from);
                ps.setObject(2, to);
                long l0 = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CarrierLogRow row = read(rs, schema);
                        rows++;
                        if (needsDetails.test(row)) {
                            pending.add(row.withUniqueid(rs.getString(10)));
                        } else {
                            sink.accept(row.callDateSecond() >= uniqueidFrom || needsUniqueid.test(row)
                                    ? row.withUniqueid(rs.getString(10)) : row);
                        }
                    }
                }
                locked = (System.nanoTime() - l0) / 1_000_000;
            }
            // after the streamed statement: its lock is released before the lookups run
            CarrierLogLookups lookups = new CarrierLogLookups(queryTimeoutSeconds);
            for (int i = 0; i < pending.size(); i += PENDING_LIMIT) {
                List<CarrierLogRow> part = pending.subList(i, Math.min(pending.size(), i + PENDING_LIMIT));
                lookups.resolve(c, schema, part, needsDialLog, sink, looked, statements);
            }
            return new ScanStats(rows, looked[0], looked[1], statements[0], locked);
        });
    }

    /**
     * The campaign of each call, from {@code vicidial_log} joined the way ViciDial's own carrier export joins it:
     * same lead_id and the same 10-digit epoch at the start of the uniqueid (for answered calls vicidial_log holds the
     * other Local half's uniqueid, so the exact uniqueid does not join). Up to {@value #LEAD_LOOKUP_MAX} leads are read
     * through the lead_id index in batches; more are read as one narrow streamed range of vicidial_log's call_date
     * index over [{@code from} - 1 h, {@code to}) (a call's vicidial_log row is dated at its start, before its
     * hangup), like the carrier log itself, sending only the rows of {@code campaignIds} (the campaigns that share
     * prefixes). Keys without a row are absent from the result.
     */
    public Map<CallKey, String> campaigns(java.util.Collection<CallKey> calls, Set<String> campaignIds,
                                          LocalDateTime from, LocalDateTime to) throws DbException {
        List<Long> leads = calls.stream().map(CallKey::leadId).distinct().toList();
        if (leads.isEmpty()) {
            return Map.of();
        }
        Set<CallKey> wanted = new HashSet<>(calls);
        CarrierLogLookups lookups = new CarrierLogLookups(queryTimeoutSeconds);
        return db.query("reading the campaigns of " + calls.size() + " calls from vicidial_log",
                c -> leads.size() <= LEAD_LOOKUP_MAX ? lookups.campaigns(c, leads, wanted)
                        : lookups.campaigns(c, List.copyOf(campaignIds), from.minusHours(1), to, wanted));
    }

    private static CarrierLogRow read(ResultSet rs, CarrierLogSchema schema) throws SQLException {
        long seconds = secondsOf(rs.getLong(1));
        String server = rs.getString(2);
        String status = rs.getString(3);
        int cause = nullable(rs, 4);
        int sip = schema.sipColumns() ? nullable(rs, 5) : CarrierLogRow.ABSENT;
        String reason = schema.sipColumns() ? rs.getString(6) : null;
        int dial = nullable(rs, 7);
        int answered = nullable(rs, 8);
        return new CarrierLogRow(seconds, server, status, cause, sip, reason, dial, answered, rs.getString(9),
                null, CarrierLogRow.Details.NOT_LOOKED_UP, rs.getLong(11));
    }

    /**
     * {@code CAST(call_date AS UNSIGNED)} ({@code yyyymmddhhmmss}, 8 bytes in the binary protocol, no date objects per
     * row) as seconds since 1970 of the same wall clock ({@link CarrierLogRow#callDateSecond()}). MySQL's zero date
     * (0) stays 0.
     */
    static long secondsOf(long v) {
        if (v <= 0) {
            return 0;
        }
        long sec = v % 100;
        v /= 100;
        long min = v % 100;
        v /= 100;
        long hour = v % 100;
        v /= 100;
        long day = v % 100;
        v /= 100;
        long month = v % 100;
        long year = v / 100;
        return daysFromCivil(year, month, day) * 86_400 + hour * 3600 + min * 60 + sec;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(long y, long m, long d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int nullable(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? CarrierLogRow.NULL : v;
    }

    /**
     * Rows per minute ({@code floor(call_date seconds / 60)} → count) for {@code from <= call_date < to}, read from
     * the call_date index alone: how the console notices rows that arrived later than its incremental cursor
     * looked (clock skew, delayed writes).
     */
    public TreeMap<Long, Long> minuteCounts(LocalDateTime from, LocalDateTime to) throws DbException {
        return db.query("counting vicidial_carrier_log rows per minute", c -> {
            TreeMap<Long, Long> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(MINUTE_COUNTS)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setObject(1, from);
                ps.setObject(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1) - TO_SECONDS_1970 / 60, rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** The channels in ViciDial's live_channels (a MEMORY table; empty after a database restart). */
    public List<LiveChannel> liveChannels() throws DbException {
        return db.query("reading live_channels", c -> {
            List<LiveChannel> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LIVE_CHANNELS)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LiveChannel(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }
}
