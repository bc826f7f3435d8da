package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.PjsipContactInfo;
import trunkops.ami.RegistrationInfo;
import trunkops.topology.CarrierRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.ServerRow;
import trunkops.topology.Tech;
import trunkops.topology.TopologyBuilder;

/**
 * PJSIP trunks in the health model, with the objects of the 2x fixtures' pjsip.conf (pjtrunk1, pjtrunk2 with its
 * outbound registration pjtrunk2-reg) as a ViciDial PJSIP carrier writes them, beside a chan_sip carrier.
 */
class PjsipHealthTest {

    static final String PJ1 = "[pjtrunk1]\ntype=aor\ncontact=sip:127.0.0.1:5074\nqualify_frequency=10\n\n"
            + "[pjtrunk1]\ntype=identify\nendpoint=pjtrunk1\nmatch=127.0.0.1:5074\n\n"
            + "[pjtrunk1]\ntype=endpoint\ntransport=transport-udp\ncontext=from-trunk\ndisallow=all\nallow=ulaw\n"
            + "aors=pjtrunk1\n";
    static final String PJ2 = "[pjtrunk2]\ntype=aor\ncontact=sip:127.0.0.1:5075\nqualify_frequency=10\n\n"
            + "[pjtrunk2]\ntype=identify\nendpoint=pjtrunk2\nmatch=127.0.0.1:5075\n\n"
            + "[pjtrunk2]\ntype=endpoint\ntransport=transport-udp\ncontext=from-trunk\ndisallow=all\nallow=ulaw\n"
            + "aors=pjtrunk2\noutbound_auth=pjtrunk2-auth\n\n"
            + "[pjtrunk2-auth]\ntype=auth\nauth_type=userpass\nusername=labuser\npassword=labsecret\n\n"
            + "[pjtrunk2-reg]\ntype=registration\ntransport=transport-udp\noutbound_auth=pjtrunk2-auth\n"
            + "server_uri=sip:127.0.0.1:5075\nclient_uri=sip:labuser@127.0.0.1:5075\nendpoint=pjtrunk2\nline=yes\n";

    private ClusterTopology topology;
    private ClusterHealth health;

    static ClusterTopology topology() {
        ServerRow d1 = new ServerRow("D1", "10.0.0.1", "dialer", true, true, "20.20.1", "localhost", 5038);
        CarrierRow pj1 = new CarrierRow("PJONE", "PJ one", "", "PJSIP", "10.0.0.1", true, "", "", PJ1,
                "exten => _91NXXNXXXXXX,1,Dial(PJSIP/${EXTEN:1}@pjtrunk1,,To)", "");
        CarrierRow pj2 = new CarrierRow("PJTWO", "PJ two", "", "PJSIP", "10.0.0.1", true, "", "", PJ2,
                "exten => _92NXXNXXXXXX,1,Dial(PJSIP/${EXTEN:1}@pjtrunk2,,To)", "");
        CarrierRow sip = new CarrierRow("SIPONE", "SIP one", "", "SIP", "10.0.0.1", true,
                "register => user:pw@192.0.2.200:5060", "",
                "[trunk1]\ntype=peer\nhost=192.0.2.200\nqualify=yes\n",
                "exten => _93NXXNXXXXXX,1,Dial(SIP/trunk1/${EXTEN:1},,To)", "");
        return TopologyBuilder.build(List.of(d1), List.of(pj1, pj2, sip), List.of(), List.of());
    }

    @BeforeEach
    void setUp() {
        topology = topology();
        health = new ClusterHealth(HealthSettings.defaults());
        health.topology(topology);
        health.pjsipThresholds(new PjsipLagThresholds(2000, Map.of("PJTWO", 400)));
    }

    private Map<String, TrunkView> views(long now) {
        return health.views(topology, now).stream().collect(Collectors.toMap(v -> v.key().toString(), v -> v));
    }

    private TrunkView pj(String endpoint, long now) {
        return views(now).get("PJSIP/" + endpoint + "@D1");
    }

    private void connectAndSnapshot(long at, PjsipContactInfo... contacts) {
        health.link(new AmiLinkStatus("D1", AmiLinkState.CONNECTED, "ok", at, 0), at);
        health.peersSnapshot("D1", List.of(), at);
        health.pjsipContacts("D1", List.of("pjtrunk1", "pjtrunk2"), List.of(contacts), at);
    }

