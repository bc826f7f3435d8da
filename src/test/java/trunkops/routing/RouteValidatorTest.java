package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trunkops.topology.Tech;

/** The bad-input list of issue 9: each one is an error with a message naming the problem. */
class RouteValidatorTest {

    private static final RouteMember A = new RouteMember(Tech.SIP, "trunk1", 1, 70, OptionalInt.empty());
    private static final RouteMember B = new RouteMember(Tech.SIP, "trunk2", 2, 30, OptionalInt.empty());

    private static Route ok() {
        return Route.of("US-OUT", new RoutePattern("_91NXXNXXXXXX", 1), Strategy.WEIGHTED, List.of(A, B));
    }

    private static void assertError(Route r, String field, String words) {
        List<RouteProblem> errors = RouteValidator.validate(r).stream().filter(RouteProblem::isError).toList();
        assertTrue(errors.stream().anyMatch(p -> p.field().startsWith(field) && p.message().contains(words)),
                errors.toString());
    }

    @Test
    void aGoodRouteHasNoProblems() {
        assertEquals(List.of(), RouteValidator.validate(ok()));
    }

    @Test
    void namesThatWouldInjectDialplanAreRefused() {
        for (String name : List.of("US,OUT", "US;OUT", "US)", "US${X}", "US\nOUT", "", "A-VERY-LONG-NAME-1", "_X")) {
            assertError(new Route(name, ok().patterns(), List.of(), Strategy.WEIGHTED, ok().members(),
                    FailoverPolicy.DEFAULT, 2, 30, 5), "name", "not a route name");
        }
        for (String peer : List.of("t,1", "t;1", "t)", "${EPOCH}", "t\n1", "t/1", "t 1", "t&1", "")) {
            assertError(ok().withMembers(List.of(new RouteMember(Tech.SIP, peer, 1, 1, OptionalInt.empty()))),
                    "member", "not a peer name");
        }
    }

    @Test
    void weightsAllZeroOrOutOfRangeAreRefused() {
        assertError(ok().withMembers(List.of(A.withWeight(0), B.withWeight(0))), "members", "all zero");
        assertError(ok().withMembers(List.of(A.withWeight(-1), B)), "member SIP/trunk1", "weight -1");
        assertError(ok().withMembers(List.of(A.withWeight(1001), B)), "member SIP/trunk1", "weight 1001");
        assertTrue(RouteValidator.validate(ok().withStrategy(Strategy.PRIORITY)
                .withMembers(List.of(A.withWeight(0), B.withWeight(0)))).isEmpty(), "weights do not matter there");
    }

    @Test
    void invalidPatternsAreRefused() {
        for (String p : List.of("_9X[.", "_9X.1", "_", "9a", "_9X,1,Hangup()", "_9X;", "")) {
            assertError(new Route("US", List.of(new RoutePattern(p, 0)), List.of(), Strategy.PRIORITY, List.of(A),
                    FailoverPolicy.DEFAULT, 1, 30, 5), "pattern", p.isEmpty() ? "empty" : "not a valid Asterisk");
        }
        assertError(new Route("US", List.of(new RoutePattern("_9X", 2)), List.of(), Strategy.PRIORITY, List.of(A),
                FailoverPolicy.DEFAULT, 1, 30, 5), "pattern", "strip 2");
    }

    @Test
    void aDialTimeoutTooShortForTheAttemptsIsRefused() {
        assertError(ok().withTiming(2, 14, 5), "dial timeout", "too short");
        assertTrue(RouteValidator.validate(ok().withTiming(2, 15, 5)).isEmpty(), "5 + 10 fits 15");
        assertError(ok().withTiming(2, 30, 30), "progress timeout", "below the dial timeout");
        assertError(ok().withTiming(3, 30, 5), "max attempts", "more than the 2 members");
    }

    @Test
    void customerOutcomesNeedTheOverrideAndStillWarn() {
        assertError(ok().withFailover(FailoverPolicy.parse("CHANUNAVAIL,BUSY", false)), "failover", "customer");
        List<RouteProblem> p = RouteValidator.validate(ok().withFailover(FailoverPolicy.parse("CHANUNAVAIL,486", true)));
        assertEquals(1, p.size(), p.toString());
        assertEquals(RouteProblem.Severity.WARNING, p.get(0).severity());
    }

    @Test
    void failsOverOnlyOnCarrierSideFailuresByDefault() {
        FailoverPolicy d = FailoverPolicy.DEFAULT;
        assertTrue(d.failsOver("CHANUNAVAIL", 0));
        assertTrue(d.failsOver("CONGESTION", 503));
        assertTrue(d.failsOver("NOANSWER", 408), "408 is a trigger whatever the status");
        assertTrue(!d.failsOver("BUSY", 486) && !d.failsOver("NOANSWER", 0) && !d.failsOver("CANCEL", 0));
        assertTrue(!d.failsOver("CHANUNAVAIL", 404), "chan_sip maps 404 to CHANUNAVAIL: a wrong number stops");
    }
}
