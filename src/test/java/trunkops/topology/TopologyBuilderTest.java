package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import trunkops.lab.LabDefaults;

/** The lab's default cluster (LabDefaults) read the way the console will read a real one. */
class TopologyBuilderTest {

    private final LabRows lab = new LabRows();
    private final ClusterTopology topo = lab.build();

    private CampaignRoute route(ClusterTopology t, String campaign, Long listId, String server) {
        return t.routes().stream()
                .filter(r -> r.campaignId().equals(campaign) && r.serverId().equals(server)
                        && java.util.Objects.equals(r.list().map(ListRow::listId).orElse(null), listId))
                .findFirst().orElseThrow(() -> new AssertionError("no route " + campaign + "/" + listId + "/" + server));
    }

    private static List<String> trunkNames(CampaignRoute r) {
        return r.trunks().stream().map(Trunk::name).toList();
    }

    @Test
    void amiEndpointIsServerIpNeverTelnetHost() {
        DialerServer d1 = topo.server("DIALER1").orElseThrow();
        assertEquals("localhost", d1.row().telnetHost());
        assertEquals(new AmiEndpoint(LabDefaults.DIALER1_IP, 5038), d1.ami());
        assertEquals(3, topo.servers().stream().filter(DialerServer::dials).count());
    }

    @Test
    void carriersInKeepaliveOrderWithPeerNamesFromTheirSections() {
        assertEquals(List.of("BLUELINE", "NSVOICE", "ORBIT", "SIPExample", "VELOX"),
                topo.carriers().stream().map(Carrier::carrierId).toList(), "SIP group, carrier_id case-insensitive");
        Carrier ns = topo.carrier("NSVOICE").orElseThrow();
        assertEquals(List.of("nsvoice"), ns.peers().stream().map(Peer::name).toList());
        assertEquals(List.of("orbit-east", "orbit-west"),
                topo.carrier("ORBIT").orElseThrow().peers().stream().map(Peer::name).toList());
    }

    @Test
    void allServersExpandsAndServerIpRestricts() {
        assertEquals(List.of("DIALER1", "DIALER2", "DIALER3"), topo.carrier("NSVOICE").orElseThrow().serverIds());
        assertEquals(List.of("DIALER3"), topo.carrier("ORBIT").orElseThrow().serverIds());
        assertEquals(List.of("DIALER1"), topo.carrier("VELOX").orElseThrow().serverIds());
        assertEquals(Set.of("nsvoice", "blueline", "velox"),
                Set.copyOf(topo.trunksOn("DIALER1").stream().map(Trunk::name).toList()));
        assertEquals(Set.of("nsvoice", "blueline"), Set.copyOf(topo.trunksOn("DIALER2").stream().map(Trunk::name).toList()));
        assertEquals(Set.of("nsvoice", "blueline", "orbit-east", "orbit-west"),
                Set.copyOf(topo.trunksOn("DIALER3").stream().map(Trunk::name).toList()));
        assertEquals(9, topo.trunks().size());
        Trunk t = topo.trunk(new TrunkKey("DIALER2", Tech.SIP, "NSVoice")).orElseThrow();
        assertEquals("NSVOICE", t.carrierId(), "trunks know their carrier; chan_sip names are case-insensitive");
        assertEquals(15, t.peer().qualify().frequency().toSeconds());
    }

    @Test
    void inactiveCarrierIsKeptButRoutesNothing() {
        Carrier example = topo.carrier("SIPExample").orElseThrow();
        assertFalse(example.active());
        assertFalse(example.routes());
        assertEquals(List.of("DIALER1", "DIALER2", "DIALER3"), example.serverIds(), "where it would apply");
        assertEquals(List.of("ExampleSIP"), example.peers().stream().map(Peer::name).toList());
        assertEquals(List.of(), topo.trunksOf("SIPExample"));
        assertTrue(topo.routes().stream().flatMap(r -> r.candidates().stream())
                .noneMatch(p -> p.carrierId().equals("SIPExample")));
    }

