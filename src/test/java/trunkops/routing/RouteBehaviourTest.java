package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import trunkops.topology.Tech;

/**
 * The generated dialplan run by MiniPbx through the six scenarios of seed-dialplan-measured.md and the balancing
 * rules. (The lab runs the same text through its simulated Asterisk; this catches generator slips in seconds.)
 */
class RouteBehaviourTest {

    private static final String NUMBER = "912125551234";
    private static final MiniPbx.Outcome UNREACHABLE = new MiniPbx.Outcome("CHANUNAVAIL", 20, null, 0);
    private static final MiniPbx.Outcome SILENT = new MiniPbx.Outcome("CHANUNAVAIL", 18, null, 99);
    private static final MiniPbx.Outcome BUSY = new MiniPbx.Outcome("BUSY", 17, "SIP 486 Busy Here", 0.1);
    private static final MiniPbx.Outcome DOWN503 = new MiniPbx.Outcome("CONGESTION", 34,
            "SIP 503 Service Unavailable", 0.1);

    private static String text(Strategy s, RouteMember... members) {
        Route r = Route.of("US-OUT", new RoutePattern("_91NXXNXXXXXX", 1), s, List.of(members));
        return RouteGenerator.render(new RouteVersion(r, 5, "t", Instant.EPOCH, "")).dialplanEntry();
    }

    private static RouteMember m(String peer, int priority, int weight) {
        return new RouteMember(Tech.SIP, peer, priority, weight, OptionalInt.empty());
    }

    private static MiniPbx call(String text, Map<String, MiniPbx.Outcome> far, Random rnd,
                                java.util.function.Consumer<MiniPbx> setup) {
        Function<String, MiniPbx.Outcome> f = peer -> far.getOrDefault(peer, MiniPbx.Outcome.answer());
        MiniPbx pbx = new MiniPbx(rnd, f).set("CAMPDTO", "30");
        setup.accept(pbx);
        double start = pbx.clock;
        pbx.run(text, "_91NXXNXXXXXX", NUMBER);
        assertTrue(pbx.clock - start <= 30, "inside the budget: " + (pbx.clock - start));
        assertEquals(pbx.dials.size(), pbx.events.stream().filter(e -> e.startsWith("TrunkOpsAttempt,")).count(),
                "one Attempt event per Dial");
        for (MiniPbx.Dialed d : pbx.dials) {
            assertTrue(d.dest().endsWith("/12125551234"), "the number, stripped of the prefix: " + d.dest());
            assertEquals("To", d.options());
        }
        return pbx;
    }

    private static List<String> trunks(MiniPbx pbx) {
        return pbx.dials.stream().map(d -> d.dest().substring(0, d.dest().lastIndexOf('/'))).toList();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void theSixScenarios(Strategy s) {
        String t = text(s, m("trunk1", 1, 70), m("trunk2", 2, 30));
        Random rnd = new Random(1);
        // a: both up: one attempt, answered
        MiniPbx a = call(t, Map.of(), rnd, p -> { });
        assertEquals("answered", a.result);
        assertEquals(1, a.dials.size());
        // b: trunk1 already UNREACHABLE: skipped, trunk2 carries the call
        MiniPbx b = call(t, Map.of("SIP/trunk1", UNREACHABLE), rnd,
                p -> p.deviceStates.put("SIP/trunk1", "UNAVAILABLE"));
        assertEquals("answered", b.result);
        assertEquals(List.of("SIP/trunk2"), trunks(b));
        assertTrue(b.events.get(0).startsWith("TrunkOpsSkip,route: US-OUT,version: 5,trunk: SIP/trunk1,reason: unavailable"));
        for (int i = 0; i < 20; i++) {
            // c: trunk1 dead but not detected: the progress timeout ends it, trunk2 answers
            MiniPbx c = call(t, Map.of("SIP/trunk1", SILENT), rnd, p -> { });
            assertEquals("answered", c.result);
            assertTrue(c.clock - 1_700_000_000.25 <= 5.01, "lost at most the progress timeout");
            // d: 486 on trunk1: the customer is busy, never re-dialed
            MiniPbx d = call(t, Map.of("SIP/trunk1", BUSY, "SIP/trunk2", BUSY), rnd, p -> { });
            assertEquals(1, d.dials.size(), "no re-dial on BUSY");
            assertTrue(d.events.get(1).contains("dialstatus: BUSY,hangupcause: 17,sipcause: 486,next: stop"),
                    d.events.toString());
            // e: 503 on trunk1: fails over
            MiniPbx e = call(t, Map.of("SIP/trunk1", DOWN503), rnd, p -> { });
            assertEquals("answered", e.result);
            assertTrue(trunks(e).size() <= 2 && trunks(e).get(trunks(e).size() - 1).equals("SIP/trunk2")
                    || trunks(e).equals(List.of("SIP/trunk2")), trunks(e).toString());
            // f: trunk2 unreachable, trunk1 healthy
            MiniPbx f = call(t, Map.of("SIP/trunk2", UNREACHABLE), rnd,
                    p -> p.deviceStates.put("SIP/trunk2", "UNAVAILABLE"));
            assertEquals(List.of("SIP/trunk1"), trunks(f));
        }
    }

    @Test
    void weightedSplitsByWeightAndReSpreadsOverWhatIsUp() {
        String t = text(Strategy.WEIGHTED, m("trunk1", 1, 70), m("trunk2", 2, 30));
        Random rnd = new Random(42);
        int first = 0;
        for (int i = 0; i < 1000; i++) {
            first += trunks(call(t, Map.of(), rnd, p -> { })).get(0).equals("SIP/trunk1") ? 1 : 0;
        }
        assertTrue(Math.abs(first - 700) <= 50, "70/30 within 5 points: " + first);
        int live = 0;
        for (int i = 0; i < 1000; i++) {
            live += trunks(call(t, Map.of(), rnd, p -> {
                p.db.put("trunkops/weight/US-OUT/trunk1", "10");
                p.db.put("trunkops/weight/US-OUT/trunk2", "garbage"); // falls back to the rendered 30
            })).get(0).equals("SIP/trunk1") ? 1 : 0;
        }
        assertTrue(Math.abs(live - 250) <= 50, "live weights 10/30: " + live);
        for (int i = 0; i < 50; i++) {
            MiniPbx off = call(t, Map.of(), rnd, p -> p.db.put("trunkops/admin/trunk1", "offline:0"));
            assertEquals(List.of("SIP/trunk2"), trunks(off));
            assertTrue(off.events.get(0).endsWith("trunk: SIP/trunk1,reason: offline"), off.events.get(0));
        }
        MiniPbx expired = call(t, Map.of("SIP/trunk2", BUSY), new Random(3),
                p -> p.db.put("trunkops/admin/trunk2", "drain:1600000000"));
        assertTrue(expired.events.stream().noneMatch(e -> e.startsWith("TrunkOpsSkip")), "an expired flag is absent");
        MiniPbx drain = call(t, Map.of(), rnd, p -> p.db.put("trunkops/admin/trunk1", "drain:1800000000"));
        assertEquals(List.of("SIP/trunk2"), trunks(drain));
    }

    @Test
    void roundRobinRotatesWithItsAstdbCounter() {
        String t = text(Strategy.ROUND_ROBIN, m("a", 1, 1), m("b", 2, 1), m("c", 3, 1));
        MiniPbx shared = new MiniPbx(new Random(1), p -> MiniPbx.Outcome.answer());
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            MiniPbx p = new MiniPbx(new Random(1), x -> MiniPbx.Outcome.answer());
            p.db.putAll(shared.db);
            if (i >= 3) {
                p.deviceStates.put("SIP/b", "UNAVAILABLE");
            }
            p.run(t, "_91NXXNXXXXXX", NUMBER);
            shared.db.putAll(p.db);
            order.append(trunks(p).get(0).substring(4));
        }
        // counter 0,1,2: a b c; then b is down: the rotation runs over a and c (counter 3,4,5 -> 2nd, 1st, 2nd)
        assertEquals("abccac", order.toString());
        assertEquals("0", shared.db.get("trunkops/rr/US-OUT"), "6 calls: wrapped at 6 = lcm(1,2,3)");
    }

