package trunkops.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import trunkops.ami.AmiControlLinks;
import trunkops.ami.AmiTarget;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlResult;
import trunkops.control.MaintenanceScheduler;
import trunkops.control.MaintenanceStore.StoreException;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.MaintenanceRepository;
import trunkops.secrets.Keyring;
import trunkops.text.SafeText;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;

/**
 * {@code maintenance run-due}: one pass of the scheduler (what a running console does periodically): windows that
 * are current and not yet applied are sent as OFFLINE with until = their end; ended windows' expired flags are
 * removed. One line per dialer as the other control commands; exit 0 when everything due applied (or nothing was
 * due), 1 when a dialer or the database did not, 2 bad arguments.
 */
@Command(name = "run-due", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Applies the maintenance windows due now, once: offline until the window's end on each"
                + " dialer (read back), and removes the flags of windows that ended.",
                "One line per dialer: <server> <peer> <OFFLINE|ONLINE> <applied|failed: reason|unreachable: reason>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything due was applied and read back (or nothing was due)",
                "1:a dialer did not apply (it is tried again on the next run), or the database failed",
                "2:bad arguments"})
final class MaintenanceRunDueCommand implements Callable<Integer> {

    @ParentCommand
    private MaintenanceCommand parent;

    @Option(names = "--user", required = true, paramLabel = "<user>",
            description = "The AMI user (manager.conf; needs write class 'system').")
    private String user;

    @Option(names = "--secret-env", paramLabel = "<VAR>",
            description = "The environment variable holding the AMI secret (else the OS keyring, else a prompt).")
    private String secretEnv;

    @Option(names = "--timeout-ms", paramLabel = "<ms>", defaultValue = "2000",
            description = "How long each dialer may take per step (default ${DEFAULT-VALUE}).")
    private int timeoutMs;

    @Mixin
    private DbOptions db;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() throws StoreException {
        CliContext ctx = parent.ctx();
        String name = "trunkops maintenance run-due";
        if (timeoutMs < 100 || timeoutMs > 60_000) {
            throw new IllegalArgumentException("--timeout-ms must be 100-60000");
        }
        try (Database d = db.open(ctx)) {
            ClusterTopology topology;
            try {
                topology = DbOptions.topology(d);
            } catch (DbException e) {
                ctx.err().println(name + ": " + SafeText.display(e.getMessage()));
                return Cli.FAILED;
            }
            MaintenanceRepository store = MaintenanceRepository.open(d.dataSource());
            List<AmiTarget> targets = topology.servers().stream().filter(DialerServer::dials)
                    .map(s -> new AmiTarget(s.serverId(), s.ami().host(), s.ami().port(), user)).toList();
            Map<String, Supplier<char[]>> secrets = new ConcurrentHashMap<>();
            ControlJournal journal = ctx.journal().get();
            if (journal instanceof ControlWiring.Unjournaled) {
                ctx.err().println(name + ": warning: " + ControlWiring.Unjournaled.WARNING);
            }
            Clock clock = Clock.systemUTC();
            try (AmiControlLinks links = new AmiControlLinks(targets, t -> () -> secrets.computeIfAbsent(t.host(),
                    h -> StatusCommand.secret(secretEnv, ctx.env(), ctx.keyring().get(),
                            new Keyring.Entry(Keyring.Kind.AMI, user, h), ctx.err())).get(), timeoutMs);
                 AstDbTrunkControl control = new AstDbTrunkControl(links.links(), () -> Optional.of(topology),
                         journal, Duration.ofMillis(timeoutMs), clock)) {
                MaintenanceScheduler scheduler = new MaintenanceScheduler(store, control, control::restoreExpired,
                        () -> Optional.of(topology), clock, ControlRun.actor(), Duration.ofMillis(2L * timeoutMs
                        + 10_000));
                return report(ctx, name, scheduler.runDue());
            }
        }
    }

    static int report(CliContext ctx, String name, MaintenanceScheduler.Tick tick) {
        for (ControlResult r : tick.restored()) {
            if (!r.outcomes().isEmpty()) {
                ControlRun.print(ctx, name, r);
            }
        }
        for (ControlResult r : tick.applied()) {
            ControlRun.print(ctx, name, r);
        }
        tick.problems().forEach(p -> ctx.err().println(name + ": " + SafeText.display(p)));
        if (tick.applied().isEmpty() && tick.restored().stream().allMatch(r -> r.outcomes().isEmpty())
                && tick.problems().isEmpty()) {
            ctx.err().println(name + ": nothing due (every current window is applied already)");
        }
        return tick.ok() ? Cli.OK : Cli.FAILED;
    }
}
