package trunkops.health.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyChartScaleTest {

    @Test
    void timeTicksAreRoundAndAtMostSix() {
        assertEquals(60_000L, LatencyChart.timeStep(5 * 60_000L), "5 min: every minute");
        assertEquals(10 * 60_000L, LatencyChart.timeStep(60 * 60_000L), "1 h: every 10 minutes");
        assertEquals(240 * 60_000L, LatencyChart.timeStep(24 * 3_600_000L), "24 h: every 4 h");
    }

    @Test
    void theLatencyScaleEndsOnARoundNumber() {
        assertEquals(50, LatencyChart.niceCeiling(44));
        assertEquals(250, LatencyChart.niceCeiling(201));
        assertEquals(1000, LatencyChart.niceCeiling(501));
    }
}
