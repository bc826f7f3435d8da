package trunkops.health;

/**
 * One trunk's (server × peer) verdict: Asterisk's observations go in, the console's state comes out, with N-of-M
 * hysteresis in both directions, a flapping flag, the time of the last observation (for STALE), and the latency
 * history. Mutable; owned by the monitor thread.
 */
final class TrunkHealth {

    private final HealthSettings settings;
    private final Observation[] window = new Observation[32];
    private int seen;
    /** Observations since the verdict last changed: hysteresis only counts evidence gathered in this verdict. */
    private int sinceChange;
    private TrunkState verdict = TrunkState.UNKNOWN;
    private boolean hasVerdict;
    private long verdictSinceMillis;
    private long lastObservationMillis;
    /**
     * The round trip of the newest observation that agrees with the verdict (GOOD for REACHABLE, LAGGED for LAGGED),
     * -1 when that observation carried none: a Lagged or Reachable PeerStatus event has no {@code Time} on Asterisk
     * 12+, so a verdict decided on one shows no latency until the next poll of the same kind, never the previous
     * state's round trip.
     */
    private int latencyMs = -1;
    private final long[] changes;
    private int changeCount;
    final LatencyHistory history;

    TrunkHealth(HealthSettings settings) {
        this.settings = settings;
        this.changes = new long[settings.flapChanges()];
        this.history = new LatencyHistory(settings.historySlotMs(), settings.historySlots());
    }

    TrunkState verdict() {
        return verdict;
    }

    boolean hasVerdict() {
        return hasVerdict;
    }

    long verdictSinceMillis() {
        return verdictSinceMillis;
    }

    long lastObservationMillis() {
        return lastObservationMillis;
    }

    /** The round trip the current verdict was decided on (see the field), -1 when none is known. */
    int latencyMs() {
        return latencyMs;
    }

    /** The link to the dialer was re-established: the next observation starts a fresh verdict. */
    void resetForNewLink() {
        sinceChange = 0;
    }

    /**
     * Takes one observation; returns the previous verdict when the verdict changed, else null.
     *
     * @param ms the round trip when the observation carries one, else -1
     */
    TrunkState observe(Observation o, int ms, long at) {
        lastObservationMillis = at;
        if (o == Observation.GOOD || o == Observation.LAGGED) {
            if (ms >= 0) {
                history.record(at, ms);
            }
        } else if (o == Observation.BAD) {
            history.record(at, -1);
        }
        window[seen % window.length] = o;
        seen++;
        sinceChange++;
        TrunkState next = decide(o);
        boolean agrees = next == TrunkState.REACHABLE && o == Observation.GOOD
                || next == TrunkState.LAGGED && o == Observation.LAGGED;
        if (next == verdict && hasVerdict) {
            if (agrees && ms >= 0) {
                latencyMs = ms;
            }
            return null;
        }
        latencyMs = agrees ? ms : -1;
        TrunkState previous = hasVerdict ? verdict : TrunkState.UNKNOWN;
        boolean firstVerdict = !hasVerdict;
        verdict = next;
        hasVerdict = true;
        verdictSinceMillis = at;
        sinceChange = 0;
        if (!firstVerdict) {
            changes[changeCount % changes.length] = at;
            changeCount++;
        }
        return previous;
    }

    private TrunkState decide(Observation latest) {
        if (latest == Observation.UNMONITORED) {
            return TrunkState.UNMONITORED;
        }
        if (!hasVerdict || verdict == TrunkState.UNKNOWN || verdict == TrunkState.UNMONITORED) {
            return direct(latest);
        }
        boolean upNow = verdict == TrunkState.REACHABLE;
        if (upNow) {
            int bad = count(Observation.BAD, settings.downM());
            int lag = count(Observation.LAGGED, settings.downM());
            if (bad >= settings.downN()) {
                return TrunkState.UNREACHABLE;
            }
            if (bad + lag >= settings.downN()) {
                return TrunkState.LAGGED;
            }
            return TrunkState.REACHABLE;
        }
        if (count(Observation.GOOD, settings.upM()) >= settings.upN()) {
            return TrunkState.REACHABLE;
        }
        if (latest == Observation.BAD && count(Observation.BAD, settings.downM()) >= settings.downN()) {
            return TrunkState.UNREACHABLE;
        }
        if (latest == Observation.LAGGED && count(Observation.LAGGED, settings.downM()) >= settings.downN()) {
            return TrunkState.LAGGED;
        }
        return verdict;
    }

    private static TrunkState direct(Observation o) {
        return switch (o) {
            case GOOD -> TrunkState.REACHABLE;
            case LAGGED -> TrunkState.LAGGED;
            case BAD -> TrunkState.UNREACHABLE;
            case UNMONITORED -> TrunkState.UNMONITORED;
            case UNKNOWN -> TrunkState.UNKNOWN;
        };
    }

    /** How many of the last {@code m} observations made in the current verdict equal {@code o}. */
    private int count(Observation o, int m) {
        int n = Math.min(m, sinceChange);
        int c = 0;
        for (int i = 1; i <= n; i++) {
            if (window[(seen - i) % window.length] == o) {
                c++;
            }
        }
        return c;
    }

    /** True when the verdict changed at least flapChanges times within the flap window before {@code now}. */
    boolean flapping(long now) {
        if (changeCount < changes.length) {
            return false;
        }
        long oldest = changes[changeCount % changes.length];
        return now - oldest <= settings.flapWindowMs();
    }
}
