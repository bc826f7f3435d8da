package trunkops.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import trunkops.control.MaintenanceStore.StoreException;
import trunkops.control.MaintenanceStore.Stored;
import trunkops.control.MaintenanceWindow;
import trunkops.db.Database;
import trunkops.db.MaintenanceRepository;
import trunkops.text.SafeText;

/**
 * {@code maintenance add|list|remove|run-due}: maintenance windows (a trunk offline from/to, once or weekly) kept in
 * TrunkOps' table {@code trunkops_maintenance} in ViciDial's database, and one pass of applying what is due.
 */
@Command(name = "maintenance", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Maintenance windows: a trunk offline from/to, once or weekly, kept in the database; the"
                + " offline carries the window's end, so the dialplan ends it even with no console running.",
        subcommands = {MaintenanceAddCommand.class, MaintenanceCommand.ListCommand.class,
                MaintenanceCommand.RemoveCommand.class, MaintenanceRunDueCommand.class})
@ConsoleOutput
final class MaintenanceCommand implements Callable<Integer> {

    private final CliContext ctx;

    MaintenanceCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    CliContext ctx() {
        return ctx;
    }

    @Override
    public Integer call() {
        ctx.err().println("trunkops maintenance: name a command: add, list, remove, run-due (see 'trunkops"
                + " maintenance --help')");
        return Cli.USAGE;
    }

    /** {@code #id TRUNK on ..., when; next: ...; applied until ...; reason; ticket; by}. */
    static String line(Stored s, Instant now) {
        MaintenanceWindow w = s.window();
        String next = w.nextOrCurrent(now).map(o -> (o.contains(now) ? "NOW until " : "next ") + o.start() + " - "
                + o.end()).orElse("no occurrence left");
        return "#" + s.id() + " " + w.describe() + "; " + next
                + s.appliedUntil().map(u -> "; applied until " + u).orElse("") + "; reason: " + w.reason()
                + w.ticket().map(t -> "; ticket " + t).orElse("") + "; by " + w.createdBy() + " at " + w.createdAt();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The windows not removed, one a line.")
    static final class ListCommand implements Callable<Integer> {

        @picocli.CommandLine.ParentCommand
        private MaintenanceCommand parent;

        @Mixin
        private DbOptions db;

        @Mixin
        private CommonOptions common;

        @Override
        public Integer call() {
            CliContext ctx = parent.ctx();
            try (Database d = db.open(ctx)) {
                MaintenanceRepository store = MaintenanceRepository.reader(d.dataSource());
                List<Stored> all = store.windows();
                Instant now = Clock.systemUTC().instant();
                all.forEach(s -> ctx.out().println(SafeText.display(line(s, now))));
                if (all.isEmpty()) {
                    ctx.err().println("trunkops maintenance list: no maintenance windows");
                }
                return Cli.OK;
            } catch (StoreException e) {
                ctx.err().println("trunkops maintenance list: " + SafeText.display(e.getMessage()));
                return Cli.FAILED;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a window (kept for the record): no further occurrence is applied. An offline"
                    + " already sent keeps its end; 'trunkops online' ends it now.")
    static final class RemoveCommand implements Callable<Integer> {

        @picocli.CommandLine.ParentCommand
        private MaintenanceCommand parent;

        @Parameters(index = "0", paramLabel = "<id>", description = "The window's id (maintenance list).")
        private long id;

        @Option(names = "--reason", required = true, paramLabel = "<text>", description = "Why it is removed.")
        private String reason;

        @Mixin
        private DbOptions db;

        @Mixin
        private CommonOptions common;

        @Override
        public Integer call() {
            CliContext ctx = parent.ctx();
            String name = "trunkops maintenance remove";
            if (LeverRun.refused(ctx, db.jdbc, trunkops.control.audit.RolePolicy.Action.MAINTENANCE_WINDOW, name)) {
                return Cli.FAILED; // before the database is opened: nothing read, nothing changed
            }
            if (reason.isBlank() || reason.length() > 500 || reason.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("a reason is required (--reason \"...\", one line, at most 500"
                        + " characters)");
            }
            Instant now = Clock.systemUTC().instant();
            try (Database d = db.open(ctx)) {
                MaintenanceRepository store = MaintenanceRepository.open(d.dataSource());
                Stored s = store.windows().stream().filter(w -> w.id() == id).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("no maintenance window #" + id + " (see 'trunkops maintenance"
                                + " list')"));
                if (!store.remove(id, ControlRun.actor(), reason, now)) {
                    throw new IllegalArgumentException("maintenance window #" + id + " was removed meanwhile");
                }
                ctx.out().println("removed maintenance window #" + id + " " + SafeText.display(s.window().describe()));
                s.appliedUntil().filter(u -> u.isAfter(now)).ifPresent(u -> ctx.err().println(name + ": note: "
                        + SafeText.display(s.window().trunk()) + " stays offline until " + u + " (already sent);"
                        + " 'trunkops online' puts it back now"));
                return Cli.OK;
            } catch (StoreException e) {
                ctx.err().println(name + ": " + SafeText.display(e.getMessage()));
                return Cli.FAILED;
            }
        }
    }
}
