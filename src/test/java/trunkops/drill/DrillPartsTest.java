package trunkops.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.routing.Route;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.testutil.AmiTranscript;
import trunkops.topology.Tech;

/**
 * The drill's pure parts: a call traced from the real Asterisk 20 transcript of fixture 06 (Local
 * originate with failover, no TrunkOps route: so the judge says the number does not reach the route), the plan's
 * checks, the journal surviving a torn line, and the CSV guarding spreadsheet formulas.
 */
class DrillPartsTest {

    private static final RouteVersion PRIO = new RouteVersion(Route.of("R1", new RoutePattern("_91NXXNXXXXXX", 1),
            Strategy.PRIORITY, List.of(new RouteMember(Tech.SIP, "trunk1", 1, 70, OptionalInt.empty()),
                    new RouteMember(Tech.SIP, "trunk2", 2, 30, OptionalInt.empty()))), 3, "t", Instant.EPOCH, "");

    static DrillPlan plan(int calls, String number) {
        return new DrillPlan(PRIO, PRIO.route().members().get(0), "dial1", calls, number, "default",
                Optional.empty(), Duration.ofSeconds(30), 1, "ann@noc", "drill");
    }

    /** Feeds every server frame of a transcript to a trace, as the link would. */
    private static CallRecord trace(String fixture, String actionId, String channelId) throws Exception {
        CallTrace t = new CallTrace(1, "drill", actionId, channelId, Instant.EPOCH);
        for (AmiTranscript.Connection c : AmiTranscript.load(fixture).connections()) {
            for (AmiTranscript.Server s : c.serverMessages()) {
                Map<String, String> m = new LinkedHashMap<>();
                for (String l : s.lines()) {
                    int i = l.indexOf(": ");
                    if (i > 0) {
                        m.putIfAbsent(l.substring(0, i), l.substring(i + 2));
                    }
                }
                t.offer(m, 0);
            }
        }
        return t.record();
    }

    @Test
    void aRealLocalOriginateIsTracedFromTheFixtureAndAFailoverLegsDialEndsAreEvidence() throws Exception {
        CallRecord c = trace("06-originate-local-failover-undetected.ami", "originate-2", "drill-201-a");
        assertTrue(c.connected(), c.evidence().toString());
        assertTrue(c.evidence().stream().anyMatch(e -> e.contains("DialEnd") && e.contains("SIP/trunk1-")
                        && e.contains("NOANSWER")),
                c.evidence().toString());
        assertTrue(c.evidence().stream().anyMatch(e -> e.contains("DialEnd") && e.contains("ANSWER")));
        assertTrue(c.answerMs() > c.startMs(), "answer after the call's first event");
        assertTrue(c.attempts().isEmpty(), "no TrunkOps route in that capture");
        List<String> p = CallJudge.duringDrill(plan(1, "912125551234"), c);
        assertTrue(p.stream().anyMatch(x -> x.contains("connected without any TrunkOpsAttempt")), p.toString());
    }

    @Test
    void thePlanRefusesWhatCannotProveAFailover() {
        assertEquals(List.of(), plan(5, "912125551234").problems());
        assertTrue(plan(0, "912125551234").problems().contains("calls must be 1-50, not 0"));
        assertTrue(plan(5, "5551234").problems().get(0).contains("matches none of route R1's patterns"));
        assertTrue(plan(5, "9121255512x4").problems().get(0).startsWith("test number must be 3-20 digits"));
        DrillPlan second = new DrillPlan(PRIO, PRIO.route().members().get(1), "dial1", 5, "912125551234", "default",
                Optional.empty(), Duration.ofSeconds(30), 1, "ann@noc", "drill");
        assertTrue(second.problems().stream().anyMatch(x -> x.contains("never takes a first attempt")));
        DrillPlan evil = new DrillPlan(PRIO, PRIO.route().members().get(0), "dial1", 5, "912125551234",
                "default,x\r\nAction: Command", Optional.empty(), Duration.ofSeconds(30), 1, "a", "drill");
        assertTrue(evil.problems().contains("context must be 1-40 letters, digits, _ or -"));
    }

    @Test
    void verifyCallsFollowTheShareOfFirstAttempts() {
        assertEquals(1, plan(1, "912125551234").verifyCallsNeeded());
        DrillPlan weighted = new DrillPlan(new RouteVersion(PRIO.route().withStrategy(Strategy.WEIGHTED), 1, "t",
                Instant.EPOCH, ""), PRIO.route().members().get(1), "dial1", 1, "912125551234", "default",
                Optional.empty(), Duration.ofSeconds(30), 1, "a", "r");
        assertEquals(20, weighted.verifyCallsNeeded(), "30 %: 0.7^20 < 0.001");
    }

