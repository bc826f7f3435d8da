package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * ViciDial's five stock example carriers, switched on: four of them claim {@code _91999NXXXXXX}, which is exactly
 * the collision an admin creates by activating a second example without changing its pattern.
 */
class StockCarriersTopologyTest {

    private static final List<String> IDS = List.of("SIPExample", "PJSIPExample", "PJSIPWIZExample",
            "OLD_SIPEXAMPLE", "OLD_IAXEXAMPLE");

    private static CarrierRow activated(String id) {
        CarrierRow r = StockRows.carrier(id);
        return new CarrierRow(r.carrierId(), r.carrierName(), r.description(), r.protocol(), r.serverIp(), true,
                r.registrationString(), r.globalsString(), r.accountEntry(), r.dialplanEntry(), r.templateContents());
    }

    private final List<ServerRow> servers = List.of(
            new ServerRow("vici1", "10.10.10.15", "dialer 1", true, true, "18.x-vici", "localhost", 5038),
            new ServerRow("vici2", "10.10.10.16", "dialer 2", true, true, "16.x", "localhost", 5038));
    private final List<CampaignRow> campaigns = List.of(
            new CampaignRow("TEST9", "stock test", true, "9", "", false, 60),
            new CampaignRow("TEST7", "stock IAX test", true, "7", "", false, 60));
    private final ClusterTopology topo = TopologyBuilder.build(servers,
            IDS.stream().map(StockCarriersTopologyTest::activated).toList(), campaigns, List.of(), "9995550143");

    @Test
    void emitOrderIsProtocolThenCarrierId() {
        assertEquals(List.of("OLD_IAXEXAMPLE", "OLD_SIPEXAMPLE", "SIPExample", "PJSIPWIZExample", "PJSIPExample"),
                topo.carriers().stream().map(Carrier::carrierId).toList());
    }

    @Test
    void trunksPerServer() {
        assertEquals(Set.of("IAX2/testcarrier", "SIP/testcarrier", "SIP/ExampleSIP", "PJSIP/ExamplePJSIPWIZ",
                "PJSIP/ExamplePJSIP"), Set.copyOf(topo.trunksOn("vici1").stream().map(t -> t.peer().channelPrefix()).toList()));
        assertEquals(Set.of("SIP/ExampleSIP", "PJSIP/ExamplePJSIPWIZ", "PJSIP/ExamplePJSIP"),
                Set.copyOf(topo.trunksOn("vici2").stream().map(t -> t.peer().channelPrefix()).toList()));
    }

    @Test
    void fourCarriersClaimOnePatternAndTheFirstWins() {
        List<TopologyConflict> onVici1 = topo.conflicts().stream().filter(c -> c.serverId().equals("vici1")).toList();
        assertEquals(List.of("SIPExample", "PJSIPWIZExample", "PJSIPExample"),
                onVici1.stream().map(TopologyConflict::droppedCarrierId).toList());
        assertTrue(onVici1.stream().allMatch(c -> c.keptCarrierId().equals("OLD_SIPEXAMPLE")
                && c.kind() == TopologyConflict.Kind.DIALPLAN_PRIORITY && c.subject().equals("_91999NXXXXXX")));
        List<TopologyConflict> onVici2 = topo.conflicts().stream().filter(c -> c.serverId().equals("vici2")).toList();
        assertEquals(Set.of("SIPExample"), Set.copyOf(onVici2.stream().map(TopologyConflict::keptCarrierId).toList()));
        assertEquals(5, topo.conflicts().size());
    }

    @Test
    void routesFollowTheWinnerAndItsGlobal() {
        CampaignRoute r1 = topo.routes().stream().filter(r -> r.campaignId().equals("TEST9")
                && r.serverId().equals("vici1")).findFirst().orElseThrow();
        assertEquals("919995550143", r1.dialString());
        assertEquals(Optional.of("OLD_SIPEXAMPLE"), r1.carrierId());
        assertEquals(List.of("SIP/testcarrier"), r1.trunks().stream().map(t -> t.peer().channelPrefix()).toList());
        assertEquals(List.of("OLD_SIPEXAMPLE", "SIPExample", "PJSIPWIZExample", "PJSIPExample"),
                r1.candidates().stream().map(PatternRef::carrierId).toList(), "every pattern the prefix 9 can reach");
        CampaignRoute r2 = topo.routes().stream().filter(r -> r.campaignId().equals("TEST9")
                && r.serverId().equals("vici2")).findFirst().orElseThrow();
        assertEquals(List.of("SIP/ExampleSIP"), r2.trunks().stream().map(t -> t.peer().channelPrefix()).toList());
        CampaignRoute iax = topo.routes().stream().filter(r -> r.campaignId().equals("TEST7")
                && r.serverId().equals("vici1")).findFirst().orElseThrow();
        assertEquals(List.of("IAX2/testcarrier"), iax.trunks().stream().map(t -> t.peer().channelPrefix()).toList());
    }

    @Test
    void asShippedEverythingIsInactive() {
        ClusterTopology shipped = TopologyBuilder.build(servers, IDS.stream().map(StockRows::carrier).toList(),
                campaigns, List.of());
        assertEquals(5, shipped.carriers().size());
        assertEquals(List.of(), shipped.trunks());
        assertEquals(List.of(), shipped.conflicts());
        assertTrue(shipped.routes().stream().noneMatch(CampaignRoute::routed));
    }
}
