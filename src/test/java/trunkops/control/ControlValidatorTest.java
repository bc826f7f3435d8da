package trunkops.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trunkops.topology.CarrierRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.ServerRow;
import trunkops.topology.TopologyBuilder;
import trunkops.topology.Tech;

class ControlValidatorTest {

    static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    static ControlRequest offline(String peer, List<String> servers) {
        return new ControlRequest(ControlVerb.OFFLINE, Tech.SIP, peer, servers, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), "carrier 503s", Optional.of("NOC-1"), "ops@host");
    }

    static ControlRequest weight(String route, String peer, int w) {
        return new ControlRequest(ControlVerb.WEIGHT, Tech.SIP, peer, List.of(), Optional.of(route), OptionalInt.of(w),
                Optional.empty(), "shift load", Optional.empty(), "ops@host");
    }

    static String only(List<String> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void aGoodRequestPasses() {
        assertEquals(List.of(), ControlValidator.problems(offline("blueline", List.of("DIALER1")), NOW));
        assertEquals(List.of(), ControlValidator.problems(weight("RENEW-SPLIT", "nsvoice", 1000), NOW));
    }

    @Test
    void namesThatCouldReachAKeyOrTheDialplanAreRefused() {
        assertTrue(only(ControlValidator.problems(offline("blue/line", List.of()), NOW)).contains("contains '/'"));
        assertTrue(only(ControlValidator.problems(offline("blue\nline", List.of()), NOW))
                .contains("'blue\\nline' refused: contains a line break"));
        assertTrue(only(ControlValidator.problems(offline("${EXTEN}", List.of()), NOW)).contains("contains '${'"));
        assertTrue(only(ControlValidator.problems(offline("blue line", List.of()), NOW)).contains("outside"));
        assertTrue(only(ControlValidator.problems(offline("", List.of()), NOW)).contains("empty"));
        assertTrue(only(ControlValidator.problems(offline("blueline", List.of("D/1")), NOW)).startsWith("server"));
        assertTrue(only(ControlValidator.problems(weight("R.1", "nsvoice", 5), NOW)).startsWith("route name"));
    }

    @Test
    void valuesOutsideTheirRangesAreRefused() {
        assertEquals("weight 1001 is outside 0-1000", only(ControlValidator.problems(weight("R", "p", 1001), NOW)));
        assertEquals("weight -1 is outside 0-1000", only(ControlValidator.problems(weight("R", "p", -1), NOW)));
        ControlRequest max = new ControlRequest(ControlVerb.MAX_CALLS, Tech.SIP, "p", List.of(), Optional.of("R"),
                OptionalInt.of(-3), Optional.empty(), "r", Optional.empty(), "a");
        assertTrue(only(ControlValidator.problems(max, NOW)).contains("negative"));
    }

    @Test
    void untilInThePastEmptyReasonAndControlCharactersAreRefused() {
        ControlRequest past = new ControlRequest(ControlVerb.OFFLINE, Tech.SIP, "p", List.of(), Optional.empty(),
                OptionalInt.empty(), Optional.of(NOW.minusSeconds(1)), "r", Optional.empty(), "a");
        assertTrue(only(ControlValidator.problems(past, NOW)).contains("in the past"));
        ControlRequest blank = new ControlRequest(ControlVerb.DRAIN, Tech.SIP, "p", List.of(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), "  ", Optional.empty(), "a");
        assertTrue(only(ControlValidator.problems(blank, NOW)).startsWith("a reason is required"));
        ControlRequest ticket = new ControlRequest(ControlVerb.DRAIN, Tech.SIP, "p", List.of(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), "r", Optional.of("T\n1"), "a");
        assertTrue(only(ControlValidator.problems(ticket, NOW)).contains("line break"));
        ControlRequest online = new ControlRequest(ControlVerb.ONLINE, Tech.SIP, "p", List.of(), Optional.empty(),
                OptionalInt.empty(), Optional.of(NOW.plusSeconds(60)), "r", Optional.empty(), "a");
        assertTrue(only(ControlValidator.problems(online, NOW)).contains("online takes no --until"));
    }

    @Test
    void unknownPeersAndServersAreRefusedAgainstTheTopology() {
        ClusterTopology t = LabTopology.topology();
        assertEquals(List.of(), ControlValidator.problems(offline("blueline", List.of()), NOW, Optional.of(t)));
        assertEquals(List.of("DIALER1", "DIALER2", "DIALER3"),
                ControlValidator.dialersWith(t, offline("BlueLine", List.of())), "chan_sip names ignore case");
        assertTrue(only(ControlValidator.problems(offline("nosuch", List.of()), NOW, Optional.of(t)))
                .startsWith("unknown peer"));
        assertTrue(only(ControlValidator.problems(offline("blueline", List.of("DIALER9")), NOW, Optional.of(t)))
                .startsWith("unknown server 'DIALER9'"));
        assertTrue(only(ControlValidator.problems(offline("velox", List.of("DIALER2")), NOW, Optional.of(t)))
                .contains("not defined on DIALER2"));
    }

    /** Three dialers; blueline on all of them, velox on DIALER1 only. */
    static final class LabTopology {
        static ClusterTopology topology() {
            List<ServerRow> servers = List.of(server("DIALER1", "192.0.2.11"), server("DIALER2", "192.0.2.12"),
                    server("DIALER3", "192.0.2.13"));
            return TopologyBuilder.build(servers, List.of(carrier("BLUE", "0.0.0.0", "blueline", "_81X."),
                    carrier("VELOX", "192.0.2.11", "velox", "_61X.")), List.of(), List.of());
        }

        static ServerRow server(String id, String ip) {
            return new ServerRow(id, ip, null, true, true, "20.x", null, 5038);
        }

        static CarrierRow carrier(String id, String ip, String peer, String pattern) {
            return new CarrierRow(id, id, "", "SIP", ip, true, "", "",
                    "[" + peer + "]\ntype=peer\nhost=192.0.2.200\nqualify=yes",
                    "exten => " + pattern + ",1,Dial(SIP/" + peer + "/${EXTEN:1},,To)", "");
        }
    }
}
