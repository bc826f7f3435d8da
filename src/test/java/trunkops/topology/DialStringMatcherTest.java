package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Which carrier extension a dial string runs on a dialer: Asterisk's precedence, collisions, 0.0.0.0, inactive. */
class DialStringMatcherTest {

    private static final String IP1 = "192.0.2.11";
    private static final String IP2 = "192.0.2.12";

    private static ClusterTopology topology(List<CarrierRow> carriers) {
        List<ServerRow> servers = List.of(new ServerRow("S1", IP1, null, true, true, "18.x", null, 5038),
                new ServerRow("S2", IP2, null, true, true, "18.x", null, 5038));
        return TopologyBuilder.build(servers, carriers, List.of(), List.of());
    }

    private static CarrierRow carrier(String id, String serverIp, String pattern) {
        return LabRows.sipCarrier(id, serverIp, id.toLowerCase(java.util.Locale.ROOT), pattern, "",
                "SIP/" + id.toLowerCase(java.util.Locale.ROOT) + "/${EXTEN:1}");
    }

    private static String carrierOf(DialStringMatcher m, String server, String dial) {
        return m.match(server, dial).map(PatternRef::carrierId).orElse(null);
    }

    @Test
    void theMostSpecificPatternWinsWhateverTheCarrierOrder() {
        // AAA is written first, but Asterisk sorts extensions by ext_cmp: _91800NXXXXXX before _91NXXNXXXXXX
        DialStringMatcher m = DialStringMatcher.of(topology(List.of(carrier("AAA", "0.0.0.0", "_91NXXNXXXXXX"),
                carrier("TOLLFREE", "0.0.0.0", "_91800NXXXXXX"), carrier("CATCHALL", "0.0.0.0", "_9."))));
        assertEquals("TOLLFREE", carrierOf(m, "S1", "918005550143"));
        assertEquals("AAA", carrierOf(m, "S1", "912025550143"));
        assertEquals("CATCHALL", carrierOf(m, "S1", "9011445550143"), "only _9. matches an international string");
        assertEquals("CATCHALL", carrierOf(m, "S2", "91202555014"), "one digit short of _91NXXNXXXXXX");
        assertEquals(List.of("TOLLFREE", "AAA", "CATCHALL"), m.allMatches("S1", "918005550143").stream()
                .map(PatternRef::carrierId).toList(), "every overlapping pattern, in precedence order");
    }

    @Test
    void aDuplicateExtensionBelongsToTheCarrierTheKeepaliveWritesFirst() {
        // same extension in two carriers: carrier_id order (case-insensitive) decides; Asterisk refuses the second
        DialStringMatcher m = DialStringMatcher.of(topology(List.of(carrier("zeta", "0.0.0.0", "_91NXXNXXXXXX"),
                carrier("Alpha", "0.0.0.0", "_91NXXNXXXXXX"))));
        assertEquals("Alpha", carrierOf(m, "S1", "912025550143"));
        // an equivalent spelling is the same extension for Asterisk (ext_cmp == 0)
        DialStringMatcher m2 = DialStringMatcher.of(topology(List.of(carrier("ONE", "0.0.0.0", "_9N."),
                carrier("TWO", "0.0.0.0", "_9[2-9]."))));
        assertEquals("ONE", carrierOf(m2, "S1", "95551234"));
    }

    @Test
    void serverIpScopesCarriersAndInactiveOnesRouteNothing() {
        CarrierRow inactive = new CarrierRow("OFF", "off", "", "SIP", "0.0.0.0", false, "", "", "[off]\ntype=peer",
                "exten => _7X.,1,AGI(agi://127.0.0.1:4577/call_log)\nexten => _7X.,n,Dial(SIP/off/${EXTEN})", "");
        DialStringMatcher m = DialStringMatcher.of(topology(List.of(carrier("ONLY2", IP2, "_8X."), inactive)));
        assertEquals(Optional.empty(), m.match("S1", "8123"));
        assertEquals("ONLY2", carrierOf(m, "S2", "8123"));
        assertEquals(Optional.empty(), m.match("S1", "7123"));
        assertEquals(Optional.empty(), m.match("NOPE", "8123"));
        assertTrue(m.forServer("S2").isPresent());
    }

    @Test
    void theFirstCharacterIndexAnswersLikeTryingEveryExtension() {
        DialStringMatcher m = DialStringMatcher.of(topology(List.of(carrier("A", "0.0.0.0", "_91NXXNXXXXXX"),
                carrier("B", "0.0.0.0", "_X."), carrier("C", "0.0.0.0", "_[8-9]1!"), carrier("D", "0.0.0.0", "8888"),
                carrier("E", "0.0.0.0", "_N."), carrier("F", "0.0.0.0", "_*XX."))));
        List<PatternRef> order = m.patterns("S1");
        SplittableRandom rng = new SplittableRandom(5);
        String alphabet = "0123456789*#8";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + rng.nextInt(14);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
            }
            String dial = sb.toString();
            String brute = order.stream().filter(p -> p.pattern().matches(dial)).findFirst()
                    .map(PatternRef::carrierId).orElse(null);
            assertEquals(brute, carrierOf(m, "S1", dial), dial);
        }
    }
}
