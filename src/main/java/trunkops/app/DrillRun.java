package trunkops.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import trunkops.ami.AmiAstDbLink;
import trunkops.ami.AmiCallLink;
import trunkops.ami.AmiTarget;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlVerb;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.DrillRepository;
import trunkops.db.RouteRepository;
import trunkops.db.ViciDialRepository;
import trunkops.drill.DrillHistory;
import trunkops.drill.DrillJournal;
import trunkops.drill.DrillOutcome;
import trunkops.drill.DrillPlan;
import trunkops.drill.DrillRecovery;
import trunkops.drill.DrillReport;
import trunkops.drill.DrillRoleCheck;
import trunkops.drill.DrillRunner;
import trunkops.drill.DrillState;
import trunkops.drill.ReportCsv;
import trunkops.drill.ReportHtml;
import trunkops.drill.ReportPdf;
import trunkops.routing.Route;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteMember;
import trunkops.routing.RouteVersion;
import trunkops.secrets.Keyring;
import trunkops.text.SafeText;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.TopologyBuilder;

/** What {@code trunkops drill} does (see {@link DrillCommand}); prints the live log and the result. */
@ConsoleOutput
final class DrillRun {

    private DrillRun() {
    }

    /** The route and the dialer the drill runs on; with --jdbc, the database password (for the drill table). */
    record Where(RouteVersion route, AmiTarget target, Supplier<char[]> dbPassword) {
    }

