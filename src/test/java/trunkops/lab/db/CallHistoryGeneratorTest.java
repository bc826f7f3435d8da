package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;

/** The generator's decisions, checked without a database. */
class CallHistoryGeneratorTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** 22:00 local: the BlueLine incident falls at 17:00, the orbit-east outage at 13:00. */
    static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    static final long SEED = 20261127L;

    private static final Pattern LOCAL_CHANNEL = Pattern.compile("Local/[0-9]+@default-[0-9a-f]{8};2");
    private static LabClusterSpec spec;
    private static HistoryOptions options;
    private static CallHistory history;

    @BeforeAll
    static void generate() {
        spec = LabDefaults.cluster();
        options = HistoryOptions.withDefaultIncidents(spec, NOW, SEED, ZONE);
        history = new CallHistoryGenerator(spec).generate(options);
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
        List<GeneratedCall> seen = new ArrayList<>();
        CallHistory again = new CallHistoryGenerator(spec).generate(options, seen::add);
        assertEquals(history, again);
        assertEquals(history.calls().size(), seen.size(), "the truth callback sees every kept attempt");
        CallHistory other = new CallHistoryGenerator(spec).generate(
                HistoryOptions.withDefaultIncidents(spec, NOW, SEED + 1, ZONE));
        assertNotEquals(history.calls(), other.calls());
    }

    @Test
    void everyAttemptIsRoutedTheWayItsDialerWould() {
        Map<String, CarrierRouter> routers = new HashMap<>();
        for (LabClusterSpec.Server s : spec.servers()) {
            routers.put(s.serverIp(), CarrierRouter.forServer(s.serverIp(), spec.carriers()));
        }
        Map<Long, String> listPrefix = new HashMap<>();
        spec.lists().forEach(l -> listPrefix.put(l.listId(), l.dialPrefix()));
        Map<String, String> campaignPrefix = new HashMap<>();
        spec.campaigns().forEach(c -> campaignPrefix.put(c.campaignId(), c.dialPrefix()));
        assertTrue(history.calls().size() > 20_000, "a day of traffic: " + history.calls().size());
        for (GeneratedCall call : history.calls()) {
            String prefix = listPrefix.get(call.listId()).isEmpty() ? campaignPrefix.get(call.campaignId())
                    : listPrefix.get(call.listId());
            assertTrue(call.dialString().matches(Pattern.quote(prefix) + "1[2-9][0-9]{2}[2-9][0-9]{6}"),
                    call.dialString());
            String expected = routers.get(call.serverIp()).route(call.dialString())
                    .map(CarrierRouter.Route::carrierId).orElse(null);
            assertEquals(expected, call.carrierId(), call.dialString());
            assertTrue(call.routed(), "every default campaign prefix has a carrier on its dialers");
            assertTrue(LOCAL_CHANNEL.matcher(call.localChannel()).matches(), call.localChannel());
            assertTrue(call.localChannel().startsWith("Local/" + call.dialString() + "@default-"));
            assertTrue(call.end().isBefore(NOW) && !call.originate().isBefore(NOW.minus(Duration.ofHours(24))));
        }
        Set<String> carriers = new HashSet<>();
        history.calls().forEach(c -> carriers.add(c.carrierId()));
        assertEquals(Set.of("NSVOICE", "BLUELINE", "ORBIT", "VELOX"), carriers);
    }

    @Test
    void callerCodesAndUniqueidsLookLikeViciDialsAndAsterisks() {
        DateTimeFormatter cid = DateTimeFormatter.ofPattern("MMddHHmmss");
        Set<String> uniqueids = new HashSet<>();
        for (GeneratedCall call : history.calls()) {
            assertEquals(20, call.callerCode().length(), call.callerCode());
            String date = LocalDateTime.ofInstant(call.originate(), ZONE).format(cid).substring(1);
            assertEquals("V" + date + String.format("%010d", call.leadId()), call.callerCode());
            String[] parts = call.uniqueid().split("\\.");
            assertEquals(2, parts.length);
            assertEquals(call.start().getEpochSecond(), Long.parseLong(parts[0]));
            assertTrue(uniqueids.add(call.uniqueid()), "unique: " + call.uniqueid());
            assertFalse(call.start().isBefore(call.originate()));
            assertFalse(call.end().isBefore(call.start()));
        }
    }

    @Test
    void nightsAreQuiet() {
        int[] perHour = new int[24];
        history.calls().forEach(c -> perHour[LocalDateTime.ofInstant(c.originate(), ZONE).getHour()]++);
        double night = 0;
        double day = 0;
        for (int h = 0; h < 6; h++) {
            night += perHour[h] / 6.0;
        }
        for (int h = 9; h < 20; h++) {
            day += perHour[h] / 11.0;
        }
        assertTrue(night < day * 0.10, "night " + night + "/h vs day " + day + "/h");
        assertTrue(night > 0, "a few stray attempts at night");
    }

    @Test
    void outcomesFollowTheDecidedMapping() {
        for (GeneratedCall call : history.routedCalls()) {
            CallOutcome o = call.outcome();
            assertEquals(call.legs().get(call.legs().size() - 1).outcome(), o);
            long stored = call.legs().stream().filter(l -> l.outcome().storesSipCause()).count();
            if (stored == 1) {
                GeneratedCall.Leg leg = call.legs().stream().filter(l -> l.outcome().storesSipCause()).findFirst()
                        .orElseThrow();
                assertEquals(leg.outcome().sipCode(), call.sipCode());
            } else {
                assertEquals(0, call.sipCode(), "none, or two channels in HANGUPCAUSE_KEYS()");
            }
            if (o == CallOutcome.ANSWER) {
                assertTrue(call.answeredTime() >= 1 && call.dialTime() >= call.answeredTime());
            } else {
                assertEquals(0, call.answeredTime());
            }
            if (o == CallOutcome.CANCELLED && call.legs().size() == 1) {
                assertTrue(call.dialTime() >= call.dialTimeout() - 2 && call.dialTime() <= call.dialTimeout(),
                        call.dialTime() + " vs timeout " + call.dialTimeout());
            }
        }
    }

    @Test
    void theBlueLineIncidentIsMostlyCongestion() {
        HistoryOptions.FarEndIncident incident = options.farEndIncidents().get(0);
        assertEquals("203.0.113.20", incident.host());
        int inside = 0;
        int insideCongestion = 0;
        int outside = 0;
        int outsideCongestion = 0;
        for (GeneratedCall call : history.routedCalls()) {
            if (!call.carrierId().equals("BLUELINE")) {
                continue;
            }
            boolean in = !call.start().isBefore(incident.start()) && call.start().isBefore(incident.end());
            boolean congestion = call.outcome() == CallOutcome.CONGESTION;
            if (in) {
                inside++;
                insideCongestion += congestion ? 1 : 0;
            } else {
                outside++;
                outsideCongestion += congestion ? 1 : 0;
            }
        }
        assertTrue(inside > 100, "BlueLine calls in the window: " + inside);
        assertTrue(insideCongestion > 0.75 * inside, insideCongestion + "/" + inside);
        assertTrue(outsideCongestion < 0.10 * outside, outsideCongestion + "/" + outside);
    }

    @Test
    void theOrbitEastOutageFailsOverToWestAndFlapsOnce() {
        HistoryOptions.FarEndOutage outage = options.farEndOutages().get(0);
        List<PeerEvent> east = history.peerEvents().stream().filter(e -> e.peer().equals("SIP/orbit-east")).toList();
        List<PeerEvent> unreachable = east.stream().filter(e -> e.eventType().equals("UNREACHABLE")).toList();
        assertEquals(1, unreachable.size(), east.toString());
        PeerEvent down = unreachable.get(0);
        assertEquals(LabDefaults.DIALER3_IP, down.serverIp());
        assertEquals("|Time=-1|", down.data());
        assertTrue(!down.time().isBefore(outage.start()) && down.time().isBefore(outage.start().plusSeconds(11)));
        assertTrue(east.stream().anyMatch(e -> e.eventType().equals("REACHABLE") && e.time().isAfter(outage.end())));
        int failedOver = 0;
        for (GeneratedCall call : history.routedCalls()) {
            boolean in = call.start().isAfter(down.time()) && call.start().isBefore(outage.end());
            if (in && call.carrierId().equals("ORBIT")) {
                assertEquals(CallOutcome.PEER_UNREACHABLE, call.legs().get(0).outcome());
                assertEquals("orbit-west", call.legs().get(1).peer());
                failedOver++;
            }
        }
        assertTrue(failedOver > 5, "ORBIT calls during the outage: " + failedOver);
        assertTrue(history.peerEvents().stream().allMatch(e -> e.peer().startsWith("SIP/")
                && List.of("REACHABLE", "LAGGED", "UNREACHABLE").contains(e.eventType())));
        assertTrue(history.peerEvents().stream().noneMatch(e -> e.peer().equals("SIP/velox")), "velox: qualify=no");
    }

    @Test
    void peerEventDataCanCarryPingTimes() {
        CallHistory withTimes = new CallHistoryGenerator(spec).generate(
                options.withPeerEventData(HistoryOptions.PeerEventData.WITH_PING_TIMES));
        assertEquals(history.peerEvents().size(), withTimes.peerEvents().size());
        for (PeerEvent e : withTimes.peerEvents()) {
            assertTrue(e.data().matches("\\|PingTime=-?[0-9]+\\|Time=-?[0-9]+\\|MaxPing=[0-9]+\\|"), e.data());
        }
        assertTrue(history.peerEvents().stream().allMatch(e -> e.data().equals(
                e.eventType().equals("UNREACHABLE") ? "|Time=-1|" : "|")), "stock Asterisk 20 shape by default");
    }
}
