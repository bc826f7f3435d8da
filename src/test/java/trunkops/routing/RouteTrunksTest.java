package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A route's own chan_sip peers: parsed, formatted back, rendered into account_entry, validated. */
class RouteTrunksTest {

    private static final String TEXT = String.join("\n",
            "name = PEER-RT",
            "pattern = _54NXXNXXXXXX strip=1",
            "strategy = weighted",
            "member = SIP/rtpeer1 weight=100 priority=1",
            "trunk = SIP/rtpeer1 host=127.0.0.1 port=5091 dtmfmode=inband codecs=ulaw,alaw qualify=no",
            "");

    @Test
    void aTrunkLineRoundTripsAndBecomesThePeerSection() throws Exception {
        Route r = RouteFile.parse(TEXT);
        assertEquals(1, r.trunks().size());
        assertEquals("5091", r.trunks().get(0).get("port"));
        assertEquals(r, RouteFile.parse(RouteFile.format(r)));
        assertEquals(List.of(), RouteValidator.validate(r).stream().filter(RouteProblem::isError).toList());
        GeneratedRoute g = RouteGenerator.render(new RouteVersion(r, 1, "t", java.time.Instant.EPOCH, "c"));
        assertEquals(PeerSectionGenerator.render(r.trunks().get(0)), g.accountEntry());
        assertTrue(g.accountEntry().contains("[rtpeer1]\ntype=peer\nhost=127.0.0.1\nport=5091\n"), g.accountEntry());
        assertEquals("", RouteGenerator.render(new RouteVersion(r.withTrunks(List.of()), 1, "t", java.time.Instant.EPOCH,
                "c")).accountEntry());
    }

    @Test
    void aPeerAnotherCarrierDefinesIsRefusedAgainstTheCluster() throws Exception {
        trunkops.topology.ClusterTopology lab = new trunkops.topology.LabRows().build();
        Route own = RouteFile.parse(TEXT);
        assertEquals(List.of(), RouteValidator.validate(own, lab).stream().filter(RouteProblem::isError)
                .filter(p -> p.field().startsWith("trunk") || p.field().startsWith("member")).toList(),
                "rtpeer1 is the route's own: no carrier defines it, and the member needs no carrier");
        Route clash = RouteFile.parse(TEXT.replace("trunk = SIP/rtpeer1", "trunk = SIP/blueline"));
        List<String> errors = RouteValidator.validate(clash, lab).stream().filter(RouteProblem::isError)
                .map(RouteProblem::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("peer blueline is already defined by carrier")),
                errors.toString());
    }

    @Test
    void pjsipBadOptionsAndDuplicatesAreErrors() throws Exception {
        Route r = RouteFile.parse(TEXT + "trunk = PJSIP/ep1 host=10.0.0.1\ntrunk = SIP/rtpeer1 host=a..b\n");
        List<String> errors = RouteValidator.validate(r).stream().filter(RouteProblem::isError)
                .map(RouteProblem::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("trunk PJSIP/ep1") && e.contains("chan_sip peers only")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("host 'a..b' is not a valid value")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("defined twice")), errors.toString());
    }
}
