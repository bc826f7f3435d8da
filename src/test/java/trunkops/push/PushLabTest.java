package trunkops.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import trunkops.routing.GeneratedRoute;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;

/**
 * Pushes on the full lab (3 dialers, real MariaDB, real TCP AMI, the lab's keepalive every 2 s): a new weighted
 * route reaches every dialer, verified by ShowDialPlan; the same version again writes nothing; a dialplan that
 * loads only up to a parse error is caught at the canary and rolled back with the others untouched; a stopped
 * keepalive times out and rolls back; a row changed by someone else between build and apply stops the push.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushLabTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PushLabTest.class);
    private static final String ROUTE = String.join("\n",
            "name = RENEW-SPLIT",
            "pattern = _51NXXNXXXXXX strip=1",
            "dialers = all",
            "strategy = weighted",
            "member = SIP/blueline weight=%d priority=1",
            "member = SIP/nsvoice weight=%d priority=2",
            "dial-timeout = 30");

    private static PushLab fx;

    @BeforeAll
    static void start() throws Exception {
        fx = PushLab.start("push-lab-test", Duration.ofSeconds(2), 11L);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static RouteVersion save(int blue, int based) throws Exception {
        RouteStore.SaveResult r = fx.routes().save(RouteFile.parse(String.format(ROUTE, blue, 100 - blue)), based,
                "lab-test", "weights " + blue);
        return assertInstanceOf(RouteStore.SaveResult.Saved.class, r, r.toString()).version();
    }

    private static PushJob.Settings settings(Duration timeout) {
        return new PushJob.Settings(timeout, Duration.ofSeconds(10), Duration.ofMillis(200), Optional.empty(),
                "lab-test");
    }

    private static PushReport push(ChangeSet c, Duration timeout) throws InterruptedException {
        List<PushJob.Progress> steps = new ArrayList<>();
        PushReport r = new PushJob(c, fx.store(), fx.reader(), settings(timeout), steps::add).run();
        LOG.info("push {}: {} {}", c.version().marker(), r.summary(), r.dialers());
        return r;
    }

    private static ChangeSet build(RouteVersion v) throws PushException {
        return ChangeSet.build(v, fx.store().read(v.name()), fx.store().dialers());
    }

    @Test
    @Order(1)
    void aNewWeightedRouteReachesEveryDialerVerified() throws Exception {
        RouteVersion v1 = save(70, 0);
        ChangeSet c = build(v1);
        assertTrue(c.live().isEmpty());
        assertEquals(3, c.dialers().size(), c.dialers().toString());
        assertTrue(c.diff(c.dialers().get(0)).stream().anyMatch(l -> l.startsWith("+") && l.contains(v1.marker())));
        long logs = adminLogRows();
        PushReport r = push(c, Duration.ofSeconds(30));
        assertEquals(PushReport.Outcome.PUSHED, r.outcome(), r.toString());
        assertTrue(r.allNew(), r.toString());
        for (PushStore.Dialer d : c.dialers()) {
            assertTrue(Verifier.check(fx.reader().show(d.serverId(), Verifier.CONTEXT), v1.name(),
                    Optional.of(c.target()), Optional.empty()).isEmpty(), d.serverId());
            LOG.info("{} verified {} after {} ms", d.serverId(), v1.marker(), r.dialers().stream()
                    .filter(x -> x.serverId().equals(d.serverId())).findFirst().orElseThrow().untilVerified()
                    .toMillis());
        }
        assertEquals(Optional.of(c.target()), fx.store().read(v1.name()));
        assertEquals(logs + 2, adminLogRows(), "an ADD (canary) and a MODIFY (all) in vicidial_admin_log");
    }

    @Test
    @Order(2)
    void theSameVersionAgainChangesNothing() throws Exception {
        RouteVersion v1 = fx.routes().version("RENEW-SPLIT", 1).orElseThrow();
        long logs = adminLogRows();
        PushReport r = push(build(v1), Duration.ofSeconds(30));
        assertEquals(PushReport.Outcome.NOTHING_TO_PUSH, r.outcome(), r.toString());
        assertTrue(r.allNew(), "verified already live: " + r);
        assertEquals(logs, adminLogRows());
    }

    @Test
    @Order(3)
    void aDialplanThatLoadsOnlyUpToAParseErrorIsRolledBackAtTheCanary() throws Exception {
        RouteVersion v1 = fx.routes().version("RENEW-SPLIT", 1).orElseThrow();
        RouteVersion v2 = save(50, 1);
        ChangeSet clean = build(v2);
        GeneratedRoute g = clean.generated();
        String[] lines = g.dialplanEntry().split("\n");
        StringBuilder broken = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            broken.append(lines[i]).append('\n');
            if (i == 3) {
                broken.append("[trunkops-broken\n"); // config.c: "no closing ']'": the file loads up to here
            }
        }
        GeneratedRoute bad = new GeneratedRoute(g.carrierId(), broken.toString(), g.globalsString(), g.marker());
        ChangeSet c = ChangeSet.of(v2, bad, clean.live(), clean.dialers());
        PushReport r = push(c, Duration.ofSeconds(30));
        assertEquals(PushReport.Outcome.ROLLED_BACK, r.outcome(), r.toString());
        String canary = c.dialers().get(0).serverId();
        assertTrue(r.summary().contains(canary) && r.summary().contains("missing"), r.summary());
        for (PushReport.DialerState d : r.dialers()) {
            assertEquals(PushReport.State.OLD, d.state(), d.toString());
            assertEquals(d.serverId().equals(canary) ? "rolled back, verified" : "not touched", d.detail());
        }
        assertEquals(clean.live(), fx.store().read("RENEW-SPLIT"), "the v1 row is back");
        for (PushStore.Dialer d : c.dialers()) {
            assertTrue(Verifier.check(fx.reader().show(d.serverId(), Verifier.CONTEXT), v1.name(), clean.live(),
                    Optional.empty()).isEmpty(), d.serverId() + " runs v1");
        }
    }

    @Test
    @Order(4)
    void aStoppedKeepaliveTimesOutAndRollsBack() throws Exception {
        RouteVersion v2 = fx.routes().version("RENEW-SPLIT", 2).orElseThrow();
        ChangeSet c = build(v2);
        fx.lab().faults().stopKeepalive();
        try {
            PushReport r = push(c, Duration.ofSeconds(4));
            assertEquals(PushReport.Outcome.ROLLED_BACK, r.outcome(), r.toString());
            assertTrue(r.summary().contains("rebuild_conf_files still 'Y'"), r.summary());
            assertTrue(r.dialers().stream().allMatch(d -> d.state() == PushReport.State.OLD), r.toString());
            assertEquals(c.live(), fx.store().read("RENEW-SPLIT"));
        } finally {
            fx.lab().faults().restoreKeepalive();
        }
    }

    @Test
    @Order(5)
    void aRowChangedByAnotherConsoleStopsThePushBeforeAnyWrite() throws Exception {
        RouteVersion v2 = fx.routes().version("RENEW-SPLIT", 2).orElseThrow();
        ChangeSet c = build(v2);
        try (Connection x = fx.ds().getConnection(); PreparedStatement ps = x.prepareStatement("UPDATE"
                + " vicidial_server_carriers SET globals_string = 'EDITED=1' WHERE carrier_id = 'RENEW-SPLIT'")) {
            assertEquals(1, ps.executeUpdate());
        }
        long logs = adminLogRows();
        PushReport r = push(c, Duration.ofSeconds(30));
        assertEquals(PushReport.Outcome.STOPPED_CHANGED, r.outcome(), r.toString());
        assertTrue(r.summary().contains("changed since the push was built (globals_string"), r.summary());
        assertTrue(r.summary().contains("-> 'EDITED=1'"), r.summary());
        assertEquals(List.of(new FieldConflict("globals_string", "", "EDITED=1", "")), r.conflicts(),
                "three-way: built from '', live 'EDITED=1', the push would write ''");
        assertEquals("EDITED=1", fx.store().read("RENEW-SPLIT").orElseThrow().globalsString());
        assertEquals(logs, adminLogRows(), "nothing written");
        assertTrue(r.dialers().stream().allMatch(d -> d.detail().equals("not touched")), r.toString());
    }

    @Test
    @Order(6)
    void cancelWhileWaitingForASlowKeepaliveRollsBackVerified() throws Exception {
        try (Connection x = fx.ds().getConnection(); PreparedStatement ps = x.prepareStatement("UPDATE"
                + " vicidial_server_carriers SET globals_string = '' WHERE carrier_id = 'RENEW-SPLIT'")) {
            assertEquals(1, ps.executeUpdate());
        }
        ChangeSet c = build(fx.routes().version("RENEW-SPLIT", 2).orElseThrow());
        fx.lab().faults().slowKeepalive(Duration.ofSeconds(4));
        try {
            List<PushJob.Progress> steps = new ArrayList<>();
            PushJob[] job = new PushJob[1];
            job[0] = new PushJob(c, fx.store(), fx.reader(), settings(Duration.ofSeconds(30)), p -> {
                steps.add(p);
                if (p.step() == PushJob.Step.WAIT_RELOAD) {
                    job[0].cancel();
                }
            });
            PushReport r = job[0].run();
            LOG.info("cancelled push: {} {}", r.summary(), r.dialers());
            assertEquals(PushReport.Outcome.ROLLED_BACK, r.outcome(), r.toString());
            assertTrue(r.summary().contains("cancelled by the operator"), r.summary());
            assertTrue(r.dialers().stream().allMatch(d -> d.state() == PushReport.State.OLD), r.toString());
            assertEquals(c.live(), fx.store().read("RENEW-SPLIT"));
            assertTrue(steps.stream().anyMatch(p -> p.step() == PushJob.Step.ROLLBACK), steps.toString());
        } finally {
            fx.lab().faults().restoreKeepalive();
        }
    }

    @Test
    @Order(7)
    void aDialerDownMidPushIsReportedUnknownAndTheOthersRolledBack() throws Exception {
        ChangeSet c = build(fx.routes().version("RENEW-SPLIT", 2).orElseThrow());
        String down = c.dialers().get(2).serverId();
        fx.lab().faults().dropAmi(down);
        try {
            PushReport r = push(c, Duration.ofSeconds(30));
            assertEquals(PushReport.Outcome.FAILED, r.outcome(), r.toString());
            for (PushReport.DialerState d : r.dialers()) {
                assertEquals(d.serverId().equals(down) ? PushReport.State.UNKNOWN : PushReport.State.OLD, d.state(),
                        d.toString());
            }
            assertTrue(r.dialers().get(2).detail().contains("check: ShowDialPlan vicidial-auto-external on " + down),
                    r.dialers().get(2).detail());
            assertEquals(c.live(), fx.store().read("RENEW-SPLIT"), "the previous row is back");
        } finally {
            fx.lab().faults().restartAmi(down);
        }
    }

    private static long adminLogRows() throws SQLException {
        try (Connection c = fx.ds().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM vicidial_admin_log WHERE record_id = 'RENEW-SPLIT'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
