package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trunkops.routing.TrunkHealthInput.State;
import trunkops.routing.WhatIfAnswer.Dialer;
import trunkops.topology.CampaignRow;
import trunkops.topology.CarrierRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;

/** What-if on the lab's topology: plain ViciDial carriers as their dialplan runs, and a TrunkOps router carrier. */
class WhatIfTest {

    private static final String NUMBER = "3125550199";
    private static final LabRows LAB = new LabRows();

    /** The lab plus router carrier USROUTE (pattern _51NXXNXXXXXX on every dialer, marker v2) and campaign ROUTED (5). */
    private static ClusterTopology withRouter() {
        CarrierRow router = new CarrierRow("USROUTE", "TrunkOps route", "", "SIP", "0.0.0.0", true, "", "", "",
                String.join("\n",
                        "exten => _51NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)",
                        "exten => _51NXXNXXXXXX,2,NoOp(trunkops route USROUTE v2)",
                        "exten => _51NXXNXXXXXX,3,Dial(SIP/nsvoice/${EXTEN:1},,To)",
                        "exten => _51NXXNXXXXXX,4,Hangup()"), "");
        CampaignRow routed = new CampaignRow("ROUTED", "Routed", true, "5", "", false, 30);
        return LAB.buildWith(List.of(router), List.of(routed));
    }

    private static RouteVersion route(Strategy s, int version) {
        Route r = Route.of("USROUTE", new RoutePattern("_51NXXNXXXXXX", 1), s, List.of(
                new RouteMember(Tech.SIP, "nsvoice", 1, 70, OptionalInt.empty()),
                new RouteMember(Tech.SIP, "blueline", 2, 30, OptionalInt.of(10))));
        return new RouteVersion(r, version, "alice", Instant.EPOCH, "");
    }

    private static Dialer one(WhatIf w, WhatIf.Query q) {
        List<Dialer> d = w.ask(q).dialers();
        assertEquals(1, d.size());
        return d.get(0);
    }

    @Test
    void aPlainCarrierTakesTheCallAndItsOnlyTrunkDownMeansNoRoute() {
        WhatIf w = new WhatIf(LAB.build(), LAB.lists(), List.of());
        Dialer d = one(w, WhatIf.Query.of(NUMBER, "SALES1").onDialer("DIALER1").withDown(List.of("SIP/NSVOICE"),
                State.DOWN));
        assertEquals("913125550199", d.dialString());
        assertEquals(Optional.of("NSVOICE"), d.carrierId());
        assertEquals(Optional.of("_91NXXNXXXXXX"), d.pattern());
        assertEquals(1.0, d.now().share("SIP/nsvoice"));
        assertTrue(d.scenario().orElseThrow().fails());
        assertTrue(d.scenario().orElseThrow().summary().startsWith("no route: calls fail"));
    }

    @Test
    void theListPrefixOverridesTheCampaignsAndTheDialerCanBeNamedByIp() {
        WhatIf w = new WhatIf(LAB.build(), LAB.lists(), List.of());
        Dialer d = one(w, WhatIf.Query.of(NUMBER, "SALES1").withList(1002).onDialer("127.0.1.12"));
        assertEquals("DIALER2", d.serverId());
        assertEquals(Optional.of("BLUELINE"), d.carrierId());
        assertTrue(d.prefix().contains("list 1002"), d.prefix());
        Dialer own = one(w, WhatIf.Query.of(NUMBER, "SALES1").withList(1001).onDialer("DIALER2"));
        assertEquals(Optional.of("NSVOICE"), own.carrierId(), "a list without a prefix keeps the campaign's");
    }

    @Test
    void orbitFailsOverToWestOnlyBecauseItsDialplanSaysSo() {
        WhatIf w = new WhatIf(LAB.build(), LAB.lists(), List.of());
        Dialer d = one(w, WhatIf.Query.of(NUMBER, "SURVEY").onDialer("DIALER3")
                .withDown(List.of("SIP/orbit-east"), State.DOWN));
        assertEquals(1.0, d.now().share("SIP/orbit-east"));
        assertEquals(2, d.now().attempts().get(1).position());
        assertEquals(1.0, d.scenario().orElseThrow().share("SIP/orbit-west"));
        Dialer both = one(w, WhatIf.Query.of(NUMBER, "SURVEY").onDialer("DIALER3")
                .withDown(List.of("SIP/orbit-east", "SIP/orbit-west"), State.DOWN));
        assertTrue(both.scenario().orElseThrow().fails());
    }

