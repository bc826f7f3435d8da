package trunkops.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import trunkops.routing.FailoverPolicy;
import trunkops.routing.Route;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteGenerator;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteProblem;
import trunkops.routing.RouteValidator;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.text.SafeText;

/**
 * {@code route render}: a route given by options or by a route file (docs/routes.md) → exactly the
 * {@code dialplan_entry} text its router carrier gets, on stdout and nothing else. Problems of the route: one line
 * each on stderr, exit 1 (warnings go to stderr too, exit 0). Bad options: exit 2.
 */
@ConsoleOutput
@Command(name = "render",
        description = {"Print the dialplan_entry a route becomes (nothing else on stdout).",
                "Give the route with options (--name, --pattern, --strategy, --member...) or with --file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the route has errors (one line each on stderr)", "2:bad arguments"})
final class RouteRenderCommand implements Callable<Integer> {

    @ParentCommand
    private RouteCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
    @Option(names = "--file", paramLabel = "<route file>", description = "A route file (docs/routes.md).")
    private Path file;
    @Option(names = "--name", paramLabel = "<name>", description = "Route name = the router carrier's carrier_id.")
    private String name;
    @Option(names = "--pattern", paramLabel = "<pattern>", description = "Dial pattern, e.g. _91NXXNXXXXXX (repeat"
            + " for more).")
    private List<String> patterns = new ArrayList<>();
    @Option(names = "--strip", paramLabel = "<n>", description = "Leading digits to strip before dialing (default 0).")
    private Integer strip;
    @Option(names = "--strategy", paramLabel = "<strategy>", description = "priority, round-robin, weighted or"
            + " least-loaded.")
    private String strategy;
    @Option(names = "--member", paramLabel = "<TECH/peer[:weight]>", description = "A member trunk, in priority"
            + " order (repeat): SIP/trunk1:70, or 'SIP/trunk1 weight=70 priority=1 max=40'.")
    private List<String> members = new ArrayList<>();
    @Option(names = "--failover-on", paramLabel = "<list>", description = "Failover triggers (default "
            + "CHANUNAVAIL,CONGESTION,5xx,408).")
    private String failoverOn;
    @Option(names = "--customer-outcome-override", description = "Allow failover on customer outcomes (BUSY,"
            + " NOANSWER, 486, ...): re-dials customers.")
    private boolean override;
    @Option(names = "--max-attempts", paramLabel = "<n>", description = "Members one call may try (default: all).")
    private Integer maxAttempts;
    @Option(names = "--dial-timeout", paramLabel = "<s>", description = "Budget of all attempts when the call has no"
            + " CAMPDTO (default 30).")
    private Integer dialTimeout;
    @Option(names = "--progress-timeout", paramLabel = "<s>", description = "Seconds an attempt may go without"
            + " ringing before it counts as CHANUNAVAIL (default 5).")
    private Integer progressTimeout;
    @Option(names = "--dialers", paramLabel = "<ip,ip>", split = ",", description = "server_ip of the dialers it"
            + " runs on (default all).")
    private List<String> dialers = new ArrayList<>();
    @Option(names = "--version", paramLabel = "<n>", description = "The version number in the marker (default 1).")
    private int version = 1;

    @Override
    public Integer call() {
        CliContext ctx = parent.ctx();
        Route route;
        try {
            route = file != null ? fromFile() : fromOptions();
        } catch (RouteFile.ParseException e) {
            ctx.err().println(SafeText.display("route render: " + where() + e.getMessage()));
            return Cli.FAILED;
        }
        List<RouteProblem> problems = RouteValidator.validate(route);
        for (RouteProblem p : problems) {
            ctx.err().println(SafeText.display(p.toString()));
        }
        if (RouteValidator.hasErrors(problems)) {
            return Cli.FAILED;
        }
        RouteVersion v = new RouteVersion(route, version, "cli", Instant.EPOCH, "");
        ctx.out().print(RouteGenerator.render(v).dialplanEntry());
        ctx.out().flush();
        return Cli.OK;
    }

    private String where() {
        return file != null ? file + ": " : "";
    }

    private Route fromFile() throws RouteFile.ParseException {
        if (name != null || !patterns.isEmpty() || strip != null || strategy != null || !members.isEmpty()
                || failoverOn != null || override || maxAttempts != null || dialTimeout != null
                || progressTimeout != null || !dialers.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--file takes the whole route from the file: give no"
                    + " other route option with it (only --version)");
        }
        try {
            return RouteFile.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RouteFile.ParseException(0, "cannot read the file: " + e.getMessage());
        }
    }

    private Route fromOptions() throws RouteFile.ParseException {
        CommandLine cl = spec.commandLine();
        if (name == null || patterns.isEmpty() || strategy == null || members.isEmpty()) {
            throw new ParameterException(cl, "give --file, or --name, --pattern, --strategy and --member");
        }
        Strategy s = Strategy.parse(strategy).orElseThrow(() -> new ParameterException(cl, "unknown strategy '"
                + strategy + "': priority, round-robin, weighted or least-loaded"));
        List<RouteMember> ms = new ArrayList<>();
        for (String m : members) {
            try {
                ms.add(RouteFile.member(m, ms.size() + 1));
            } catch (RouteFile.ParseException e) {
                throw new ParameterException(cl, "--member " + e.getMessage().replaceFirst("^line 0: ", ""));
            }
        }
        FailoverPolicy policy;
        try {
            policy = FailoverPolicy.parse(failoverOn == null ? FailoverPolicy.DEFAULT.text() : failoverOn, override);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--failover-on: " + e.getMessage());
        }
        int st = strip == null ? 0 : strip;
        List<RoutePattern> ps = patterns.stream().map(p -> new RoutePattern(p, st)).toList();
        return new Route(name, ps, dialers, s, ms, policy, maxAttempts == null ? ms.size() : maxAttempts,
                dialTimeout == null ? Route.DEFAULT_DIAL_TIMEOUT_S : dialTimeout,
                progressTimeout == null ? Route.DEFAULT_PROGRESS_TIMEOUT_S : progressTimeout);
    }
}
