package trunkops.app;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
final class KeyringCommand {

    static final String USAGE = "keyring store|check|forget ami|db <user> <target> [--from-env VAR]";

    private KeyringCommand() {
    }

    static int run(List<String> argv) {
        return run(argv, System.out, System.err, System::getenv, Keyring.system());
    }

    static int run(List<String> argv, PrintStream out, PrintStream err, UnaryOperator<String> env, Keyring keyring) {
        if (argv.size() != 5 && !(argv.size() == 7 && argv.get(5).equals("--from-env"))) {
            throw new IllegalArgumentException("usage: " + USAGE);
        }
        String verb = argv.get(1);
        Keyring.Entry entry = new Keyring.Entry(Keyring.Kind.of(argv.get(2)), argv.get(3), argv.get(4));
        String fromEnv = argv.size() == 7 ? argv.get(6) : null;
        try {
            switch (verb) {
                case "store" -> {
                    char[] secret = read(entry, fromEnv, env);
                    try {
                        keyring.store(entry, secret);
                    } finally {
                        Arrays.fill(secret, '\0');
                    }
                    out.println("stored: " + entry.label());
                    return 0;
                }
                case "check" -> {
                    Optional<char[]> s = keyring.lookup(entry);
                    s.ifPresent(c -> Arrays.fill(c, '\0'));
                    out.println((s.isPresent() ? "present: " : "absent: ") + entry.label());
                    return s.isPresent() ? 0 : 1;
                }
                case "forget" -> {
                    out.println((keyring.forget(entry) ? "forgotten: " : "absent: ") + entry.label());
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown keyring action '" + verb + "'; usage: " + USAGE);
            }
        } catch (KeyringException e) {
            err.println("trunkops keyring: " + e.getMessage());
            return 1;
        }
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
}
