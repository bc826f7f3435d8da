package trunkops.app;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import trunkops.ami.AmiDialplanReader;
import trunkops.ami.AmiTestCaller;
import trunkops.ami.AmiTarget;
import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.control.audit.RolePolicy;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.RouteRepository;
import trunkops.db.RouterCarrierRepository;
import trunkops.push.ChangeSet;
import trunkops.push.JournalStepLog;
import trunkops.push.PushException;
import trunkops.push.PushJob;
import trunkops.push.PushReport;
import trunkops.push.PushStore;
import trunkops.push.TestDial;
import trunkops.routing.LintFinding;
import trunkops.routing.RouteVersion;
import trunkops.secrets.Keyring;
import trunkops.text.SafeText;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.Tech;

/**
 * {@code push} and {@code rollback --to}: builds the change set of one route version against the live row, prints
 * its diff and lint findings ({@code --dry-run} stops there), checks the role (engineer), journals the push, runs
 * the {@link PushJob} with one line per dialer and step, and prints each dialer's final state. Exit 0 only when
 * every dialer verified the intended version (or already ran it), 1 otherwise, 2 for bad arguments.
 */
@ConsoleOutput
final class PushRun {

    /** What the command line asked for. */
    record Ask(String command, String route, OptionalInt version, boolean dryRun, Optional<String> canary,
               Duration timeout, String amiUser, String secretEnv, int amiTimeoutMs, String reason,
               Optional<String> testNumber) {
    }

    private PushRun() {
    }

    static int run(CliContext ctx, DbOptions db, Ask ask) throws InterruptedException {
        String name = "trunkops " + ask.command();
        PrintStream err = ctx.err();
        if (!ask.dryRun()) { // the role first: nothing opened, nothing read, nothing written
            Optional<String> refused = LeverRun.refusal(ctx, db.jdbc, RolePolicy.Action.ROUTE_PUSH);
            if (refused.isPresent()) {
                err.println(name + ": " + SafeText.display(refused.get()) + " (nothing written)");
                return Cli.FAILED;
            }
        }
        try (Database d = db.open(ctx)) {
            RouteVersion v = version(d, ask);
            RouterCarrierRepository store = new RouterCarrierRepository(d.dataSource(), Clock.systemDefaultZone(),
                    host());
            List<PushStore.Dialer> dialers = store.dialers();
            if (dialers.isEmpty()) {
                err.println(name + ": no active dialer generates ViciDial's conf files");
                return Cli.FAILED;
            }
            if (ask.canary().isPresent() && dialers.stream().noneMatch(x -> x.serverId().equals(ask.canary().get()))) {
                throw new IllegalArgumentException("--canary " + ask.canary().get() + ": not a dialer ("
                        + String.join(", ", dialers.stream().map(PushStore.Dialer::serverId).toList()) + ")");
            }
            Optional<String> dial = ask.testNumber().map(n -> TestDial.dialString(v, n).orElseThrow(() ->
                    new IllegalArgumentException("--test-number " + n + " reaches none of the route's patterns")));
            ChangeSet change = ChangeSet.build(v, store.read(v.name()), dialers);
            printChange(ctx, change);
            if (ask.dryRun() || change.lintErrors()) {
                return change.lintErrors() ? Cli.FAILED : Cli.OK;
            }
            return push(ctx, name, DbOptions.topology(d), store, change, ask, dial);
        } catch (PushException | DbException e) {
            err.println(name + ": " + SafeText.display(e.getMessage()));
            return Cli.FAILED;
        }
    }

    private static RouteVersion version(Database d, Ask ask) {
        RouteRepository routes = RouteRepository.reader(d.dataSource());
        Optional<RouteVersion> v = ask.version().isPresent()
                ? routes.version(ask.route(), ask.version().getAsInt())
                : routes.latest().stream().filter(r -> r.name().equals(ask.route())).findFirst();
        return v.orElseThrow(() -> new IllegalArgumentException("no route '" + ask.route() + "'"
                + ask.version().stream().mapToObj(n -> " version " + n).findFirst().orElse("")
                + " in trunkops_routes"));
    }

    private static void printChange(CliContext ctx, ChangeSet c) {
        PrintStream out = ctx.out();
        out.println("route " + SafeText.display(c.version().name()) + " v" + c.version().version() + ": live "
                + c.live().map(r -> "row on " + r.serverIp()).orElse("none (new route)"));
        for (LintFinding f : c.findings()) {
            (f.isError() ? ctx.err() : out).println("lint: " + SafeText.display(f.oneLine()));
        }
        for (PushStore.Dialer d : c.dialers()) {
            List<String> diff = c.diff(d);
            out.println(SafeText.display(d.serverId()) + ": " + (diff.isEmpty() ? "no change" : diff.size()
                    + " diff lines"));
            diff.forEach(l -> out.println("  " + SafeText.display(l)));
        }
        out.flush();
    }

