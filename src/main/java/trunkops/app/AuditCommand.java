package trunkops.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import trunkops.control.ControlJournal.JournalException;
import trunkops.control.audit.AuditCsv;
import trunkops.control.audit.AuditEntry;
import trunkops.control.audit.AuditQuery;
import trunkops.control.audit.CombinedJournal;
import trunkops.control.audit.Identity;
import trunkops.control.audit.LocalJournal;
import trunkops.control.audit.Role;
import trunkops.db.AuditTable;
import trunkops.db.Database;
import trunkops.db.JdbcUrls;
import trunkops.secrets.Keyring;
import trunkops.text.SafeText;

/**
 * {@code audit [--since ISO|duration] [--trunk X] [--actor Y] [--csv] [--jdbc url --db-user u] [--journal file]}:
 * the operator actions journal, one line per entry (oldest first) or CSV. From TrunkOps' table with {@code --jdbc}
 * (every console of the cluster), else from this machine's local journal. Reads only.
 */
@ConsoleOutput
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {"The operator actions journal: who did what to which trunk, when, why and with what outcome."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (also when nothing matched)", "1:the journal or the database could not be read",
                "2:bad arguments"})
final class AuditCommand implements Callable<Integer> {

    private static final Pattern SHORT = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    private final CliContext ctx;
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--since", paramLabel = "<when>", description = "Only entries begun since: an ISO time"
            + " (2026-12-05T07:00:00Z; without a zone the local time; a date = its midnight) or a duration back"
            + " from now (90m, 12h, 7d, PT2H).")
    private String since;

    @Option(names = "--trunk", paramLabel = "<TECH/peer|peer>", description = "Only this trunk.")
    private String trunk;

    @Option(names = "--actor", paramLabel = "<who>", description = "Only actors whose name contains this.")
    private String actor;

    @Option(names = "--csv", description = "CSV (RFC 4180, formulas neutralised) instead of one line per entry.")
    private boolean csv;

    @Option(names = "--jdbc", paramLabel = "<url>",
            description = "Read TrunkOps' table in ViciDial's database (jdbc:mariadb://host:3306/asterisk).")
    private String jdbc;

    @Option(names = {"--db-user", "--user"}, paramLabel = "<user>", description = "The database user (with --jdbc).")
    private String user;

    @Option(names = {"--db-password-env", "--password-env"}, paramLabel = "<VAR>",
            description = "The environment variable holding the password (else the OS keyring, else a prompt).")
    private String passwordEnv;

    @Option(names = "--sync", description = "With --jdbc: first copy this machine's journal entries of that cluster"
            + " (e.g. from offline/online/drain/weight commands) to the table; creates the table if needed.")
    private boolean sync;

    @Option(names = "--journal", paramLabel = "<file>", description = "The local journal to read (default: "
            + "$XDG_STATE_HOME/trunkops/audit/control-journal.log).")
    private Path journal;

    AuditCommand(CliContext ctx) {
        this(ctx, Clock.systemUTC());
    }

    AuditCommand(CliContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        AuditQuery q = AuditQuery.ALL.withTrunk(trunk).withActor(actor).withSince(since == null ? null
                : since(since, clock, ZoneId.systemDefault()));
        if (jdbc != null && journal != null && !sync) {
            throw new ParameterException(spec.commandLine(), "read either the table (--jdbc) or a --journal file");
        }
        if (sync && jdbc == null) {
            throw new ParameterException(spec.commandLine(), "--sync copies to the table: it needs --jdbc");
        }
        if (jdbc != null && user == null) {
            throw new ParameterException(spec.commandLine(), "--jdbc needs --db-user");
        }
        try {
            List<AuditEntry> entries = jdbc != null ? fromTable(q) : fromJournal(q);
            print(entries, ctx.out());
            return Cli.OK;
        } catch (JournalException e) {
            ctx.err().println(spec.qualifiedName() + ": " + SafeText.display(e.getMessage()));
            return Cli.FAILED;
        }
    }

    private List<AuditEntry> fromJournal(AuditQuery q) throws JournalException {
        Path file = journal != null ? journal : AppPaths.auditJournal();
        if (!Files.exists(file)) {
            ctx.err().println(spec.qualifiedName() + ": no local journal at " + file + " (no action was taken on"
                    + " this machine yet; --jdbc reads every console's)");
            return List.of();
        }
        LocalJournal.Snapshot s = LocalJournal.open(file, new Identity("", "", Role.VIEWER), clock).read();
        s.problems().forEach(p -> ctx.err().println(spec.qualifiedName() + ": warning: " + SafeText.display(p)));
        return s.entries().stream().filter(q::matches).toList();
    }

    private List<AuditEntry> fromTable(AuditQuery q) throws JournalException {
        JdbcUrls.refuseCredentials(jdbc, "--jdbc");
        char[] pw = passwordEnv != null ? StatusCommand.secret(passwordEnv, ctx.env(), null, null, ctx.err()).get()
                : StatusCommand.secret(null, ctx.env(), ctx.keyring().get(),
                        new Keyring.Entry(Keyring.Kind.DB, user, jdbc), ctx.err()).get();
        String cluster = AuditWiring.clusterKey(jdbc);
        try (Database db = new Database(Database.Settings.of(jdbc, user), pw)) {
            if (sync) {
                copyLocal(db, cluster);
            }
            return AuditTable.reader(db).forCluster(cluster).read(q);
        }
    }

    /** {@code --sync}: this machine's entries of {@code cluster} the table does not have yet. */
    private void copyLocal(Database db, String cluster) throws JournalException {
        Path file = journal != null ? journal : AppPaths.auditJournal();
        LocalJournal local = LocalJournal.open(file, new Identity("", "", Role.VIEWER), clock, cluster);
        try (CombinedJournal j = new CombinedJournal(local, AuditTable.open(db).forCluster(cluster),
                Duration.ofHours(1))) {
            int copied = j.syncNow().get(2, java.util.concurrent.TimeUnit.MINUTES);
            ctx.err().println(spec.qualifiedName() + ": " + copied + " local entries copied to the table"
                    + (j.waiting() == 0 ? "" : "; " + j.waiting() + " could not be: " + SafeText.display(j.status())));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new JournalException("the local entries could not be copied: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while copying the local entries", e);
        }
    }

    private void print(List<AuditEntry> entries, PrintStream out) {
        if (csv) {
            out.print(AuditCsv.toCsv(entries));
        } else {
            entries.forEach(e -> out.println(line(e)));
        }
        out.flush();
    }

    /**
     * {@code <started> <actor> <VERB> <trunk>[ route R][ value V][ until U] on <dialers> <OUTCOME>[ <n> ms][:
     * results] reason "<why>"[ ticket T] id <id>}; everything a person typed is shown escaped, on one line.
     */
    static String line(AuditEntry e) {
        StringBuilder b = new StringBuilder();
        b.append(e.started()).append(' ').append(SafeText.display(e.actor()));
        if (!e.actor().equals(e.osUser() + "@" + e.host())) {
            b.append(" (").append(SafeText.display(e.osUser() + "@" + e.host())).append(')');
        }
        b.append(' ').append(e.role().word()).append(' ').append(e.verb()).append(' ')
                .append(SafeText.display(e.trunk()));
        e.route().ifPresent(r -> b.append(" route ").append(SafeText.display(r)));
        e.value().ifPresent(v -> b.append(" value ").append(v));
        e.until().ifPresent(u -> b.append(" until ").append(u));
        List<String> dialers = e.dialers();
        b.append(" on ").append(dialers.isEmpty() ? "every dialer" : SafeText.display(String.join(",", dialers)));
        b.append(' ').append(e.outcomeWord());
        e.completion().ifPresent(c -> b.append(' ').append(c.took().toMillis()).append(" ms: ")
                .append(c.outcomes().stream().map(o -> SafeText.display(o.serverId()) + " "
                        + o.status().name().toLowerCase(Locale.ROOT)
                        + (o.detail().isEmpty() ? "" : " (" + SafeText.display(o.detail()) + ")"))
                        .collect(Collectors.joining(", "))));
        b.append(" reason \"").append(SafeText.display(e.reason())).append('"');
        e.ticket().ifPresent(t -> b.append(" ticket ").append(SafeText.display(t)));
        return b.append(" id ").append(e.id()).toString();
    }

    /** {@code --since}: an ISO instant, a local date-time or date in {@code zone}, or a duration back from now. */
    static Instant since(String text, Clock clock, ZoneId zone) {
        String s = text.strip();
        Matcher m = SHORT.matcher(s.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return clock.instant().minus(d);
        }
        for (var parse : List.<java.util.function.Function<String, Instant>>of(Instant::parse,
                x -> java.time.OffsetDateTime.parse(x).toInstant(),
                x -> LocalDateTime.parse(x).atZone(zone).toInstant(),
                x -> LocalDate.parse(x).atStartOfDay(zone).toInstant(),
                x -> clock.instant().minus(Duration.parse(x.toUpperCase(Locale.ROOT))))) {
            try {
                return parse.apply(s);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("--since '" + SafeText.display(text) + "' is neither an ISO time"
                + " (2026-12-05T07:00:00Z, 2026-12-05T08:00, 2026-12-05) nor a duration (90m, 12h, 7d, PT2H)");
    }
}
