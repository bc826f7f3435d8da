package trunkops.traffic;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import trunkops.db.CarrierLogRow;

/**
 * The aggregate store: per minute of call_date, one {@link Cell} per (carrier, dialer, campaign key) holding
 * attempts, answers, joint outcome counts and dial times. A day of a 10-dialer cluster (1.5 M rows) is about
 * 100 000 cells. Rows can be taken back ({@link #apply} with sign -1) and whole minutes dropped and reloaded, which
 * is how the incremental cursor handles updated and late rows. Not thread-safe: one worker owns it.
 */
public final class TrafficCube {

    /** What one row adds: its minute, its cell's dimensions and its outcome. */
    record Fact(long minute, int carrier, int server, int campaign, long outcome, boolean answered, int dialSeconds,
                byte source, byte problem) {
    }

    static final String NULL_STATUS = "(null)";

    final Dictionary carriers = new Dictionary(1 << 20);
    final Dictionary servers = new Dictionary(1 << 20);
    final Dictionary campaigns = new Dictionary(1 << 20);
    final Dictionary statuses = new Dictionary(0xFFF0);
    final Dictionary reasons = new Dictionary(0xFFF0);
    private final TreeMap<Long, CellMap> minutes = new TreeMap<>();
    private final int answerStatus;
    private long lastMinute = Long.MIN_VALUE;
    private CellMap lastSlice;

    public TrafficCube() {
        carriers.id(Attribution.UNATTRIBUTED);
        campaigns.id(Attribution.NO_CAMPAIGN);
        answerStatus = statuses.id("ANSWER");
        reasons.id("");
    }

    /** Adds a row under an attribution (the cold load's path: no {@link Fact} kept). */
    void add(CarrierLogRow row, Attribution a) {
        int st = statusId(row);
        long outcome = outcome(row, st);
        int dial = dialSeconds(row);
        long minute = Math.floorDiv(row.callDateSecond(), 60);
        CellMap slice = slice(minute);
        slice.getOrCreate(CellMap.key(carriers.id(a.carrierId()), servers.id(row.serverIp() == null ? ""
                : row.serverIp()), campaigns.id(a.campaign()))).add(outcome, st == answerStatus, dial, 1);
        slice.attribution[a.source().ordinal()]++;
        if (a.problem() != null) {
            slice.attribution[Attribution.Source.values().length + a.problem().ordinal()]++;
        }
    }

    private int statusId(CarrierLogRow row) {
        return statuses.id(row.dialstatus() == null ? NULL_STATUS : row.dialstatus().strip());
    }

    private long outcome(CarrierLogRow row, int statusId) {
        int reason = row.sipReason() == null ? Outcome.NULL : reasons.id(row.sipReason());
        return Outcome.pack(statusId, Outcome.code(row.hangupCause()), Outcome.code(row.sipCode()), reason);
    }

    /** Seconds from the dial to the answer (or the end when unanswered); -1 when the row has no dial time. */
    private static int dialSeconds(CarrierLogRow row) {
        return row.dialTime() < 0 ? -1 : Math.max(0, row.dialTime() - Math.max(0, row.answeredTime()));
    }

    /** Rows per attribution source, then per problem: the length of {@link CellMap#attribution}. */
    static final int ATTRIBUTION_SLOTS = Attribution.Source.values().length + Attribution.Problem.values().length;

    /** The cells of one minute, or null when the cube holds none. */
    CellMap minuteCells(long minute) {
        return minutes.get(minute);
    }

    /** The cells of one minute, created when absent (the summary store adds sealed minutes through it). */
    CellMap sliceOf(long minute) {
        return slice(minute);
    }

    private CellMap slice(long minute) {
        if (minute == lastMinute) {
            return lastSlice;
        }
        CellMap slice = minutes.computeIfAbsent(minute, m -> new CellMap());
        lastMinute = minute;
        lastSlice = slice;
        return slice;
    }

