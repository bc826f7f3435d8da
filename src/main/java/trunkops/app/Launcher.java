package trunkops.app;

/**
 * The plain main class (it does not extend Application, so the classpath launch and jpackage work without
 * module tricks, see docs/adr). The command line is {@link Cli}'s; only the console itself reaches JavaFX.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Logs.useLogFile(); // before the first logger: logback reads the path when it configures itself
        System.exit(Cli.execute(args, CliContext.system()));
    }
}