    private static int push(CliContext ctx, String name, ClusterTopology topology, PushStore store, ChangeSet change,
                            Ask ask, Optional<String> dial) throws InterruptedException {
        List<AmiTarget> targets = new ArrayList<>();
        Map<String, Supplier<char[]>> secrets = new HashMap<>();
        for (DialerServer s : topology.servers()) {
            targets.add(new AmiTarget(s.serverId(), s.ami().host(), s.ami().port(), ask.amiUser()));
        }
        ControlJournal journal = ctx.journal().get();
        ControlRequest request = new ControlRequest(ControlVerb.ROUTE_PUSH, Tech.SIP, change.version().name(),
                change.dialers().stream().map(PushStore.Dialer::serverId).toList(), Optional.of("ROUTE"),
                OptionalInt.of(change.version().version()), Optional.empty(), ask.reason(), Optional.empty(),
                ControlRun.actor());
        String entry;
        try {
            entry = journal.begin(request, Map.of("row", change.live().map(r -> r.serverIp()).orElse("none")));
        } catch (ControlJournal.JournalException | RuntimeException e) {
            ctx.err().println(name + ": nothing written: the journal could not be written ("
                    + SafeText.display(String.valueOf(e.getMessage())) + ")");
            return Cli.FAILED;
        }
        JournalStepLog stepLog = new JournalStepLog(journal, change.version().name(), change.version().version(),
                ask.reason(), ControlRun.actor());
        PushJob.Settings settings = new PushJob.Settings(ask.timeout(), Duration.ofSeconds(20),
                Duration.ofMillis(500), ask.canary(), ControlRun.actor());
        long t0 = System.nanoTime();
        PushReport report;
        java.util.function.Function<AmiTarget, Supplier<char[]>> secret = t -> secrets.computeIfAbsent(t.host(),
                h -> StatusCommand.secret(ask.secretEnv(), ctx.env(), ctx.keyring().get(),
                        new Keyring.Entry(Keyring.Kind.AMI, ask.amiUser(), h), ctx.err()));
        try (AmiDialplanReader reader = new AmiDialplanReader(targets, secret, ask.amiTimeoutMs())) {
            PushJob job = new PushJob(change, store, reader, settings, p -> progress(ctx, p), stepLog);
            dial.ifPresent(n -> job.withTestCall(new AmiTestCaller(targets, secret, ask.amiTimeoutMs()), n,
                    TestDial.VICIDIAL_CONTEXT, Duration.ofSeconds(60)));
            report = runCancellable(job, ask.timeout());
            job.testCallResult().ifPresent(r -> ctx.out().println("test call " + SafeText.display(
                    r.answeredBy().map(a -> "answered by " + a).orElse("not answered") + " (" + r.detail() + ")")));
        }
        stepLog.failures().forEach(f -> ctx.err().println(name + ": warning: " + SafeText.display(f)));
        printConflicts(ctx.err(), report);
        complete(ctx, name, journal, entry, request, report, Duration.ofNanos(System.nanoTime() - t0));
        for (PushReport.DialerState s : report.dialers()) {
            ctx.out().println(SafeText.display(s.serverId()) + " " + s.state() + " " + SafeText.display(s.detail()));
        }
        ctx.out().println(SafeText.display(report.summary()));
        return report.allNew() ? Cli.OK : Cli.FAILED;
    }

    /**
     * Runs the job with Ctrl-C as its cancel: the shutdown hook cancels it and holds the JVM until the rollback has
     * run (at most two keepalive timeouts and a minute).
     */
    private static PushReport runCancellable(PushJob job, Duration timeout) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            job.cancel();
            try {
                done.await(timeout.multipliedBy(2).plusMinutes(1).toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "push-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.run();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the job is done
            }
        }
    }

    /** One {@code conflict: <field> base '..' live '..' proposed '..'} line per field that changed meanwhile. */
    static void printConflicts(PrintStream err, PushReport report) {
        for (trunkops.push.FieldConflict f : report.conflicts()) {
            err.println("conflict: " + SafeText.display(f.oneLine()));
        }
    }

    private static void progress(CliContext ctx, PushJob.Progress p) {
        if (p.step() == PushJob.Step.WAIT_RELOAD && p.waited().toMillis() % 10_000 >= 500) {
            return; // one waiting line every ~10 s
        }
        ctx.out().println(SafeText.display(p.serverId()) + " " + p.step() + " " + p.waited().toSeconds() + "s "
                + SafeText.display(p.detail()));
        ctx.out().flush();
    }

    private static void complete(CliContext ctx, String name, ControlJournal journal, String entry,
                                 ControlRequest request, PushReport report, Duration took) {
        List<DialerOutcome> outcomes = report.dialers().stream().map(s -> new DialerOutcome(s.serverId(),
                s.state() == PushReport.State.NEW ? DialerOutcome.Status.APPLIED : DialerOutcome.Status.FAILED,
                s.state() + ": " + s.detail())).toList();
        try {
            journal.complete(entry, new ControlResult(request, outcomes, took));
        } catch (ControlJournal.JournalException | RuntimeException e) {
            ctx.err().println(name + ": warning: the journal entry could not be completed ("
                    + SafeText.display(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
