package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trunkops.topology.Tech;

/** The route file: the documented example parses, format/parse round-trip, and syntax errors name their line. */
class RouteFileTest {

    static final String EXAMPLE = """
            # the example of docs/routes.md
            name = US-OUT
            pattern = _91NXXNXXXXXX strip=1
            dialers = all                      # or server_ip list
            strategy = weighted
            member = SIP/trunk1 weight=70 priority=1 max=40
            member = SIP/trunk2 weight=30 priority=2
            failover-on = CHANUNAVAIL,CONGESTION,5xx,408
            customer-outcome-override = no
            max-attempts = 2
            dial-timeout = 30
            progress-timeout = 5
            """;

    @Test
    void theDocumentedExampleParses() throws Exception {
        Route r = RouteFile.parse(EXAMPLE);
        assertEquals("US-OUT", r.name());
        assertEquals(List.of(new RoutePattern("_91NXXNXXXXXX", 1)), r.patterns());
        assertTrue(r.allDialers());
        assertEquals(Strategy.WEIGHTED, r.strategy());
        assertEquals(List.of(new RouteMember(Tech.SIP, "trunk1", 1, 70, OptionalInt.of(40)),
                new RouteMember(Tech.SIP, "trunk2", 2, 30, OptionalInt.empty())), r.members());
        assertEquals(FailoverPolicy.DEFAULT, r.failover());
        assertEquals(2, r.maxAttempts());
        assertEquals(30, r.dialTimeoutSeconds());
        assertEquals(5, r.progressTimeoutSeconds());
        assertEquals(List.of(), RouteValidator.validate(r));
    }

    @Test
    void formatThenParseGivesTheSameRoute() throws Exception {
        List<Route> routes = List.of(RouteFile.parse(EXAMPLE),
                new Route("EU_2", List.of(new RoutePattern("_8X.", 0), new RoutePattern("_7[2-5]XX", 1)),
                        List.of("10.0.0.11", "10.0.0.12"), Strategy.LEAST_LOADED,
                        List.of(new RouteMember(Tech.PJSIP, "carrier.b", 2, 0, OptionalInt.of(5)),
                                new RouteMember(Tech.IAX2, "iax-1", 1, 1000, OptionalInt.empty())),
                        FailoverPolicy.parse("CHANUNAVAIL,503,486", true), 1, 45, 3),
                Route.of("RR", new RoutePattern("9", 0), Strategy.ROUND_ROBIN,
                        List.of(new RouteMember(Tech.SIP, "a", 1, 1, OptionalInt.empty()))));
        for (Route r : routes) {
            assertEquals(r, RouteFile.parse(RouteFile.format(r)), RouteFile.format(r));
            assertEquals(RouteFile.format(r), RouteFile.format(RouteFile.parse(RouteFile.format(r))));
        }
    }

    @Test
    void syntaxErrorsNameTheirLine() {
        assertLine(2, "name = X\nweight 70\n");
        assertLine(2, "name = X\ncolour = red\nstrategy = priority\n");
        assertLine(2, "name = X\nstrategy = fastest\n");
        assertLine(3, "name = X\nstrategy = priority\nmember = SIP/t1 weight=abc\n");
        assertLine(3, "name = X\nstrategy = priority\nmember = trunk1\n");
        assertLine(3, "name = X\nstrategy = priority\nmember = DAHDI/1\n");
        assertLine(3, "name = X\nstrategy = priority\ndial-timeout = 30s\n");
        assertLine(3, "name = X\nstrategy = priority\nfailover-on = SOMETIMES\n");
        assertLine(3, "name = X\nstrategy = priority\ncustomer-outcome-override = maybe\n");
        assertThrows(RouteFile.ParseException.class, () -> RouteFile.parse("strategy = priority\n"), "no name");
    }

    @Test
    void shortMemberFormIsTheCommandLines() throws Exception {
        assertEquals(new RouteMember(Tech.SIP, "trunk1", 3, 70, OptionalInt.empty()), RouteFile.member("SIP/trunk1:70", 3));
        assertEquals(new RouteMember(Tech.PJSIP, "ep", 1, 1, OptionalInt.of(9)), RouteFile.member("pjsip/ep max=9", 1));
    }

    private static void assertLine(int line, String text) {
        RouteFile.ParseException e = assertThrows(RouteFile.ParseException.class, () -> RouteFile.parse(text), text);
        assertEquals(line, e.line(), e.getMessage());
    }
}
