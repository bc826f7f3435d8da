package trunkops.app;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import trunkops.secrets.Keyring;
import trunkops.secrets.KeyringException;

/**
 * {@code keyring store|check|forget ami|db <user> <target> [--from-env VAR]}: puts a secret into the OS keyring
 * (asked at a prompt, or taken from the named environment variable), tells whether one is there, or removes
 * it. {@code target} is the dialer's AMI host for {@code status}, the cluster's name for the console's AMI login,
 * the JDBC address for a database login. The secret itself is never printed. Exit 0 ok, 1 keyring problem or
 * not found ({@code check}), 2 bad arguments.
 */
@ConsoleOutput
@Command(name = "keyring", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Store, check or forget a secret in the OS keyring.",
                "GNOME Keyring / KWallet through secret-tool. <kind> is ami or db; <target> is the dialer's AMI host"
                + " (status), the cluster's name (the console's AMI login) or the JDBC URL (database). The secret is"
                + " never printed."},
        commandListHeading = "%nActions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (check: the secret is present)", "1:keyring problem, or check: absent",
                "2:bad arguments"})
final class KeyringCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    KeyringCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Runs {@code argv} (starting with {@code keyring}) through the real command line, with these streams. */
    static int run(List<String> argv, PrintStream out, PrintStream err, UnaryOperator<String> env, Keyring keyring) {
        return Cli.execute(argv.toArray(String[]::new), new CliContext(out, err, env, () -> keyring,
                java.util.concurrent.CompletableFuture.completedFuture(null)));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing action: store, check or forget");
    }

    /** The item a secret is filed under. */
    static final class Item {
        @Parameters(index = "0", paramLabel = "<kind>", converter = KindConverter.class, description = "ami or db")
        Keyring.Kind kind;
        @Parameters(index = "1", paramLabel = "<user>", description = "The AMI or database user.")
        String user;
        @Parameters(index = "2", paramLabel = "<target>", description = "AMI host, cluster name or JDBC URL.")
        String target;

        Keyring.Entry entry() {
            if (kind == Keyring.Kind.DB) {
                trunkops.db.JdbcUrls.refuseCredentials(target, "<target>"); // a URL with a password in it is refused
            }
            return new Keyring.Entry(kind, user, target);
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true, description = "Store a secret (asked at a prompt,"
            + " or read from --from-env).")
    int store(@Mixin Item item, @Option(names = "--from-env", paramLabel = "<VAR>",
            description = "Read the secret from this environment variable.") String fromEnv) {
        Keyring.Entry entry = item.entry();
        char[] secret = read(entry, fromEnv, ctx.env());
        try {
            ctx.keyring().get().store(entry, secret);
        } catch (KeyringException e) {
            return problem(e);
        } finally {
            Arrays.fill(secret, '\0');
        }
        ctx.out().println("stored: " + entry.label());
        return Cli.OK;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Say whether a secret is stored (present/absent), never the secret.")
    int check(@Mixin Item item) {
        Keyring.Entry entry = item.entry();
        try {
            Optional<char[]> s = ctx.keyring().get().lookup(entry);
            s.ifPresent(c -> Arrays.fill(c, '\0'));
            ctx.out().println((s.isPresent() ? "present: " : "absent: ") + entry.label());
            return s.isPresent() ? Cli.OK : Cli.FAILED;
        } catch (KeyringException e) {
            return problem(e);
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true, description = "Remove a stored secret.")
    int forget(@Mixin Item item) {
        Keyring.Entry entry = item.entry();
        try {
            ctx.out().println((ctx.keyring().get().forget(entry) ? "forgotten: " : "absent: ") + entry.label());
            return Cli.OK;
        } catch (KeyringException e) {
            return problem(e);
        }
    }

    private int problem(KeyringException e) {
        ctx.err().println("trunkops keyring: " + e.getMessage());
        return Cli.FAILED;
    }

    private static char[] read(Keyring.Entry entry, String fromEnv, UnaryOperator<String> env) {
        if (fromEnv != null) {
            String v = env.apply(fromEnv);
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("environment variable " + fromEnv + " is not set");
            }
            return v.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("not in a terminal: use --from-env VAR to read the secret from a"
                    + " variable");
        }
        char[] c = console.readPassword("%s secret: ", entry.label());
        if (c == null || c.length == 0) {
            throw new IllegalArgumentException("no secret given");
        }
        return c;
    }

    /** {@code ami} or {@code db}. */
    static final class KindConverter implements CommandLine.ITypeConverter<Keyring.Kind> {
        @Override
        public Keyring.Kind convert(String value) {
            try {
                return Keyring.Kind.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
