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
 * {@code offline|online|drain <peer> (--ami <host:port> | --jdbc <url> (--server S... | --all)) --user <u>
 * [--secret-env VAR] --reason "..." [--ticket T] [--until ISO]}: sets (or, online, deletes) ASTDB
 * {@code trunkops/admin/<peer>} on each dialer and reads it back. One class, registered three times in {@link Cli}.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {"Take a trunk out of service (offline), let its calls finish but place no new ones (drain),"
                + " or put it back (online), on one dialer or every dialer that has it; read back on each.",
                "One line per dialer: <server> <peer> <ACTION> <applied|failed: reason|unreachable: reason>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every dialer applied the change and read it back",
                "1:a dialer did not (stderr names them), or the database could not be read",
                "2:bad arguments (unknown peer or dialer, until in the past, no reason ...)"})
final class TrunkStateCommand implements Callable<Integer> {

    private final CliContext ctx;
    private final ControlVerb verb;

    @Parameters(index = "0", paramLabel = "<peer>", description = "The trunk: peer name, or TECH/peer (SIP/blueline).")
    private String peer;

    @Option(names = "--until", paramLabel = "<ISO time>",
            description = "offline/drain only: when it ends by itself (the dialplan honours it, console or not).")
    private String until;

    @Mixin
    private ControlOptions options;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    TrunkStateCommand(CliContext ctx, ControlVerb verb) {
        this.ctx = ctx;
        this.verb = verb;
    }

    @Option(names = {"--secret", "--password", "--db-password"}, hidden = true, paramLabel = "<refused>")
    void refuseSecret(String ignored) {
        throw new ParameterException(spec.commandLine(), "refused: secrets never go on the command line"
                + " (use --secret-env / --db-password-env, or answer the prompt)");
    }

    @Override
    public Integer call() throws InterruptedException {
        return ControlRun.run(ctx, options, new ControlRun.Ask(verb.name().toLowerCase(java.util.Locale.ROOT), verb,
                ControlOptions.trunk(peer), Optional.empty(), OptionalInt.empty(), Optional.ofNullable(until)),
                Clock.systemDefaultZone());
    }
}