    /** As PJSIPShowEndpoint's ContactStatusDetail says it (RoundtripUsec in µs, N/A when down). */
    private static PjsipContactInfo detail(String endpoint, int port, String status, String usec) {
        return PjsipContactInfo.of(endpoint, endpoint, "sip:127.0.0.1:" + port, status, usec);
    }

    @Test
    void pjsipTrunksAreDiscoveredAndUnknownUntilTheFirstSnapshot() {
        assertEquals(Set.of("PJSIP/pjtrunk1@D1", "PJSIP/pjtrunk2@D1", "SIP/trunk1@D1"), views(0).keySet());
        assertEquals(TrunkState.UNKNOWN, pj("pjtrunk1", 0).state());
        health.link(new AmiLinkStatus("D1", AmiLinkState.CONNECTED, "ok", 0, 0), 0);
        assertEquals(TrunkState.UNKNOWN, pj("pjtrunk1", 100).state(), "connected, no report yet");
        connectAndSnapshot(200, detail("pjtrunk1", 5074, "Reachable", "1169"),
                detail("pjtrunk2", 5075, "Reachable", "4221"));
        TrunkView v = pj("pjtrunk1", 300);
        assertEquals(TrunkState.REACHABLE, v.state());
        assertEquals(1, v.latencyMs(), "1169 µs is 1 ms");
        assertEquals(4, pj("pjtrunk2", 300).latencyMs());
        assertEquals(2000, v.maxMs(), "the console's default threshold");
        assertEquals(400, pj("pjtrunk2", 300).maxMs(), "the carrier's own threshold");
    }

    @Test
    void withoutFreshDataAPjsipTrunkIsStale() {
        connectAndSnapshot(0, detail("pjtrunk1", 5074, "Reachable", "1169"),
                detail("pjtrunk2", 5075, "Reachable", "4221"));
        assertEquals(TrunkState.STALE, pj("pjtrunk1", 20_000).state(), "no poll for 20 s");
        health.pjsipContacts("D1", List.of("pjtrunk1"), List.of(detail("pjtrunk1", 5074, "Reachable", "900")),
                20_000);
        assertEquals(TrunkState.REACHABLE, pj("pjtrunk1", 20_100).state());
        health.link(new AmiLinkStatus("D1", AmiLinkState.DOWN, "connection lost", 20_200, 1), 20_200);
        assertEquals(TrunkState.STALE, pj("pjtrunk1", 20_300).state());
    }

    @Test
    void laggedIsTheConsolesVerdictFromThePolledRoundTrip() {
        connectAndSnapshot(0, detail("pjtrunk1", 5074, "Reachable", "1169"),
                detail("pjtrunk2", 5075, "Reachable", "4221"));
        // 2.5 s: res_pjsip still says Reachable and sends no event; only the poll shows it
        health.pjsipContacts("D1", List.of("pjtrunk1"), List.of(detail("pjtrunk1", 5074, "Reachable", "2501983")),
                5_000);
        TrunkView v = pj("pjtrunk1", 5_100);
        assertEquals(TrunkState.LAGGED, v.state());
        assertEquals(2502, v.latencyMs(), "the real round trip in ms");
        assertTrue(v.consoleVerdict());
        assertTrue(v.dialerStatus().contains("console's verdict"), v.dialerStatus());
        assertTrue(v.dialerStatus().contains("2000 ms"), v.dialerStatus());
        // 500 ms is fine for PJONE (2000 ms) but not for PJTWO (400 ms)
        health.pjsipContacts("D1", List.of("pjtrunk1", "pjtrunk2"), List.of(
                detail("pjtrunk1", 5074, "Reachable", "501983"), detail("pjtrunk2", 5075, "Reachable", "501983")),
                10_000);
        health.pjsipContacts("D1", List.of("pjtrunk1"), List.of(detail("pjtrunk1", 5074, "Reachable", "501983")),
                15_000);
        assertEquals(TrunkState.REACHABLE, pj("pjtrunk1", 15_100).state(), "two good polls of three: back");
        assertEquals(TrunkState.LAGGED, pj("pjtrunk2", 15_100).state());
    }

