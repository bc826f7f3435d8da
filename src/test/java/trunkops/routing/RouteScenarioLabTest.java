package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import trunkops.lab.RouteLab;
import trunkops.lab.RouteLab.Call;
import trunkops.lab.RouteLab.Scenario;
import trunkops.topology.Tech;

/**
 * Acceptance of issue 9: the generated route (RouteGenerator) of every strategy, loaded into a lab dialer
 * configured like the capture of seed-dialplan-measured.md, through its six scenarios, with calls originated over
 * the lab's AMI as ViciDial does (async Local originate, 30 s timeout, CAMPDTO=30). Per call: a live trunk connects
 * it, the trunk dials the number without the stripped prefix, BUSY is never re-dialed, every attempt starts inside
 * the dial timeout, one TrunkOpsAttempt per Dial and one TrunkOpsResult per Dial that returns. The weighted split
 * is measured over 1,000 calls. Results go to target/route-scenarios.txt.
 */
class RouteScenarioLabTest {

    static final double SPEED = 50;
    static final int CALLS = 20;
    static final String NUMBER = "912125551234";
    static final String DIALED = "12125551234";
    static final String T1 = "SIP/trunk1";
    static final String T2 = "SIP/trunk2";
    private static final Map<String, String> RESULTS = new ConcurrentSkipListMap<>();

    static RouteVersion route(Strategy s) {
        Route r = Route.of("R1", new RoutePattern("_91NXXNXXXXXX", 1), s, List.of(
                new RouteMember(Tech.SIP, "trunk1", 1, 70, OptionalInt.empty()),
                new RouteMember(Tech.SIP, "trunk2", 2, 30, OptionalInt.empty())));
        return new RouteVersion(r, 1, "lab", Instant.EPOCH, "");
    }

