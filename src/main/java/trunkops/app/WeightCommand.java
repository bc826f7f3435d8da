package trunkops.app;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import trunkops.control.ControlVerb;

/**
 * {@code weight <route> <peer> <n> [--max]}: a route member's live weight (ASTDB
 * {@code trunkops/weight/<route>/<peer>}, 0-1000) or, with {@code --max}, its live max calls
 * ({@code trunkops/max/<route>/<peer>}, 0 = none), on each dialer, read back; the next call uses it, no reload.
 */
@Command(name = "weight", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {"Change a route member's live weight (or, with --max, its live max calls) on the dialers,"
                + " read back on each; the next call uses it, no reload.",
                "One line per dialer: <server> <peer> <WEIGHT|MAX> <applied|failed: reason|unreachable: reason>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every dialer applied the change and read it back",
                "1:a dialer did not (stderr names them), or the database could not be read",
                "2:bad arguments (weight outside 0-1000, unknown peer or dialer, no reason ...)"})
final class WeightCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "<route>", description = "The route's name.")
    private String route;

    @Parameters(index = "1", paramLabel = "<peer>", description = "The member: peer name, or TECH/peer.")
    private String peer;

    @Parameters(index = "2", paramLabel = "<n>", description = "The weight 0-1000 (with --max: max calls, 0 = none).")
    private int value;

    @Option(names = "--max", description = "Set the member's live max calls instead of its weight.")
    private boolean max;

    @Mixin
    private ControlOptions options;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    WeightCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = {"--secret", "--password", "--db-password"}, hidden = true, paramLabel = "<refused>")
    void refuseSecret(String ignored) {
        throw new ParameterException(spec.commandLine(), "refused: secrets never go on the command line"
                + " (use --secret-env / --db-password-env, or answer the prompt)");
    }

    @Override
    public Integer call() throws InterruptedException {
        ControlVerb verb = max ? ControlVerb.MAX_CALLS : ControlVerb.WEIGHT;
        return ControlRun.run(ctx, options, new ControlRun.Ask("weight", verb, ControlOptions.trunk(peer),
                Optional.of(route), OptionalInt.of(value), Optional.empty()), Clock.systemDefaultZone());
    }
}