    @Test
    void contactStatusEventsTurnATrunkUnreachableAndBack() {
        connectAndSnapshot(0, detail("pjtrunk1", 5074, "Reachable", "1169"),
                detail("pjtrunk2", 5075, "Reachable", "4221"));
        // 24-contactstatus-unreachable: PeerStatus first (no Time), then ContactStatus with RoundtripUsec 0
        assertTrue(health.peerStatus("D1", Tech.PJSIP, "pjtrunk2", "Unreachable", null, 1_000));
        health.contactStatus("D1", PjsipContactInfo.of("pjtrunk2", "pjtrunk2", "sip:127.0.0.1:5075", "Unreachable",
                "0"), 1_000);
        TrunkView down = pj("pjtrunk2", 1_100);
        assertEquals(TrunkState.UNREACHABLE, down.state());
        assertEquals(-1, down.latencyMs(), "RoundtripUsec 0 of an Unreachable contact is no round trip");
        assertEquals(TrunkState.REACHABLE, pj("pjtrunk1", 1_100).state(), "the other endpoint is untouched");
        // 24-contactstatus-reachable: PeerStatus Reachable (ignored: no round trip), ContactStatus 1442 µs
        health.peerStatus("D1", Tech.PJSIP, "pjtrunk2", "Reachable", null, 9_000);
        health.contactStatus("D1", PjsipContactInfo.of("pjtrunk2", "pjtrunk2", "sip:127.0.0.1:5075", "Reachable",
                "1442"), 9_000);
        health.pjsipContacts("D1", List.of("pjtrunk2"), List.of(detail("pjtrunk2", 5075, "Reachable", "1300")),
                10_000);
        assertEquals(TrunkState.REACHABLE, pj("pjtrunk2", 10_100).state());
    }

    @Test
    void anEndpointIsReachableWhileOneOfItsContactsIs() {
        connectAndSnapshot(0, detail("pjtrunk1", 5074, "Reachable", "1169"),
                detail("pjtrunk1", 6074, "Unreachable", "N/A"), detail("pjtrunk2", 5075, "Unreachable", "N/A"));
        TrunkView v = pj("pjtrunk1", 100);
        assertEquals(TrunkState.REACHABLE, v.state());
        assertTrue(v.dialerStatus().contains("1 of 2 contacts"), v.dialerStatus());
        assertEquals(TrunkState.UNREACHABLE, pj("pjtrunk2", 100).state());
    }

    @Test
    void aRejectedRegistrationIsATrunkProblemEvenWhenOptionsAnswer() {
        connectAndSnapshot(0, detail("pjtrunk1", 5074, "Reachable", "1169"),
                detail("pjtrunk2", 5075, "Reachable", "4221"));
        RegistrationInfo reg = new RegistrationInfo(Tech.PJSIP, "pjtrunk2-reg", "pjtrunk2",
                "sip:labuser@127.0.0.1:5075", "sip:127.0.0.1:5075", "Registered");
        health.registrations("D1", EnumSet.of(Tech.SIP, Tech.PJSIP), List.of(reg), 100);
        TrunkView ok = pj("pjtrunk2", 200);
        assertNotNull(ok.registration());
        assertEquals("Registered", ok.registration().state());
        assertFalse(ok.problem());
        assertNull(pj("pjtrunk1", 200).registration(), "pjtrunk1's carrier has no registration");
        // the Registered repeated after every refresh changes nothing, not even "since"
        health.registry("D1", Tech.PJSIP, "sip:labuser@127.0.0.1:5075", "sip:127.0.0.1:5075", "Registered", 50_000);
        health.pjsipContacts("D1", List.of("pjtrunk2"), List.of(detail("pjtrunk2", 5075, "Reachable", "4000")),
                60_000);
        assertEquals(100, pj("pjtrunk2", 60_000).registration().sinceMillis());
        health.registry("D1", Tech.PJSIP, "sip:labuser@127.0.0.1:5075", "sip:127.0.0.1:5075", "Rejected", 60_000);
        TrunkView bad = pj("pjtrunk2", 60_100);
        assertEquals(TrunkState.REACHABLE, bad.state(), "OPTIONS still answer");
        assertTrue(bad.registrationFailed());
        assertTrue(bad.problem());
        assertEquals(60_000, bad.registration().sinceMillis());
        String words = bad.registration().words(java.time.ZoneOffset.UTC);
        assertTrue(words.startsWith("\u26A0 registration pjtrunk2-reg Rejected since 00:01"), words);
        assertTrue(health.timeline(10).stream().anyMatch(e -> e.subject().equals("D1 registration pjtrunk2-reg")
                && e.to().equals("Rejected")), health.timeline(10).toString());
    }

