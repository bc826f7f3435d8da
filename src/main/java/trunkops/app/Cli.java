package trunkops.app;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import trunkops.text.SafeText;

/**
 * The command line, on picocli: {@code trunkops} (no command: the console), {@code status}, {@code carrier-report},
 * {@code keyring store|check|forget}, {@code route render|lint|what-if},
 * {@code offline|online|drain|weight}, {@code maintenance add|list|remove|run-due}, {@code reroute},
 * {@code carrier inactive|active}, {@code audit}, {@code lab} (also {@code --lab-only}). Help ({@code --help}, {@code -h},
 * {@code <command> --help}) goes to stdout with exit 0; a bad or unknown command, option or value is one line on
 * stderr and exit 2; a failure of the dialer, database or keyring is one line and exit 1, its details in the log
 * file. Nothing here touches JavaFX: only the console itself (no command) starts it.
 */
@ConsoleOutput
final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Cli() {
    }

    /** Parses {@code args}, runs the command and returns its exit code; never throws. */
    static int execute(String[] args, CliContext ctx) {
        return commandLine(ctx).execute(args);
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new TrunkOpsCommand(ctx));
        cl.addSubcommand(new StatusCommand(ctx));
        cl.addSubcommand(new CarrierReportCommand(ctx));
        cl.addSubcommand(new KeyringCommand(ctx));
        cl.addSubcommand(new LabOnlyCommand(ctx));
        cl.addSubcommand(new RouteCommand(ctx));
        cl.addSubcommand("offline", new TrunkStateCommand(ctx, trunkops.control.ControlVerb.OFFLINE));
        cl.addSubcommand("online", new TrunkStateCommand(ctx, trunkops.control.ControlVerb.ONLINE));
        cl.addSubcommand("drain", new TrunkStateCommand(ctx, trunkops.control.ControlVerb.DRAIN));
        cl.addSubcommand(new WeightCommand(ctx));
        cl.addSubcommand(new MaintenanceCommand(ctx));
        cl.addSubcommand(new RerouteCommand(ctx));
        cl.addSubcommand(new CarrierCommand(ctx));
        cl.addSubcommand(new AuditCommand(ctx));
        cl.addSubcommand("push", new PushCommand(ctx, false));
        cl.addSubcommand("rollback", new PushCommand(ctx, true));
        cl.addSubcommand(new DrillCommand(ctx));
        cl.setOut(new PrintWriter(ctx.out(), true));
        cl.setErr(new PrintWriter(ctx.err(), true));
        cl.setParameterExceptionHandler(badArguments());
        cl.setExecutionExceptionHandler(failure());
        return cl;
    }

    /** One line: what is wrong and where to read the usage. Never opens the console, never a stack trace. */
    private static IParameterExceptionHandler badArguments() {
        return (ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            String name = cmd.getCommandSpec().qualifiedName();
            cmd.getErr().println(name + ": " + SafeText.display(describe(ex, args)) + " (see '" + name + " --help')");
            cmd.getErr().flush();
            return USAGE;
        };
    }

    private static String describe(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        if (ex instanceof CommandLine.MissingParameterException) {
            // picocli checks required options before it complains about unknown ones; a typo is the real cause
            for (String a : args) {
                String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (option.startsWith("-") && option.length() > 1 && cmd.getCommandSpec().findOption(option) == null) {
                    return "Unknown option: '" + option + "'";
                }
            }
        }
        if (ex instanceof UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", cmd.getSubcommands().keySet()) + ")";
        }
        return ex.getMessage();
    }

    /**
     * An {@link IllegalArgumentException} from a command is a bad argument found late (exit 2); anything else is
     * a failure: one line on stderr, the stack trace in the log file (exit 1).
     */
    private static IExecutionExceptionHandler failure() {
        return (ex, cmd, parsed) -> {
            String name = cmd.getCommandSpec().qualifiedName();
            if (ex instanceof IllegalArgumentException) {
                cmd.getErr().println(name + ": " + SafeText.display(ex.getMessage()));
                cmd.getErr().flush();
                return USAGE;
            }
            LoggerFactory.getLogger(Cli.class).error("{} failed", name, ex);
            cmd.getErr().println(name + ": " + SafeText.display(String.valueOf(ex.getMessage()))
                    + " (details in " + Logs.logFile() + ")");
            cmd.getErr().flush();
            return FAILED;
        };
    }

    /** {@code --version}: the project version, filtered into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties p = new Properties();
            try (InputStream in = Cli.class.getResourceAsStream("/trunkops/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"trunkops " + p.getProperty("version", "(unknown version)")};
        }
    }

    /** Turns {@code +} into a space: {@code mvn ... -Dtrunkops.args=--lab-run=kill+nsvoice} splits on spaces. */
    static final class PlusAsSpace implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return value.replace('+', ' ');
        }
    }
}
