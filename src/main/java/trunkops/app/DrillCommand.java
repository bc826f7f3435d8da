package trunkops.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code drill --route R --trunk A --calls 5 --number N [--report out.html] [--dry-run]}: a failover drill from the
 * command line (docs/drill.md). Exit 0 when it passed, 1 when it failed (or preflight refused, or it was cut
 * short), 2 for bad arguments.
 */
@Command(name = "drill", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {"Run a failover drill: take trunk A out on one dialer, place test calls through the route's"
                + " production path (Local/<number>@<context>), check they fail over as the route expects, restore"
                + " A, verify it takes calls again, report.",
                "stdout: the live log, then the one-line result; stderr: one line per reason it failed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the drill passed", "1:it failed, preflight refused, or it was cut short (the report says"
                + " why)", "2:bad arguments"})
final class DrillCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--route", required = true, paramLabel = "<name>", description = "The route to drill.")
    String route;

    @Option(names = "--route-file", paramLabel = "<file>",
            description = "With --ami: the route as a route file (its name must be --route); with --jdbc the"
                    + " latest saved version is used.")
    Path routeFile;

    @Option(names = "--trunk", required = true, paramLabel = "<TECH/peer>", description = "Trunk A, a member.")
    String trunk;

    @Option(names = "--calls", defaultValue = "5", paramLabel = "<n>", description = "Test calls with A out"
            + " (1-50, default ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--number", required = true, paramLabel = "<digits>",
            description = "The test number as the dialer dials it (with the campaign's dial prefix).")
    String number;

    @Option(names = "--context", defaultValue = "default", paramLabel = "<context>",
            description = "ViciDial's dial context (the campaign's ext_context, default ${DEFAULT-VALUE}).")
    String context;

    @Option(names = "--verify-calls", paramLabel = "<n>",
            description = "At most this many calls after the restore to see A take one (default: enough for A's"
                    + " share of first attempts to miss all with less than 0.1 % chance).")
    Integer verifyCalls;

    @Option(names = "--call-timeout", defaultValue = "30", paramLabel = "<s>",
            description = "Each test call's Originate timeout, seconds (default ${DEFAULT-VALUE}).")
    int callTimeout;

    @Option(names = "--answer-to", paramLabel = "<context,exten>",
            description = "Send an answered test call to this extension (default: Wait(2), then hang up).")
    String answerTo;

    @Option(names = "--caller-id", defaultValue = "\"TrunkOps drill\" <0000000000>", paramLabel = "<callerid>",
            description = "The test calls' caller id (default ${DEFAULT-VALUE}).")
    String callerId;

    @Option(names = "--report", paramLabel = "<file>",
            description = "Also write the report here: .html (self-contained), .pdf or .csv.")
    Path report;

    @Option(names = "--history-dir", paramLabel = "<dir>",
            description = "Where the drill journal and history live (default $XDG_STATE_HOME/trunkops/drill).")
    Path historyDir;

    @Option(names = "--dry-run", description = "Print the plan and stop (nothing is sent).")
    boolean dryRun;

    @Mixin
    ControlOptions options;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    DrillCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = {"--secret", "--password", "--db-password"}, hidden = true, paramLabel = "<refused>")
    void refuseSecret(String ignored) {
        throw new ParameterException(spec.commandLine(), "refused: secrets never go on the command line"
                + " (use --secret-env / --db-password-env, or answer the prompt)");
    }

    @Override
    public Integer call() throws Exception {
        return DrillRun.run(ctx, this);
    }
}