    @Test
    void chanSipRegistrationsBelongToThePeersOfTheirHost() {
        connectAndSnapshot(0);
        health.registrations("D1", EnumSet.of(Tech.SIP), List.of(new RegistrationInfo(Tech.SIP,
                "user@192.0.2.200:5060", "", "user", "192.0.2.200:5060", "Request Sent")), 100);
        TrunkView v = views(200).get("SIP/trunk1@D1");
        assertNotNull(v.registration());
        assertTrue(v.registrationFailed());
        assertEquals("Request-Sent", v.registration().word());
        health.registry("D1", Tech.SIP, "user", "192.0.2.200", "Registered", 300); // Registry's Domain: no port
        assertFalse(views(400).get("SIP/trunk1@D1").registrationFailed());
        assertEquals("user@192.0.2.200:5060", views(400).get("SIP/trunk1@D1").registration().name(), "the same one");
    }

    @Test
    void callsAreCountedPerPjsipEndpoint() {
        connectAndSnapshot(0, detail("pjtrunk1", 5074, "Reachable", "1169"));
        health.channels("D1", List.of("PJSIP/pjtrunk1-00000000", "PJSIP/pjtrunk1-00000003", "SIP/trunk1-0000002a",
                "Local/12125551234@pjsip-outbound-00000001;2"));
        health.channelStarted("D1", "PJSIP/pjtrunk2-00000004");
        assertEquals(2, pj("pjtrunk1", 100).calls());
        assertEquals(1, pj("pjtrunk2", 100).calls());
        assertEquals(1, views(100).get("SIP/trunk1@D1").calls());
        health.channelEnded("D1", "PJSIP/pjtrunk1-00000000");
        assertEquals(1, pj("pjtrunk1", 100).calls());
        assertEquals(0, health.calls("D1", "pjtrunk1"), "a PJSIP channel is no chan_sip call");
    }

    @Test
    void aPjsipHangupKeepsItsSipCodeWhereChanSipHasNone() {
        connectAndSnapshot(0, detail("pjtrunk1", 5074, "Reachable", "1169"));
        health.channels("D1", List.of("PJSIP/pjtrunk1-00000000", "SIP/trunk1-0000002a"));
        // 26-originate-pjsip-failover-503: Hangup cause 34, TechCause 503
        health.hangup("D1", "PJSIP/pjtrunk1-00000000", 34, 503, 1_000);
        health.hangup("D1", "SIP/trunk1-0000002a", 34, -1, 1_000);
        TrunkView v = pj("pjtrunk1", 1_100);
        assertEquals(0, v.calls());
        assertTrue(v.dialerStatus().contains("last failed call SIP 503 (cause 34)"), v.dialerStatus());
        assertFalse(views(1_100).get("SIP/trunk1@D1").dialerStatus().contains("SIP"), "chan_sip sends no TechCause");
        assertEquals(0, views(1_100).get("SIP/trunk1@D1").calls());
    }

    @Test
    void theThresholdsComeFromTheClusterProfile() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("pjsip.lagged.ms", "1500");
        p.setProperty("pjsip.lagged.ms.PJTWO", "300");
        p.setProperty("ami.user", "noc");
        PjsipLagThresholds t = PjsipLagThresholds.fromProperties(p);
        assertEquals(1500, t.forCarrier("PJONE"));
        assertEquals(300, t.forCarrier("PJTWO"));
        assertEquals(2000, PjsipLagThresholds.fromProperties(new java.util.Properties()).forCarrier("PJONE"));
        p.setProperty("pjsip.lagged.ms", "0");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PjsipLagThresholds.fromProperties(p));
    }
}
