package trunkops.health;

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): reduces a series to at most {@code threshold} points that
 * keep its visual shape, so a day of 5-second samples draws as fast as five minutes. Points whose value is
 * negative (no sample, failed probe) are kept apart by the caller; this works on valid points only.
 */
public final class Lttb {

    private Lttb() {
    }

    /** Indices of the points to keep, in order. */
    public static int[] downsample(long[] x, double[] y, int threshold) {
        int n = x.length;
        if (threshold >= n || threshold < 3) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] keep = new int[threshold];
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        keep[0] = 0;
        for (int i = 0; i < threshold - 2; i++) {
            int avgStart = (int) Math.floor((i + 1) * every) + 1;
            int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = avgStart; j < avgEnd; j++) {
                avgX += x[j];
                avgY += y[j];
            }
            int len = Math.max(1, avgEnd - avgStart);
            avgX /= len;
            avgY /= len;
            int rangeStart = (int) Math.floor(i * every) + 1;
            int rangeEnd = (int) Math.floor((i + 1) * every) + 1;
            double ax = x[a];
            double ay = y[a];
            double maxArea = -1;
            int chosen = rangeStart;
            for (int j = rangeStart; j < rangeEnd; j++) {
                double area = Math.abs((ax - avgX) * (y[j] - ay) - (ax - x[j]) * (avgY - ay));
                if (area > maxArea) {
                    maxArea = area;
                    chosen = j;
                }
            }
            keep[i + 1] = chosen;
            a = chosen;
        }
        keep[threshold - 1] = n - 1;
        return keep;
    }
}
