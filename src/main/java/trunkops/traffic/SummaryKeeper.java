package trunkops.traffic;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.db.DbException;

/**
 * The engine's side of the summary store (ADR 0011): which minutes of the window came from {@link MinuteStore},
 * which the engine read and must seal once they are {@link #sealAge} old (and the campaigns of their shared-prefix
 * calls are known), which a reconciliation reloaded (sealed again), and the catch-up of the hours the console was
 * closed for. One per cold load; the engine's thread only.
 */
final class SummaryKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryKeeper.class);

    /** Scans [from, to) of the carrier log into a cube, campaigns resolved (no pending moves). */
    @FunctionalInterface
    interface Scanner {
        long scan(LocalDateTime from, LocalDateTime to, TrafficCube into) throws DbException;
    }

    private final MinuteStore store;
    private final Duration sealAge;
    private final TreeSet<Long> unsealed = new TreeSet<>();
    /** Every minute at or after this one is not sealed yet (it was in the future at the cold load). */
    private long sealCursor;
    private long fromStore;
    private long readMinutes;
    private long frozenEnd = Long.MIN_VALUE;
    private long loadMillis;
    private long catchUpFrom;
    private long catchUpNext;
    private long catchUpTo;
    private String problem = "";

    SummaryKeeper(MinuteStore store, Duration sealAge) {
        this.store = store;
        this.sealAge = sealAge;
    }

    MinuteStore store() {
        return store;
    }

    /**
     * Adds the sealed minutes of [from, to) to {@code cube} and returns the runs of minutes left to read from the
     * database ({@code [fromMinute, toMinute)} pairs, ascending).
     */
    List<long[]> loadWindow(long fromMinute, long toMinute, long nowMinute, TrafficCube cube) {
        long t0 = System.nanoTime();
        BitSet got = store.load(fromMinute, toMinute, cube);
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
        fromStore = got.cardinality();
        List<long[]> runs = new ArrayList<>();
        long m = fromMinute;
        while (m < toMinute) {
            int i = got.nextClearBit((int) (m - fromMinute));
            long a = fromMinute + i;
            if (a >= toMinute) {
                break;
            }
            int j = got.nextSetBit(i);
            long b = j < 0 ? toMinute : fromMinute + j;
            runs.add(new long[] {a, b});
            for (long x = a; x < Math.min(b, nowMinute); x++) {
                unsealed.add(x);
            }
            m = b;
        }
        readMinutes = unsealed.size();
        int last = got.length() - 1;
        frozenEnd = last < 0 ? Long.MIN_VALUE : fromMinute + last + 1;
        sealCursor = nowMinute;
        planCatchUp(fromMinute);
        return runs;
    }

    /** Adds the sealed minutes of a past span [from, to) to {@code into}; returns the runs the store lacks. */
    List<long[]> loadPast(long fromMinute, long toMinute, TrafficCube into) {
        BitSet got = store.load(fromMinute, toMinute, into);
        List<long[]> runs = new ArrayList<>();
        int i = got.nextClearBit(0);
        while (fromMinute + i < toMinute) {
            int j = got.nextSetBit(i);
            long b = j < 0 ? toMinute : Math.min(toMinute, fromMinute + j);
            runs.add(new long[] {fromMinute + i, b});
            if (j < 0) {
                break;
            }
            i = got.nextClearBit(j);
        }
        return runs;
    }

    /** Seals past minutes just read for a report. */
    void sealPast(TrafficCube cube, List<Long> minutes) {
        if (minutes.isEmpty()) {
            return;
        }
        try {
            store.seal(cube, minutes);
        } catch (IOException e) {
            problem = "summaries not saved: " + e.getMessage();
            LOG.warn("carrier summaries not saved in {}: {}", store.directory(), e.toString());
        }
    }

    /** The end (minute) of the last minute loaded from the store; the live cursor never re-reads before it. */
    long frozenEnd() {
        return frozenEnd;
    }

    long loadMillis() {
        return loadMillis;
    }

    long minutesFromStore() {
        return fromStore;
    }

    /** A minute the reconciliation reloaded: sealed again with its new numbers. */
    void reloaded(long minute) {
        if (minute < sealCursor) {
            unsealed.add(minute);
        }
    }

    /**
     * Seals the minutes older than {@link #sealAge} the engine holds and the store lacks (or that were reloaded);
     * minutes before {@code windowStartMinute} are no longer held and are left.
     */
    void seal(TrafficCube cube, long windowStartMinute, long nowMinute) {
        long limit = nowMinute - sealAge.toMinutes();
        List<Long> due = new ArrayList<>(unsealed.headSet(limit));
        for (long m = Math.max(sealCursor, windowStartMinute); m < limit; m++) {
            due.add(m);
        }
        due.removeIf(m -> m < windowStartMinute);
        if (due.isEmpty() || due.size() < 5 && unsealed.headSet(limit).isEmpty()) {
            return;
        }
        try {
            store.seal(cube, due);
            problem = "";
        } catch (IOException | RuntimeException e) {
            problem = "summaries not saved: " + e.getMessage();
            LOG.warn("carrier summaries not saved in {}: {}", store.directory(), e.toString());
        }
        unsealed.headSet(limit).clear();
        sealCursor = Math.max(sealCursor, limit);
    }

    /**
     * The hours the console was closed for: from the newest sealed minute in the week before the window to the
     * window's start. A store with nothing in that week (new, or closed longer) catches nothing up here: reports
     * over older spans read and seal what they need.
     */
    private void planCatchUp(long windowStartMinute) {
        long weekAgo = windowStartMinute - Duration.ofDays(7).toMinutes();
        BitSet had = store.covered(weekAgo, windowStartMinute);
        int last = had.length() - 1;
        catchUpFrom = last < 0 ? windowStartMinute : weekAgo + last + 1;
        catchUpNext = catchUpFrom;
        catchUpTo = windowStartMinute;
    }

    boolean catchingUp() {
        return catchUpNext < catchUpTo;
    }

    /** Reads and seals the next hour of the gap (one per refresh, so each refresh stays short). */
    void catchUpStep(Scanner scanner) throws DbException {
        if (!catchingUp()) {
            return;
        }
        long a = catchUpNext;
        long b = Math.min(catchUpTo, (Math.floorDiv(a, 60) + 1) * 60);
        TrafficCube part = new TrafficCube();
        scanner.scan(CubeQueries.time(a), CubeQueries.time(b), part);
        List<Long> minutes = new ArrayList<>();
        for (long m = a; m < b; m++) {
            minutes.add(m);
        }
        try {
            store.seal(part, minutes);
        } catch (IOException e) {
            problem = "summaries not saved: " + e.getMessage();
            LOG.warn("carrier summaries not saved in {}: {}", store.directory(), e.toString());
        }
        catchUpNext = b;
    }

    /** What the charts say about the summaries ("" when there is nothing to say). */
    String note() {
        StringBuilder s = new StringBuilder();
        if (catchingUp()) {
            long left = catchUpTo - catchUpNext;
            s.append(String.format(java.util.Locale.ROOT,
                    "summaries catching up the time the console was closed: %s reached, %d h %02d min left of %d h",
                    CubeQueries.time(catchUpNext).toString().replace('T', ' '), left / 60, left % 60,
                    (catchUpTo - catchUpFrom + 59) / 60));
        }
        if (!problem.isEmpty()) {
            s.append(s.length() == 0 ? "" : "; ").append(problem);
        }
        return s.toString();
    }

    /** For logs and the benchmark: minutes from the store and read from the database at the cold load. */
    String describe() {
        return fromStore + " minutes from the summaries, " + readMinutes + " read from the carrier log";
    }
}
