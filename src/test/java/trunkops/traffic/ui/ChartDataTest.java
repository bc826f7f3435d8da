package trunkops.traffic.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Axis steps for counts of calls, and times that say their day. */
class ChartDataTest {

    @Test
    void countsOfCallsHaveWholeStepsAndAtMostTenTicks() {
        assertArrayEquals(new int[] {4, 1}, ChartData.countAxis(0));
        assertArrayEquals(new int[] {4, 1}, ChartData.countAxis(3));
        assertArrayEquals(new int[] {10, 1}, ChartData.countAxis(10));
        assertArrayEquals(new int[] {16, 2}, ChartData.countAxis(15));
        assertArrayEquals(new int[] {35, 5}, ChartData.countAxis(35));
        assertArrayEquals(new int[] {160, 20}, ChartData.countAxis(150));
        assertArrayEquals(new int[] {1000, 100}, ChartData.countAxis(1000));
        for (int max = 0; max < 5000; max++) {
            int[] a = ChartData.countAxis(max);
            assertEquals(0, a[0] % a[1], "whole ticks for " + max);
            assertEquals(true, a[0] >= max && a[0] / a[1] <= 10, "covers " + max + " in at most 10 ticks");
        }
    }

    @Test
    void aTimeOfAnotherDaySaysWhichDay() {
        LocalDateTime now = LocalDateTime.of(2026, 11, 27, 9, 5);
        assertEquals("08:40", ChartData.clock(LocalDateTime.of(2026, 11, 27, 8, 40), now));
        assertEquals("yesterday 14:28", ChartData.clock(LocalDateTime.of(2026, 11, 26, 14, 28), now));
        assertEquals("2026-11-24 14:28", ChartData.clock(LocalDateTime.of(2026, 11, 24, 14, 28), now));
    }
}
