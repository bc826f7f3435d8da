package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LttbTest {

    @Test
    void keepsEndsAndSpikes() {
        int n = 17_280;
        long[] x = new long[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 5_000L;
            y[i] = 30 + (i % 7);
        }
        y[9_000] = 900;
        int[] keep = Lttb.downsample(x, y, 600);
        assertEquals(600, keep.length);
        assertEquals(0, keep[0]);
        assertEquals(n - 1, keep[keep.length - 1]);
        assertTrue(Arrays.stream(keep).anyMatch(i -> i == 9_000), "the spike survives decimation");
        for (int i = 1; i < keep.length; i++) {
            assertTrue(keep[i] > keep[i - 1], "indices increase");
        }
    }

    @Test
    void smallSeriesAreKeptWhole() {
        assertEquals(5, Lttb.downsample(new long[5], new double[5], 100).length);
    }
}
