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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import trunkops.ami.AmiControlLinks;
import trunkops.ami.AmiTarget;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlValidator;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.JdbcUrls;
import trunkops.db.ViciDialRepository;
import trunkops.secrets.Keyring;
import trunkops.text.SafeText;
import trunkops.topology.AmiEndpoint;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.TopologyBuilder;

/**
 * Runs one control action from the command line: finds the dialers (one {@code --ami}, or the cluster through
 * {@code --jdbc}), validates, sends through {@link AstDbTrunkControl} and prints one line per dialer,
 * {@code <server> <peer> <ACTION> <applied|failed: reason|unreachable: reason>}. Exit 0 only when every dialer
 * applied and read back the change, 1 when any did not (stderr names them), 2 for bad arguments.
 */
@ConsoleOutput
final class ControlRun {

    /** What the command line asked for, before the dialers are known. */
    record Ask(String command, ControlVerb verb, ControlOptions.TrunkName trunk, Optional<String> route,
               OptionalInt value, Optional<String> until) {
    }

    private ControlRun() {
    }

    static int run(CliContext ctx, ControlOptions o, Ask ask, Clock clock) throws InterruptedException {
        PrintStream err = ctx.err();
        String name = "trunkops " + ask.command();
        o.checkTargets();
        ClusterTopology topology = null;
        List<String> serverIds = new ArrayList<>();
        Map<String, AmiTarget> byServer = new HashMap<>();
        if (o.jdbc != null) {
            JdbcUrls.refuseCredentials(o.jdbc, "--jdbc");
            char[] pw = StatusCommand.secret(o.dbPasswordEnv, ctx.env(), ctx.keyring().get(),
                    new Keyring.Entry(Keyring.Kind.DB, o.dbUser, o.jdbc), err).get();
            try (Database db = new Database(Database.Settings.of(o.jdbc, o.dbUser), pw)) {
                ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
                topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
            } catch (DbException e) {
                err.println(name + ": " + SafeText.display(e.getMessage()));
                return Cli.FAILED;
            }
            for (String s : o.servers) {
                serverIds.add(DialerChoice.resolve(topology, s, "--server").serverId());
            }
            for (DialerServer s : topology.servers()) {
                if (s.dials()) {
                    byServer.put(s.serverId(), new AmiTarget(s.serverId(), s.ami().host(), s.ami().port(), o.user));
                }
            }
        } else {
            AmiEndpoint e = StatusCommand.amiEndpoint(o.ami);
            serverIds.add(e.host());
            byServer.put(e.host(), new AmiTarget(e.host(), e.host(), e.port(), o.user));
        }
        ControlRequest request = new ControlRequest(ask.verb(), ask.trunk().tech(), ask.trunk().peer(), serverIds,
                ask.route(), ask.value(), ask.until().map(u -> ControlOptions.until(u, clock.getZone())),
                o.reason, Optional.ofNullable(o.ticket), actor());
        List<String> problems = ControlValidator.problems(request, clock.instant(), Optional.ofNullable(topology));
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println(name + ": " + SafeText.display(p)));
            return Cli.USAGE;
        }
        ControlJournal journal = ctx.journal().get();
        if (journal instanceof ControlWiring.Audit audited) {
            try {
                Optional<String> refused = audited.bind(o.jdbc != null ? o.jdbc : "ami:" + o.ami)
                        .refusal(request.verb());
                if (refused.isPresent()) {
                    err.println(name + ": " + SafeText.display(refused.get()) + " (nothing sent)");
                    return Cli.FAILED;
                }
            } catch (ControlJournal.JournalException e) {
                err.println(name + ": " + SafeText.display(e.getMessage()) + " (nothing sent)");
                return Cli.FAILED;
            }
        }
        List<String> targets = serverIds.isEmpty() ? ControlValidator.dialersWith(topology, request) : serverIds;
        Map<String, Supplier<char[]>> secrets = new HashMap<>();
        for (String id : targets) {
            AmiTarget t = byServer.get(id);
            secrets.computeIfAbsent(t.host(), h -> StatusCommand.secret(o.secretEnv, ctx.env(), ctx.keyring().get(),
                    new Keyring.Entry(Keyring.Kind.AMI, o.user, h), err));
        }
        if (journal instanceof ControlWiring.Unjournaled) {
            err.println(name + ": warning: " + ControlWiring.Unjournaled.WARNING);
        }
        ControlResult result;
        ClusterTopology known = topology;
        try (AmiControlLinks links = new AmiControlLinks(targets.stream().map(byServer::get).toList(),
                t -> secrets.get(t.host()), o.timeoutMs);
             AstDbTrunkControl control = new AstDbTrunkControl(links.links(), () -> Optional.ofNullable(known),
                     journal, Duration.ofMillis(o.timeoutMs), clock)) {
            result = control.apply(request).get(2L * o.timeoutMs + 10_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            err.println(name + ": no result: " + SafeText.display(String.valueOf(e)));
            return Cli.FAILED;
        }
        return print(ctx, name, result);
    }

    static int print(CliContext ctx, String name, ControlResult result) {
        String peer = SafeText.display(result.request().peer());
        String action = result.request().verb() == ControlVerb.MAX_CALLS ? "MAX" : result.request().verb().name();
        for (DialerOutcome d : result.outcomes()) {
            String what = switch (d.status()) {
                case APPLIED -> "applied";
                case FAILED -> "failed: " + d.detail();
                case UNREACHABLE -> "unreachable: " + d.detail();
            };
            ctx.out().println(SafeText.display(d.serverId()) + " " + peer + " " + action + " "
                    + SafeText.display(what));
        }
        ctx.out().flush();
        String now = AstDbTrunkControl.write(result.request()).value().orElse("(none)");
        for (DialerOutcome d : result.outcomes()) {
            int at = d.detail().lastIndexOf(", before ");
            String before = at < 0 ? "(none)" : d.detail().substring(at + ", before ".length());
            if (d.applied() && !before.equals("(none)") && !before.equals(now)) {
                ctx.err().println(name + ": note: " + SafeText.display(d.serverId()) + " held '"
                        + SafeText.display(before) + "' before this action (now '" + SafeText.display(now) + "')");
            }
        }
        if (result.allApplied()) {
            return Cli.OK;
        }
        ctx.err().println(name + ": not applied on " + String.join(", ", result.notApplied().stream()
                .map(SafeText::display).toList()) + " (applied on " + (result.outcomes().size()
                - result.notApplied().size()) + " of " + result.outcomes().size() + "; run it again for the rest)");
        return Cli.FAILED;
    }

    /** Who acts: the OS user at this host (the journal names them). */
    static String actor() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }
}
