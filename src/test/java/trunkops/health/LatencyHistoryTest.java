package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistoryTest {

    @Test
    void keepsOneSamplePerSlotAndMarksGaps() {
        LatencyHistory h = new LatencyHistory(5_000, 10);
        h.record(0, 10);
        h.record(5_000, 20);
        h.record(6_000, 25);
        h.record(20_000, 40);
        LatencyHistory.Series s = h.range(0, 25_000);
        assertArrayEquals(new long[] {0, 5_000, 10_000, 15_000, 20_000}, s.times());
        assertArrayEquals(new short[] {10, 25, -1, -1, 40}, s.values());
    }

    @Test
    void wrapsAroundKeepingOnlyTheLastSlots() {
        LatencyHistory h = new LatencyHistory(1_000, 4);
        for (int i = 0; i < 10; i++) {
            h.record(i * 1_000L, i);
        }
        LatencyHistory.Series s = h.range(0, 10_000);
        assertArrayEquals(new short[] {6, 7, 8, 9}, s.values());
        assertEquals(6_000, s.times()[0]);
        h.record(2_000, 99);
        assertArrayEquals(new short[] {6, 7, 8, 9}, h.range(0, 10_000).values(), "too old to store");
    }

    @Test
    void aLongSilenceClearsTheRing() {
        LatencyHistory h = new LatencyHistory(1_000, 4);
        h.record(0, 1);
        h.record(1_000, 2);
        h.record(100_000, 3);
        assertArrayEquals(new short[] {-1, -1, -1, 3}, h.range(97_000, 101_000).values());
        assertArrayEquals(new short[] {3, -1}, h.tail(101_000, 2), "tail ends at now: slot 100 then empty 101");
    }

    @Test
    void aDayAtFiveSecondsForTwoHundredTrunksFitsTheBudget() {
        long before = usedAfterGc();
        LatencyHistory[] all = new LatencyHistory[200];
        for (int i = 0; i < all.length; i++) {
            all[i] = new LatencyHistory(5_000, 17_280);
            for (long t = 0; t < 86_400_000L; t += 5_000) {
                all[i].record(t, (int) (t % 300));
            }
        }
        long used = usedAfterGc() - before;
        assertTrue(used < 64L * 1024 * 1024, "200 trunks x 24 h used " + used / 1024 + " KiB");
        assertEquals(17_280, all[199].range(0, 86_400_000L).size());
    }

    private static long usedAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
