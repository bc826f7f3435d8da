package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import trunkops.lab.LabClusterSpec.Carrier;

/** The benchmark lab with half its trunks on PJSIP: which carriers changed stack, and how they are written. */
class ScaledHalfPjsipTest {

    @Test
    void blueLineAndOrbitArePjsipCarriersWithTheSameDialersPrefixesAndFailover() {
        LabClusterSpec sip = LabDefaults.scaled(10, 10);
        LabClusterSpec half = LabDefaults.scaledHalfPjsip(10, 10);
        assertEquals(sip.servers(), half.servers());
        assertEquals(sip.campaigns(), half.campaigns());
        Map<String, Carrier> byId = half.carriers().stream().collect(Collectors.toMap(Carrier::carrierId, c -> c));
        assertEquals("PJSIP", byId.get("BLUELINE").protocol());
        assertEquals("PJSIP", byId.get("ORBIT").protocol());
        assertEquals("SIP", byId.get("NSVOICE").protocol());
        assertEquals("SIP", byId.get("VELOX").protocol());
        assertEquals(LabDefaults.DIALER3_IP, byId.get("ORBIT").serverIp());
        String orbit = byId.get("ORBIT").accountEntry();
        for (String name : new String[] {"orbit-east", "orbit-west"}) {
            for (String type : new String[] {"aor", "identify", "endpoint"}) {
                assertTrue(orbit.contains("[" + name + "]\ntype=" + type), name + " " + type + ":\n" + orbit);
            }
        }
        assertTrue(orbit.contains("contact=sip:192.0.2.30:5060\nqualify_frequency=10"), orbit);
        String plan = byId.get("ORBIT").dialplanEntry();
        assertTrue(plan.contains("Dial(PJSIP/${EXTEN:1}@orbit-east,${CAMPDTO},To)"), plan);
        assertTrue(plan.contains("n(west),Dial(PJSIP/${EXTEN:1}@orbit-west,${CAMPDTO},To)"), plan);
        assertTrue(byId.get("BLUELINE").dialplanEntry().contains("Dial(PJSIP/${EXTEN:1}@blueline,"));
    }
}