    @Test
    void leastLoadedTakesTheQuietestAndFullMembersAreSkipped() {
        RouteMember capped = new RouteMember(Tech.SIP, "b", 2, 1, OptionalInt.of(3));
        String t = text(Strategy.LEAST_LOADED, m("a", 1, 1), capped, m("c", 3, 1));
        MiniPbx p = call(t, Map.of(), new Random(1), x -> {
            x.groupCounts.put("a@trunkops", 5);
            x.groupCounts.put("b@trunkops", 1);
            x.groupCounts.put("c@trunkops", 2);
        });
        assertEquals(List.of("SIP/b"), trunks(p));
        assertEquals("b@trunkops", p.group);
        MiniPbx full = call(t, Map.of(), new Random(1), x -> {
            x.groupCounts.put("a@trunkops", 5);
            x.groupCounts.put("b@trunkops", 3);
            x.groupCounts.put("c@trunkops", 4);
        });
        assertEquals(List.of("SIP/c"), trunks(full));
        assertTrue(full.events.get(0).endsWith("trunk: SIP/b,reason: full"), full.events.toString());
        MiniPbx liveMax = call(text(Strategy.PRIORITY, m("a", 1, 1), m("c", 2, 1)), Map.of(), new Random(1), x -> {
            x.db.put("trunkops/max/US-OUT/a", "2");
            x.groupCounts.put("a@trunkops", 2);
        });
        assertEquals(List.of("SIP/c"), trunks(liveMax), "the live max from ASTDB applies to every strategy");
    }

    @Test
    void noUsableMemberEndsAsChanunavailWithoutADial() {
        String t = text(Strategy.WEIGHTED, m("a", 1, 1), m("b", 2, 1));
        MiniPbx p = call(t, Map.of(), new Random(1), x -> {
            x.db.put("trunkops/admin/a", "offline:0");
            x.deviceStates.put("SIP/b", "UNAVAILABLE");
        });
        assertEquals(List.of(), p.dials);
        assertEquals("hangup", p.result);
        assertEquals("CHANUNAVAIL", p.subst("${DIALSTATUS}"));
        assertEquals(2, p.events.size(), "two Skip events: " + p.events);
    }

    @Test
    void attemptsStopWhenTheBudgetIsSpent() {
        String t = text(Strategy.PRIORITY, m("a", 1, 1), m("b", 2, 1), m("c", 3, 1));
        MiniPbx p = call(t, Map.of("SIP/a", SILENT, "SIP/b", SILENT, "SIP/c", SILENT), new Random(1),
                x -> x.set("CAMPDTO", "12"));
        assertEquals(List.of("12^5", "6^5"), p.dials.stream().map(MiniPbx.Dialed::timeout).toList(),
                "the second attempt gets what is left (12 - 5 - 1 s reserve), the third would get less than 2 s");
        assertEquals("hangup", p.result);
        MiniPbx noCampdto = call(t, Map.of("SIP/a", BUSY), new Random(1), x -> x.set("CAMPDTO", ""));
        assertEquals("30^5", noCampdto.dials.get(0).timeout(), "the route's dial timeout without CAMPDTO");
    }
}
