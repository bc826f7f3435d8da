package trunkops.routing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trunkops.routing.FailoverPolicy;
import trunkops.routing.Route;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

class RouteDraftTest {

    @Test
    void aRouteShownInTheFieldsReadsBackTheSame() {
        Route r = new Route("US-OUT", List.of(new RoutePattern("_91NXXNXXXXXX", 1), new RoutePattern("_8X.", 0)),
                List.of("10.0.0.11"), Strategy.WEIGHTED, List.of(
                        new RouteMember(Tech.SIP, "a", 1, 70, OptionalInt.of(40)),
                        new RouteMember(Tech.PJSIP, "b", 2, 30, OptionalInt.empty())),
                FailoverPolicy.parse("CHANUNAVAIL,503,BUSY", true), 2, 40, 4);
        RouteDraft.Result back = RouteDraft.of(r).read();
        assertEquals(List.of(), back.problems());
        assertEquals(r, back.route());
    }

    @Test
    void whatCannotBeReadIsSaidOnceAndNamesTheField() {
        RouteDraft d = new RouteDraft("X", "_9X. strip=z", "all", Strategy.PRIORITY,
                List.of(new RouteDraft.MemberInput("SIP/a", "one", "5", ""), new RouteDraft.MemberInput(null, "2",
                        "1", "")), List.of("CHANUNAVAIL", "nonsense"), false, "1", "30s", "5");
        List<String> problems = d.read().problems().stream().map(Object::toString).toList();
        assertTrue(problems.contains("error: pattern: pattern: 'z' is not a whole number"), problems.toString());
        assertTrue(problems.contains("error: member SIP/a: member SIP/a: 'one' is not a whole number"),
                problems.toString());
        assertTrue(problems.contains("error: member 2: pick a trunk for member 2"), problems.toString());
        assertTrue(problems.contains("error: dial timeout: dial timeout: '30s' is not a whole number"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown failover trigger 'nonsense'")), problems.toString());
        assertEquals(5, problems.size(), problems.toString());
    }
}
