package trunkops.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.control.MaintenanceWindow;
import trunkops.health.TrunkScope;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;

/** The alert rules on sequences of board states: settle, carrier outage folding, flapping, maintenance windows. */
class BoardAlertsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private final Map<TrunkKey, TrunkView> board = new LinkedHashMap<>();
    private final List<Alert> sent = new ArrayList<>();

    private BoardAlertsTest set(String server, String peer, String carrier, TrunkState s, Instant since) {
        TrunkKey k = new TrunkKey(server, Tech.SIP, peer);
        board.put(k, new TrunkView(k, carrier, carrier + " Inc", "10.0.0.1", s, false, TrunkScope.NONE, 20, 0,
                s.label(), since.toEpochMilli(), since.toEpochMilli(), new short[0], 2000));
        return this;
    }

    private List<Alert> step(BoardAlerts a, Instant now) {
        List<Alert> out = a.next(List.copyOf(board.values()), now);
        sent.addAll(out);
        return out;
    }

    private BoardAlerts fresh(MaintenanceCheck m) {
        set("D1", "blue", "BLUE", TrunkState.REACHABLE, T0).set("D2", "blue", "BLUE", TrunkState.REACHABLE, T0)
                .set("D1", "orbit", "ORBIT", TrunkState.REACHABLE, T0);
        BoardAlerts a = new BoardAlerts(AlertRules.defaults(), m);
        assertEquals(List.of(), step(a, T0), "everything up: nothing to say");
        return a;
    }

    @Test
    void aTrunkDownAlertsAfterTheSettleTimeAndUpAgainAlertsOnce() {
        BoardAlerts a = fresh(MaintenanceCheck.NONE);
        Instant t = T0.plusSeconds(60);
        set("D1", "blue", "BLUE", TrunkState.UNREACHABLE, t);
        assertEquals(List.of(), step(a, t), "held for the settle time");
        assertEquals(List.of(), step(a, t.plusSeconds(9)));
        List<Alert> down = step(a, t.plusSeconds(10));
        assertEquals(1, down.size());
        assertEquals(AlertKind.TRUNK_DOWN, down.get(0).kind());
        assertEquals("D1/blue", down.get(0).subject());
        assertEquals(t, down.get(0).at(), "stamped with the state change, not the release");
        assertEquals(List.of(), step(a, t.plusSeconds(20)), "said once");
        set("D1", "blue", "BLUE", TrunkState.REACHABLE, t.plusSeconds(30));
        List<Alert> up = step(a, t.plusSeconds(31));
        assertEquals(List.of(AlertKind.TRUNK_UP), up.stream().map(Alert::kind).toList());
    }

    @Test
    void aBlipShorterThanTheSettleTimeAlertsNothing() {
        BoardAlerts a = fresh(MaintenanceCheck.NONE);
        set("D1", "orbit", "ORBIT", TrunkState.LAGGED, T0.plusSeconds(5));
        step(a, T0.plusSeconds(5));
        set("D1", "orbit", "ORBIT", TrunkState.REACHABLE, T0.plusSeconds(8));
        step(a, T0.plusSeconds(8));
        step(a, T0.plusSeconds(30));
        assertEquals(List.of(), sent);
    }

    @Test
    void everyTrunkOfACarrierDownIsOneOutageAlertAndOneRecovery() {
        BoardAlerts a = fresh(MaintenanceCheck.NONE);
        Instant t = T0.plusSeconds(60);
        set("D1", "blue", "BLUE", TrunkState.UNREACHABLE, t);
        step(a, t);
        set("D2", "blue", "BLUE", TrunkState.UNREACHABLE, t.plusSeconds(4));
        List<Alert> out = step(a, t.plusSeconds(4));
        assertEquals(List.of(AlertKind.CARRIER_OUTAGE), out.stream().map(Alert::kind).toList());
        assertEquals("BLUE", out.get(0).carrierId());
        assertTrue(out.get(0).detail().contains("D1/blue") && out.get(0).detail().contains("D2/blue"));
        step(a, t.plusSeconds(60));
        assertEquals(1, sent.size(), "the trunks' own down alerts were folded into the outage");
        set("D2", "blue", "BLUE", TrunkState.REACHABLE, t.plusSeconds(120));
        out = step(a, t.plusSeconds(120));
        assertEquals(List.of(AlertKind.CARRIER_RECOVERED, AlertKind.TRUNK_DOWN), out.stream().map(Alert::kind)
                .toList(), "the trunk still down is news of its own after the recovery");
        assertTrue(out.get(0).detail().contains("still down: D1/blue"), out.get(0).detail());
        assertEquals("D1/blue", out.get(1).subject());
        assertEquals(List.of(), step(a, t.plusSeconds(200)));
    }

    @Test
    void flappingIsOneAlertThenSilenceThenOneEnd() {
        BoardAlerts a = fresh(MaintenanceCheck.NONE);
        Instant t = T0;
        // down 30 s, up 30 s, six times: 12 changes in 6 minutes
        for (int i = 0; i < 6; i++) {
            t = t.plusSeconds(30);
            set("D1", "orbit", "ORBIT", TrunkState.UNREACHABLE, t);
            step(a, t);
            step(a, t.plusSeconds(15));
            t = t.plusSeconds(30);
            set("D1", "orbit", "ORBIT", TrunkState.REACHABLE, t);
            step(a, t);
        }
        List<AlertKind> kinds = sent.stream().map(Alert::kind).toList();
        assertEquals(List.of(AlertKind.TRUNK_DOWN, AlertKind.TRUNK_UP, AlertKind.TRUNK_FLAPPING), kinds,
                "the third change within 10 min turns into one flapping alert, the rest are held back");
        step(a, t.plusSeconds(599));
        assertEquals(3, sent.size(), "not quiet long enough yet");
        List<Alert> end = step(a, t.plusSeconds(600));
        assertEquals(List.of(AlertKind.FLAPPING_ENDED), end.stream().map(Alert::kind).toList());
        assertTrue(end.get(0).title().endsWith("up"), end.get(0).title());
        assertTrue(end.get(0).detail().startsWith("9 changes held back"), end.get(0).detail());
    }

    @Test
    void blipsCountTowardFlappingThoughTheyAlertNothingAlone() {
        BoardAlerts a = fresh(MaintenanceCheck.NONE);
        Instant t = T0;
        for (int i = 0; i < 2; i++) {
            t = t.plusSeconds(20);
            set("D1", "orbit", "ORBIT", TrunkState.UNREACHABLE, t);
            step(a, t);
            set("D1", "orbit", "ORBIT", TrunkState.REACHABLE, t.plusSeconds(3));
            step(a, t.plusSeconds(3));
        }
        assertEquals(List.of(AlertKind.TRUNK_FLAPPING), sent.stream().map(Alert::kind).toList());
    }

    @Test
    void noAlertForATrunkInAMaintenanceWindowNorForItsCarrier() {
        MaintenanceWindow w = new MaintenanceWindow(Tech.SIP, "blue", List.of(), T0.plusSeconds(30),
                T0.plus(Duration.ofHours(1)), Optional.empty(), "core upgrade", Optional.empty(), "noc", T0);
        BoardAlerts a = fresh(MaintenanceCheck.of(List.of(w), Duration.ofMinutes(2)));
        Instant t = T0.plusSeconds(60);
        set("D1", "blue", "BLUE", TrunkState.UNREACHABLE, t).set("D2", "blue", "BLUE", TrunkState.UNREACHABLE, t);
        step(a, t);
        step(a, t.plusSeconds(60));
        assertEquals(List.of(), sent, "in the window: no trunk alert, no carrier outage");
        step(a, T0.plus(Duration.ofMinutes(61)));
        assertEquals(List.of(), sent, "still inside the grace after the window");
        step(a, T0.plus(Duration.ofMinutes(63)));
        List<Alert> out = step(a, T0.plus(Duration.ofMinutes(63)).plusSeconds(10));
        assertEquals(List.of(AlertKind.CARRIER_OUTAGE), sent.stream().map(Alert::kind).toList(),
                "down after the window ended: that is news");
        assertTrue(out.isEmpty() || out.get(0).kind() == AlertKind.CARRIER_OUTAGE);
    }

    @Test
    void staleAndUnknownSayNothing() {
        BoardAlerts a = fresh(MaintenanceCheck.NONE);
        set("D1", "blue", "BLUE", TrunkState.STALE, T0.plusSeconds(5)).set("D2", "blue", "BLUE", TrunkState.UNKNOWN,
                T0.plusSeconds(5));
        step(a, T0.plusSeconds(5));
        step(a, T0.plusSeconds(60));
        assertEquals(List.of(), sent);
    }
}
