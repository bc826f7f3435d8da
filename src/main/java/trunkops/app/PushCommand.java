package trunkops.app;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code push <route>} (the latest saved version) and {@code rollback <route> --to <version>}: see {@link PushRun}
 * and docs/push.md.
 */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Push a saved route to the dialers: canary first, wait for ViciDial's keepalive to reload,"
                + " read the dialplan back over AMI, then the rest; rolled back on any failed read-back, timeout or"
                + " cancel."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every dialer verified the intended version (or --dry-run printed the change)",
                "1:not verified everywhere (rolled back, stopped, refused, lint error, unreachable)",
                "2:bad arguments"})
final class PushCommand implements Callable<Integer> {

    private final CliContext ctx;
    private final boolean rollback;

    @Parameters(index = "0", paramLabel = "<route>", description = "The route's name.")
    private String route;

    @Option(names = "--to", paramLabel = "<version>", description = "rollback: the earlier version to push back.")
    private Integer to;

    @Option(names = "--dry-run", description = "Print the diff and lint findings; write nothing.")
    private boolean dryRun;

    @Option(names = "--canary", paramLabel = "<server>", description = "The canary dialer (default: the first).")
    private String canary;

    @Option(names = "--timeout", paramLabel = "<duration>", defaultValue = "180s",
            description = "How long the keepalive may take per stage (e.g. 180s, 3m). Default 180s.")
    private String timeout;

    @Option(names = "--test-number", paramLabel = "<number>",
            description = "After the canary verified: a test call to this number through the route there"
                    + " (Local/<dial string>@default); prints which trunk answered.")
    private String testNumber;

    @Option(names = "--no-test-call", description = "No test call (one of --test-number / --no-test-call is"
            + " required unless --dry-run).")
    private boolean noTestCall;

    @Option(names = "--user", required = true, paramLabel = "<user>", description = "The dialers' AMI user.")
    private String amiUser;

    @Option(names = "--secret-env", paramLabel = "<VAR>",
            description = "The environment variable holding the AMI secret (else the OS keyring, else a prompt).")
    private String secretEnv;

    @Option(names = "--ami-timeout-ms", paramLabel = "<ms>", defaultValue = "5000", description = "Per AMI read.")
    private int amiTimeoutMs;

    @Option(names = "--reason", paramLabel = "<text>", description = "Why (journal).")
    private String reason;

    @Mixin
    private DbOptions db;

    @Mixin
    private CommonOptions common;

    PushCommand(CliContext ctx, boolean rollback) {
        this.ctx = ctx;
        this.rollback = rollback;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (rollback != (to != null)) {
            throw new IllegalArgumentException(rollback ? "rollback needs --to <version>" : "--to is for rollback");
        }
        if (testNumber != null && noTestCall) {
            throw new IllegalArgumentException("--test-number and --no-test-call exclude each other");
        }
        if (testNumber == null && !noTestCall && !dryRun) {
            throw new IllegalArgumentException("choose --test-number <number> (a test call through the route on the"
                    + " canary) or --no-test-call");
        }
        if (testNumber != null && !testNumber.matches("[0-9]{1,30}")) {
            throw new IllegalArgumentException("--test-number '" + testNumber + "': digits only");
        }
        Duration t = duration(timeout);
        String why = reason != null ? reason : (rollback ? "rollback of " + route + " to v" + to : "push of " + route);
        LeverRun.checkReason(why, null);
        return PushRun.run(ctx, db, new PushRun.Ask(rollback ? "rollback" : "push", route,
                to == null ? OptionalInt.empty() : OptionalInt.of(to), dryRun, Optional.ofNullable(canary), t,
                amiUser, secretEnv, amiTimeoutMs, why, Optional.ofNullable(testNumber)));
    }

    static Duration duration(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,5})(ms|s|m)").matcher(s.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--timeout '" + s + "': e.g. 180s or 3m");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("--timeout must be above zero");
        }
        return d;
    }
}
