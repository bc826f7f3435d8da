package trunkops.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import trunkops.control.ControlJournal;
import trunkops.secrets.Keyring;

/**
 * What the commands talk to: their output streams, the environment (secrets are read from variables it names),
 * the OS keyring, the control actions' journal and the signal that ends {@code status --watch} (the JVM shutting down, in production). Tests
 * pass their own.
 */
record CliContext(PrintStream out, PrintStream err, UnaryOperator<String> env, Supplier<Keyring> keyring,
                  CompletableFuture<Void> stop, Supplier<ControlJournal> journal) {

    /** With the composition's control journal ({@link ControlWiring#journal()}). */
    CliContext(PrintStream out, PrintStream err, UnaryOperator<String> env, Supplier<Keyring> keyring,
               CompletableFuture<Void> stop) {
        this(out, err, env, keyring, stop, ControlWiring::journal);
    }

    /**
     * The process's own streams as UTF-8, whatever the platform default ({@code file.encoding},
     * {@code stdout.encoding}, a POSIX locale): a peer named {@code Téléphonie} prints as such, never as
     * {@code T?l?phonie}. System.out and System.err are replaced too, so every writer agrees.
     */
    static CliContext system() {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        CompletableFuture<Void> stop = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.complete(null), "cli-shutdown"));
        return new CliContext(out, err, System::getenv, Keyring::system, stop);
    }
}
