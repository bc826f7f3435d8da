package trunkops.push;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.push.PushReport.DialerState;
import trunkops.push.PushReport.Outcome;
import trunkops.push.PushReport.State;

/**
 * One push, FX-free and cancellable: the canary first (the row scoped to the canary, its rebuild flag set, wait for
 * the keepalive to clear it, read the dialplan back), then the rest (the row at 0.0.0.0, the other dialers flagged,
 * each waited for and read back). Any failed read-back, a flag still set after the timeout, or a cancel rolls back:
 * the row the push was built from is written back (or the row deleted when the route was new), the touched dialers
 * rebuilt and read back. The first write is a compare-and-set on the live row the change set carries.
 */
public final class PushJob {

    private static final Logger LOG = LoggerFactory.getLogger(PushJob.class);

    public enum Step { CHECK, WRITE, WAIT_RELOAD, VERIFY, ROLLBACK, DONE }

    /** One step on one dialer (or "cluster"), with the time waited so far on it. */
    public record Progress(String serverId, Step step, Duration waited, String detail) {
    }

    /**
     * @param reloadTimeout how long the keepalive may take to clear a flag (ViciDial: up to ~60 s + generation)
     * @param verifyGrace   how long a read-back may keep failing after the flag cleared (generation + reload)
     * @param poll          how often the flag and the dialplan are read while waiting
     * @param canaryServerId the canary (empty: the first dialer)
     * @param actor          the vicidial_admin_log user
     */
    public record Settings(Duration reloadTimeout, Duration verifyGrace, Duration poll, Optional<String> canaryServerId,
                           String actor) {
        public static Settings defaults(String actor) {
            return new Settings(Duration.ofMinutes(3), Duration.ofSeconds(20), Duration.ofMillis(500),
                    Optional.empty(), actor);
        }
    }

    private final ChangeSet change;
    private final PushStore store;
    private final DialplanReader reader;
    private final Settings settings;
    private final Consumer<Progress> progress;
    private final PushStepLog steps;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private List<FieldConflict> conflicts = List.of();
    private Optional<TestPlan> testPlan = Optional.empty();
    private volatile TestCaller.Result testResult;

    private record TestPlan(TestCaller caller, String dialString, String context, Duration timeout) {
    }
    private final Map<String, DialerState> states = new LinkedHashMap<>();
    private final List<PushStore.Dialer> touched = new ArrayList<>();
    private long started;

    public PushJob(ChangeSet change, PushStore store, DialplanReader reader, Settings settings,
                   Consumer<Progress> progress) {
        this(change, store, reader, settings, progress, PushStepLog.NONE);
    }

    /** With every step recorded in {@code steps} as it begins and ends (the audit journal: {@link JournalStepLog}). */
    public PushJob(ChangeSet change, PushStore store, DialplanReader reader, Settings settings,
                   Consumer<Progress> progress, PushStepLog steps) {
        this.change = change;
        this.store = store;
        this.reader = reader;
        this.settings = settings;
        this.progress = progress;
        this.steps = steps;
    }

    /**
     * Asks the job to stop: before the first write nothing is written; during a wait, a read-back or between
     * stages the job rolls back (and verifies the previous version); a rollback already running is finished.
     */
    public void cancel() {
        cancelled.countDown();
    }

    /**
     * Once the canary is verified, a test call there through the route ({@code Local/<dialString>@<context>}, see
     * {@link TestDial}) before the other dialers are touched: a call that reaches no trunk fails the push (rolled
     * back); which trunk answered (or how each attempt ended) is added to the canary's result. Call before
     * {@link #run()}.
     */
    public PushJob withTestCall(TestCaller caller, String dialString, String context, Duration timeout) {
        testPlan = Optional.of(new TestPlan(caller, dialString, context, timeout));
        return this;
    }

    /** The test call's result once it was made. */
    public Optional<TestCaller.Result> testCallResult() {
        return Optional.ofNullable(testResult);
    }

    /** True once {@link #cancel()} was called. */
    public boolean cancelRequested() {
        return cancelled.getCount() == 0;
    }

