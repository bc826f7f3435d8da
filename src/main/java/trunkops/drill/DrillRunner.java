package trunkops.drill;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.TrunkControl;

/**
 * One failover drill as an explicit state machine: {@code PREFLIGHT → TAKE_OUT → CALLS → RESTORE → VERIFY → DONE}.
 * {@link #run()} blocks its caller (a worker thread, never the FX thread); {@link #cancel()} from any thread takes
 * the abort path at the next step: whatever the drill changed (A's flag, or the named fault) is restored, the
 * journal says so, the outcome is {@link DrillOutcome#ABORTED}. Every step is journaled before it acts
 * ({@link DrillJournal}), so a crash leaves enough for {@link DrillRecovery}.
 */
public final class DrillRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DrillRunner.class);

    /** Progress and the live log, called on the drill's thread (hop to the FX thread yourself). */
    public interface Listener {
        void state(DrillState state, int callsDone, int callsPlanned);

        void log(String line);

        Listener NONE = new Listener() {
            @Override
            public void state(DrillState state, int callsDone, int callsPlanned) {
            }

            @Override
            public void log(String line) {
            }
        };
    }

    /**
     * @param latencyEveryMs how often the members' latency is probed during the drill
     * @param holdSeconds    how long an answered test call stays up (Originate Application Wait) before hanging up
     * @param callerId       the test calls' caller id
     * @param safetyMinutes  added to the drill's expected length for the offline's own expiry (the safety net when
     *                       no console ever comes back)
     */
    public record Settings(long latencyEveryMs, int holdSeconds, String callerId, long safetyMinutes) {
        public static Settings defaults() {
            return new Settings(2_000, 2, "\"TrunkOps drill\" <0000000000>", 10);
        }
    }

    private final DrillPlan plan;
    private final DrillLine line;
    private final TrunkControl control;
    private final DrillJournal journal;
    private final DrillRoleCheck role;
    private final Clock clock;
    private final Listener listener;
    private final Settings settings;
    private final String id;
    private final List<String> log = new ArrayList<>();
    private final List<CallRecord> calls = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile CallTrace current;
    private boolean out;
    private boolean restored;
    private long takeOutMs = -1;
    private long outAt = -1;
    private long restoreMs = -1;
    private long restoredAt = -1;

    public DrillRunner(DrillPlan plan, DrillLine line, TrunkControl control, DrillJournal journal,
                       DrillRoleCheck role, Clock clock, Listener listener, Settings settings) {
        this.plan = plan;
        this.line = line;
        this.control = control;
        this.journal = journal;
        this.role = role;
        this.clock = clock;
        this.listener = listener;
        this.settings = settings;
        this.id = DrillIds.next(clock.instant());
    }

    public String id() {
        return id;
    }

    public void cancel() {
        cancelled = true;
    }

    /** Runs the drill to its end and returns the report (also when preflight refused or it was cancelled). */
    public DrillReport run() {
        Instant started = clock.instant();
        List<String> refused = new Preflight(plan, line, journal, role, clock).check(this::say);
        try {
            journal.begin(id, plan, started);
        } catch (IOException e) {
            refused = new ArrayList<>(refused);
            refused.add("the drill journal cannot be written (" + e.getMessage() + "): nothing was changed");
            return finish(started, DrillOutcome.PREFLIGHT_FAILED, refused, null, false);
        }
        if (!refused.isEmpty()) {
            refused.forEach(r -> say("preflight: ✖ " + r));
            return finish(started, DrillOutcome.PREFLIGHT_FAILED, refused, null, true);
        }
        say("preflight passed");
        LatencySampler sampler = new LatencySampler(line, plan.route().route().members(), settings.latencyEveryMs());
        line.setListener(this::onEvent);
        try {
            sampler.start();
            DrillOutcome outcome = stages();
            return finish(started, outcome, reasons, sampler, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reasons.add("interrupted");
            return abort(started, sampler);
        } catch (Exception e) {
            LOG.warn("drill {} failed", id, e);
            reasons.add("drill error: " + e.getMessage());
            return abort(started, sampler);
        } finally {
            sampler.stop();
            line.setListener(null);
        }
    }

    private DrillOutcome stages() throws Exception {
        enter(DrillState.TAKE_OUT, 0);
        if (!takeOut()) {
            restore();
            return DrillOutcome.FAILED;
        }
        enter(DrillState.CALLS, 0);
        for (int i = 1; i <= plan.calls(); i++) {
            if (cancelled) {
                return aborted();
            }
            CallRecord c = place(i, "drill");
            List<String> p = CallJudge.duringDrill(plan, c);
            reasons.addAll(p);
            p.forEach(x -> say("✖ " + x));
            listener.state(DrillState.CALLS, i, plan.calls());
        }
        if (cancelled) {
            return aborted();
        }
        enter(DrillState.RESTORE, plan.calls());
        if (!restore()) {
            return DrillOutcome.FAILED;
        }
        enter(DrillState.VERIFY, plan.calls());
        verify();
        if (cancelled) {
            return DrillOutcome.ABORTED;
        }
        return reasons.isEmpty() ? DrillOutcome.PASSED : DrillOutcome.FAILED;
    }

    private DrillOutcome aborted() {
        reasons.add("cancelled by the operator");
        say("cancelled: restoring what the drill changed");
        restore();
        return DrillOutcome.ABORTED;
    }

    private DrillReport abort(Instant started, LatencySampler sampler) {
        if (out && !restored) {
            restore();
        }
        return finish(started, DrillOutcome.ABORTED, reasons, sampler, true);
    }

    private void enter(DrillState s, int done) throws IOException {
        journal.state(id, s);
        say(s.words());
        listener.state(s, done, plan.calls());
    }

    private boolean takeOut() throws Exception {
        long t0 = System.nanoTime();
        if (plan.fault().isPresent()) {
            DrillPlan.ExternalFault f = plan.fault().get();
            journal.out(id, plan.serverId(), plan.trunk().trunk(), "fault:" + f.describe());
            out = true;
            f.apply();
            takeOutMs = (System.nanoTime() - t0) / 1_000_000;
            outAt = clock.millis();
            say("fault applied: " + f.describe());
            return true;
        }
        long expected = (long) (plan.calls() + plan.maxVerify()) * (plan.callTimeout().toSeconds() + 10);
        Instant until = clock.instant().plusSeconds(expected + settings.safetyMinutes() * 60);
        ControlRequest r = request(ControlVerb.OFFLINE, Optional.of(until), "failover drill " + id + ": "
                + plan.reason());
        journal.out(id, plan.serverId(), plan.trunk().trunk(), AstDbTrunkControl.write(r).value().orElseThrow());
        out = true;
        ControlResult res = control.apply(r).get(60, TimeUnit.SECONDS);
        takeOutMs = res.took().toMillis();
        outAt = clock.millis();
        if (!res.allApplied()) {
            reasons.add("taking " + plan.trunk().trunk() + " out did not apply on " + plan.serverId() + ": "
                    + res.outcomes());
            say("✖ " + reasons.get(reasons.size() - 1));
            return false;
        }
        say(plan.trunk().trunk() + " forced offline on " + plan.serverId() + " until " + until + " (read back in "
                + takeOutMs + " ms)");
        return true;
    }

    /** Restores A; true when it is back. Safe to call twice. */
    private boolean restore() {
        if (!out || restored) {
            return true;
        }
        long t0 = System.nanoTime();
        try {
            if (plan.fault().isPresent()) {
                plan.fault().get().remove();
            } else {
                ControlResult res = control.apply(request(ControlVerb.ONLINE, Optional.empty(),
                        "failover drill " + id + ": restore")).get(60, TimeUnit.SECONDS);
                if (!res.allApplied()) {
                    reasons.add(plan.trunk().trunk() + " NOT restored on " + plan.serverId() + ": " + res.outcomes()
                            + "; it is retried at the next start, and the flag expires by itself");
                    say("✖ " + reasons.get(reasons.size() - 1));
                    return false;
                }
            }
            restoreMs = (System.nanoTime() - t0) / 1_000_000;
            restoredAt = clock.millis();
            restored = true;
            journal.restored(id, "restored in " + restoreMs + " ms");
            say(plan.trunk().trunk() + " restored on " + plan.serverId() + " (" + restoreMs + " ms)");
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            reasons.add(plan.trunk().trunk() + " NOT restored: " + e.getMessage() + "; retried at the next start");
            say("✖ " + reasons.get(reasons.size() - 1));
            return false;
        }
    }

    private void verify() throws Exception {
        for (int i = 1; i <= plan.maxVerify() && !cancelled; i++) {
            CallRecord c = place(plan.calls() + i, "verify");
            List<String> p = CallJudge.duringVerify(plan, c);
            reasons.addAll(p);
            p.forEach(x -> say("✖ " + x));
            if (c.answeredBy().map(plan.trunk().trunk()::equals).orElse(false)) {
                say(plan.trunk().trunk() + " is back: it answered verify call " + i);
                return;
            }
        }
        if (!cancelled) {
            reasons.add(plan.trunk().trunk() + " answered none of " + plan.maxVerify() + " verify call(s) after"
                    + " the restore");
            say("✖ " + reasons.get(reasons.size() - 1));
        }
    }

    private CallRecord place(int index, String phase) throws IOException, InterruptedException {
        String channelId = "drill-" + id.substring(id.length() - 8) + "-" + index;
        CallTrace t = new CallTrace(index, phase, channelId + "-a", channelId, clock.instant());
        current = t;
        say("call " + index + " (" + phase + "): Originate " + plan.channel());
        line.originate(t.actionId(), plan.channel(), channelId, plan.callTimeout().toMillis(),
                Map.of("TRUNKOPS_DRILL", id));
        long wait = plan.callTimeout().toMillis() + settings.holdSeconds() * 1000L + 30_000;
        if (!t.awaitDone(wait, () -> cancelled) && !cancelled) {
            say("call " + index + ": no verdict within " + wait + " ms");
        }
        current = null;
        CallRecord c = t.record();
        calls.add(c);
        c.evidence().forEach(e -> say("  " + e));
        say("call " + index + ": " + (c.connected() ? "answered by " + c.answeredBy().orElse("?") + " after "
                + c.timeToAnswerMs() + " ms" : "not connected (" + CallJudge.lastStatus(c) + ")")
                + ", attempts " + c.attempts().size());
        return c;
    }

    private void onEvent(Map<String, String> e) {
        CallTrace t = current;
        if (t != null) {
            t.offer(e, clock.millis());
        }
    }

    private ControlRequest request(ControlVerb verb, Optional<Instant> until, String reason) {
        return new ControlRequest(verb, plan.trunk().tech(), plan.trunk().peer(), List.of(plan.serverId()),
                Optional.empty(), OptionalInt.empty(), until, reason, Optional.empty(), plan.actor());
    }

    private void say(String s) {
        String l = EventTimes.clock(clock.millis()) + " " + s;
        synchronized (log) {
            log.add(l);
        }
        LOG.info("drill {}: {}", id, s);
        listener.log(l);
    }

    private DrillReport finish(Instant started, DrillOutcome outcome, List<String> why, LatencySampler sampler,
                               boolean journaled) {
        long failover = calls.stream().filter(c -> c.phase().equals("drill") && c.connected()).findFirst()
                .map(c -> outAt < 0 ? -1 : c.answerRx() - outAt).orElse(-1L);
        long recovery = calls.stream().filter(c -> c.phase().equals("verify")
                        && c.answeredBy().map(plan.trunk().trunk()::equals).orElse(false)).findFirst()
                .map(c -> restoredAt < 0 ? -1 : c.answerRx() - restoredAt).orElse(-1L);
        List<String> logCopy;
        synchronized (log) {
            logCopy = List.copyOf(log);
        }
        DrillReport r = new DrillReport(id, plan.route().name(), plan.route().version(),
                plan.route().route().strategy().name().toLowerCase(java.util.Locale.ROOT), plan.trunk().trunk(),
                plan.backups().stream().map(m -> m.trunk()).toList(), plan.serverId(), plan.number(), plan.context(),
                plan.fault().map(f -> "named fault: " + f.describe()).orElse("forced offline (ASTDB)"), plan.actor(),
                plan.reason(), started, clock.instant(), outcome, why, calls, takeOutMs, failover, restoreMs, recovery,
                sampler == null ? List.of() : sampler.samples(), logCopy);
        listener.state(DrillState.DONE, calls.size(), plan.calls());
        listener.log(EventTimes.clock(clock.millis()) + " " + r.summary());
        if (journaled && (restored || !out)) {
            try {
                journal.end(id, outcome, clock.instant(), r.summary());
            } catch (IOException e) {
                LOG.warn("drill {}: cannot journal its end: {}", id, e.getMessage());
            }
        }
        return r;
    }
}
