package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.lab.LabDefaults;

/**
 * The incremental cursor on a real MariaDB: rows of dialers whose clocks disagree arrive out of call_date order,
 * rows change after they were read (SIP causes filled in later), rows arrive later than the overlap, and nothing is
 * lost or counted twice. Each step compares the engine with {@code COUNT(*)} in the database.
 */
class IncrementalCursorLabTest {

    private static final String D1 = LabDefaults.DIALER1_IP;
    private static final String D2 = LabDefaults.DIALER2_IP;
    private static final String D3 = LabDefaults.DIALER3_IP;
    private static LabDb lab;
    private static ViciWrites w;
    private static int seq;

    @BeforeAll
    static void start() throws Exception {
        lab = LabDb.start("cursor", LabDefaults.cluster());
        w = lab.writes();
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private static String call(String server, LocalDateTime at, String dial, String status) throws Exception {
        String uniqueid = "1800000000." + (++seq);
        w.autoDial(uniqueid, at, server, dial, status, status.equals("ANSWER") ? 16 : 0,
                status.equals("ANSWER") ? 200 : 180, status.equals("ANSWER") ? "OK" : "Ringing");
        return uniqueid;
    }

    private static long held(CarrierTrafficEngine e) {
        return e.totals(e.windowStart(), e.databaseNow().plusHours(1), Dimension.CARRIER, List.of()).values()
                .stream().mapToLong(CarrierMetrics::attempts).sum();
    }

    private static long inDatabase(CarrierTrafficEngine e) throws Exception {
        return w.count("SELECT COUNT(*) FROM vicidial_carrier_log WHERE call_date >= ?", e.windowStart());
    }

    @Test
    void skewedLateAndUpdatedRowsAreCountedOnce() throws Exception {
        LocalDateTime now = lab.repository().now();
        // history: a quiet dialer whose newest row is 10 minutes old (the cursor starts far behind the clock)
        call(D1, now.minusHours(3), "912025550101", "ANSWER");
        call(D1, now.minusMinutes(10), "912025550102", "CANCEL");
        CarrierTrafficEngine e = new CarrierTrafficEngine(lab.repository(), CarrierTrafficEngine.Settings.defaults()
                .withReconcile(Duration.ofHours(2), 1));
        e.setTopology(lab.topology());
        assertEquals(2, e.refresh().rowsRead());
        assertEquals(2, held(e));
        CarrierTrafficEngine.Stats quiet = e.refresh();
        assertEquals(0, quiet.rowsChanged(), "re-reading behind a quiet cursor counts nothing twice");
        assertEquals(2, held(e));

        now = lab.repository().now();
        call(D1, now, "912025550103", "ANSWER");
        call(D1, now, "812025550104", "CANCEL");
        assertEquals(2, e.refresh().rowsChanged());
        // DIALER2's clock is 40 s behind: its newest rows land before the cursor, inside the 60 s overlap
        String behind = call(D2, now.minusSeconds(40), "812025550105", "CANCEL");
        call(D2, now.minusSeconds(39), "912025550106", "BUSY");
        assertEquals(2, e.refresh().rowsChanged());
        assertEquals(6, held(e));
        assertEquals(0, e.refresh().rowsChanged(), "nothing new, nothing counted");

        // AST_manager_listen fills a SIP cause in later: the row changes, the count does not
        w.exec("UPDATE vicidial_carrier_log SET sip_hangup_cause = 487, sip_hangup_reason = 'Request Terminated'"
                + " WHERE uniqueid = ?", behind);
        assertEquals(1, e.refresh().rowsChanged());
        assertEquals(6, held(e));
        CarrierMetrics blue = e.totals(e.windowStart(), e.databaseNow().plusHours(1), Dimension.CARRIER, List.of())
                .get(SeriesKey.carrier("BLUELINE"));
        assertEquals(1L, blue.sipOutcomes().get(new CarrierMetrics.SipOutcome(487, "Request Terminated")));

        // DIALER3's clock is 9 minutes behind (or its writes were held up): far before the overlap; the
        // reconciliation of per-minute counts finds the minute and reloads it
        call(D3, now.minusMinutes(9), "712025550107", "ANSWER");
        call(D3, now.minusMinutes(9), "712025550108", "CONGESTION");
        CarrierTrafficEngine.Stats late = e.refresh();
        assertEquals(0, late.rowsChanged(), "the cursor alone does not see them");
        assertEquals(1, late.minutesReloaded());
        assertEquals(8, held(e));
        assertEquals(inDatabase(e), held(e));

        // a dialer whose clock runs 3 minutes ahead: read (within the 5 min future skew), cursor not dragged along
        LocalDateTime ahead = lab.repository().now().plusMinutes(3);
        call(D1, ahead, "912025550109", "ANSWER");
        e.refresh();
        call(D2, lab.repository().now(), "912025550110", "ANSWER");
        assertEquals(1, e.refresh().rowsChanged(), "a row at the real time after a future row is still read");
        assertEquals(10, held(e));
        assertEquals(inDatabase(e), held(e));
    }
}