    @Test
    void offlineDoesNothingToACarrierThatIsNotARoute() {
        WhatIf w = new WhatIf(LAB.build(), LAB.lists(), List.of());
        Dialer d = one(w, WhatIf.Query.of(NUMBER, "SALES1").onDialer("DIALER1")
                .withDown(List.of("SIP/nsvoice"), State.OFFLINE));
        assertEquals(1.0, d.scenario().orElseThrow().share("SIP/nsvoice"));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("offline has no effect")), d.notes().toString());
    }

    @Test
    void aNumberNoPatternMatchesHasNoRoute() {
        WhatIf w = new WhatIf(LAB.build(), LAB.lists(), List.of());
        Dialer d = one(w, WhatIf.Query.of("12345", "SALES1").onDialer("DIALER1"));
        assertTrue(d.carrierId().isEmpty());
        assertTrue(d.now().fails());
        Dialer withCode = one(w, WhatIf.Query.of("1" + NUMBER, "SALES1").onDialer("DIALER1"));
        assertTrue(withCode.notes().stream().anyMatch(n -> n.contains("without it (" + NUMBER + ")")),
                withCode.notes().toString());
    }

    @Test
    void aRouterCarrierSplitsByTheRoutesLiveWeights() {
        WhatIf w = new WhatIf(withRouter(), LAB.lists(), List.of(route(Strategy.WEIGHTED, 2)));
        Dialer d = one(w, WhatIf.Query.of(NUMBER, "ROUTED").onDialer("DIALER2")
                .withDown(List.of("SIP/nsvoice"), State.OFFLINE));
        assertEquals(Optional.of("USROUTE v2"), d.route());
        assertEquals(0.7, d.now().share("SIP/nsvoice"), 1e-9);
        assertEquals(0.3, d.now().share("SIP/blueline"), 1e-9);
        assertEquals(1.0, d.scenario().orElseThrow().share("SIP/blueline"), 1e-9, "the rest share its weight");
        assertFalse(d.notes().stream().anyMatch(n -> n.contains("not been pushed")), d.notes().toString());
        Dialer both = one(w, WhatIf.Query.of(NUMBER, "ROUTED").onDialer("DIALER2")
                .withDown(List.of("SIP/nsvoice", "SIP/BLUELINE"), State.DOWN));
        assertTrue(both.scenario().orElseThrow().fails());
    }

    @Test
    void strategiesPriorityRoundRobinAndLeastLoaded() {
        WhatIf prio = new WhatIf(withRouter(), LAB.lists(), List.of(route(Strategy.PRIORITY, 2)));
        Dialer p = one(prio, WhatIf.Query.of(NUMBER, "ROUTED").onDialer("DIALER1"));
        assertEquals(1.0, p.now().share("SIP/nsvoice"));
        assertEquals(2, p.now().attempts().get(1).position());
        WhatIf rr = new WhatIf(withRouter(), LAB.lists(), List.of(route(Strategy.ROUND_ROBIN, 2)));
        assertEquals(0.5, one(rr, WhatIf.Query.of(NUMBER, "ROUTED").onDialer("DIALER1")).now().share("SIP/blueline"));
        WhatIf ll = new WhatIf(withRouter(), LAB.lists(), List.of(route(Strategy.LEAST_LOADED, 2)));
        TrunkHealthInput calls = new TrunkHealthInput(Map.of(), Map.of(), Map.of(
                new TrunkKey("DIALER1", Tech.SIP, "nsvoice"), 12, new TrunkKey("DIALER1", Tech.SIP, "blueline"), 3));
        Dialer l = one(ll, WhatIf.Query.of(NUMBER, "ROUTED").onDialer("DIALER1").withHealth(calls));
        assertEquals(1.0, l.now().share("SIP/blueline"));
        TrunkHealthInput full = new TrunkHealthInput(Map.of(), Map.of(), Map.of(
                new TrunkKey("DIALER1", Tech.SIP, "nsvoice"), 12, new TrunkKey("DIALER1", Tech.SIP, "blueline"), 10));
        Dialer f = one(ll, WhatIf.Query.of(NUMBER, "ROUTED").onDialer("DIALER1").withHealth(full));
        assertEquals(1.0, f.now().share("SIP/nsvoice"), "blueline is at its max calls");
    }

    @Test
    void aStoreVersionNotPushedYetIsSaid() {
        WhatIf w = new WhatIf(withRouter(), LAB.lists(), List.of(route(Strategy.WEIGHTED, 3)));
        Dialer d = one(w, WhatIf.Query.of(NUMBER, "ROUTED").onDialer("DIALER3"));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("not pushed yet")), d.notes().toString());
    }

    @Test
    void badQuestionsAreRefused() {
        WhatIf w = new WhatIf(LAB.build(), LAB.lists(), List.of());
        assertThrows(IllegalArgumentException.class, () -> w.ask(WhatIf.Query.of("31x", "SALES1")));
        assertThrows(IllegalArgumentException.class, () -> w.ask(WhatIf.Query.of(NUMBER, "NOPE")));
        assertThrows(IllegalArgumentException.class, () -> w.ask(WhatIf.Query.of(NUMBER, "SALES1").withList(2001)));
        assertThrows(IllegalArgumentException.class, () -> w.ask(WhatIf.Query.of(NUMBER, "SALES1").onDialer("X9")));
        assertEquals(3, w.ask(WhatIf.Query.of(NUMBER, "SALES1")).dialers().size(), "every dialer when none named");
    }
}
