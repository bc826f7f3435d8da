package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import trunkops.db.CarrierLogRow;

/** Metrics of hand-made rows, every number checked by hand; NULL and odd values included. */
class TrafficCubeTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 26, 10, 0);
    private final TrafficCube cube = new TrafficCube();
    private final Attribution ns = new Attribution("NSVOICE", "SALES", Attribution.Source.LOCAL_CHANNEL, "9", null);

    private CarrierLogRow row(int second, String status, int cause, int sip, String reason, int dial, int answered) {
        return new CarrierLogRow(CarrierLogRow.second(T.plusSeconds(second)), "192.0.2.11", status, cause, sip,
                reason, dial, answered, "Local/912025550143@default-1;2", null, CarrierLogRow.Details.NOT_LOOKED_UP);
    }

    private void add(CarrierLogRow r) {
        cube.apply(cube.fact(r, ns), 1);
    }

    private CarrierMetrics total() {
        return CubeQueries.totals(cube, CubeQueries.minute(T), CubeQueries.minute(T) + 60, Dimension.CARRIER,
                s -> true, true).get(SeriesKey.carrier("NSVOICE"));
    }

    @Test
    void tenHandCheckedRows() {
        add(row(1, "ANSWER", 16, 200, "OK", 70, 52));         // dial time 18
        add(row(2, "ANSWER", 16, 200, "OK", 31, 20));         // 11
        add(row(3, "BUSY", 17, 486, "Busy Here", 4, 0));      // 4
        add(row(4, "CANCEL", 0, 180, "Ringing", 26, 0));      // 26
        add(row(5, "NOANSWER", 16, 0, "", 30, 0));            // 30
        add(row(6, "CONGESTION", 34, 503, "Service Unavailable", 0, 0)); // 0
        add(row(7, "CONGESTION", 34, 503, "Service Unavailable", 1, 0)); // 1
        add(row(8, "CHANUNAVAIL", 20, 0, "", 0, 0));          // 0
        add(row(9, null, CarrierLogRow.NULL, CarrierLogRow.NULL, null, CarrierLogRow.NULL, 0)); // no dial time
        add(row(61, "DNC", 0, 0, "", 3, 9));                  // odd: answered > dialed → 0
        CarrierMetrics m = total();
        assertEquals(10, m.attempts());
        assertEquals(2, m.answered());
        assertEquals(20.0, m.asr(), 1e-9);
        assertEquals(50.0, m.ner(), 1e-9, "ANSWER 2 + BUSY 1 + CANCEL 1 + NOANSWER 1 of 10");
        assertEquals(5, m.failures());
        assertEquals(3, m.carrierFailures(), "CONGESTION 2 + CHANUNAVAIL 1");
        assertEquals(Map.entry("CONGESTION", 2L), m.topFailure().orElseThrow());
        assertEquals(1, m.dialStatuses().get(CarrierMetrics.NULL_STATUS), "a NULL dialstatus is counted, visibly");
        assertEquals(1, m.dialStatuses().get("DNC"));
        assertEquals(9, m.dialTimeSamples(), "the NULL dial_time row has no dial time");
        assertEquals((18 + 11 + 4 + 26 + 30 + 0 + 1 + 0 + 0) / 9.0, m.dialTimeMean(), 1e-9);
        // sorted: 0 0 0 1 4 11 18 26 30 → nearest rank ceil(0.9 * 9) = 9th = 30
        assertEquals(30.0, m.dialTimeP90(), 1e-9);
        assertEquals(3L, m.sipCodes().get(0), "SIP 0 (none stored) is a code of its own: NOANSWER, CHANUNAVAIL, DNC");
        assertEquals(1L, m.sipCodes().get(-1), "NULL SIP code");
        assertEquals(2L, m.sipOutcomes().get(new CarrierMetrics.SipOutcome(503, "Service Unavailable")));
        assertEquals(2L, m.hangupByStatus().get(new CarrierMetrics.HangupStatus(34, "CONGESTION")));
        assertEquals(1L, m.hangupByStatus().get(new CarrierMetrics.HangupStatus(-1, CarrierMetrics.NULL_STATUS)));
        assertEquals(3L, m.hangupCauses().get(16), "ANSWER x2 + NOANSWER x1 have cause 16");
        assertEquals(List.of("ANSWER", "CONGESTION"), m.dialStatuses().keySet().stream().limit(2).toList(),
                "largest first, ties by name");
    }

    @Test
    void rowsCanBeTakenBackAndMinutesDroppedAndReloaded() {
        CarrierLogRow first = row(1, "CANCEL", 0, 180, "Ringing", 26, 0);
        TrafficCube.Fact f = cube.fact(first, ns);
        cube.apply(f, 1);
        add(row(2, "ANSWER", 16, 200, "OK", 31, 20));
        // AST_manager_listen fills in a SIP cause later: the old contribution goes, the new one comes
        cube.apply(f, -1);
        cube.apply(cube.fact(row(1, "CANCEL", 0, 487, "Request Terminated", 26, 0), ns), 1);
        CarrierMetrics m = total();
        assertEquals(2, m.attempts());
        assertEquals(null, m.sipOutcomes().get(new CarrierMetrics.SipOutcome(180, "Ringing")));
        assertEquals(1L, m.sipOutcomes().get(new CarrierMetrics.SipOutcome(487, "Request Terminated")));
        assertEquals(new TreeMap<>(Map.of(CubeQueries.minute(T), 2L)),
                cube.minuteTotals(CubeQueries.minute(T), CubeQueries.minute(T) + 1));
        cube.dropMinute(CubeQueries.minute(T));
        assertEquals(0, cube.rows());
        assertTrue(total() == null, "nothing left");
    }

    @Test
    void withoutSipColumnsTheSipTablesAreEmptyNotZero() {
        add(new CarrierLogRow(CarrierLogRow.second(T), "192.0.2.11", "CONGESTION", 34, CarrierLogRow.ABSENT, null,
                0, 0, "Local/9@d-1;2", null, CarrierLogRow.Details.NOT_LOOKED_UP));
        CarrierMetrics m = CubeQueries.totals(cube, CubeQueries.minute(T), CubeQueries.minute(T) + 1,
                Dimension.CARRIER, s -> true, false).get(SeriesKey.carrier("NSVOICE"));
        assertFalse(m.sipAvailable());
        assertEquals(Map.of(), m.sipCodes());
        assertEquals(Map.of(), m.sipOutcomes());
        assertEquals(1, m.carrierFailures());
    }

    @Test
    void bucketsAndBreakdowns() {
        Attribution bl = new Attribution("BLUELINE", "RENEW", Attribution.Source.LOCAL_CHANNEL, "8", null);
        for (int minute = 0; minute < 12; minute++) {
            add(row(minute * 60, "ANSWER", 16, 200, "OK", 20, 10));
            cube.apply(cube.fact(new CarrierLogRow(CarrierLogRow.second(T.plusMinutes(minute)), "192.0.2.12",
                    "CONGESTION", 34, 503, "Service Unavailable", 0, 0, "Local/8@d-1;2", null,
                    CarrierLogRow.Details.NOT_LOOKED_UP), bl), 1);
        }
        long from = CubeQueries.minute(T);
        List<MetricsSeries> five = CubeQueries.series(cube, from, from + 15, BucketSize.FIVE_MINUTES,
                Dimension.CARRIER, s -> true, true);
        assertEquals(List.of("BLUELINE", "NSVOICE"), five.stream().map(s -> s.key().carrierId()).toList());
        assertEquals(List.of(5L, 5L, 2L), five.get(1).points().stream().map(p -> p.metrics().attempts()).toList());
        assertEquals(T.plusMinutes(10), five.get(1).points().get(2).start());
        assertEquals(0.0, five.get(0).points().get(0).metrics().asr(), 1e-9);
        List<MetricsSeries> hour = CubeQueries.series(cube, from, from + 60, BucketSize.ONE_HOUR,
                Dimension.CARRIER_SERVER, s -> s.equals("192.0.2.12"), true);
        assertEquals(1, hour.size(), "server filter");
        assertEquals(new SeriesKey("BLUELINE", "192.0.2.12", null), hour.get(0).key());
        assertEquals(12, hour.get(0).points().get(0).metrics().attempts());
        Map<SeriesKey, CarrierMetrics> byCampaign = CubeQueries.totals(cube, from, from + 60,
                Dimension.CARRIER_CAMPAIGN, s -> true, true);
        assertEquals(12, byCampaign.get(new SeriesKey("BLUELINE", null, "RENEW")).attempts());
        assertEquals(24, CubeQueries.overall(cube, from, from + 60, s -> true, true).attempts());
    }
}