    public PushReport run() throws InterruptedException {
        started = System.nanoTime();
        String route = change.target().carrierId();
        if (change.lintErrors()) {
            return report(Outcome.REFUSED, "refused: the new dialplan has lint errors; nothing written");
        }
        if (change.nothingToPush()) {
            return alreadyLive();
        }
        PushStore.Dialer canary = canary();
        List<String> all = change.dialers().stream().map(PushStore.Dialer::serverId).toList();
        String check = steps.begin(PushStepLog.Phase.CHECK, all, "before any write");
        step("cluster", Step.CHECK, "lint clean; " + change.live().map(r -> "live row on " + r.serverIp())
                .orElse("new route") + "; canary " + canary.serverId());
        if (cancelRequested()) {
            steps.end(check, outcomes(all, false, "cancelled before any write"));
            return cancelledBeforeWrite();
        }
        steps.end(check, outcomes(all, true, "ready to write"));
        Optional<RouterRow> written = Optional.of(change.target().scopedTo(canary.serverIp()));
        String w = steps.begin(PushStepLog.Phase.CANARY_WRITE, List.of(canary.serverId()), "row " + route + " v"
                + change.version().version() + " scoped to " + canary.serverIp());
        try {
            step("cluster", Step.WRITE, "row " + route + " v" + change.version().version() + " on " + canary.serverId()
                    + " only (canary)");
            store.write(change.live(), written, settings.actor(), "push " + change.version().marker() + " canary "
                    + canary.serverId());
            steps.end(w, outcomes(List.of(canary.serverId()), true, "written"));
        } catch (PushException.Conflict e) {
            steps.end(w, outcomes(List.of(canary.serverId()), false, "changed since built: " + e.getMessage()));
            conflicts = e.fields();
            return report(Outcome.STOPPED_CHANGED, "stopped before writing: " + e.getMessage());
        } catch (PushException e) {
            steps.end(w, outcomes(List.of(canary.serverId()), false, e.getMessage()));
            return report(Outcome.FAILED, "nothing written: " + e.getMessage());
        }
        Optional<String> failure = stage(List.of(canary), written);
        if (failure.isEmpty() && testPlan.isPresent()) {
            failure = testCall(canary, testPlan.get());
        }
        if (failure.isEmpty()) {
            List<PushStore.Dialer> rest = change.dialers().stream().filter(d -> !d.equals(canary)).toList();
            List<String> ids = rest.stream().map(PushStore.Dialer::serverId).toList();
            String o = steps.begin(PushStepLog.Phase.STAGE_OTHERS, ids, "row " + route + " to 0.0.0.0");
            try {
                step("cluster", Step.WRITE, "row " + route + " on 0.0.0.0 (" + rest.size() + " more dialers)");
                store.write(written, Optional.of(change.target()), settings.actor(), "push "
                        + change.version().marker() + " to all");
                written = Optional.of(change.target());
                steps.end(o, outcomes(ids, true, "written"));
                failure = stage(rest, written);
            } catch (PushException e) {
                steps.end(o, outcomes(ids, false, e.getMessage()));
                if (e instanceof PushException.Conflict c) {
                    conflicts = c.fields();
                }
                failure = Optional.of(e.getMessage());
            }
        }
        if (failure.isEmpty()) {
            return report(Outcome.PUSHED, change.version().marker() + " verified on " + states.size() + " dialers");
        }
        return rollback(written, failure.get());
    }

    /** The test call on the verified canary; the failure (no trunk dialed, AMI, cancel meanwhile) or empty. */
    private Optional<String> testCall(PushStore.Dialer canary, TestPlan t) throws InterruptedException {
        Optional<TestCaller.Result> r = TestCallStep.run(canary, t.caller(), t.dialString(), t.context(),
                t.timeout(), steps, p -> step(canary.serverId(), Step.VERIFY, p));
        if (r.isEmpty() || !r.get().routed()) {
            return Optional.of(canary.serverId() + ": test call " + r.map(x -> "reached no trunk: " + x.detail())
                    .orElse("failed (see the journal)"));
        }
        testResult = r.get();
        DialerState s = states.get(canary.serverId());
        states.put(canary.serverId(), new DialerState(s.serverId(), s.state(), s.detail() + "; test call "
                + TestCallStep.said(r.get()), s.untilVerified()));
        return cancelRequested() ? Optional.of(CANCELLED + " (after the test call)") : Optional.empty();
    }

    private PushStore.Dialer canary() {
        List<PushStore.Dialer> ds = change.dialers();
        return settings.canaryServerId().flatMap(id -> ds.stream().filter(d -> d.serverId().equals(id)).findFirst())
                .orElse(ds.get(0));
    }