    /** The fact a row adds under an attribution. */
    Fact fact(CarrierLogRow row, Attribution a) {
        int st = statusId(row);
        long outcome = outcome(row, st);
        int dial = dialSeconds(row);
        return new Fact(Math.floorDiv(row.callDateSecond(), 60), carriers.id(a.carrierId()),
                servers.id(row.serverIp() == null ? "" : row.serverIp()), campaigns.id(a.campaign()), outcome,
                st == answerStatus, dial, (byte) a.source().ordinal(),
                (byte) (a.problem() == null ? -1 : a.problem().ordinal()));
    }

    /** Adds a fact ({@code sign} 1) or takes it back ({@code sign} -1). */
    void apply(Fact f, int sign) {
        CellMap slice = slice(f.minute());
        slice.getOrCreate(CellMap.key(f.carrier(), f.server(), f.campaign()))
                .add(f.outcome(), f.answered(), f.dialSeconds(), sign);
        slice.attribution[f.source()] += sign;
        if (f.problem() >= 0) {
            slice.attribution[Attribution.Source.values().length + f.problem()] += sign;
        }
    }

    /** Forgets one minute (before reloading it). */
    void dropMinute(long minute) {
        minutes.remove(minute);
        if (minute == lastMinute) {
            lastMinute = Long.MIN_VALUE;
            lastSlice = null;
        }
    }

    /** Forgets every minute before {@code minute} (the window moved on). */
    void dropBefore(long minute) {
        minutes.headMap(minute, false).clear();
        lastMinute = Long.MIN_VALUE;
        lastSlice = null;
    }

    void clear() {
        minutes.clear();
        lastMinute = Long.MIN_VALUE;
        lastSlice = null;
    }

    /** Rows held per minute in [from, to). */
    NavigableMap<Long, Long> minuteTotals(long fromMinute, long toMinute) {
        TreeMap<Long, Long> out = new TreeMap<>();
        for (Map.Entry<Long, CellMap> e : minutes.subMap(fromMinute, true, toMinute, false).entrySet()) {
            long n = e.getValue().attempts();
            if (n != 0) {
                out.put(e.getKey(), n);
            }
        }
        return out;
    }

    /** Visits every cell of the minutes in [from, to). */
    void forEach(long fromMinute, long toMinute, CellVisitor visitor) {
        for (Map.Entry<Long, CellMap> e : minutes.subMap(fromMinute, true, toMinute, false).entrySet()) {
            long minute = e.getKey();
            e.getValue().forEach((key, cell) -> visitor.visit(minute, CellMap.carrier(key), CellMap.server(key),
                    CellMap.campaign(key), cell));
        }
    }

    /** Rows per attribution source and per reason for staying unattributed, over the minutes in [from, to). */
    AttributionStats attributionStats(long fromMinute, long toMinute) {
        long[] sum = new long[Attribution.Source.values().length + Attribution.Problem.values().length];
        for (CellMap m : minutes.subMap(fromMinute, true, toMinute, false).values()) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += m.attribution[i];
            }
        }
        java.util.EnumMap<Attribution.Source, Long> sources = new java.util.EnumMap<>(Attribution.Source.class);
        for (Attribution.Source s : Attribution.Source.values()) {
            sources.put(s, sum[s.ordinal()]);
        }
        java.util.EnumMap<Attribution.Problem, Long> problems = new java.util.EnumMap<>(Attribution.Problem.class);
        for (Attribution.Problem p : Attribution.Problem.values()) {
            problems.put(p, sum[Attribution.Source.values().length + p.ordinal()]);
        }
        return new AttributionStats(sources, problems);
    }

    interface CellVisitor {
        void visit(long minute, int carrier, int server, int campaign, Cell cell);
    }

    /** The first and last minute held, or null when empty. */
    long[] span() {
        return minutes.isEmpty() ? null : new long[] {minutes.firstKey(), minutes.lastKey()};
    }

    long rows() {
        long n = 0;
        for (CellMap m : minutes.values()) {
            n += m.attempts();
        }
        return n;
    }

    int cells() {
        int[] n = {0};
        minutes.values().forEach(m -> m.forEach((k, c) -> n[0]++));
        return n[0];
    }
}