    static int run(CliContext ctx, DrillCommand c) throws Exception {
        PrintStream err = ctx.err();
        Where where;
        DrillPlan plan;
        try {
            answerTo(c.answerTo);
            where = where(ctx, c);
            if (where == null) {
                return Cli.FAILED;
            }
            plan = plan(c, where);
        } catch (IllegalArgumentException | RouteFile.ParseException | IOException e) {
            err.println("trunkops drill: " + SafeText.display(e.getMessage()));
            return Cli.USAGE;
        }
        List<String> problems = plan.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("trunkops drill: " + SafeText.display(p)));
            return Cli.USAGE;
        }
        if (c.dryRun) {
            plan.describe().forEach(l -> ctx.out().println(SafeText.display(l)));
            return Cli.OK;
        }
        return drill(ctx, c, where, plan);
    }

    private static Where where(CliContext ctx, DrillCommand c) throws Exception {
        PrintStream err = ctx.err();
        ControlOptions o = c.options;
        if ((o.ami == null) == (o.jdbc == null)) {
            throw new IllegalArgumentException("name the dialer with --ami <host:port> or --jdbc <url> --server"
                    + " <dialer>, one of them");
        }
        if (o.all || (o.jdbc != null && o.servers.size() != 1) || (o.ami != null && !o.servers.isEmpty())) {
            throw new IllegalArgumentException("a drill runs on one dialer: --ami, or --jdbc with one --server");
        }
        if (o.ami != null) {
            if (c.routeFile == null) {
                throw new IllegalArgumentException("with --ami give the route as --route-file <file>");
            }
            Route r = RouteFile.parse(Files.readString(c.routeFile, StandardCharsets.UTF_8));
            if (!r.name().equals(c.route)) {
                throw new IllegalArgumentException("--route-file defines route " + r.name() + ", not " + c.route);
            }
            var e = StatusCommand.amiEndpoint(o.ami);
            return new Where(new RouteVersion(r, 0, "file", java.time.Instant.EPOCH, c.routeFile.toString()),
                    new AmiTarget(e.host(), e.host(), e.port(), o.user), null);
        }
        if (o.dbUser == null) {
            throw new IllegalArgumentException("--jdbc needs --db-user");
        }
        trunkops.db.JdbcUrls.refuseCredentials(o.jdbc, "--jdbc");
        Supplier<char[]> dbPassword = StatusCommand.secret(o.dbPasswordEnv, ctx.env(), ctx.keyring().get(),
                new Keyring.Entry(Keyring.Kind.DB, o.dbUser, o.jdbc), err);
        try (Database db = new Database(Database.Settings.of(o.jdbc, o.dbUser), dbPassword.get())) {
            ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
            ClusterTopology t = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
            DialerServer s = DialerChoice.resolve(t, o.servers.get(0), "--server");
            Optional<RouteVersion> v = RouteRepository.reader(db.dataSource()).latest().stream()
                    .filter(x -> x.name().equals(c.route)).findFirst();
            if (v.isEmpty()) {
                throw new IllegalArgumentException("no route " + c.route + " in TrunkOps' tables");
            }
            return new Where(v.get(), new AmiTarget(s.serverId(), s.ami().host(), s.ami().port(), o.user),
                    dbPassword);
        } catch (DbException e) {
            err.println("trunkops drill: " + SafeText.display(e.getMessage()));
            return null;
        }
    }

    private static DrillPlan plan(DrillCommand c, Where w) {
        ControlOptions.TrunkName a = ControlOptions.trunk(c.trunk);
        RouteMember member = w.route().route().members().stream()
                .filter(m -> m.tech() == a.tech() && a.tech().sameName(m.peer(), a.peer())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(a.tech() + "/" + a.peer() + " is not a member of route "
                        + w.route().name() + " (members: " + w.route().route().members().stream()
                        .map(RouteMember::trunk).toList() + ")"));
        DrillPlan p = new DrillPlan(w.route(), member, w.target().serverId(), c.calls, c.number, c.context,
                Optional.empty(), Duration.ofSeconds(c.callTimeout), 1, ControlRun.actor(), c.options.reason);
        return p.withMaxVerify(c.verifyCalls != null ? c.verifyCalls : p.verifyCallsNeeded());
    }

    private static int drill(CliContext ctx, DrillCommand c, Where w, DrillPlan plan) throws Exception {
        PrintStream err = ctx.err();
        ControlOptions o = c.options;
        DrillRoleCheck role = DrillRoleCheck.ALLOW;
        ControlJournal audit = ctx.journal().get();
        if (audit instanceof ControlWiring.Audit a) {
            CliAudit bound = a.bind(o.jdbc != null ? o.jdbc : "ami:" + o.ami);
            role = () -> bound.refusal(ControlVerb.OFFLINE);
        } else if (audit instanceof ControlWiring.Unjournaled) {
            err.println("trunkops drill: warning: " + ControlWiring.Unjournaled.WARNING);
        }
        Path dir = c.historyDir != null ? c.historyDir : AppPaths.stateDir().resolve("drill");
        Database db = w.dbPassword() == null ? null
                : new Database(Database.Settings.of(o.jdbc, o.dbUser), w.dbPassword().get());
        try {
            DrillJournal journal = new DrillJournal(dir.resolve("drills.log"), db == null
                    ? DrillJournal.Mirror.NONE : DrillRepository.open(db.dataSource()));
            return drill(ctx, c, w, plan, journal, role, audit);
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    private static int drill(CliContext ctx, DrillCommand c, Where w, DrillPlan plan, DrillJournal journal,
                             DrillRoleCheck role, ControlJournal audit) throws Exception {
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        ControlOptions o = c.options;
        Supplier<char[]> secret = StatusCommand.secret(o.secretEnv, ctx.env(), ctx.keyring().get(),
                new Keyring.Entry(Keyring.Kind.AMI, o.user, w.target().host()), err);
        Optional<AmiDrillLine.AnswerTo> answerTo = answerTo(c.answerTo);
        DrillReport r;
        try (AmiCallLink calls = AmiCallLink.open(w.target(), secret, o.timeoutMs);
             AmiAstDbLink astdb = new AmiAstDbLink(w.target(), secret, o.timeoutMs);
             AstDbTrunkControl control = new AstDbTrunkControl(java.util.Map.of(w.target().serverId(), astdb),
                     Optional::empty, audit, Duration.ofMillis(o.timeoutMs), Clock.systemUTC())) {
            AmiDrillLine line = new AmiDrillLine(calls, astdb, c.callerId, answerTo);
            new DrillRecovery(journal, control, (server, peer) -> line.adminFlag(peer), Clock.systemUTC(),
                    ControlRun.actor()).resolve(u -> u.serverId().equals(w.target().serverId()))
                    .forEach(l -> err.println("trunkops drill: " + SafeText.display(l)));
            DrillRunner runner = new DrillRunner(plan, line, control, journal, role, Clock.systemUTC(),
                    printer(out), DrillRunner.Settings.defaults());
            java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
            Thread hook = new Thread(() -> {
                runner.cancel(); // Ctrl+C / SIGTERM: take the abort path and give it time to restore A
                try {
                    finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "drill-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                r = runner.run();
            } finally {
                finished.countDown();
                removeHook(hook);
            }
        } catch (IOException e) {
            err.println("trunkops drill: " + SafeText.display(e.getMessage()));
            return Cli.FAILED;
        }
        Path kept = new DrillHistory(journal).save(r);
        if (c.report != null) {
            write(r, c.report);
        }
        r.reasons().forEach(x -> err.println("trunkops drill: " + SafeText.display(x)));
        out.println("report: " + kept + (c.report != null ? " and " + c.report : ""));
        out.println(SafeText.display(r.summary()));
        out.flush();
        return r.outcome() == DrillOutcome.PASSED ? Cli.OK : Cli.FAILED;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has cancelled the drill, which restored what it changed
        }
    }

    static Optional<AmiDrillLine.AnswerTo> answerTo(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String[] p = typed.split(",", -1);
        if (p.length != 2 || !p[0].matches("[A-Za-z0-9_-]{1,40}") || !p[1].matches("[A-Za-z0-9_*#+-]{1,40}")) {
            throw new IllegalArgumentException("--answer-to must be <context>,<exten> (letters, digits, _ -)");
        }
        return Optional.of(new AmiDrillLine.AnswerTo(p[0], p[1]));
    }

    static void write(DrillReport r, Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (n.endsWith(".pdf")) {
            ReportPdf.write(r, file);
        } else if (n.endsWith(".csv")) {
            ReportCsv.write(r, file);
        } else {
            Files.writeString(file, ReportHtml.render(r), StandardCharsets.UTF_8);
        }
    }

    private static DrillRunner.Listener printer(PrintStream out) {
        return new DrillRunner.Listener() {
            @Override
            public void state(DrillState state, int done, int total) {
            }

            @Override
            public void log(String line) {
                out.println(SafeText.display(line));
                out.flush();
            }
        };
    }
}