    @Test
    void theJournalSkipsATornLineAndKeepsTheRest(@TempDir Path dir) throws Exception {
        DrillJournal j = new DrillJournal(dir.resolve("drills.log"));
        j.begin("D1", plan(2, "912125551234"), Instant.parse("2026-12-05T10:00:00Z"));
        j.out("D1", "dial1", "SIP/trunk1", "offline:1796461200");
        Files.writeString(j.file(), "trunkops-drill t=end id=D1 outcome=PASS", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND); // cut short by a crash
        j.state("D1", DrillState.CALLS);
        List<DrillJournal.Unfinished> u = j.unfinished();
        assertEquals(1, u.size());
        assertEquals(Optional.of("offline:1796461200"), u.get(0).outValue());
        assertEquals("CALLS", u.get(0).lastState());
        j.end("D1", DrillOutcome.ABORTED, Instant.parse("2026-12-05T10:05:00Z"), "x");
        assertTrue(j.unfinished().isEmpty());
        assertEquals(DrillOutcome.ABORTED, j.history().get(0).outcome());
    }

    /** A dialer where every trunk is up and nothing is flagged; calls are never placed in these tests. */
    private static final DrillLine UP = new DrillLine() {
        @Override
        public String serverId() {
            return "dial1";
        }

        @Override
        public void setListener(java.util.function.Consumer<Map<String, String>> events) {
        }

        @Override
        public void originate(String a, String ch, String id, long t, Map<String, String> v) {
            throw new AssertionError("no call expected");
        }

        @Override
        public Probe probe(Tech tech, String peer) {
            return new Probe("OK (3 ms)", 3);
        }

        @Override
        public Optional<String> adminFlag(String peer) {
            return Optional.empty();
        }
    };

    /** Answers OFFLINE with {@code offline}, anything else APPLIED; records the verbs. */
    private static trunkops.control.TrunkControl control(List<String> verbs,
                                                         trunkops.control.DialerOutcome.Status offline) {
        return r -> {
            verbs.add(r.verb().name());
            var st = r.verb() == trunkops.control.ControlVerb.OFFLINE ? offline
                    : trunkops.control.DialerOutcome.Status.APPLIED;
            return java.util.concurrent.CompletableFuture.completedFuture(new trunkops.control.ControlResult(r,
                    List.of(new trunkops.control.DialerOutcome("dial1", st, st == trunkops.control.DialerOutcome
                            .Status.APPLIED ? "" : "DBPut refused: Permission denied")), Duration.ofMillis(5)));
        };
    }

    @Test
    void aRoleRefusalFailsPreflightAndSendsNothing(@TempDir Path dir) throws Exception {
        List<String> verbs = new java.util.ArrayList<>();
        DrillJournal j = new DrillJournal(dir.resolve("drills.log"));
        DrillReport r = new DrillRunner(plan(2, "912125551234"), UP, control(verbs,
                trunkops.control.DialerOutcome.Status.APPLIED), j, () -> Optional.of("bob@noc is a viewer"),
                java.time.Clock.systemUTC(), DrillRunner.Listener.NONE, DrillRunner.Settings.defaults()).run();
        assertEquals(DrillOutcome.PREFLIGHT_FAILED, r.outcome());
        assertEquals(List.of("bob@noc is a viewer"), r.reasons());
        assertTrue(verbs.isEmpty());
        assertEquals(DrillOutcome.PREFLIGHT_FAILED, j.history().get(0).outcome());
    }

    @Test
    void aTakeOutThatDidNotApplyFailsAndRestores(@TempDir Path dir) throws Exception {
        List<String> verbs = new java.util.ArrayList<>();
        DrillJournal j = new DrillJournal(dir.resolve("drills.log"));
        DrillReport r = new DrillRunner(plan(2, "912125551234"), UP, control(verbs,
                trunkops.control.DialerOutcome.Status.FAILED), j, DrillRoleCheck.ALLOW, java.time.Clock.systemUTC(),
                DrillRunner.Listener.NONE, DrillRunner.Settings.defaults()).run();
        assertEquals(DrillOutcome.FAILED, r.outcome());
        assertTrue(r.reasons().get(0).startsWith("taking SIP/trunk1 out did not apply on dial1"), r.reasons().get(0));
        assertEquals(List.of("OFFLINE", "ONLINE"), verbs, "the abort path restores what may have been set");
        assertTrue(r.calls().isEmpty());
        assertTrue(j.unfinished().isEmpty());
    }

    @Test
    void csvCellsNeverRunAsFormulas() {
        assertEquals("'=HYPERLINK(\"\"x\"\")".replace("\"\"", "\""), ReportCsv.cell("=HYPERLINK(\"x\")")
                .replace("\"\"", "\"").replaceAll("^\"|\"$", ""));
        assertEquals("-12", ReportCsv.cell("-12"));
        assertEquals("\"a,b\"", ReportCsv.cell("a,b"));
        assertFalse(ReportHtml.esc("<script>").contains("<"));
    }
}
