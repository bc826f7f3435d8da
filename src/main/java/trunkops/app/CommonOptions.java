package trunkops.app;

import picocli.CommandLine.Option;

/** Options every command has: {@code --verbose} (log lines on stderr too, not only in the log file). */
final class CommonOptions {

    @Option(names = "--verbose", description = "Also write the log to stderr (it always goes to the log file).")
    void verbose(boolean on) {
        if (on) {
            Logs.toStderr();
        }
    }
}
