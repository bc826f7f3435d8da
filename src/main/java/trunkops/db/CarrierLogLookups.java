package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The follow-up of a carrier-log scan for the few rows whose channel carries no dial string: their caller code and
 * call_log row by primary key, then, where asked, the dial log's extension of their caller code (indexed), in
 * batches of {@link #LOOKUP_BATCH}. Runs after the streamed statement, so the scan's lock is already released.
 */
final class CarrierLogLookups {

    /** Above this many rows vicidial_log is never read in one statement. */
    static final long FULL_SCAN_MAX_ROWS = 3_000_000;

    /** How many uniqueids or caller codes go into one follow-up {@code IN (...)}. */
    static final int LOOKUP_BATCH = 500;

    private final int queryTimeoutSeconds;

    CarrierLogLookups(int queryTimeoutSeconds) {
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    void resolve(Connection c, CarrierLogSchema schema, List<CarrierLogRow> rows,
                         Predicate<CarrierLogRow> needsDialLog, Consumer<CarrierLogRow> sink, long[] looked,
                         int[] statements) throws SQLException {
        Map<String, CarrierLogRow.Details> details = new HashMap<>();
        List<String> ids = rows.stream().map(CarrierLogRow::uniqueid).distinct().toList();
        String callerCode = schema.callerCodeColumn() ? "v.caller_code" : "NULL";
        for (int i = 0; i < ids.size(); i += LOOKUP_BATCH) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + LOOKUP_BATCH));
            String sql = "SELECT v.uniqueid, " + callerCode + ", cl.uniqueid IS NOT NULL, cl.extension"
                    + " FROM vicidial_carrier_log v LEFT JOIN call_log cl ON cl.uniqueid = v.uniqueid"
                    + " WHERE v.uniqueid IN (" + placeholders(batch.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                bind(ps, batch);
                statements[0]++;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        details.put(rs.getString(1), new CarrierLogRow.Details(rs.getString(2), rs.getBoolean(3),
                                rs.getString(4), null));
                    }
                }
            }
        }
        looked[0] += rows.size();
        List<CarrierLogRow> withDetails = new ArrayList<>(rows.size());
        List<CarrierLogRow> forDialLog = new ArrayList<>();
        for (CarrierLogRow r : rows) {
            CarrierLogRow d = r.withDetails(details.getOrDefault(r.uniqueid(),
                    new CarrierLogRow.Details(null, false, null, null)));
            if (schema.callerCodeColumn() && d.details().callerCode() != null && needsDialLog.test(d)) {
                forDialLog.add(d);
            } else {
                withDetails.add(d);
            }
        }
        withDetails.forEach(sink);
        if (!forDialLog.isEmpty()) {
            Map<String, List<String[]>> dialLog = dialLog(c, forDialLog, statements);
            looked[1] += forDialLog.size();
            for (CarrierLogRow r : forDialLog) {
                sink.accept(r.withDetails(r.details().withDialLog(pick(dialLog.get(r.details().callerCode()),
                        r.serverIp()))));
            }
        }
    }

    /** caller code → [server_ip, extension] rows of vicidial_dial_log (indexed on caller_code). */
    private Map<String, List<String[]>> dialLog(Connection c, List<CarrierLogRow> rows, int[] statements)
            throws SQLException {
        List<String> codes = rows.stream().map(r -> r.details().callerCode()).distinct().toList();
        Map<String, List<String[]>> out = new HashMap<>();
        for (int i = 0; i < codes.size(); i += LOOKUP_BATCH) {
            List<String> batch = codes.subList(i, Math.min(codes.size(), i + LOOKUP_BATCH));
            String sql = "SELECT caller_code, server_ip, extension FROM vicidial_dial_log WHERE caller_code IN ("
                    + placeholders(batch.size()) + ") ORDER BY call_date";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                bind(ps, batch);
                statements[0]++;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        return out;
    }

    /** vicidial_log rows of {@code leads} whose lead and uniqueid epoch are {@code wanted}: their campaign_id. */
    Map<CallKey, String> campaigns(Connection c, List<Long> leads,
                                                        Set<CallKey> wanted)
            throws SQLException {
        Map<CallKey, String> out = new HashMap<>();
        for (int i = 0; i < leads.size(); i += LOOKUP_BATCH) {
            List<Long> part = leads.subList(i, Math.min(leads.size(), i + LOOKUP_BATCH));
            String sql = "SELECT lead_id, uniqueid, campaign_id FROM vicidial_log WHERE lead_id IN ("
                    + placeholders(part.size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                for (int j = 0; j < part.size(); j++) {
                    ps.setLong(j + 1, part.get(j));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    collect(rs, wanted, out);
                }
            }
        }
        return out;
    }

    /**
     * The same from the vicidial_log rows of {@code campaignIds} with {@code from <= call_date < to}, streamed: in one
     * statement when MariaDB would scan the whole table anyway ({@link #scansAnyway}), else in statements of one hour
     * of call_date each through its index (short read locks on a table ViciDial writes all the time).
     */
    Map<CallKey, String> campaigns(Connection c, List<String> campaignIds,
                                                        java.time.LocalDateTime from, java.time.LocalDateTime to,
                                                        Set<CallKey> wanted)
            throws SQLException {
        Map<CallKey, String> out = new HashMap<>();
        if (scansAnyway(c, from, to)) {
            campaignsIn(c, campaignIds, from, to, wanted, out);
            return out;
        }
        for (java.time.LocalDateTime a = from; a.isBefore(to); a = a.plusHours(1)) {
            java.time.LocalDateTime b = a.plusHours(1).isAfter(to) ? to : a.plusHours(1);
            campaignsIn(c, campaignIds, a, b, wanted, out);
        }
        return out;
    }

    /**
     * Whether MariaDB would read [from, to) of vicidial_log by scanning the whole table anyway (the window holds most
     * of it) and the table has at most {@value #FULL_SCAN_MAX_ROWS} rows: then one statement (about 0.5 µs a row)
     * is cheaper than hour ranges through the index (about 3 µs a row), as for the carrier log (ADR 0006).
     */
    private boolean scansAnyway(Connection c, java.time.LocalDateTime from, java.time.LocalDateTime to)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM vicidial_log")) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) > FULL_SCAN_MAX_ROWS) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN SELECT uniqueid FROM vicidial_log"
                + " WHERE call_date >= ? AND call_date < ?")) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "ALL".equalsIgnoreCase(rs.getString("type"));
            }
        }
    }

    private void campaignsIn(Connection c, List<String> campaignIds, java.time.LocalDateTime from,
                             java.time.LocalDateTime to, Set<CallKey> wanted,
                             Map<CallKey, String> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT lead_id, uniqueid, campaign_id FROM vicidial_log"
                + " WHERE call_date >= ? AND call_date < ? AND campaign_id IN (" + placeholders(campaignIds.size())
                + ")", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(4096);
            ps.setQueryTimeout(queryTimeoutSeconds);
            ps.setObject(1, from);
            ps.setObject(2, to);
            for (int i = 0; i < campaignIds.size(); i++) {
                ps.setString(3 + i, campaignIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                collect(rs, wanted, out);
            }
        }
    }

    private static void collect(ResultSet rs, Set<CallKey> wanted,
                                Map<CallKey, String> out) throws SQLException {
        while (rs.next()) {
            CallKey k = CallKey.of(rs.getLong(1), rs.getString(2));
            String campaign = rs.getString(3);
            if (k != null && campaign != null && wanted.contains(k)) {
                out.putIfAbsent(k, campaign);
            }
        }
    }

    /** The latest dial-log row of the same server, else the latest of any server; null when none. */
    private static String pick(List<String[]> candidates, String serverIp) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (candidates.get(i)[0] != null && candidates.get(i)[0].equals(serverIp)) {
                return candidates.get(i)[1];
            }
        }
        return candidates.get(candidates.size() - 1)[1];
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }
}
