package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TopologyEdgeCasesTest {

    private static final String IP1 = "192.0.2.11";
    private static final String IP2 = "192.0.2.12";

    private static ServerRow server(String id, String ip, boolean active, boolean asterisk, String version) {
        return new ServerRow(id, ip, null, active, asterisk, version, null, 5038);
    }

    private static CampaignRow campaign(String id, String prefix) {
        return new CampaignRow(id, null, true, prefix, null, false, 30);
    }

    private static boolean warned(List<ParseWarning> warnings, String fragment) {
        return warnings.stream().anyMatch(w -> w.message().contains(fragment));
    }

    @Test
    void nullColumnsEverywhere() {
        ServerRow s = new ServerRow("S1", IP1, null, true, true, null, null, 5038);
        CarrierRow c = new CarrierRow("EMPTY", null, null, "SIP", "0.0.0.0", true, null, null, null, null, null);
        CampaignRow camp = new CampaignRow("C1", null, true, null, null, false, 0);
        ListRow list = new ListRow(1, null, "C1", true, null);
        ClusterTopology t = TopologyBuilder.build(List.of(s), List.of(c), List.of(camp), List.of(list));
        Carrier parsed = t.carrier("EMPTY").orElseThrow();
        assertEquals(List.of(), parsed.peers());
        assertEquals(List.of(), parsed.patterns());
        assertEquals(List.of(), parsed.allWarnings());
        CampaignRoute r = t.routes().get(0);
        assertEquals(1, t.routes().size(), "a NULL list prefix is no override");
        assertEquals("9", r.prefix());
        assertEquals(CampaignRoute.PrefixSource.DEFAULT, r.prefixSource(), "empty dial_prefix: the dialer uses 9");
        assertFalse(r.routed());
        assertEquals(new AmiEndpoint(IP1, 5038), t.servers().get(0).ami());
    }

    @Test
    void onlyActiveAsteriskServersDial() {
        List<ServerRow> servers = List.of(server("S1", IP1, true, true, "18.x"), server("S2", IP2, true, false, "18.x"),
                server("S3", "192.0.2.13", false, true, "18.x"));
        CarrierRow all = LabRows.sipCarrier("ALL", "0.0.0.0", "all", "_9X.", "", "SIP/all/${EXTEN:1}");
        CarrierRow pinned = LabRows.sipCarrier("PINNED", IP2, "pinned", "_8X.", "", "SIP/pinned/${EXTEN:1}");
        CarrierRow nowhere = LabRows.sipCarrier("NOWHERE", "198.51.100.99", "nw", "_7X.", "", "SIP/nw/${EXTEN:1}");
        ClusterTopology t = TopologyBuilder.build(servers, List.of(all, pinned, nowhere),
                List.of(campaign("C9", "9")), List.of());
        assertEquals(List.of("S1"), t.carrier("ALL").orElseThrow().serverIds());
        assertEquals(List.of(), t.carrier("PINNED").orElseThrow().serverIds());
        assertFalse(t.carrier("PINNED").orElseThrow().routes());
        assertTrue(warned(t.carrier("PINNED").orElseThrow().warnings(), "is not an active Asterisk server"));
        assertTrue(warned(t.carrier("NOWHERE").orElseThrow().warnings(), "matches no server"));
        assertEquals(List.of("S1"), t.trunks().stream().map(Trunk::serverId).distinct().toList());
        assertEquals(List.of("S1"), t.routes().stream().map(CampaignRoute::serverId).toList());
        assertEquals(3, t.servers().size(), "non-dialing servers stay in the model");
    }

    @Test
    void zapAndUnknownProtocolsRouteNothing() {
        CarrierRow zap = new CarrierRow("ZAPPY", "", "", "Zap", "0.0.0.0", true, "", "",
                "[zap1]\ntype=peer\nhost=1.2.3.4", "exten => _9X.,1,Dial(Zap/g1/${EXTEN:1})", "");
        CarrierRow odd = new CarrierRow("ODD", "", "", "SKYPE", "0.0.0.0", true, "", "", "", "", "");
        ClusterTopology t = TopologyBuilder.build(List.of(server("S1", IP1, true, true, "18.x")), List.of(zap, odd),
                List.of(campaign("C9", "9")), List.of());
        assertEquals(List.of(), t.trunks());
        assertFalse(t.carrier("ZAPPY").orElseThrow().routes());
        assertEquals(CarrierProtocol.ZAP, t.carrier("ZAPPY").orElseThrow().protocol());
        assertEquals(CarrierProtocol.UNKNOWN, t.carrier("ODD").orElseThrow().protocol());
        assertTrue(warned(t.carrier("ODD").orElseThrow().warnings(), "'SKYPE' is unknown"));
        assertTrue(t.routes().get(0).matched().isEmpty(), "Zap dialplan_entry is never written");
    }

    @Test
    void oldDialSyntaxRunsOnlyOnAsterisk14() {
        CarrierRow old = new CarrierRow("OLDFORM", "", "", "SIP", "0.0.0.0", true, "", "",
                "[oldpeer]\ntype=peer\nhost=192.0.2.50\nqualify=yes",
                "exten => _91NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)\n"
                        + "exten => _91NXXNXXXXXX,2,Dial,SIP/oldpeer/${EXTEN:1}|${CAMPDTO}|To\n", "");
        ClusterTopology t = TopologyBuilder.build(
                List.of(server("OLD", IP1, true, true, "1.4.21.2"), server("NEW", IP2, true, true, "13.x")),
                List.of(old), List.of(campaign("C9", "9")), List.of());
        CampaignRoute onOld = t.routes().get(0);
        CampaignRoute onNew = t.routes().get(1);
        assertEquals("OLD", onOld.serverId());
        assertEquals(List.of("oldpeer"), onOld.trunks().stream().map(Trunk::name).toList());
        assertEquals(List.of(), onNew.trunks());
        assertTrue(onNew.problems().get(0).contains("Asterisk 13.x does not run"), onNew.problems().toString());
    }

    @Test
    void prefixWithXMeansNoPrefixAndUndefinedPeersAreProblems() {
        CarrierRow c = LabRows.sipCarrier("BARE", "0.0.0.0", "bare", "_1NXXNXXXXXX", "", "SIP/ghost/${EXTEN}");
        ClusterTopology t = TopologyBuilder.build(List.of(server("S1", IP1, true, true, "18.x")), List.of(c),
                List.of(campaign("CX", "X")), List.of());
        CampaignRoute r = t.routes().get(0);
        assertEquals("", r.prefix());
        assertEquals("12025550143", r.dialString());
        assertEquals(Optional.of("BARE"), r.carrierId());
        assertEquals(List.of(), r.trunks());
        assertTrue(r.problems().get(0).contains("contains X"));
        assertTrue(r.problems().get(1).contains("dials SIP/ghost, which no active carrier defines"), r.problems().toString());
    }

    @Test
    void crlfRowsBuildTheSameTopology() {
        LabRows lab = new LabRows();
        List<CarrierRow> crlf = lab.carriers.stream().map(c -> new CarrierRow(c.carrierId(), c.carrierName(),
                c.description(), c.protocol(), c.serverIp(), c.active(), c.registrationString(),
                c.globalsString().replace("\n", "\r\n"), c.accountEntry().replace("\n", "\r\n"),
                c.dialplanEntry().replace("\n", "\r\n"), c.templateContents())).toList();
        ClusterTopology lf = lab.build();
        ClusterTopology cr = TopologyBuilder.build(lab.servers, crlf, lab.campaigns, lab.lists);
        assertEquals(lf.trunks(), cr.trunks());
        assertEquals(lf.routes().stream().map(r -> r.trunks() + " " + r.matched()).toList(),
                cr.routes().stream().map(r -> r.trunks() + " " + r.matched()).toList());
    }

    @Test
    void badTelnetPortFallsBackAndSaysSo() {
        ServerRow s = new ServerRow("S1", IP1, "", true, true, "18.x", "localhost", 0);
        ClusterTopology t = TopologyBuilder.build(List.of(s), List.of(), List.of(), List.of());
        assertEquals(5038, t.servers().get(0).ami().port());
        assertTrue(warned(t.servers().get(0).warnings(), "telnet_port 0 is not a port"));
    }

    @Test
    void duplicatePjsipEndpointBreaksTheWholeFile() {
        String account = "[trunkpj]\ntype=aor\ncontact=sip:192.0.2.60\n[trunkpj]\ntype=endpoint\naors=trunkpj";
        String dialplan = "exten => _6X.,1,AGI(agi://127.0.0.1:4577/call_log)\nexten => _6X.,2,Dial(PJSIP/${EXTEN}@trunkpj)";
        CarrierRow a = new CarrierRow("PJA", "", "", "PJSIP", "0.0.0.0", true, "", "", account, dialplan, "");
        CarrierRow b = new CarrierRow("PJB", "", "", "PJSIP", "0.0.0.0", true, "", "", account,
                dialplan.replace("_6X.", "_5X."), "");
        ClusterTopology t = TopologyBuilder.build(List.of(server("S1", IP1, true, true, "18.x")), List.of(a, b),
                List.of(), List.of());
        TopologyConflict c = t.conflicts().get(0);
        assertEquals(TopologyConflict.Kind.PEER_NAME, c.kind());
        assertTrue(c.message().contains("refuses to load the whole PJSIP configuration"));
        assertEquals(1, t.trunks().size());
    }

    @Test
    void carrierIdOrderIsCaseInsensitiveLikeMysql() {
        CarrierRow lower = LabRows.sipCarrier("alpha", "0.0.0.0", "alpha", "_9X.", "", "SIP/alpha/${EXTEN:1}");
        CarrierRow upper = LabRows.sipCarrier("BETA", "0.0.0.0", "beta", "_9X.", "", "SIP/beta/${EXTEN:1}");
        ClusterTopology t = TopologyBuilder.build(List.of(server("S1", IP1, true, true, "18.x")), List.of(upper, lower),
                List.of(campaign("C9", "9")), List.of());
        assertEquals(Optional.of("alpha"), t.routes().get(0).carrierId(), "ORDER BY carrier_id uses a _ci collation");
        assertEquals("BETA", t.conflicts().get(0).droppedCarrierId());
    }
}