    @Test
    void campaignRoutesThroughAGlobalVariable() {
        CampaignRoute r = route(topo, "SALES1", null, "DIALER2");
        assertEquals("9", r.prefix());
        assertEquals(CampaignRoute.PrefixSource.CAMPAIGN, r.prefixSource());
        assertEquals("912025550143", r.dialString());
        assertEquals(Optional.of(new PatternRef("NSVOICE", DialPattern.of("_91NXXNXXXXXX"))), r.matched());
        assertEquals(List.of("nsvoice"), trunkNames(r), "Dial(${NSTRUNK}/${EXTEN:1}) with NSTRUNK = SIP/nsvoice");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(new PatternRef("NSVOICE", DialPattern.of("_91NXXNXXXXXX"))), r.candidates());
    }

    @Test
    void listPrefixOverridesTheCampaign() {
        CampaignRoute r = route(topo, "SALES1", 1002L, "DIALER1");
        assertEquals("8", r.prefix());
        assertEquals(CampaignRoute.PrefixSource.LIST, r.prefixSource());
        assertEquals(Optional.of("BLUELINE"), r.carrierId());
        assertEquals(List.of("blueline"), trunkNames(r));
        assertEquals(6, topo.routesOf("SALES1").size(), "campaign prefix + list 1002, on three servers; 1001 has none");
    }

    @Test
    void routesExistOnlyWhereTheCarrierIs() {
        assertEquals(List.of("orbit-east", "orbit-west"), trunkNames(route(topo, "SURVEY", null, "DIALER3")));
        CampaignRoute none = route(topo, "SURVEY", null, "DIALER1");
        assertTrue(none.matched().isEmpty());
        assertFalse(none.routed());
        assertTrue(none.problems().get(0).contains("no carrier pattern on DIALER1 matches 712025550143"));
        assertEquals(List.of("velox"), trunkNames(route(topo, "COLLECT", null, "DIALER1")));
        assertEquals(List.of(), topo.conflicts());
    }

    @Test
    void blastRadius() {
        TrunkKey nsOnD1 = new TrunkKey("DIALER1", Tech.SIP, "nsvoice");
        List<RouteImpact> impacts = topo.blastRadius(Set.of(nsOnD1));
        assertEquals(Set.of("SALES1", "WINBACK"), Set.copyOf(impacts.stream().map(RouteImpact::campaignId).toList()));
        assertTrue(impacts.stream().allMatch(i -> i.lost() && i.serverId().equals("DIALER1")));
        assertEquals(Map.of("SALES1", Set.of("DIALER1")), topo.campaignsLosingRoute(Set.of(nsOnD1)),
                "WINBACK is paused; list 1002 still leaves through BlueLine");

        TrunkKey east = new TrunkKey("DIALER3", Tech.SIP, "orbit-east");
        RouteImpact degraded = topo.blastRadius(Set.of(east)).get(0);
        assertEquals("SURVEY", degraded.campaignId());
        assertFalse(degraded.lost(), "orbit-west still serves the route");
        assertEquals(Map.of("SURVEY", Set.of("DIALER3")),
                topo.campaignsLosingRoute(Set.of(east, new TrunkKey("DIALER3", Tech.SIP, "orbit-west"))));
        assertEquals(List.of(), topo.blastRadius(Set.of(new TrunkKey("DIALER2", Tech.SIP, "velox"))),
                "velox is not on DIALER2");
    }

    @Test
    void collidingPatternFirstCarrierIdWins() {
        CarrierRow acme = LabRows.sipCarrier("ACME", "0.0.0.0", "acme", "_91NXXNXXXXXX", "", "SIP/acme/${EXTEN:1}");
        ClusterTopology t = lab.buildWith(List.of(acme));
        CampaignRoute r = route(t, "SALES1", null, "DIALER1");
        assertEquals(Optional.of("ACME"), r.carrierId(), "ACME sorts before NSVOICE, so its lines are written first");
        assertEquals(List.of("acme"), trunkNames(r));
        assertEquals(List.of("ACME", "NSVOICE"), r.candidates().stream().map(PatternRef::carrierId).toList());
        List<TopologyConflict> c = t.conflicts().stream()
                .filter(x -> x.kind() == TopologyConflict.Kind.DIALPLAN_PRIORITY).toList();
        assertEquals(3, c.size(), "one per server");
        assertEquals("ACME", c.get(0).keptCarrierId());
        assertEquals("NSVOICE", c.get(0).droppedCarrierId());
        assertTrue(c.get(0).message().contains("priorities [1, 2, 3]"), c.get(0).message());
    }

    @Test
    void equivalentSpellingCollidesToo() {
        CarrierRow zed = LabRows.sipCarrier("ZED", LabDefaults.DIALER2_IP, "zed", "_91[2-9]XXNXXXXXX", "",
                "SIP/zed/${EXTEN:1}");
        ClusterTopology t = lab.buildWith(List.of(zed));
        assertEquals(Optional.of("NSVOICE"), route(t, "SALES1", null, "DIALER2").carrierId());
        assertEquals(List.of("DIALER2"), t.conflicts().stream().map(TopologyConflict::serverId).toList());
    }

    @Test
    void specificPatternBeatsCatchAll() {
        CarrierRow wide = LabRows.sipCarrier("AAWIDE", "0.0.0.0", "wide", "_X.", "", "SIP/wide/${EXTEN}");
        CarrierRow nine = LabRows.sipCarrier("ZZNINE", "0.0.0.0", "nine", "_9X.", "", "SIP/nine/${EXTEN:1}");
        CampaignRow noCode = new CampaignRow("NOCODE", "No phone code", true, "9", "", true, 30);
        ClusterTopology t = TopologyBuilder.build(lab.servers, LabRows.concat(lab.carriers, List.of(wide, nine)),
                LabRows.concat(lab.campaigns, List.of(noCode)), lab.lists);
        CampaignRoute sales = route(t, "SALES1", null, "DIALER1");
        assertEquals(Optional.of("NSVOICE"), sales.carrierId(), "_91NXXNXXXXXX beats _9X. and _X.");
        assertEquals(List.of("_91NXXNXXXXXX", "_9X.", "_X."),
                sales.candidates().stream().map(p -> p.pattern().text()).toList());
        CampaignRoute nc = route(t, "NOCODE", null, "DIALER1");
        assertEquals("92025550143", nc.dialString());
        assertEquals(Optional.of("ZZNINE"), nc.carrierId(), "_9X. beats _X. whatever the carrier order");
        assertEquals(List.of(), t.conflicts());
    }

    @Test
    void globalRedefinedByALaterCarrierChangesWhatOthersDial() {
        CarrierRow zebra = LabRows.sipCarrier("ZEBRA", "0.0.0.0", "zebra", "_55X.", "NSTRUNK = SIP/zebra",
                "SIP/zebra/${EXTEN}");
        ClusterTopology t = lab.buildWith(List.of(zebra));
        CampaignRoute r = route(t, "SALES1", null, "DIALER1");
        assertEquals(List.of("zebra"), trunkNames(r), "the last NSTRUNK line wins for every carrier");
        assertTrue(r.problems().get(0).contains("merged globals make it dial"), r.problems().toString());
        TopologyConflict g = t.conflicts().get(0);
        assertEquals(TopologyConflict.Kind.GLOBAL_VARIABLE, g.kind());
        assertEquals("NSTRUNK", g.subject());
        assertEquals("ZEBRA", g.keptCarrierId());
    }

    @Test
    void duplicatePeerNameIsAConflict() {
        CarrierRow copy = LabRows.sipCarrier("NSCOPY", LabDefaults.DIALER1_IP, "NSVOICE", "_44X.", "", "SIP/x/${EXTEN}");
        ClusterTopology t = lab.buildWith(List.of(copy));
        TopologyConflict c = t.conflicts().stream().filter(x -> x.kind() == TopologyConflict.Kind.PEER_NAME)
                .findFirst().orElseThrow();
        assertEquals("DIALER1", c.serverId());
        assertEquals("NSCOPY", c.keptCarrierId(), "NSCOPY sorts first");
        assertEquals("NSVOICE", c.droppedCarrierId());
        assertTrue(c.message().contains("builds one peer from both sections"));
        assertEquals(3, t.trunksOn("DIALER1").size(), "still one trunk per peer name");
        assertTrue(route(t, "SALES1", null, "DIALER1").problems().isEmpty(), "SIP/nsvoice resolves case-insensitively");
    }
}
