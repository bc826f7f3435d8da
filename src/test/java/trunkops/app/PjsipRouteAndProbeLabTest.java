package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.ami.AmiCallLink;
import trunkops.ami.AmiTarget;
import trunkops.drill.DrillLine;
import trunkops.lab.PjsipFixtureLab;
import trunkops.routing.Route;
import trunkops.routing.RouteGenerator;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

/**
 * PJSIP members on a lab dialer with res_pjsip (the PJSIP capture lab's twin): the drill's probe of a PJSIP backup
 * follows the endpoint's contact (Reachable with its RTT, then Unreachable after a kill), and a generated route
 * whose members are {@code PJSIP/pjtrunk1} and {@code PJSIP/pjtrunk2} dials {@code PJSIP/<number>@<endpoint>} and
 * fails over on pjtrunk1's 503 (TechCause 503 read back as the route's sipcause).
 */
class PjsipRouteAndProbeLabTest {

    private static PjsipFixtureLab lab;
    private static AmiCallLink link;
    private static final List<Map<String, String>> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        lab = new PjsipFixtureLab(20);
        assertTrue(lab.awaitContact("pjtrunk1", "Reachable", Duration.ofSeconds(20)));
        assertTrue(lab.awaitContact("pjtrunk2", "Reachable", Duration.ofSeconds(20)));
        link = AmiCallLink.open(new AmiTarget("LAB", lab.ami.host(), lab.ami.port(), PjsipFixtureLab.USER),
                PjsipFixtureLab.SECRET::toCharArray, 5_000);
        link.setListener(EVENTS::add);
    }

    @AfterAll
    static void stop() {
        if (link != null) {
            link.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aRouteOfPjsipMembersDialsNumberAtEndpointAndFailsOverOnA503() throws Exception {
        Route r = Route.of("PJ1", new RoutePattern("_91NXXNXXXXXX", 1), Strategy.PRIORITY, List.of(
                new RouteMember(Tech.PJSIP, "pjtrunk1", 1, 100, OptionalInt.empty()),
                new RouteMember(Tech.PJSIP, "pjtrunk2", 2, 0, OptionalInt.empty())));
        String entry = RouteGenerator.render(new RouteVersion(r, 1, "lab", Instant.EPOCH, "")).dialplanEntry();
        assertTrue(entry.contains("Dial(PJSIP/${TO_NUM}@pjtrunk1,"), entry);
        lab.files.install("extensions-trunkops-test.conf", "[trunkops-test]\n" + entry);
        assertTrue(String.join("\n", lab.pbx.cli("dialplan reload")).contains("Dialplan reloaded"));
        lab.pjtrunk1.failCalls(503, 1.0);
        try {
            link.originate("pj-route-1", "Local/912125551234@trunkops-test", "pj-route-call-1", 30_000,
                    AmiCallLink.Answered.extension("lab", "hold5"), "\"V1205\" <0000000000>", Map.of("CAMPDTO", "30"));
            assertTrue(PjsipFixtureLab.await(() -> userEvents("TrunkOpsResult").size() >= 1
                    && dialBegins().size() >= 2, Duration.ofSeconds(30)), EVENTS.toString());
            List<Map<String, String>> begins = dialBegins();
            assertEquals("12125551234@pjtrunk1", begins.get(0).get("DialString"));
            assertTrue(begins.get(0).get("DestChannel").startsWith("PJSIP/pjtrunk1-"), begins.get(0).toString());
            assertEquals("12125551234@pjtrunk2", begins.get(1).get("DialString"));
            Map<String, String> first = userEvents("TrunkOpsResult").get(0);
            assertEquals("CONGESTION", first.get("dialstatus"), first.toString());
            assertEquals("503", first.get("sipcause"), first.toString());
            assertEquals("failover", first.get("next"), first.toString());
            assertEquals("PJSIP/pjtrunk1", first.get("trunk"), first.toString());
        } finally {
            lab.pjtrunk1.failCalls(503, 0.0);
        }
    }

    @Test
    void theDrillProbeFollowsAPjsipBackupsContact() throws Exception {
        AmiDrillLine line = new AmiDrillLine(link, null, "drill", Optional.empty());
        DrillLine.Probe up = line.probe(Tech.PJSIP, "pjtrunk2");
        assertTrue(up.up(), up.toString());
        assertTrue(up.status().startsWith("REACHABLE"), up.toString());
        lab.pjtrunk2.kill();
        try {
            assertTrue(lab.awaitContact("pjtrunk2", "Unreachable", Duration.ofSeconds(30)));
            DrillLine.Probe down = line.probe(Tech.PJSIP, "pjtrunk2");
            assertFalse(down.up(), down.toString());
            assertEquals("UNREACHABLE", down.status());
        } finally {
            lab.pjtrunk2.restore();
            assertTrue(lab.awaitContact("pjtrunk2", "Reachable", Duration.ofSeconds(30)));
        }
    }

    private static List<Map<String, String>> dialBegins() {
        return EVENTS.stream().filter(e -> "DialBegin".equals(e.get("Event"))
                && "pj-route-call-1".equals(e.get("Linkedid"))).toList();
    }

    private static List<Map<String, String>> userEvents(String name) {
        return EVENTS.stream().filter(e -> "UserEvent".equals(e.get("Event")) && name.equals(e.get("UserEvent"))
                && "pj-route-call-1".equals(e.get("Linkedid"))).toList();
    }
}
