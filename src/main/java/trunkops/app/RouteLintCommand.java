package trunkops.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import trunkops.routing.DialplanLinter;
import trunkops.routing.LintFinding;
import trunkops.text.SafeText;
import trunkops.topology.AccountEntry;
import trunkops.topology.AccountEntryParser;
import trunkops.topology.CarrierProtocol;

/**
 * {@code route lint <file> [--account <file>] [--protocol SIP] [--dial-timeout N]}: the linter's findings for a
 * dialplan_entry (or tutorial contexts), one per line on stdout ({@code 12: error [macro] why -- fix}). Exit 1 when
 * any finding is an error or a file cannot be read (one line on stderr), 2 for bad arguments, 0 otherwise.
 */
@ConsoleOutput
@Command(name = "lint",
        description = {"Lint a carrier's dialplan_entry (exten lines) the way Asterisk 20 would run it.",
                "One finding per line: <line>: <severity> [<rule>] <why> -- <fix>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no error (warnings and information may be printed)",
                "1:at least one error, or a file could not be read", "2:bad arguments"})
final class RouteLintCommand implements Callable<Integer> {

    @ParentCommand
    private RouteCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
    @Parameters(index = "0", paramLabel = "<file>", description = "A file with the exten lines (dialplan_entry).")
    private Path file;
    @Option(names = "--account", paramLabel = "<file>", description = "The carrier's account_entry, for unknown "
            + "options and qualify detection times.")
    private Path account;
    @Option(names = "--protocol", paramLabel = "<protocol>", description = "The carrier's protocol: SIP (default), "
            + "IAX2, PJSIP or PJSIP_WIZ.")
    private String protocol = "SIP";
    @Option(names = "--dial-timeout", paramLabel = "<s>", description = "The campaign's dial_timeout the Dials must "
            + "fit in (repeat for several campaigns).")
    private List<Integer> dialTimeouts = List.of();

    @Override
    public Integer call() {
        CliContext ctx = parent.ctx();
        CarrierProtocol proto = CarrierProtocol.parse(protocol);
        if (proto == CarrierProtocol.UNKNOWN) {
            throw new ParameterException(spec.commandLine(), "--protocol: unknown protocol '" + protocol
                    + "' (SIP, IAX2, PJSIP, PJSIP_WIZ)");
        }
        if (dialTimeouts.stream().anyMatch(t -> t < 1)) {
            throw new ParameterException(spec.commandLine(), "--dial-timeout must be a positive number of seconds");
        }
        String text = read(ctx, file);
        String accountText = account == null ? "" : read(ctx, account);
        if (text == null || accountText == null) {
            return Cli.FAILED;
        }
        AccountEntry entry = account == null ? null : AccountEntryParser.parse(proto, accountText, "");
        List<LintFinding> findings = DialplanLinter.lint(new DialplanLinter.Input(text, entry, dialTimeouts,
                List.of()));
        for (LintFinding f : findings) {
            ctx.out().println(SafeText.display(f.oneLine()));
        }
        ctx.out().flush();
        return findings.stream().anyMatch(LintFinding::isError) ? Cli.FAILED : Cli.OK;
    }

    /** The file's text, or null after one line on stderr. */
    private static String read(CliContext ctx, Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            ctx.err().println(SafeText.display("route lint: cannot read " + path + ": " + e.getMessage()));
            return null;
        }
    }
}
