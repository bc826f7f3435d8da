package trunkops.app;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import trunkops.control.MaintenanceStore.StoreException;
import trunkops.control.MaintenanceValidator;
import trunkops.control.MaintenanceWindow;
import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.MaintenanceRepository;
import trunkops.text.SafeText;
import trunkops.topology.ClusterTopology;

/**
 * {@code maintenance add <peer> --from ISO|now --to ISO [--weekly MON,TUE --at 02:00 --for 2h [--zone Z]]
 * --reason .. [--ticket ..] (--server S...|--all)}: validates against the cluster and stores the window.
 */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plans a trunk offline from --from to --to (one-off), or weekly on the named days at a local"
                + " time for a length, between --from and --to. Applied by a running console or 'maintenance"
                + " run-due'; the offline carries the end, so the dialplan ends it with no console running."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stored", "1:the database could not be read or written (or the account is read-only)",
                "2:bad arguments (unknown peer or dialer, to not after from, from in the past, no reason ...)"})
final class MaintenanceAddCommand implements Callable<Integer> {

    private static final Pattern LENGTH = Pattern.compile("(?:(\\d{1,3})h)?(?:(\\d{1,4})m)?");

    @ParentCommand
    private MaintenanceCommand parent;

    @Parameters(index = "0", paramLabel = "<peer>", description = "The trunk: peer name, or TECH/peer.")
    private String peer;

    @Option(names = "--from", required = true, paramLabel = "<ISO|now>", description = "Start (one-off), or the"
            + " first possible start (weekly): 2026-12-06T02:00:00Z, with an offset, local time, or now.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "<ISO>", description = "End (one-off), or the end of the"
            + " series (weekly; no occurrence runs past it).")
    private String to;

    @Option(names = "--weekly", split = ",", paramLabel = "<day>", description = "Weekly on these days: MON,TUE,...")
    private List<String> weekly = new ArrayList<>();

    @Option(names = "--at", paramLabel = "<HH:MM>", description = "Weekly: the local start time.")
    private String at;

    @Option(names = "--for", paramLabel = "<length>", description = "Weekly: how long each lasts (2h, 90m, 1h30m).")
    private String length;

    @Option(names = "--zone", paramLabel = "<zone>", description = "Weekly: the time zone of --at (default: this"
            + " computer's).")
    private String zone;

    @Option(names = "--reason", required = true, paramLabel = "<text>", description = "Why (goes to the journal).")
    private String reason;

    @Option(names = "--ticket", paramLabel = "<id>", description = "The ticket the window belongs to.")
    private String ticket;

    @Option(names = "--server", paramLabel = "<dialer>", description = "A dialer (server_id or server_ip); repeat.")
    private List<String> servers = new ArrayList<>();

    @Option(names = "--all", description = "Every dialer whose carriers define the trunk (at the time it applies).")
    private boolean all;

    @Mixin
    private DbOptions db;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() {
        CliContext ctx = parent.ctx();
        String name = "trunkops maintenance add";
        if (LeverRun.refused(ctx, db.jdbc, trunkops.control.audit.RolePolicy.Action.MAINTENANCE_WINDOW, name)) {
            return Cli.FAILED; // before the database is opened: nothing read, nothing changed
        }
        if (all == !servers.isEmpty()) {
            throw new IllegalArgumentException("name the dialers: --server <dialer> (repeatable) or --all, one of"
                    + " them");
        }
        Clock clock = Clock.systemDefaultZone();
        Instant now = clock.instant();
        try (Database d = db.open(ctx)) {
            ClusterTopology topology;
            try {
                topology = DbOptions.topology(d);
            } catch (DbException e) {
                ctx.err().println(name + ": " + SafeText.display(e.getMessage()));
                return Cli.FAILED;
            }
            List<String> ids = servers.stream().map(s -> DialerChoice.resolve(topology, s, "--server").serverId())
                    .distinct().toList();
            ControlOptions.TrunkName t = ControlOptions.trunk(peer);
            MaintenanceWindow w = new MaintenanceWindow(t.tech(), t.peer(), ids, time("--from", from, clock),
                    time("--to", to, clock), recurrence(), reason, Optional.ofNullable(ticket), ControlRun.actor(),
                    now.truncatedTo(ChronoUnit.MILLIS));
            List<String> problems = MaintenanceValidator.problems(w, now, Optional.of(topology));
            if (!problems.isEmpty()) {
                problems.forEach(p -> ctx.err().println(name + ": " + SafeText.display(p)));
                return Cli.USAGE;
            }
            long id = MaintenanceRepository.open(d.dataSource()).add(w);
            ctx.out().println("added maintenance window #" + id + " " + SafeText.display(w.describe()) + "; "
                    + w.nextOrCurrent(now).map(o -> "next " + o.start() + " - " + o.end()).orElse(""));
            ctx.err().println(name + ": note: applied by a running console or 'trunkops maintenance run-due'; the"
                    + " offline carries its end, so the dialplan ends it by itself");
            return Cli.OK;
        } catch (StoreException e) {
            ctx.err().println(name + ": " + SafeText.display(e.getMessage()));
            return Cli.FAILED;
        }
    }

    private Optional<MaintenanceWindow.Weekly> recurrence() {
        if (weekly.isEmpty()) {
            if (at != null || length != null) {
                throw new IllegalArgumentException("--at and --for go with --weekly");
            }
            return Optional.empty();
        }
        if (at == null || length == null) {
            throw new IllegalArgumentException("--weekly needs --at <HH:MM> and --for <length>");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        weekly.forEach(d -> days.add(MaintenanceRepository.day(d)));
        LocalTime start;
        ZoneId z;
        try {
            start = LocalTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at '" + at + "' is not a time (HH:MM)");
        }
        try {
            z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--zone '" + zone + "' is not a time zone (e.g. Europe/Paris, UTC)");
        }
        return Optional.of(new MaintenanceWindow.Weekly(days, start, length(length), z));
    }

    /** {@code 2h}, {@code 90m}, {@code 1h30m}, or ISO {@code PT2H}. */
    static Duration length(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        Matcher m = LENGTH.matcher(t);
        if (!t.isEmpty() && m.matches()) {
            return Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                    .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        }
        try {
            return Duration.parse(typed.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--for '" + typed + "' is not a length (2h, 90m, 1h30m)");
        }
    }

    private static Instant time(String option, String typed, Clock clock) {
        if (typed.strip().equalsIgnoreCase("now")) {
            return clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return ControlOptions.until(typed, clock.getZone());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + typed + "' is not an ISO date-time (e.g."
                    + " 2026-12-05T09:00:00Z or 2026-12-05T10:00) or now");
        }
    }
}