    static RouteLab lab(Strategy s) throws IOException {
        RouteLab lab = new RouteLab(SPEED);
        lab.loadDialplan("[trunkops-test]\n" + RouteGenerator.render(route(s)).dialplanEntry());
        return lab;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (Scenario sc : Scenario.values()) {
                out.add(Arguments.of(s, sc));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void scenario(Strategy strategy, Scenario scenario) throws IOException {
        long wall = System.nanoTime();
        try (RouteLab lab = lab(strategy)) {
            scenario.apply(lab);
            List<Call> calls = lab.originate(CALLS, NUMBER, "trunkops-test", 30, Duration.ofSeconds(60));
            int connected = 0;
            int attempts = 0;
            int firstOnT1 = 0;
            for (Call c : calls) {
                List<String> tried = c.attemptedTrunks();
                String why = strategy + " " + scenario + " " + c.userEvents;
                checkEveryCall(c, tried, why);
                checkScenario(strategy, scenario, c, tried, why);
                connected += Boolean.TRUE.equals(c.connected) ? 1 : 0;
                attempts += tried.size();
                firstOnT1 += !tried.isEmpty() && tried.get(0).equals(T1) ? 1 : 0;
            }
            if (strategy == Strategy.ROUND_ROBIN && scenario == Scenario.A_BOTH_UP) {
                assertTrue(firstOnT1 >= CALLS / 2 - 1 && firstOnT1 <= CALLS / 2 + 1, "round-robin " + firstOnT1);
            }
            RESULTS.put(strategy.ordinal() + " " + strategy + " " + scenario, String.format(
                    "connected %d/%d, attempts %d, first try trunk1/trunk2 %d/%d, wall %d ms", connected, CALLS,
                    attempts, firstOnT1, CALLS - firstOnT1, (System.nanoTime() - wall) / 1_000_000));
        }
    }

    private static void checkEveryCall(Call c, List<String> tried, String why) {
        assertEquals(tried.size(), c.dialBegins.size(), "one TrunkOpsAttempt per Dial: " + why);
        for (Map<String, String> d : c.dialBegins) {
            assertEquals(d.get("DestChannel").substring(4, 10) + "/" + DIALED, d.get("DialString"), why);
        }
        int returned = tried.size() - (Boolean.TRUE.equals(c.connected) ? 1 : 0);
        assertEquals(returned, c.events("TrunkOpsResult").size(), "one TrunkOpsResult per returning Dial: " + why);
        for (long t : c.attemptLabMillis) {
            assertTrue(t - c.sentLabMillis < 30_000, "attempt after the dial timeout: " + why);
        }
        for (Map<String, String> r : c.events("TrunkOpsResult")) {
            String st = r.get("dialstatus");
            if (st.equals("BUSY") || st.equals("NOANSWER") || st.equals("CANCEL")) {
                assertEquals("stop", r.get("next"), "customer outcome must not fail over: " + why);
            }
        }
    }

    private static void checkScenario(Strategy s, Scenario sc, Call c, List<String> tried, String why) {
        if (sc == Scenario.D_TRUNK1_486) {
            assertEquals(1, tried.size(), "no re-dial of a busy customer: " + why);
            assertEquals(tried.get(0).equals(T2), c.connected, why);
            if (s == Strategy.PRIORITY) {
                assertEquals(List.of(T1), tried, why);
            }
            return;
        }
        assertTrue(c.connected, "a live trunk can carry it: " + why);
        switch (sc) {
            case A_BOTH_UP -> {
                assertEquals(1, tried.size(), why);
                if (s == Strategy.PRIORITY) {
                    assertEquals(List.of(T1), tried, why);
                }
            }
            case B_TRUNK1_UNREACHABLE -> {
                assertEquals(List.of(T2), tried, why);
                assertEquals("unavailable", c.events("TrunkOpsSkip").get(0).get("reason"), why);
            }
            case C_TRUNK1_DEAD_STILL_OK, E_TRUNK1_503 -> {
                assertEquals(T2, tried.get(tried.size() - 1), why);
                if (tried.size() == 2) {
                    Map<String, String> r = c.events("TrunkOpsResult").get(0);
                    assertEquals(sc == Scenario.E_TRUNK1_503 ? "CONGESTION" : "CHANUNAVAIL", r.get("dialstatus"));
                    assertEquals(sc == Scenario.E_TRUNK1_503 ? "503" : "", r.get("sipcause"), why);
                    assertEquals("failover", r.get("next"), why);
                }
                if (s == Strategy.PRIORITY && sc == Scenario.E_TRUNK1_503) {
                    assertEquals(List.of(T1, T2), tried, why);
                }
            }
            case F_TRUNK2_UNREACHABLE -> assertEquals(List.of(T1), tried, why);
            default -> throw new IllegalStateException(sc.name());
        }
    }

    @Test
    void weightedSplitOverAThousandCallsAndTheOfflineSwitch() throws IOException {
        long wall = System.nanoTime();
        try (RouteLab lab = lab(Strategy.WEIGHTED)) {
            int onT1 = 0;
            for (int batch = 0; batch < 5; batch++) {
                for (Call c : lab.originate(200, NUMBER, "trunkops-test", 30, Duration.ofSeconds(120))) {
                    assertTrue(c.connected, c.userEvents.toString());
                    onT1 += c.attemptedTrunks().equals(List.of(T1)) ? 1 : 0;
                }
            }
            double share = onT1 / 10.0;
            RESULTS.put("9 weighted 70/30 split", String.format("trunk1 %.1f %% of 1000 calls, wall %d ms", share,
                    (System.nanoTime() - wall) / 1_000_000));
            assertTrue(share >= 65 && share <= 75, "trunk1 share " + share);

            lab.lab.pbx.astdb().put("trunkops", "admin/trunk1", "offline:0");
            for (Call c : lab.originate(100, NUMBER, "trunkops-test", 30, Duration.ofSeconds(60))) {
                assertEquals(List.of(T2), c.attemptedTrunks(), "trunk1 forced offline");
                assertEquals("offline", c.events("TrunkOpsSkip").get(0).get("reason"));
                assertTrue(c.connected);
            }
            long past = lab.lab.clock.nowMillis() / 1000 - 60;
            lab.lab.pbx.astdb().put("trunkops", "admin/trunk1", "offline:" + past);
            int back = 0;
            for (Call c : lab.originate(100, NUMBER, "trunkops-test", 30, Duration.ofSeconds(60))) {
                assertTrue(c.connected);
                assertTrue(c.events("TrunkOpsSkip").isEmpty(), "an expired offline counts as absent");
                back += c.attemptedTrunks().get(0).equals(T1) ? 1 : 0;
            }
            assertFalse(back == 0, "trunk1 takes calls again after its offline expired");
            RESULTS.put("9 weighted offline", "offline:0 -> 100/100 on trunk2; expired -> trunk1 " + back + "/100");
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Strategy.class)
    void offlineMemberLeavesTheRestAndAnExpiredOneComesBack(Strategy strategy) throws IOException {
        try (RouteLab lab = lab(strategy)) {
            lab.lab.pbx.astdb().put("trunkops", "admin/trunk1", "offline:0");
            for (Call c : lab.originate(CALLS, NUMBER, "trunkops-test", 30, Duration.ofSeconds(60))) {
                assertEquals(List.of(T2), c.attemptedTrunks(), strategy + " " + c.userEvents);
                assertTrue(c.connected);
            }
            lab.lab.pbx.astdb().put("trunkops", "admin/trunk1", "offline:" + (lab.lab.clock.nowMillis() / 1000 - 5));
            int onT1 = 0;
            for (Call c : lab.originate(CALLS, NUMBER, "trunkops-test", 30, Duration.ofSeconds(60))) {
                assertTrue(c.connected);
                onT1 += c.attemptedTrunks().get(0).equals(T1) ? 1 : 0;
            }
            assertTrue(onT1 > 0, strategy + ": trunk1 back after its offline expired");
            RESULTS.put("8 offline " + strategy, "offline:0 -> " + CALLS + "/" + CALLS + " on trunk2; expired -> "
                    + "trunk1 first " + onT1 + "/" + CALLS);
        }
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder b = new StringBuilder();
        RESULTS.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        Files.writeString(Path.of("target", "route-scenarios.txt"), b, StandardCharsets.UTF_8);
    }
}
