package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trunkops.topology.Tech;

class LiveSplitTest {

    private static final RouteMember A = new RouteMember(Tech.SIP, "a", 1, 70, OptionalInt.empty());
    private static final RouteMember B = new RouteMember(Tech.SIP, "b", 2, 20, OptionalInt.of(5));
    private static final RouteMember C = new RouteMember(Tech.SIP, "c", 3, 10, OptionalInt.empty());

    /** Percentages rounded to 0.01, so that 200/3 compares as 66.67 whichever way the division rounds. */
    private static List<Double> split(Strategy s, Map<RouteMember, LiveSplit.MemberNow> now) {
        Route r = Route.of("R", new RoutePattern("_9X.", 1), s, List.of(A, B, C));
        return LiveSplit.expected(r, now::get).stream().map(x -> Math.round(x.percent() * 100) / 100.0).toList();
    }

    private static LiveSplit.MemberNow up(int calls) {
        return new LiveSplit.MemberNow(true, calls);
    }

    private static final LiveSplit.MemberNow DOWN = new LiveSplit.MemberNow(false, 0);

    @Test
    void weightedReSpreadsOverTheMembersThatCanTakeACall() {
        assertEquals(List.of(70.0, 20.0, 10.0), split(Strategy.WEIGHTED, Map.of(A, up(0), B, up(0), C, up(0))));
        assertEquals(List.of(0.0, 66.67, 33.33),
                split(Strategy.WEIGHTED, Map.of(A, DOWN, B, up(0), C, up(0))));
        assertEquals(List.of(87.5, 0.0, 12.5),
                split(Strategy.WEIGHTED, Map.of(A, up(0), B, up(5), C, up(0))), "b is full at its max 5");
    }

    @Test
    void priorityRoundRobinAndLeastLoaded() {
        assertEquals(List.of(0.0, 100.0, 0.0), split(Strategy.PRIORITY, Map.of(A, DOWN, B, up(0), C, up(0))));
        assertEquals(List.of(50.0, 0.0, 50.0), split(Strategy.ROUND_ROBIN, Map.of(A, up(0), B, DOWN, C, up(0))));
        assertEquals(List.of(0.0, 100.0, 0.0), split(Strategy.LEAST_LOADED, Map.of(A, up(4), B, up(1), C, up(3))));
        assertEquals(List.of(50.0, 0.0, 50.0), split(Strategy.LEAST_LOADED, Map.of(A, up(2), B, DOWN, C, up(2))));
    }

    @Test
    void nobodyUpMeansNoShareAndSaysWhy() {
        Route r = Route.of("R", new RoutePattern("_9X.", 1), Strategy.WEIGHTED, List.of(A, B));
        List<LiveSplit.Share> s = LiveSplit.expected(r, m -> DOWN);
        assertEquals(0.0, s.get(0).percent());
        assertEquals("down", s.get(0).why());
    }
}
