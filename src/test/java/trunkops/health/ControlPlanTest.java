package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.SipPeerInfo;
import trunkops.control.ControlRequest;
import trunkops.control.ControlVerb;
import trunkops.db.DbLinkState;
import trunkops.db.DbLinkStatus;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;
import trunkops.topology.RouteImpact;
import trunkops.topology.Tech;

/** What the operator's dialog shows and sends, on the lab topology with every trunk reachable. */
class ControlPlanTest {

    private static final long T0 = 1_796_000_000_000L;
    private ClusterTopology topology;
    private ClusterHealth health;

    @BeforeEach
    void setUp() {
        topology = new LabRows().build();
        health = new ClusterHealth(HealthSettings.defaults());
        health.topology(topology);
        for (String s : List.of("DIALER1", "DIALER2", "DIALER3")) {
            health.link(new AmiLinkStatus(s, AmiLinkState.CONNECTED, "ok", T0, 0), T0);
            health.peersSnapshot(s, List.of("nsvoice", "blueline", "velox", "orbit-east", "orbit-west").stream()
                    .map(p -> SipPeerInfo.of(p, "192.0.2.1", 5060, "OK (20 ms)")).toList(), T0);
            health.adminFlags(s, Map.of(), T0);
        }
    }

    private BoardSnapshot board() {
        return new BoardSnapshot("lab", true, topology, List.of(), health.views(topology, T0 + 100), List.of(),
                List.of(), new DbLinkStatus(DbLinkState.UP, "ok", 0), null, 1, T0, T0);
    }

    private TrunkView trunk(BoardSnapshot b, String server, String peer) {
        return b.trunks().stream().filter(t -> t.serverId().equals(server) && t.peer().equals(peer)).findFirst()
                .orElseThrow();
    }

    private static List<String> ids(List<RouteImpact> impacts) {
        return impacts.stream().map(i -> i.campaignId() + "@" + i.serverId()).distinct().sorted().toList();
    }

    @Test
    void theOnlyTrunkOfACampaignNeedsTheOverride() {
        BoardSnapshot b = board();
        ControlPlan p = ControlPlan.of(b, ControlVerb.OFFLINE, trunk(b, "DIALER2", "blueline"),
                ControlPlan.Scope.DIALER);
        assertEquals("Take blueline offline on DIALER2", p.title());
        assertEquals(List.of("DIALER2"), p.serverIds());
        assertTrue(ids(p.leavesNone()).contains("RENEW@DIALER2"), ids(p.leavesNone()).toString());
        assertTrue(p.impacts().containsAll(p.leavesNone()));
        assertEquals("blueline", p.targetName());
    }

    @Test
    void oneOfTwoTrunksLosesCapacityTheWholeCarrierLosesTheRoute() {
        BoardSnapshot b = board();
        TrunkView east = trunk(b, "DIALER3", "orbit-east");
        ControlPlan one = ControlPlan.of(b, ControlVerb.DRAIN, east, ControlPlan.Scope.DIALER);
        assertTrue(ids(one.impacts()).contains("SURVEY@DIALER3"), ids(one.impacts()).toString());
        assertEquals(List.of(), one.leavesNone(), "orbit-west still carries SURVEY");
        ControlPlan carrier = ControlPlan.of(b, ControlVerb.DRAIN, east, ControlPlan.Scope.CARRIER);
        assertEquals("ORBIT", carrier.targetName());
        assertEquals("Drain carrier ORBIT (2 trunk(s) on 1 dialer(s))", carrier.title());
        assertTrue(ids(carrier.leavesNone()).contains("SURVEY@DIALER3"));
        List<ControlRequest> rs = carrier.requests(" planned work ", Optional.of(" "), Optional.empty(), "ann@noc");
        assertEquals(List.of("orbit-east", "orbit-west"), rs.stream().map(ControlRequest::peer).toList());
        assertEquals("planned work", rs.get(0).reason());
        assertEquals(Optional.empty(), rs.get(0).ticket(), "a blank ticket is none");
        assertEquals(List.of("DIALER3"), rs.get(0).serverIds());
        assertEquals(Tech.SIP, rs.get(0).tech());
    }

    @Test
    void aTrunkAlreadyForcedCountsAsNotLiveAndOnlineHasNoImpact() {
        health.adminFlags("DIALER3", Map.of("/trunkops/admin/orbit-west", "offline:0"), T0);
        BoardSnapshot b = board();
        ControlPlan p = ControlPlan.of(b, ControlVerb.OFFLINE, trunk(b, "DIALER3", "orbit-east"),
                ControlPlan.Scope.DIALER);
        assertTrue(ids(p.leavesNone()).contains("SURVEY@DIALER3"), "west is forced offline: east is the last one");
        ControlPlan on = ControlPlan.of(b, ControlVerb.ONLINE, trunk(b, "DIALER3", "orbit-west"),
                ControlPlan.Scope.EVERY_DIALER);
        assertEquals(List.of(), on.impacts());
        assertEquals("Put orbit-west back online on DIALER3", on.title());
        assertEquals(Optional.empty(), on.requests("back", Optional.empty(),
                Optional.of(Instant.ofEpochMilli(T0 + 60_000)), "a").get(0).until(), "online has no until");
    }

    @Test
    void everyDialerThatHasThePeer() {
        BoardSnapshot b = board();
        ControlPlan p = ControlPlan.of(b, ControlVerb.OFFLINE, trunk(b, "DIALER1", "nsvoice"),
                ControlPlan.Scope.EVERY_DIALER);
        assertEquals(List.of("DIALER1", "DIALER2", "DIALER3"), p.serverIds());
        assertEquals(1, p.requests("r", Optional.empty(), Optional.empty(), "a").size(), "one request, 3 dialers");
        assertEquals(List.of("a reason is required"), p.problems(" ", Optional.empty(), Instant.ofEpochMilli(T0)));
        assertEquals(List.of("until is in the past"), p.problems("r", Optional.of(Instant.ofEpochMilli(T0 - 1)),
                Instant.ofEpochMilli(T0)));
    }

    @Test
    void untilAsTheOperatorTypesIt() {
        Instant now = Instant.parse("2026-12-05T08:00:00Z");
        assertEquals(Optional.empty(), UntilText.parse(" ", ZoneOffset.UTC, now));
        assertEquals(Optional.of(Instant.parse("2026-12-05T14:30:00Z")), UntilText.parse("14:30", ZoneOffset.UTC, now));
        assertEquals(Optional.of(Instant.parse("2026-12-06T01:00:00Z")),
                UntilText.parse("2026-12-06 01:00", ZoneOffset.UTC, now));
        assertEquals(Optional.of(Instant.parse("2026-12-05T09:30:00Z")), UntilText.parse("+90m", ZoneOffset.UTC, now));
        assertEquals(Optional.of(Instant.parse("2026-12-05T10:00:00Z")), UntilText.parse("+2h", ZoneOffset.UTC, now));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UntilText.parse("07:00", ZoneOffset.UTC, now))
                .getMessage().contains("in the past"));
        assertThrows(IllegalArgumentException.class, () -> UntilText.parse("tomorrow", ZoneOffset.UTC, now));
        assertThrows(IllegalArgumentException.class, () -> UntilText.parse("+0m", ZoneOffset.UTC, now));
    }
}
