package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrunkHealthTest {

    private static final HealthSettings DEFAULTS = HealthSettings.defaults();

    @Test
    void theFirstObservationSetsTheVerdictDirectly() {
        TrunkHealth h = new TrunkHealth(DEFAULTS);
        assertFalse(h.hasVerdict());
        assertEquals(TrunkState.UNKNOWN, h.observe(Observation.GOOD, 28, 1_000));
        assertEquals(TrunkState.REACHABLE, h.verdict());
        assertEquals(28, h.latencyMs());
    }

    @Test
    void downIsShownAtOnceUpNeedsTwoOfThreeGoodObservations() {
        TrunkHealth h = new TrunkHealth(DEFAULTS);
        h.observe(Observation.GOOD, 20, 0);
        assertEquals(TrunkState.REACHABLE, h.observe(Observation.BAD, -1, 5_000));
        assertEquals(TrunkState.UNREACHABLE, h.verdict());
        assertNull(h.observe(Observation.GOOD, 21, 10_000), "one good probe is not enough");
        assertEquals(TrunkState.UNREACHABLE, h.verdict());
        assertEquals(TrunkState.UNREACHABLE, h.observe(Observation.GOOD, 22, 15_000));
        assertEquals(TrunkState.REACHABLE, h.verdict());
    }

    @Test
    void stricterDownHysteresisNeedsMoreEvidence() {
        TrunkHealth h = new TrunkHealth(DEFAULTS.withHysteresis(2, 3, 1, 1));
        h.observe(Observation.GOOD, 20, 0);
        assertNull(h.observe(Observation.BAD, -1, 5_000));
        assertEquals(TrunkState.REACHABLE, h.verdict());
        h.observe(Observation.BAD, -1, 10_000);
        assertEquals(TrunkState.UNREACHABLE, h.verdict());
    }

    @Test
    void laggedIsItsOwnVerdictAndUnmonitoredStaysUnmonitored() {
        TrunkHealth h = new TrunkHealth(DEFAULTS);
        h.observe(Observation.GOOD, 80, 0);
        h.observe(Observation.LAGGED, 380, 5_000);
        assertEquals(TrunkState.LAGGED, h.verdict());
        assertEquals(380, h.latencyMs());
        TrunkHealth u = new TrunkHealth(DEFAULTS);
        u.observe(Observation.UNMONITORED, -1, 0);
        assertEquals(TrunkState.UNMONITORED, u.verdict());
    }

    @Test
    void frequentChangesAreFlappingAndCalmDown() {
        TrunkHealth h = new TrunkHealth(DEFAULTS.withHysteresis(1, 1, 1, 1));
        long t = 0;
        h.observe(Observation.GOOD, 10, t);
        for (int i = 0; i < 4; i++) {
            t += 10_000;
            h.observe(i % 2 == 0 ? Observation.BAD : Observation.GOOD, 10, t);
        }
        assertTrue(h.flapping(t), "4 changes in 40 s");
        assertFalse(h.flapping(t + 10 * 60_000), "quiet for 10 minutes");
    }

    @Test
    void latencyGoesIntoTheHistoryAndFailuresAreMarked() {
        TrunkHealth h = new TrunkHealth(DEFAULTS);
        h.observe(Observation.GOOD, 30, 10_000);
        h.observe(Observation.BAD, -1, 15_000);
        LatencyHistory.Series s = h.history.range(10_000, 20_000);
        assertEquals(2, s.size());
        assertEquals(30, s.values()[0]);
        assertEquals(LatencyHistory.UNREACHABLE, s.values()[1]);
    }

    /** Issue 8 item 10: a Lagged event carries no Time (fixtures/ami/04-*); the old REACHABLE round trip is not it. */
    @Test
    void aVerdictShowsTheRoundTripItWasDecidedOnNeverThePreviousStates() {
        TrunkHealth h = new TrunkHealth(DEFAULTS);
        h.observe(Observation.GOOD, 31, 0);
        assertEquals(TrunkState.REACHABLE, h.observe(Observation.LAGGED, -1, 1_000), "PeerStatus Lagged, no Time");
        assertEquals(TrunkState.LAGGED, h.verdict());
        assertEquals(-1, h.latencyMs(), "unknown until a poll says how lagged, not the 31 ms of before");
        h.observe(Observation.LAGGED, 3_031, 2_000);
        assertEquals(3_031, h.latencyMs(), "the SIPpeerstatus poll's Time");
        assertNull(h.observe(Observation.GOOD, 946, 12_000), "one good probe does not end LAGGED (2 of 3)");
        assertEquals(3_031, h.latencyMs(), "LAGGED is still shown with the lagged round trip it stands on");
        assertEquals(TrunkState.LAGGED, h.observe(Observation.GOOD, -1, 13_000), "PeerStatus Reachable, no Time");
        assertEquals(TrunkState.REACHABLE, h.verdict());
        assertEquals(-1, h.latencyMs());
        h.observe(Observation.GOOD, 29, 15_000);
        assertEquals(29, h.latencyMs());
        h.observe(Observation.BAD, -1, 20_000);
        assertEquals(-1, h.latencyMs());
    }
}
