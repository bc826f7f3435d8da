package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import trunkops.routing.TrunkHealthInput.State;
import trunkops.routing.WhatIfAnswer.Plan;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;
import trunkops.topology.NumberRouter.Step;
import trunkops.topology.Trunk;

/** A plain carrier's extension as Asterisk runs it after a Dial to an unreachable trunk. */
class CarrierWalkTest {

    private static final ClusterTopology LAB = new LabRows().build();
    private static final Trunk EAST = trunk("orbit-east");
    private static final Trunk WEST = trunk("orbit-west");

    private static Trunk trunk(String name) {
        return LAB.trunksOn("DIALER3").stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Step dial(int p, String label, Trunk... trunks) {
        return new Step(p, label, "Dial", "", "X", List.of(trunks));
    }

    private static Step app(int p, String app, String args) {
        return new Step(p, "", app, args, "X", List.of());
    }

    @Test
    void aHangupAfterTheDialMeansNoFailover() {
        List<Step> steps = List.of(app(1, "AGI", "call_log"), dial(2, "", EAST), app(3, "Hangup", ""),
                dial(4, "", WEST));
        assertEquals(List.of(List.of(EAST)), CarrierWalk.order(steps));
        Plan p = CarrierWalk.plan(steps, TrunkHealthInput.ofPeers(Map.of("SIP/orbit-east", State.DOWN)), "X");
        assertTrue(p.fails(), p.summary());
    }

    @Test
    void aGotoIfOnOtherStatusesIsPassedAndOneOnChanunavailIsTaken() {
        List<Step> steps = List.of(dial(1, "", EAST), app(2, "GotoIf", "$[\"${DIALSTATUS}\" = \"BUSY\"]?bye"),
                app(3, "GotoIf", "$[\"${DIALSTATUS}\" = \"CHANUNAVAIL\"]?west"), new Step(4, "bye", "Hangup", "", "X",
                        List.of()), dial(5, "west", WEST));
        assertEquals(List.of(List.of(EAST), List.of(WEST)), CarrierWalk.order(steps));
    }

    @Test
    void aGotoToAMissingLabelEndsTheCall() {
        List<Step> steps = List.of(dial(1, "", EAST), app(2, "GotoIf", "$[\"${DIALSTATUS}\" = \"CHANUNAVAIL\"]?nope"),
                dial(3, "", WEST));
        assertEquals(List.of(List.of(EAST)), CarrierWalk.order(steps));
    }

    @Test
    void trunksInOneDialRingTogetherAndOneDownLeavesTheOther() {
        List<Step> steps = List.of(dial(1, "", EAST, WEST));
        Plan both = CarrierWalk.plan(steps, TrunkHealthInput.ALL_UP, "X");
        assertEquals(0.5, both.share("SIP/orbit-east"));
        Plan one = CarrierWalk.plan(steps, TrunkHealthInput.ofPeers(Map.of("sip/ORBIT-EAST", State.DOWN)), "X");
        assertFalse(one.fails());
        assertEquals(1.0, one.share("SIP/orbit-west"), "chan_sip peer names ignore case");
    }
}
