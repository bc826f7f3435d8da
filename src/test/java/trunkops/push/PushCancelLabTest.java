package trunkops.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.Identity;
import trunkops.control.audit.LocalJournal;
import trunkops.control.audit.Role;
import trunkops.routing.GeneratedRoute;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;

/**
 * Every step of a push in the audit journal, and a cancel at each step on the full lab (3 dialers, the lab's
 * keepalive every second): before the first write (nothing written), while waiting for the canary's keepalive,
 * while the canary is read back, during the other dialers' stage, and during a rollback (ignored: the rollback runs
 * to its end). Each cancel ends with the previous version on every dialer, read back over AMI by the test itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushCancelLabTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PushCancelLabTest.class);
    private static final String ROUTE = String.join("\n",
            "name = CANCEL-RT",
            "pattern = _53NXXNXXXXXX strip=1",
            "dialers = all",
            "strategy = weighted",
            "member = SIP/blueline weight=%d priority=1",
            "member = SIP/nsvoice weight=%d priority=2",
            "dial-timeout = 30");

    private static PushLab fx;
    private static LocalJournal journal;

    @BeforeAll
    static void start() throws Exception {
        fx = PushLab.start("push-cancel-lab-test", Duration.ofSeconds(1), 13L);
        journal = LocalJournal.open(fx.dir().resolve("journal").resolve("audit.log"),
                new Identity("lab-test", "localhost", Role.ENGINEER), Clock.systemUTC());
        RouteVersion v1 = save(70, 0);
        save(40, 1);
        PushReport r = run(ChangeSet.build(v1, fx.store().read(v1.name()), fx.store().dialers()),
                (job, p) -> false);
        assertEquals(PushReport.Outcome.PUSHED, r.outcome(), r.toString());
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

    /** Runs a push of {@code c}, calling {@link PushJob#cancel()} at the first progress {@code when} accepts. */
    private static PushReport run(ChangeSet c, BiPredicate<ChangeSet, PushJob.Progress> when)
            throws InterruptedException {
        PushJob[] job = new PushJob[1];
        JournalStepLog steps = new JournalStepLog(journal, c.version().name(), c.version().version(), "lab test",
                "lab-test");
        job[0] = new PushJob(c, fx.store(), fx.reader(), new PushJob.Settings(Duration.ofSeconds(20),
                Duration.ofSeconds(8), Duration.ofMillis(100), Optional.empty(), "lab-test"), p -> {
                    if (!job[0].cancelRequested() && when.test(c, p)) {
                        LOG.info("cancel at {}", p);
                        job[0].cancel();
                    }
                }, steps);
        PushReport r = job[0].run();
        LOG.info("push {}: {} {}", c.version().marker(), r.summary(), r.dialers());
        assertEquals(List.of(), steps.failures(), "every step journaled");
        return r;
    }

    private static ChangeSet v2() throws PushException {
        RouteVersion v2 = fx.routes().version("CANCEL-RT", 2).orElseThrow();
        return ChangeSet.build(v2, fx.store().read(v2.name()), fx.store().dialers());
    }

    /** The push rolled back (or never wrote) and every dialer runs v1, read back here. */
    private static void assertOldEverywhere(ChangeSet c, PushReport r, String why) throws Exception {
        assertEquals(PushReport.Outcome.ROLLED_BACK, r.outcome(), r.toString());
        assertTrue(r.summary().contains(why), r.summary());
        assertTrue(r.dialers().stream().allMatch(d -> d.state() == PushReport.State.OLD), r.toString());
        assertEquals(c.live(), fx.store().read("CANCEL-RT"), "the v1 row");
        for (PushStore.Dialer d : c.dialers()) {
            assertEquals(Optional.empty(), Verifier.check(fx.reader().show(d.serverId(), Verifier.CONTEXT), "CANCEL-RT",
                    c.live(), Optional.of(c.target())), d.serverId() + " runs v1");
        }
    }

    private static List<AuditEntry> stepsOf(int version, int from) throws Exception {
        List<AuditEntry> all = journal.read().entries().stream()
                .filter(e -> e.verb() == ControlVerb.ROUTE_PUSH_STEP && e.value().orElse(-1) == version).toList();
        return all.subList(from, all.size());
    }

    private static List<String> phases(List<AuditEntry> entries) {
        return entries.stream().map(e -> e.route().orElse("?") + (e.servers().size() == 1 ? " "
                + e.servers().get(0) : "")).toList();
    }

    @Test
    @Order(1)
    void everyStepOfThePushIsInTheJournalCompleted() throws Exception {
        List<AuditEntry> steps = stepsOf(1, 0);
        List<String> ids = fx.store().dialers().stream().map(PushStore.Dialer::serverId).toList();
        assertEquals(List.of("CHECK", "CANARY_WRITE " + ids.get(0), "WAIT " + ids.get(0), "VERIFY " + ids.get(0),
                "STAGE_OTHERS", "WAIT " + ids.get(1), "VERIFY " + ids.get(1), "WAIT " + ids.get(2),
                "VERIFY " + ids.get(2), "FINAL"), phases(steps));
        for (AuditEntry e : steps) {
            assertEquals("CANCEL-RT", e.peer());
            AuditEntry.Completion done = e.completion().orElseThrow(() -> new AssertionError("open: " + e));
            assertTrue(done.outcomes().stream().allMatch(DialerOutcome::applied), e.toString());
        }
        assertEquals(3, steps.get(steps.size() - 1).completion().orElseThrow().outcomes().size());
    }

    @Test
    @Order(2)
    void cancelBeforeTheFirstWriteWritesNothing() throws Exception {
        ChangeSet c = v2();
        long logs = adminLogRows();
        int from = stepsOf(2, 0).size();
        PushReport r = run(c, (x, p) -> p.step() == PushJob.Step.CHECK);
        assertOldEverywhere(c, r, "cancelled by the operator before any write");
        assertEquals(logs, adminLogRows(), "no row written");
        List<AuditEntry> steps = stepsOf(2, from);
        assertEquals(List.of("CHECK", "FINAL"), phases(steps));
        assertEquals(DialerOutcome.Status.FAILED, steps.get(0).completion().orElseThrow().outcomes().get(0).status());
    }

    @Test
    @Order(3)
    void cancelWhileWaitingForTheCanarysKeepalive() throws Exception {
        ChangeSet c = v2();
        fx.lab().faults().slowKeepalive(Duration.ofSeconds(3));
        try {
            int from = stepsOf(2, 0).size();
            PushReport r = run(c, (x, p) -> p.step() == PushJob.Step.WAIT_RELOAD);
            assertOldEverywhere(c, r, "cancelled by the operator");
            List<String> steps = phases(stepsOf(2, from));
            String canary = c.dialers().get(0).serverId();
            assertEquals(List.of("CHECK", "CANARY_WRITE " + canary, "WAIT " + canary, "ROLLBACK " + canary,
                    "ROLLBACK_VERIFY " + canary, "FINAL"), steps);
        } finally {
            fx.lab().faults().restoreKeepalive();
        }
    }

    @Test
    @Order(4)
    void cancelWhileTheCanaryIsReadBack() throws Exception {
        ChangeSet c = v2();
        int from = stepsOf(2, 0).size();
        PushReport r = run(c, (x, p) -> p.step() == PushJob.Step.VERIFY);
        assertOldEverywhere(c, r, "cancelled by the operator");
        String canary = c.dialers().get(0).serverId();
        assertTrue(r.dialers().stream().filter(d -> !d.serverId().equals(canary))
                .allMatch(d -> d.detail().equals("not touched")), r.toString());
        assertTrue(phases(stepsOf(2, from)).contains("VERIFY " + canary));
    }

    @Test
    @Order(5)
    void cancelDuringTheOtherDialersStage() throws Exception {
        ChangeSet c = v2();
        String canary = c.dialers().get(0).serverId();
        PushReport r = run(c, (x, p) -> p.step() == PushJob.Step.WRITE && p.detail().contains("0.0.0.0"));
        assertOldEverywhere(c, r, "cancelled by the operator");
        assertTrue(r.dialers().stream().allMatch(d -> d.detail().startsWith("rolled back")), "all three touched and"
                + " rolled back: " + r);
        assertTrue(r.dialers().stream().anyMatch(d -> d.serverId().equals(canary)));
    }

    @Test
    @Order(6)
    void aCancelDuringARollbackLetsTheRollbackFinishVerified() throws Exception {
        ChangeSet clean = v2();
        GeneratedRoute g = clean.generated();
        String text = g.dialplanEntry().replaceFirst("\n", "\n[trunkops-broken\n"); // loads up to here
        ChangeSet c = ChangeSet.of(clean.version(), new GeneratedRoute(g.carrierId(), text, g.globalsString(),
                g.marker()), clean.live(), clean.dialers());
        PushReport r = run(c, (x, p) -> p.step() == PushJob.Step.ROLLBACK);
        assertOldEverywhere(clean, r, "missing");
        assertTrue(r.summary().contains("previous version verified"), r.summary());
    }

    @Test
    @Order(7)
    void anotherConsoleEditingTheRowDuringTheCanaryStageStopsThePushWithTheThreeWayDifference() throws Exception {
        ChangeSet c = v2();
        String canary = c.dialers().get(0).serverId();
        PushJob[] job = new PushJob[1];
        boolean[] edited = new boolean[1];
        job[0] = new PushJob(c, fx.store(), fx.reader(), new PushJob.Settings(Duration.ofSeconds(20),
                Duration.ofSeconds(8), Duration.ofMillis(100), Optional.empty(), "lab-test"), p -> {
                    if (!edited[0] && p.step() == PushJob.Step.VERIFY && p.serverId().equals(canary)) {
                        edited[0] = true;
                        try (Connection x = fx.ds().getConnection(); PreparedStatement ps = x.prepareStatement("UPDATE"
                                + " vicidial_server_carriers SET globals_string = 'EDITED=2'"
                                + " WHERE carrier_id = 'CANCEL-RT'")) {
                            assertEquals(1, ps.executeUpdate());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
        PushReport r = job[0].run();
        LOG.info("edited mid-push: {} {} {}", r.summary(), r.dialers(), r.conflicts());
        assertEquals(PushReport.Outcome.FAILED, r.outcome(), r.toString());
        assertEquals(List.of(new FieldConflict("globals_string", "", "EDITED=2", "")), r.conflicts());
        assertEquals("EDITED=2", fx.store().read("CANCEL-RT").orElseThrow().globalsString(), "their edit kept");
        for (PushReport.DialerState d : r.dialers()) {
            assertEquals(d.serverId().equals(canary) ? PushReport.State.UNKNOWN : PushReport.State.OLD, d.state(),
                    d.toString());
        }
        assertTrue(r.dialers().get(0).detail().contains("rollback not written"), r.dialers().get(0).detail());
    }

    @Test
    @Order(8)
    void aNewRouteWhoseRowSomeoneElseCreatedMeanwhileStopsWithTheirRowAsLive() throws Exception {
        RouteVersion v = save2("CREATED-RT");
        ChangeSet c = ChangeSet.build(v, fx.store().read(v.name()), fx.store().dialers());
        try (Connection x = fx.ds().getConnection(); PreparedStatement ps = x.prepareStatement("INSERT INTO"
                + " vicidial_server_carriers (carrier_id, carrier_name, registration_string, template_id,"
                + " account_entry, protocol, globals_string, dialplan_entry, server_ip, active, carrier_description)"
                + " VALUES ('CREATED-RT', 'by hand', '', '--NONE--', '', 'SIP', 'X=1', '', '10.0.0.99', 'N', '')")) {
            assertEquals(1, ps.executeUpdate());
        }
        PushReport r = run(c, (x, p) -> false);
        assertEquals(PushReport.Outcome.STOPPED_CHANGED, r.outcome(), r.toString());
        assertEquals(List.of("server_ip", "active", "globals_string", "dialplan_entry", "account_entry"),
                r.conflicts().stream().map(FieldConflict::field).toList(), r.conflicts().toString());
        FieldConflict ip = r.conflicts().get(0);
        assertEquals(new FieldConflict("server_ip", FieldConflict.NO_ROW, "10.0.0.99",
                fx.store().dialers().get(0).serverIp()), ip,
                "built from no row, someone's row now, the push would write the canary-scoped row");
    }

    private static RouteVersion save2(String name) throws Exception {
        RouteStore.SaveResult r = fx.routes().save(RouteFile.parse(String.format(ROUTE, 50, 50).replace("CANCEL-RT",
                name).replace("_53NXX", "_55NXX")), 0, "lab-test", "new");
        return assertInstanceOf(RouteStore.SaveResult.Saved.class, r, r.toString()).version();
    }

    private static long adminLogRows() throws SQLException {
        try (Connection c = fx.ds().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM vicidial_admin_log WHERE record_id = 'CANCEL-RT'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
