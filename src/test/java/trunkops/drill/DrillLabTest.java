package trunkops.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import trunkops.app.AppPaths;
import trunkops.testutil.AmiWireClient;
import trunkops.topology.Tech;

/**
 * Issue 12's drill acceptance on the lab (one fixture-lab dialer, real TCP AMI, generated routes): a drill on a
 * priority route and on a weighted route passes with timings; a route that re-dials on BUSY fails with the
 * evidence; a backup down fails preflight with the reason; a drill cut short after taking A out is restored and
 * marked aborted by the next start. Every report is checked against the lab's own record of the calls: the
 * call_log AGI each call ran (ViciDial's log) and the DialBegin/DialEnd an independent AMI client saw.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillLabTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static DrillLab lab;
    private static AmiWireClient observer;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "drill-lab-test"));
        AppPaths.deleteTree(dir);
        Files.createDirectories(dir);
        lab = new DrillLab();
        observer = new AmiWireClient(lab.lab.ami.host(), lab.lab.ami.port());
        observer.send("Action: Login\r\nUsername: noc\r\nSecret: nocsecret\r\nEvents: call\r\n\r\n");
        assertNotNull(observer.await(m -> m.contains("Message: Authentication accepted"), T));
    }

    @AfterAll
    static void stop() throws Exception {
        if (observer != null) {
            observer.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private static DrillReport run(DrillPlan plan, DrillJournal journal, List<String> log) throws Exception {
        try (DrillLab.Links l = lab.new Links()) {
            DrillRunner r = new DrillRunner(plan, l.line, l.control, journal, DrillRoleCheck.ALLOW,
                    Clock.systemUTC(), listener(log), DrillRunner.Settings.defaults());
            return r.run();
        }
    }

    private static DrillRunner.Listener listener(List<String> log) {
        return new DrillRunner.Listener() {
            @Override
            public void state(DrillState state, int done, int total) {
            }

            @Override
            public void log(String line) {
                synchronized (log) {
                    log.add(line);
                }
            }
        };
    }

    /** The independent AMI client's DialEnd frames of a call (its Linkedid), as field maps. */
    private static List<Map<String, String>> dialEnds(String linkedid) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> m : observer.messages()) {
            if (m.contains("Event: DialEnd") && m.contains("Linkedid: " + linkedid)) {
                Map<String, String> f = new HashMap<>();
                for (String l : m) {
                    int c = l.indexOf(": ");
                    if (c > 0) {
                        f.putIfAbsent(l.substring(0, c), l.substring(c + 2));
                    }
                }
                if (f.getOrDefault("DestChannel", "").startsWith("SIP/")) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The report's numbers against the lab's record: one call_log per call, attempts, trunk and answer time. */
    private static void matchesTheLabsRecord(DrillReport r, int agiBefore) {
        assertEquals(r.calls().size(), lab.agiCalls.size() - agiBefore, "one call_log AGI per test call");
        for (CallRecord c : r.calls()) {
            List<Map<String, String>> ends = dialEnds(c.channelId());
            long legs = c.attempts().stream().filter(a -> !a.amiDialEnd().isEmpty()).count();
            assertEquals(ends.size(), legs, "trunk legs of call " + c.index() + ": " + c.evidence());
            Optional<Map<String, String>> answered = ends.stream()
                    .filter(e -> "ANSWER".equals(e.get("DialStatus"))).findFirst();
            assertEquals(answered.isPresent(), c.connected(), c.evidence().toString());
            answered.ifPresent(e -> {
                assertTrue(e.get("DestChannel").startsWith(c.answeredBy().orElseThrow() + "-"), e.toString());
                assertEquals(EventTimes.millis(e, 0), c.answerMs(), "answer time of call " + c.index());
            });
        }
    }

    @Test
    @Order(1)
    void aDrillOnAPriorityRoutePassesWithTimings() throws Exception {
        DrillJournal journal = new DrillJournal(dir.resolve("prio/drills.log"));
        int agi = lab.agiCalls.size();
        List<String> log = new ArrayList<>();
        DrillReport r = run(lab.plan(lab.prio, "drill-prio", 5, Optional.empty(), 3), journal, log);

        assertEquals(DrillOutcome.PASSED, r.outcome(), r.reasons() + "\n" + String.join("\n", r.log()));
        assertEquals(5, r.drillCalls().size());
        for (CallRecord c : r.drillCalls()) {
            assertEquals(List.of("SIP/trunk1: offline"), c.skips(), c.evidence().toString());
            assertEquals(Optional.of("SIP/trunk2"), c.answeredBy(), c.evidence().toString());
            // the scripted far end answers 0.5 s after the INVITE
            assertTrue(c.timeToAnswerMs() >= 450 && c.timeToAnswerMs() < 3_000, "answer " + c.timeToAnswerMs());
        }
        assertEquals(1, r.verifyCalls().size(), "the priority route's first member answers the first verify call");
        assertEquals(Optional.of("SIP/trunk1"), r.verifyCalls().get(0).answeredBy());
        assertTrue(r.timeToFailoverMs() >= 450 && r.timeToFailoverMs() < 5_000, "failover " + r.timeToFailoverMs());
        assertTrue(r.timeToRecoveryMs() >= 450 && r.timeToRecoveryMs() < 5_000, "recovery " + r.timeToRecoveryMs());
        assertTrue(r.latency().stream().anyMatch(s -> s.trunk().equals("SIP/trunk2") && s.ms() >= 0));
        assertNull(lab.flag("trunk1"), "A restored: no key left");
        matchesTheLabsRecord(r, agi);
        assertEquals(DrillOutcome.PASSED, journal.history().get(0).outcome());
        assertTrue(journal.unfinished().isEmpty());
        assertFalse(log.isEmpty());
        exports(r, journal);
        note("priority", r);
    }

    /** The report saved in the history and exported: HTML (self-contained), CSV (one row per attempt), PDF. */
    private static void exports(DrillReport r, DrillJournal journal) throws Exception {
        Path html = new DrillHistory(journal).save(r);
        String page = Files.readString(html);
        assertTrue(page.contains("id=\"verdict\">" + (r.passed() ? "✔ " : "✖ ") + r.outcome().name()), "verdict");
        assertTrue(page.contains("<svg"), "latency chart inline");
        assertFalse(page.contains("src=\"http") || page.contains("<script"), "self-contained");
        assertTrue(page.contains(ReportTables.ms(r.timeToFailoverMs())), "failover time shown");
        String csv = Files.readString(html.resolveSibling(r.id() + ".csv"));
        long attempts = r.calls().stream().mapToLong(c -> Math.max(1, c.attempts().size())).sum();
        assertEquals(attempts + 1, csv.split("\r\n").length, csv);
        assertEquals(Optional.of(html), new DrillHistory(journal).report(r.id()));
        Path pdf = dir.resolve(r.id() + ".pdf");
        ReportPdf.write(r, pdf);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Appends the drill's numbers to target/drill-lab/results.txt (the README and report quote them). */
    private static void note(String what, DrillReport r) throws Exception {
        StringBuilder b = new StringBuilder(what + ": " + r.summary() + "\n");
        for (CallRecord c : r.calls()) {
            b.append("  call ").append(c.index()).append(' ').append(c.phase()).append(": attempts ")
                    .append(c.attempts().stream().map(a -> a.trunk() + "=" + a.dialStatus()).toList())
                    .append(", answered by ").append(c.answeredBy().orElse("-")).append(" in ")
                    .append(c.timeToAnswerMs()).append(" ms\n");
        }
        b.append("  latency ").append(ReportTables.latency(r)).append('\n');
        Files.writeString(dir.resolve("results.txt"), b.toString(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    @Order(2)
    void aDrillOnAWeightedRoutePasses() throws Exception {
        DrillJournal journal = new DrillJournal(dir.resolve("wtd/drills.log"));
        int agi = lab.agiCalls.size();
        // trunk1 takes 70 % of first attempts: 8 verify calls all missing it has probability 0.3^8 < 0.0001
        DrillReport r = run(lab.plan(lab.weighted, "drill-wtd", 4, Optional.empty(), 8), journal, new ArrayList<>());

        assertEquals(DrillOutcome.PASSED, r.outcome(), r.reasons() + "\n" + String.join("\n", r.log()));
        for (CallRecord c : r.drillCalls()) {
            assertEquals(List.of("SIP/trunk2"), c.attempts().stream().map(CallRecord.Attempt::trunk).toList());
            assertEquals(Optional.of("SIP/trunk2"), c.answeredBy());
        }
        assertTrue(r.firstVerifyOnA().isPresent());
        assertTrue(r.timeToRecoveryMs() >= 450, "recovery " + r.timeToRecoveryMs());
        matchesTheLabsRecord(r, agi);
        note("weighted", r);
    }

    @Test
    @Order(3)
    void aRouteThatReDialsOnBusyFailsWithTheEvidence() throws Exception {
        DrillJournal journal = new DrillJournal(dir.resolve("busy/drills.log"));
        int agi = lab.agiCalls.size();
        lab.lab.trunk2.failCalls(486, 1.0);
        DrillReport r;
        try {
            r = run(lab.plan(lab.busy, "drill-busy", 2, Optional.empty(), 2), journal, new ArrayList<>());
        } finally {
            lab.lab.trunk2.restore();
        }
        assertEquals(DrillOutcome.FAILED, r.outcome(), String.join("\n", r.log()));
        assertTrue(r.reasons().stream().anyMatch(x -> x.contains("re-dialed the customer after BUSY (SIP 486) on"
                + " SIP/trunk2: attempt 2 on SIP/trunk3")), r.reasons().toString());
        CallRecord c = r.drillCalls().get(0);
        assertTrue(c.evidence().stream().anyMatch(e -> e.contains("TrunkOpsResult") && e.contains("dialstatus=BUSY")
                && e.contains("next=failover")), c.evidence().toString());
        assertEquals(Optional.of("SIP/trunk3"), c.answeredBy());
        assertNull(lab.flag("trunk1"));
        matchesTheLabsRecord(r, agi);
        exports(r, journal);
        note("busy-override", r);
    }

    @Test
    @Order(3)
    void cancelTakesTheAbortPathAndRestoresA() throws Exception {
        DrillJournal journal = new DrillJournal(dir.resolve("cancel/drills.log"));
        DrillReport r;
        try (DrillLab.Links l = lab.new Links()) {
            DrillRunner[] runner = new DrillRunner[1];
            DrillRunner.Listener cancelAfterOne = new DrillRunner.Listener() {
                @Override
                public void state(DrillState state, int done, int total) {
                    if (state == DrillState.CALLS && done == 1) {
                        runner[0].cancel();
                    }
                }

                @Override
                public void log(String line) {
                }
            };
            runner[0] = new DrillRunner(lab.plan(lab.prio, "drill-prio", 5, Optional.empty(), 1), l.line, l.control,
                    journal, DrillRoleCheck.ALLOW, Clock.systemUTC(), cancelAfterOne, DrillRunner.Settings.defaults());
            r = runner[0].run();
        }
        assertEquals(DrillOutcome.ABORTED, r.outcome(), String.join("\n", r.log()));
        assertEquals(1, r.calls().size(), "no call after the cancel");
        assertEquals(List.of("cancelled by the operator"), r.reasons());
        assertNull(lab.flag("trunk1"), "A restored by the abort path");
        assertEquals(DrillOutcome.ABORTED, journal.history().get(0).outcome());
        assertTrue(lab.journaled.getOrDefault("ONLINE", 0) >= 1, "the restore went through the audited control");
    }

    @Test
    @Order(4)
    void aDrillCutShortIsRestoredAndMarkedAbortedAtTheNextStart() throws Exception {
        DrillJournal journal = new DrillJournal(dir.resolve("crash/drills.log"));
        CountDownLatch calling = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        DrillLab.Links dead = lab.new Links();
        DrillLine hanging = new HangingLine(dead.line, calling, never);
        DrillRunner crashed = new DrillRunner(lab.plan(lab.prio, "drill-prio", 3, Optional.empty(), 1), hanging,
                dead.control, journal, DrillRoleCheck.ALLOW, Clock.systemUTC(), DrillRunner.Listener.NONE,
                DrillRunner.Settings.defaults());
        Thread t = new Thread(crashed::run, "crashed-drill");
        t.setDaemon(true);
        t.start();
        assertTrue(calling.await(30, TimeUnit.SECONDS), "the drill reached its first call");
        assertTrue(lab.flag("trunk1").startsWith("offline:"), "A is out");
        // the console dies here: its links go, its thread never runs another step (it stays blocked)
        dead.close();
        assertEquals(1, journal.unfinished().size());
        assertEquals("CALLS", journal.unfinished().get(0).lastState());

        try (DrillLab.Links next = lab.new Links()) {
            DrillRecovery recovery = new DrillRecovery(journal, next.control,
                    (server, peer) -> next.line.adminFlag(peer), Clock.systemUTC(), "console@lab");
            List<String> lines = recovery.resolve();
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).contains("trunk A restored"), lines.get(0));
        }
        assertNull(lab.flag("trunk1"), "A restored by the next start");
        assertTrue(journal.unfinished().isEmpty());
        assertEquals(DrillOutcome.ABORTED, journal.history().get(0).outcome());
        assertTrue(crashed.id().equals(journal.history().get(0).id()));
    }

    @Test
    @Order(5)
    void aConsoleKilledMidDrillIsRestoredAtTheNextStart() throws Exception {
        Path journalFile = dir.resolve("kill/drills.log");
        String cp = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                DrillProcessMain.class.getName(), lab.lab.ami.host(), Integer.toString(lab.lab.ami.port()),
                journalFile.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("kill-process.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            DrillJournal journal = new DrillJournal(journalFile);
            while (System.nanoTime() < deadline && !(journal.unfinished().size() == 1
                    && journal.unfinished().get(0).lastState().equals("CALLS") && lab.agiCalls.size() > 0
                    && lab.flag("trunk1") != null)) {
                observer.awaitCount(observer.count() + 1, Duration.ofMillis(200));
            }
            assertEquals("CALLS", journal.unfinished().get(0).lastState(), "the drill is placing calls");
            p.destroyForcibly(); // SIGKILL: no abort path, no shutdown hook
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(lab.flag("trunk1").startsWith("offline:"), "the killed console left A out");

            try (DrillLab.Links next = lab.new Links()) {
                List<String> lines = new DrillRecovery(journal, next.control,
                        (server, peer) -> next.line.adminFlag(peer), Clock.systemUTC(), "console@lab").resolve();
                assertEquals(1, lines.size(), lines.toString());
                assertTrue(lines.get(0).contains("cut short in state CALLS: trunk A restored"), lines.get(0));
            }
            assertNull(lab.flag("trunk1"), "A restored by the next start");
            assertEquals(DrillOutcome.ABORTED, journal.history().get(0).outcome());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @Order(6)
    void aBackupDownFailsPreflightWithTheReasonAndChangesNothing() throws Exception {
        DrillJournal journal = new DrillJournal(dir.resolve("down/drills.log"));
        int agi = lab.agiCalls.size();
        lab.lab.trunk2.kill();
        try {
            assertTrue(lab.lab.awaitPeer("trunk2", "UNREACHABLE", Duration.ofSeconds(30)));
            DrillReport r = run(lab.plan(lab.weighted, "drill-wtd", 3, Optional.empty(), 3), journal,
                    new ArrayList<>());
            assertEquals(DrillOutcome.PREFLIGHT_FAILED, r.outcome());
            assertEquals(1, r.reasons().size(), r.reasons().toString());
            assertTrue(r.reasons().get(0).startsWith("backup SIP/trunk2 is not up on fixture-lab: UNREACHABLE"),
                    r.reasons().get(0));
            assertTrue(r.calls().isEmpty());
            assertNull(lab.flag("trunk1"), "nothing changed");
            assertEquals(agi, lab.agiCalls.size(), "no call placed");
            assertEquals(DrillOutcome.PREFLIGHT_FAILED, journal.history().get(0).outcome());
        } finally {
            lab.lab.trunk2.start();
        }
    }

    /** A dialer link whose first Originate never returns: the console is gone from that moment. */
    private record HangingLine(DrillLine inner, CountDownLatch calling, CountDownLatch never) implements DrillLine {
        @Override
        public String serverId() {
            return inner.serverId();
        }

        @Override
        public void setListener(Consumer<Map<String, String>> events) {
            inner.setListener(events);
        }

        @Override
        public void originate(String actionId, String channel, String channelId, long timeoutMs,
                              Map<String, String> variables) {
            calling.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Probe probe(Tech tech, String peer) throws java.io.IOException {
            return inner.probe(tech, peer);
        }

        @Override
        public Optional<String> adminFlag(String peer) throws java.io.IOException {
            return inner.adminFlag(peer);
        }
    }
}
