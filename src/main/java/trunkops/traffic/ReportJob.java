package trunkops.traffic;

import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import trunkops.db.DbException;

/**
 * A carrier report over [from, to) built in small steps on the statistics thread, so a first report over a past
 * week (minutes the summaries lack are read from the carrier log, about 10 s a day on a large table) does not hold
 * up the live charts' refreshes: each {@link #step()} reads at most one statement's range (the engine's chunk, one
 * hour) and seals it at once, and the owner runs the refreshes in between.
 *
 * <p>What is inside the engine's window comes from its live cube when the report is finished. The window slides
 * while the job runs, so the part before it is re-evaluated at every step. When the engine reloads (a change of
 * attribution, a new summary store) the job starts again; what it sealed already is not read again.
 */
final class ReportJob {

    /** Restarts allowed before the job gives up (a topology that keeps changing). */
    static final int MAX_RESTARTS = 3;

    private final CarrierTrafficEngine engine;
    private final LocalDateTime from;
    private final LocalDateTime to;
    private final List<String> servers;
    private final long a;
    private final long b;
    private final Deque<LocalDateTime[]> scans = new ArrayDeque<>();
    private int generation;
    private TrafficCube past;
    /** Past minutes [a, loadedTo) are in {@link #past} or queued in {@link #scans}. */
    private long loadedTo;
    private int restarts;
    private long statements;
    private long rows;

    ReportJob(CarrierTrafficEngine engine, LocalDateTime from, LocalDateTime to, List<String> servers) {
        this.engine = engine;
        this.from = from;
        this.to = to;
        this.servers = servers == null ? List.of() : List.copyOf(servers);
        this.a = CubeQueries.minute(from);
        this.b = CarrierTrafficEngine.ceilMinute(to);
        reset();
    }

    private void reset() {
        generation = engine.generation();
        past = null;
        scans.clear();
        loadedTo = a;
    }

    /** The first minute the window holds now, bounded by the report's end: what comes before it is read. */
    private long pastEnd() {
        return engine.pastReadable() ? Math.min(b, engine.windowStartMinute()) : a;
    }

    /**
     * Does one piece of the work: the summaries of the past part, or one statement's range of what they lack.
     *
     * @return true when only {@link #finish()} is left
     * @throws IllegalStateException when the engine reloaded more than {@value #MAX_RESTARTS} times meanwhile
     */
    boolean step() throws DbException {
        if (engine.generation() != generation) {
            if (++restarts > MAX_RESTARTS) {
                throw new IllegalStateException("the carrier statistics reloaded " + restarts
                        + " times during the report (the carriers' dial patterns keep changing?); run it again");
            }
            reset();
        }
        if (!scans.isEmpty()) {
            LocalDateTime[] r = scans.poll();
            rows += engine.scanPast(r[0], r[1], past);
            statements++;
            return false;
        }
        long end = pastEnd();
        if (loadedTo < end) {
            if (past == null) {
                past = new TrafficCube();
            }
            scans.addAll(engine.loadPast(loadedTo, end, past));
            loadedTo = end;
            return false;
        }
        return true;
    }

    /** The report: the past part as read, the rest from the engine's window. Call after {@link #step()} said so. */
    CarrierReport finish() {
        if (engine.generation() != generation || !scans.isEmpty() || loadedTo < pastEnd()) {
            throw new IllegalStateException("the report is not read yet");
        }
        TrafficCube c = engine.cube();
        if (past != null) {
            for (long m = loadedTo; m < b; m++) {
                if (c.minuteCells(m) != null) {
                    MinuteCells.of(c, m).addTo(m, past);
                }
            }
            c = past;
        }
        Predicate<String> f = engine.serverFilter(servers);
        boolean sip = engine.sip();
        return new CarrierReport(from, to, servers,
                CubeQueries.overall(c, a, b, f, sip),
                CubeQueries.totals(c, a, b, Dimension.CARRIER, f, sip),
                CubeQueries.totals(c, a, b, Dimension.CARRIER_SERVER, f, sip),
                CubeQueries.totals(c, a, b, Dimension.CARRIER_CAMPAIGN, f, sip),
                CubeQueries.totals(c, a, b, Dimension.CARRIER_SERVER_CAMPAIGN, f, sip),
                c.attributionStats(a, b), engine.degradedReason());
    }

    /** Carrier-log statements run for the past part so far (0 once the summaries hold it). */
    long statements() {
        return statements;
    }

    long rowsRead() {
        return rows;
    }

    int restarts() {
        return restarts;
    }
}
