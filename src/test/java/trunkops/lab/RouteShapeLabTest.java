package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lab runs a hand-written route in the generated shape (ASTDB switches, DEVICE_STATE, EPOCH budget,
 * HangupCauseClear, Dial ring^progress, UserEvents, HANGUPCAUSE(chan,tech)) through the six measured scenarios
 * the way Asterisk 20 does — independent of the console's generator.
 */
class RouteShapeLabTest {

    static final double SPEED = 50;
    static final String NUMBER = "912125551234";

    static RouteLab lab() throws IOException {
        RouteLab r = new RouteLab(SPEED);
        r.loadDialplan(FixtureLab.resource("/route-lab/priority-r1.conf"));
        return r;
    }

    @ParameterizedTest
    @EnumSource(RouteLab.Scenario.class)
    void priorityRouteInEveryScenario(RouteLab.Scenario scenario) throws IOException {
        try (RouteLab r = lab()) {
            scenario.apply(r);
            List<RouteLab.Call> calls = r.originate(10, NUMBER, "trunkops-test", 30, Duration.ofSeconds(60));
            for (RouteLab.Call c : calls) {
                assertEquals(scenario.carriable(), c.connected, scenario + " " + c.userEvents);
                List<String> expected = switch (scenario) {
                    case A_BOTH_UP, D_TRUNK1_486, F_TRUNK2_UNREACHABLE -> List.of("SIP/trunk1");
                    case B_TRUNK1_UNREACHABLE -> List.of("SIP/trunk2");
                    default -> List.of("SIP/trunk1", "SIP/trunk2");
                };
                assertEquals(expected, c.attemptedTrunks(), scenario + " " + c.userEvents);
                assertEquals(c.attemptedTrunks().size(), c.dialBegins.size());
                c.dialBegins.forEach(d -> assertTrue(d.get("DialString").endsWith("/12125551234"), d.toString()));
                int returned = c.attemptedTrunks().size() - (Boolean.TRUE.equals(c.connected) ? 1 : 0);
                assertEquals(returned, c.events("TrunkOpsResult").size(), c.userEvents.toString());
                c.attemptLabMillis.forEach(t -> assertTrue(t - c.sentLabMillis < 30_000));
            }
            if (scenario == RouteLab.Scenario.E_TRUNK1_503) {
                Map<String, String> res = calls.get(0).events("TrunkOpsResult").get(0);
                assertEquals("CONGESTION", res.get("dialstatus"));
                assertEquals("34", res.get("hangupcause"));
                assertEquals("SIP 503 Service Unavailable", res.get("sipcause"));
                assertEquals("failover", res.get("next"));
            }
            if (scenario == RouteLab.Scenario.D_TRUNK1_486) {
                Map<String, String> res = calls.get(0).events("TrunkOpsResult").get(0);
                assertEquals("BUSY", res.get("dialstatus"));
                assertEquals("SIP 486 Busy Here", res.get("sipcause"));
                assertEquals("stop", res.get("next"));
            }
            if (scenario == RouteLab.Scenario.C_TRUNK1_DEAD_STILL_OK) {
                Map<String, String> res = calls.get(0).events("TrunkOpsResult").get(0);
                assertEquals("CHANUNAVAIL", res.get("dialstatus"));
                long failover = calls.get(0).attemptLabMillis.get(1) - calls.get(0).attemptLabMillis.get(0);
                assertTrue(failover >= 4000 && failover < 6000, "progress timeout took " + failover + " ms");
                assertEquals("CHANUNAVAIL", calls.get(0).dialEnds.get(0).get("DialStatus"),
                        "app_dial publishes DialEnd CHANUNAVAIL when the progress timeout expires");
            }
        }
    }

    @Test
    void userEventHeaderLayoutIsAsterisks() throws IOException {
        try (RouteLab r = lab()) {
            RouteLab.Call c = r.originate(1, NUMBER, "trunkops-test", 30, Duration.ofSeconds(30)).get(0);
            Map<String, String> e = c.events("TrunkOpsAttempt").get(0);
            assertEquals(List.of("Event", "Privilege", "Timestamp", "Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum",
                    "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context",
                    "Exten", "Priority", "Uniqueid", "Linkedid", "UserEvent", "route", "version", "attempt", "trunk",
                    "labMillis"), List.copyOf(e.keySet()));
            assertEquals("user,all", e.get("Privilege"));
            assertEquals("1", e.get("attempt"));
        }
    }

    @Test
    void offlineSwitchAndItsExpiry() throws IOException {
        try (RouteLab r = lab()) {
            r.lab.pbx.astdb().put("trunkops", "admin/trunk1", "offline:0");
            for (RouteLab.Call c : r.originate(5, NUMBER, "trunkops-test", 30, Duration.ofSeconds(30))) {
                assertEquals(List.of("SIP/trunk2"), c.attemptedTrunks());
                assertEquals("offline", c.events("TrunkOpsSkip").get(0).get("reason"));
            }
            long past = r.lab.clock.nowMillis() / 1000 - 60;
            r.lab.pbx.astdb().put("trunkops", "admin/trunk1", "offline:" + past);
            for (RouteLab.Call c : r.originate(5, NUMBER, "trunkops-test", 30, Duration.ofSeconds(30))) {
                assertEquals(List.of("SIP/trunk1"), c.attemptedTrunks());
            }
            long future = r.lab.clock.nowMillis() / 1000 + 3600;
            r.lab.pbx.astdb().put("trunkops", "admin/trunk1", "offline:" + future);
            for (RouteLab.Call c : r.originate(5, NUMBER, "trunkops-test", 30, Duration.ofSeconds(30))) {
                assertEquals(List.of("SIP/trunk2"), c.attemptedTrunks());
            }
        }
    }
}
