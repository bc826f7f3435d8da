package trunkops.health;

import java.util.Arrays;

/** A window of recent millisecond samples with percentiles (thread-safe, small). */
public final class LatencyStats {

    private final long[] samples;
    private int count;

    public LatencyStats(int window) {
        this.samples = new long[window];
    }

    public synchronized void add(long ms) {
        samples[count % samples.length] = ms;
        count++;
    }

    public synchronized int size() {
        return Math.min(count, samples.length);
    }

    /** The p-th percentile (0..100) of the samples in the window, or -1 when empty. */
    public synchronized long percentile(double p) {
        int n = Math.min(count, samples.length);
        if (n == 0) {
            return -1;
        }
        long[] copy = Arrays.copyOf(samples, n);
        Arrays.sort(copy);
        int idx = (int) Math.ceil(p / 100.0 * n) - 1;
        return copy[Math.max(0, Math.min(n - 1, idx))];
    }

    public synchronized void clear() {
        count = 0;
    }
}
