package trunkops.health;

import java.util.Arrays;

/**
 * A trunk's qualify round trips over the last day in one fixed-size ring of {@code short}s: one slot per
 * interval (5 s by default, 17,280 slots = 34 KB per trunk, 7 MB for 200 trunks). A slot holds the last sample
 * taken in it, in ms (capped at 32,000), {@link #UNREACHABLE} for a failed probe, or {@link #EMPTY}.
 * Owned by the monitor thread; readers get copies.
 */
public final class LatencyHistory {

    public static final short EMPTY = -1;
    public static final short UNREACHABLE = -2;
    private static final int CAP_MS = 32_000;

    private final long slotMs;
    private final short[] slots;
    /** Absolute slot number (time / slotMs) of the newest slot written, or -1. */
    private long newest = -1;

    public LatencyHistory(long slotMs, int slots) {
        this.slotMs = slotMs;
        this.slots = new short[slots];
        Arrays.fill(this.slots, EMPTY);
    }

    public long slotMs() {
        return slotMs;
    }

    public int capacity() {
        return slots.length;
    }

    /** Records a round trip ({@code ms >= 0}) or a failed probe ({@code ms < 0}) taken at {@code atMillis}. */
    public void record(long atMillis, int ms) {
        long slot = atMillis / slotMs;
        if (newest >= 0 && slot <= newest - slots.length) {
            return;
        }
        if (slot > newest) {
            long gap = Math.min(slot - newest, slots.length);
            for (long s = slot - gap + 1; s < slot; s++) {
                slots[index(s)] = EMPTY;
            }
            newest = slot;
        }
        slots[index(slot)] = ms < 0 ? UNREACHABLE : (short) Math.min(ms, CAP_MS);
    }

    private int index(long slot) {
        return (int) Math.floorMod(slot, (long) slots.length);
    }

    /**
     * The samples from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive), oldest first, one per
     * slot: {@code times[i]} is the slot's start (epoch ms), {@code values[i]} its value as stored.
     */
    public Series range(long fromMillis, long toMillis) {
        long first = Math.max(fromMillis / slotMs, newest - slots.length + 1);
        long last = Math.min((toMillis - 1) / slotMs, newest);
        int n = newest < 0 || last < first ? 0 : (int) (last - first + 1);
        long[] times = new long[n];
        short[] values = new short[n];
        for (int i = 0; i < n; i++) {
            long slot = first + i;
            times[i] = slot * slotMs;
            values[i] = slots[index(slot)];
        }
        return new Series(times, values);
    }

    /** The last {@code n} slots up to {@code nowMillis} (for sparklines), oldest first. */
    public short[] tail(long nowMillis, int n) {
        short[] out = new short[n];
        long end = nowMillis / slotMs;
        for (int i = 0; i < n; i++) {
            long slot = end - n + 1 + i;
            out[i] = newest < 0 || slot > newest || slot <= newest - slots.length ? EMPTY : slots[index(slot)];
        }
        return out;
    }

    /** A copied stretch of history. */
    public record Series(long[] times, short[] values) {
        public int size() {
            return times.length;
        }
    }
}