    /** Flags, waits and verifies {@code dialers} for {@code row}; the first failure (or the cancel), or empty. */
    private Optional<String> stage(List<PushStore.Dialer> dialers, Optional<RouterRow> row)
            throws InterruptedException {
        for (PushStore.Dialer d : dialers) {
            touched.add(d);
            states.put(d.serverId(), new DialerState(d.serverId(), State.UNKNOWN, "written, not yet verified",
                    Duration.ZERO));
        }
        try {
            store.requestRebuild(dialers.stream().map(PushStore.Dialer::serverIp).toList());
            for (PushStore.Dialer d : dialers) {
                Optional<String> bad = settle(d, row, change.live(), true);
                if (bad.isPresent()) {
                    return Optional.of(d.serverId() + ": " + bad.get());
                }
                states.put(d.serverId(), new DialerState(d.serverId(), State.NEW, "verified " + change.version()
                        .marker(), elapsed()));
                if (cancelRequested()) {
                    return Optional.of(CANCELLED + " (after " + d.serverId() + " verified)");
                }
            }
        } catch (PushException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    static final String CANCELLED = "cancelled by the operator";

    /** {@link DialerSettle#settle}: waits for the keepalive there, then reads back. */
    private Optional<String> settle(PushStore.Dialer d, Optional<RouterRow> want, Optional<RouterRow> replaced,
                                    boolean pushing) throws PushException, InterruptedException {
        return new DialerSettle(store, reader, settings, pushing ? steps : PushStepLog.NONE,
                change.target().carrierId(), this::cancelRequested, this::pause,
                (server, st, waited, detail) -> step(server, st, waited, detail)).settle(d, want, replaced, pushing);
    }

    static List<PushStepLog.Outcome> outcomes(List<String> servers, boolean ok, String detail) {
        return servers.stream().map(s -> new PushStepLog.Outcome(s, ok, detail)).toList();
    }

    /** Sleeps one poll; true when the job was cancelled (and {@code cancellable}). */
    private boolean pause(boolean cancellable) throws InterruptedException {
        if (cancelRequested()) { // the latch no longer waits: a rollback after a cancel still polls at the pace
            if (!cancellable) {
                TimeUnit.MILLISECONDS.sleep(settings.poll().toMillis());
            }
            return cancellable;
        }
        boolean c = cancelled.await(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        return c && cancellable;
    }

    private PushReport rollback(Optional<RouterRow> written, String why) throws InterruptedException {
        LOG.warn("push of {} failed ({}), rolling back", change.version().marker(), why);
        List<String> ids = touched.stream().map(PushStore.Dialer::serverId).toList();
        String rb = steps.begin(PushStepLog.Phase.ROLLBACK, ids, "restoring " + change.live()
                .map(r -> "the previous row").orElse("no row") + ": " + why);
        step("cluster", Step.ROLLBACK, "restoring " + change.live().map(r -> "the previous row").orElse("no row")
                + ": " + why);
        try {
            store.write(written, change.live(), settings.actor(), "rollback of " + change.version().marker());
            store.requestRebuild(touched.stream().map(PushStore.Dialer::serverIp).toList());
            steps.end(rb, outcomes(ids, true, "previous row written, rebuild flagged"));
        } catch (PushException e) {
            steps.end(rb, outcomes(ids, false, e.getMessage()));
            if (e instanceof PushException.Conflict c && conflicts.isEmpty()) {
                conflicts = c.fields();
            }
            touched.forEach(d -> unknown(d, "rollback not written (" + e.getMessage() + "); check"
                    + " vicidial_server_carriers row " + change.target().carrierId()));
            return report(Outcome.FAILED, "push failed (" + why + ") and the rollback could not be written");
        }
        boolean clean = true;
        for (PushStore.Dialer d : touched) {
            String rv = steps.begin(PushStepLog.Phase.ROLLBACK_VERIFY, List.of(d.serverId()), "waiting for the"
                    + " keepalive, then ShowDialPlan for the previous version");
            boolean ok = rollbackOne(d, written);
            clean &= ok;
            steps.end(rv, outcomes(List.of(d.serverId()), ok, states.get(d.serverId()).detail()));
        }
        return report(clean ? Outcome.ROLLED_BACK : Outcome.FAILED, "push failed (" + why + "); rolled back"
                + (clean ? ", previous version verified" : ", NOT verified everywhere"));
    }

    /** Waits for one touched dialer and reads the previous version back; false when it could not be verified. */
    private boolean rollbackOne(PushStore.Dialer d, Optional<RouterRow> written) throws InterruptedException {
        try {
            Optional<RouterRow> old = change.live().filter(r -> r.reaches(d.serverIp()));
            Optional<String> bad = settle(d, old, written, false);
            String note = "rolled back, verified";
            if (bad.isPresent() && store.rebuildPending(d.serverIp())) {
                // the keepalive never ran: the files still hold what was there before the push
                note = "verified on the previous version; its rebuild flag is still 'Y' (keepalive not running?)";
                bad = ReadBack.check(reader, change.target().carrierId(), d, old, written);
            }
            if (bad.isEmpty()) {
                states.put(d.serverId(), new DialerState(d.serverId(), State.OLD, note, elapsed()));
                return true;
            }
            unknown(d, bad.get());
        } catch (PushException e) {
            unknown(d, e.getMessage());
        }
        return false;
    }

    /** A cancel before the first write: nothing written; every dialer read back on the previous version. */
    private PushReport cancelledBeforeWrite() throws InterruptedException {
        boolean clean = readBackAll(false, State.OLD, "not touched (cancelled before any write), verified on the"
                + " previous version", "not touched, but the read-back differs from the live row: ");
        return report(clean ? Outcome.ROLLED_BACK : Outcome.FAILED, CANCELLED + " before any write: nothing"
                + " written" + (clean ? ", previous version verified" : ", NOT verified everywhere"));
    }

    /** Every dialer read back on the live row ({@code target}: the pushed one); true when all matched. */
    private boolean readBackAll(boolean target, State ok, String okNote, String badNote) {
        boolean clean = true;
        for (PushStore.Dialer d : change.dialers()) {
            try {
                Optional<String> bad = ReadBack.check(reader, change.target().carrierId(), d, target
                        ? Optional.of(change.target()) : change.live().filter(r -> r.reaches(d.serverIp())),
                        Optional.empty());
                bad.ifPresent(b -> unknown(d, badNote + b));
                bad.ifPresentOrElse(b -> { }, () -> states.put(d.serverId(), new DialerState(d.serverId(), ok,
                        okNote, elapsed())));
                clean &= bad.isEmpty();
            } catch (PushException e) {
                unknown(d, e.getMessage());
                clean = false;
            }
        }
        return clean;
    }

    private void unknown(PushStore.Dialer d, String why) {
        states.put(d.serverId(), new DialerState(d.serverId(), State.UNKNOWN, why + "; check: ShowDialPlan "
                + Verifier.CONTEXT + " on " + d.serverId() + " for '" + PlanText.markerPrefix(
                change.target().carrierId()) + "', servers.rebuild_conf_files of " + d.serverIp(), Duration.ZERO));
    }

    private PushReport alreadyLive() {
        readBackAll(true, State.NEW, "already live", "row is this version but the dialers do not run it: ");
        return report(Outcome.NOTHING_TO_PUSH, "nothing to push: " + change.version().marker() + " is the live row");
    }

    private PushReport report(Outcome outcome, String summary) {
        for (PushStore.Dialer d : change.dialers()) {
            states.putIfAbsent(d.serverId(), new DialerState(d.serverId(), State.OLD, "not touched", Duration.ZERO));
        }
        List<String> ids = List.copyOf(states.keySet());
        String fin = steps.begin(PushStepLog.Phase.FINAL, ids, outcome + ": " + summary);
        steps.end(fin, states.values().stream().map(s -> new PushStepLog.Outcome(s.serverId(),
                s.state() == State.NEW, s.state() + ": " + s.detail())).toList());
        step("cluster", Step.DONE, summary);
        return new PushReport(outcome, List.copyOf(states.values()), summary, conflicts);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void step(String server, Step s, String detail) {
        step(server, s, elapsed(), detail);
    }

    private void step(String server, Step s, Duration waited, String detail) {
        LOG.info("push {} {} {} {}", change.target().carrierId(), server, s, detail);
        progress.accept(new Progress(server, s, waited, detail));
    }
}
