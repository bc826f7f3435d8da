package trunkops.app;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code route <subcommand>}: the parent of the route commands. (Branch store: {@code what-if}; branch gen has the same
 * parent with {@code render}; the merge lists both in {@code subcommands}.) A subcommand reaches the streams and
 * environment through {@code @ParentCommand RouteCommand parent} and {@link #ctx()}.
 */
@Command(name = "route", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Routes: where a number's calls go (and more)."},
        subcommands = {RouteWhatIfCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed (database), one line on stderr", "2:bad arguments"})
final class RouteCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    RouteCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    CliContext ctx() {
        return ctx;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: "
                + String.join(", ", spec.commandLine().getSubcommands().keySet()));
    }
}
