package trunkops.health;

/**
 * The console's own rules on top of Asterisk's one-miss qualify verdict.
 *
 * @param downN / downM   a trunk is shown UNREACHABLE (or LAGGED) when at least downN of the last downM observations
 *                        say so; the default 1 of 1 shows it at once, because chan_sip already refuses calls to it
 * @param upN / upM       it is shown REACHABLE again when at least upN of the last upM observations are good
 *                        (default 2 of 3: one lucky probe does not turn a dead trunk green)
 * @param flapChanges     that many verdict changes inside {@code flapWindowMs} mark the trunk FLAPPING
 * @param staleAfterMs    a verdict with no fresh observation for this long is shown STALE, never green
 * @param historySlotMs   latency history resolution (one sample per slot; the poll interval)
 * @param historySlots    how many slots are kept per trunk (24 h at 5 s = 17,280)
 */
public record HealthSettings(int downN, int downM, int upN, int upM, int flapChanges, long flapWindowMs,
                             long staleAfterMs, long historySlotMs, int historySlots) {

    public HealthSettings {
        if (downN < 1 || downM < downN || upN < 1 || upM < upN || downM > 32 || upM > 32) {
            throw new IllegalArgumentException("hysteresis must be N of M with 1 <= N <= M <= 32 (down " + downN
                    + "/" + downM + ", up " + upN + "/" + upM + ")");
        }
        if (flapChanges < 2 || flapWindowMs <= 0 || staleAfterMs <= 0 || historySlotMs <= 0 || historySlots < 2) {
            throw new IllegalArgumentException("flap, stale and history settings must be positive");
        }
    }

    public static HealthSettings defaults() {
        return new HealthSettings(1, 1, 2, 3, 4, 5 * 60_000L, 15_000L, 5_000L, 17_280);
    }

    public HealthSettings withHysteresis(int dN, int dM, int uN, int uM) {
        return new HealthSettings(dN, dM, uN, uM, flapChanges, flapWindowMs, staleAfterMs, historySlotMs,
                historySlots);
    }

    public HealthSettings withStaleAfter(long ms) {
        return new HealthSettings(downN, downM, upN, upM, flapChanges, flapWindowMs, ms, historySlotMs, historySlots);
    }
}
