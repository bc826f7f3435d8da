package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.lab.LabClusterSpec.Carrier;
import trunkops.lab.LabDefaults;

class CarrierRouterTest {

    @Test
    void keepaliveOrderAndServerScope() {
        assertEquals(List.of("BLUELINE", "NSVOICE", "VELOX"), ids(LabDefaults.DIALER1_IP));
        assertEquals(List.of("BLUELINE", "NSVOICE"), ids(LabDefaults.DIALER2_IP));
        assertEquals(List.of("BLUELINE", "NSVOICE", "ORBIT"), ids(LabDefaults.DIALER3_IP));
    }

    @Test
    void prefixesReachTheirCarriers() {
        CarrierRouter d1 = CarrierRouter.forServer(LabDefaults.DIALER1_IP, LabDefaults.cluster().carriers());
        CarrierRouter d3 = CarrierRouter.forServer(LabDefaults.DIALER3_IP, LabDefaults.cluster().carriers());
        assertEquals("NSVOICE", d1.route("912125551234").orElseThrow().carrierId());
        assertEquals("BLUELINE", d1.route("812125551234").orElseThrow().carrierId());
        assertEquals("VELOX", d1.route("612125551234").orElseThrow().carrierId());
        assertEquals(Optional.empty(), d1.route("712125551234"), "ORBIT lives on dialer 3 only");
        assertEquals("ORBIT", d3.route("712125551234").orElseThrow().carrierId());
        assertEquals(Optional.empty(), d3.route("911125551234"), "N excludes 1");
        assertEquals(1, d1.allMatches("919995551234").size(), "the inactive SIPExample (_91999NXXXXXX) is not loaded");
    }

    @Test
    void mostSpecificExtensionWinsAndDuplicatesGoToTheFirstCarrier() {
        Carrier wide = carrier("AAWIDE", "exten => _9.,1,Dial(SIP/wide/${EXTEN:1},,To)");
        Carrier narrow = carrier("ZZNARROW", "exten => _91NXXNXXXXXX,1,Dial(SIP/narrow/${EXTEN:1},,To)");
        Carrier twin = carrier("ZZZTWIN", "exten => _91NXXNXXXXXX,1,Dial(SIP/twin/${EXTEN:1},,To)");
        CarrierRouter router = CarrierRouter.forServer("10.0.0.1", List.of(twin, wide, narrow));
        assertEquals("ZZNARROW", router.route("912125551234").orElseThrow().carrierId());
        assertEquals("AAWIDE", router.route("9123").orElseThrow().carrierId());
        assertEquals(3, router.allMatches("912125551234").size());
    }

    @Test
    void dialplanIsReadTheWayAsteriskReadsIt() {
        Carrier orbit = LabDefaults.cluster().carriers().stream().filter(c -> c.carrierId().equals("ORBIT"))
                .findFirst().orElseThrow();
        CarrierDialplan plan = CarrierDialplan.parse(orbit.carrierId(), orbit.globalsString(), orbit.accountEntry(),
                "", orbit.dialplanEntry());
        AsteriskPattern ext = AsteriskPattern.of("_71NXXNXXXXXX");
        List<CarrierDialplan.Step> steps = plan.steps(ext);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), steps.stream().map(CarrierDialplan.Step::priority).toList());
        assertEquals("west", steps.get(5).label());
        assertEquals("Dial", steps.get(5).app());
        assertEquals(new CarrierDialplan.Peer("orbit-east", "192.0.2.30", 250, 10), plan.peers().get("orbit-east"));
        assertEquals(Optional.of("orbit-west"), plan.peerOf(steps.get(5).args()));

        Carrier ns = LabDefaults.cluster().carriers().get(0);
        CarrierDialplan nsPlan = CarrierDialplan.parse(ns.carrierId(), ns.globalsString(), ns.accountEntry(), "",
                ns.dialplanEntry());
        assertEquals(Optional.of("nsvoice"), nsPlan.peerOf("${NSTRUNK}/${EXTEN:1},,To"));
        assertEquals(2000, nsPlan.peers().get("nsvoice").qualifyMaxMs(), "qualify=yes means 2000 ms");
        CarrierDialplan pj = CarrierDialplan.parse("PJ", "PJTRUNK=ExamplePJSIP", "", "",
                "exten => _91999NXXXXXX,n,Dial(PJSIP/${EXTEN:1}@${PJTRUNK},${CAMPDTO},To)");
        assertEquals(Optional.of("ExamplePJSIP"), pj.peerOf("PJSIP/${EXTEN:1}@${PJTRUNK},${CAMPDTO},To"));
        assertEquals("PJSIP", pj.techOf("PJSIP/${EXTEN:1}@${PJTRUNK}"));
        CarrierDialplan velox = CarrierDialplan.parse("V", "", "[velox]\nqualify=no", "", "");
        assertTrue(velox.peers().get("velox").qualifyMaxMs() < 0);
    }

    private static List<String> ids(String serverIp) {
        return CarrierRouter.forServer(serverIp, LabDefaults.cluster().carriers()).carriers().stream()
                .map(CarrierDialplan::carrierId).toList();
    }

    private static Carrier carrier(String id, String dialplan) {
        return new Carrier(id, id, "", "SIP", "0.0.0.0", true, "", "", "[" + id.toLowerCase() + "]\nhost=192.0.2.99",
                dialplan);
    }
}
