package trunkops.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import trunkops.db.Database;
import trunkops.db.DbException;
import trunkops.db.JdbcUrls;
import trunkops.db.ReplicaRoute;
import trunkops.db.ViciDialRepository;
import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TopologyBuilder;
import trunkops.traffic.Attribution;
import trunkops.traffic.CarrierLogSource;
import trunkops.traffic.CarrierMetrics;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.CarrierTrafficEngine;
import trunkops.traffic.ReportCsv;
import trunkops.text.SafeText;
import trunkops.traffic.SeriesKey;

/**
 * {@code carrier-report --jdbc <url> --db-user <u> --db-password-env <VAR> --from <ISO> --to <ISO> [--csv <file>]
 * [--servers <ip,ip>] [--replica auto|prefer|off]}: per-carrier results of ViciDial's carrier log for a window,
 * one line per carrier on stdout:
 * {@code <carrier_id> attempts=<n> answered=<n> asr=<pct> top_failure=<status>:<n>}. Every active carrier gets a line
 * (asr {@code n/a} without attempts); rows no carrier pattern explains come last as {@code unattributed}. The
 * password is read only from the environment variable named by {@code --db-password-env}. {@code --csv} also writes
 * the tidy outcome table (carrier x dialer x campaign x dial status x cause x SIP code x reason). Times are the
 * database's wall clock (ViciDial's local time), {@code from} inclusive, {@code to} exclusive.
 *
 * <p>Exit codes: 0 done, 2 bad arguments (one line on stderr), 1 the database or the CSV file failed (one line).
 */
@ConsoleOutput
@Command(name = CarrierReportCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        sortOptions = false,
        description = {"Per-carrier call results from ViciDial's carrier log for a time window.",
                "One line per carrier: <carrier_id> attempts=<n> answered=<n> asr=<pct> top_failure=<status>:<n>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the database or the CSV file failed",
                "2:bad arguments (an unknown dialer among them), a missing password variable"})
public final class CarrierReportCommand implements Callable<Integer> {

    static final String NAME = "carrier-report";

    /** The parsed command line. */
    record Args(String jdbc, String user, String passwordEnv, LocalDateTime from, LocalDateTime to, Path csv,
                List<String> servers, ReplicaRoute.Mode replica) {
    }

    private final CliContext ctx;

    @Option(names = "--jdbc", required = true, paramLabel = "<url>",
            description = "ViciDial's database, jdbc:mariadb://host:3306/asterisk.")
    private String jdbc;

    @Option(names = "--db-user", required = true, paramLabel = "<user>", description = "The database user.")
    private String user;

    @Option(names = "--db-password-env", required = true, paramLabel = "<VAR>",
            description = "The environment variable holding the password (never the password itself).")
    private String passwordEnv;

    @Option(names = "--from", required = true, paramLabel = "<time>", converter = TimeConverter.class,
            description = "Window start, inclusive, database wall clock: 2026-11-26T08:00, '2026-11-26 08:00:00'"
                    + " or 2026-11-26.")
    private LocalDateTime from;

    @Option(names = "--to", required = true, paramLabel = "<time>", converter = TimeConverter.class,
            description = "Window end, exclusive.")
    private LocalDateTime to;

    @Option(names = "--csv", paramLabel = "<file>", description = "Also write the tidy outcome table to <file>.")
    private Path csv;

    @Option(names = "--servers", paramLabel = "<dialer>", split = ",",
            description = "Only these dialers, by server_id or server_ip (comma-separated).")
    private List<String> servers = new ArrayList<>();

    @Option(names = "--replica", paramLabel = "auto|prefer|off", defaultValue = "auto",
            converter = ReplicaConverter.class,
            description = "Read ViciDial's read replica: auto (as ViciDial's report does), prefer, off.")
    private ReplicaRoute.Mode replica;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    CarrierReportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--db-password", hidden = true, paramLabel = "<refused>")
    void refusePassword(String ignored) {
        throw new ParameterException(spec.commandLine(), "passwords are not accepted on the command line: put it"
                + " in an environment variable and pass its name with --db-password-env");
    }

    /** Runs {@code carrier-report args} through the real command line with this environment and these streams. */
    static int run(List<String> args, Function<String, String> env, PrintStream out, PrintStream err) {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(NAME);
        argv.addAll(args);
        return Cli.execute(argv.toArray(String[]::new), new CliContext(out, err, env::apply,
                () -> { throw new IllegalStateException("carrier-report reads no keyring"); },
                java.util.concurrent.CompletableFuture.completedFuture(null)));
    }

    /** Parses {@code args} (without the command's name) as the command line would. */
    static Args parse(List<String> args) {
        CarrierReportCommand c = new CarrierReportCommand(null);
        new picocli.CommandLine(c).parseArgs(args.toArray(String[]::new));
        return c.args();
    }

    private Args args() {
        JdbcUrls.refuseCredentials(jdbc, "--jdbc");
        if (!jdbc.startsWith("jdbc:mariadb:") && !jdbc.startsWith("jdbc:mysql:")) {
            throw new ParameterException(spec.commandLine(), "--jdbc must be a jdbc:mariadb:// (or jdbc:mysql://)"
                    + " URL, not " + SafeText.display(jdbc));
        }
        if (!from.isBefore(to)) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is not before --to " + to);
        }
        return new Args(jdbc, user, passwordEnv, from, to, csv, List.copyOf(servers), replica);
    }

    @Override
    public Integer call() {
        Args a = args();
        PrintStream out = ctx.out();
        PrintStream err = ctx.err();
        String secret = ctx.env().apply(a.passwordEnv());
        if (secret == null) {
            throw new IllegalArgumentException("environment variable " + a.passwordEnv() + " is not set (the"
                    + " database password is read only from the variable named by --db-password-env)");
        }
        char[] password = secret.toCharArray();
        try (CarrierLogSource source = CarrierLogSource.open(Database.Settings.of(a.jdbc(), a.user()),
                () -> password.clone(), a.replica())) {
            ViciDialRepository.TopologyRows rows = source.topology().topologyRows();
            ClusterTopology topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(),
                    rows.lists());
            List<String> serverIps = DialerChoice.serverIps(topology, a.servers(), "--servers");
            CarrierTrafficEngine engine = new CarrierTrafficEngine(source.carrierLog(),
                    CarrierTrafficEngine.Settings.defaults());
            engine.setTopology(topology);
            java.util.Optional<trunkops.db.CarrierLogRepository.ArchiveGap> gap = source.carrierLog()
                    .archiveGap(a.from(), a.to());
            engine.load(a.from(), a.to());
            CarrierReport report = engine.report(a.from(), a.to(), serverIps);
            for (String line : lines(report, topology)) {
                out.println(line);
            }
            out.flush();
            if (a.csv() != null) {
                writeCsv(report, topology, a.csv());
            }
            gap.ifPresent(g -> err.println(spec.qualifiedName() + ": warning: " + g.archivedRows() + " rows before "
                    + g.liveFrom()
                    + " are only in vicidial_carrier_log_archive (ViciDial's log rotation) and are not counted;"
                    + " use --from " + g.liveFrom() + " or later for complete numbers"));
            return Cli.OK;
        } catch (DbException e) {
            err.println(spec.qualifiedName() + ": " + SafeText.display(e.getMessage()));
            return Cli.FAILED;
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": cannot write " + a.csv() + ": " + e.getMessage());
            return Cli.FAILED;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** One line per carrier: every carrier with rows, every routing carrier without, unattributed last. */
    static List<String> lines(CarrierReport report, ClusterTopology topology) {
        Map<String, CarrierMetrics> byCarrier = new TreeMap<>();
        for (Carrier c : topology.carriers()) {
            if (c.routes()) {
                byCarrier.put(c.carrierId(), CarrierMetrics.EMPTY);
            }
        }
        CarrierMetrics unattributed = null;
        for (Map.Entry<SeriesKey, CarrierMetrics> e : report.byCarrier().entrySet()) {
            if (e.getKey().unattributed()) {
                unattributed = e.getValue();
            } else {
                byCarrier.put(e.getKey().carrierId(), e.getValue());
            }
        }
        List<String> out = new ArrayList<>();
        byCarrier.forEach((id, m) -> out.add(line(id, m)));
        if (unattributed != null) {
            out.add(line(Attribution.UNATTRIBUTED, unattributed));
        }
        return out;
    }

    static String line(String carrierId, CarrierMetrics m) {
        String asr = m.attempts() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", m.asr());
        String top = m.topFailure().map(f -> f.getKey() + ":" + f.getValue()).orElse("none:0");
        return SafeText.display(carrierId) + " attempts=" + m.attempts() + " answered=" + m.answered() + " asr=" + asr
                + " top_failure=" + top;
    }

    private static void writeCsv(CarrierReport report, ClusterTopology topology, Path file) throws IOException {
        java.util.Map<String, String> dialerByIp = new java.util.HashMap<>();
        topology.servers().forEach(d -> dialerByIp.putIfAbsent(d.serverIp(), d.serverId())); // first wins, as in the console
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ReportCsv.outcomes(report, dialerByIp, w);
        }
    }

    /** {@code 2026-11-26T10:00}, {@code 2026-11-26T10:00:00}, {@code 2026-11-26 10:00:00} or {@code 2026-11-26}. */
    static LocalDateTime time(String flag, String v) {
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay();
            }
            return LocalDateTime.parse(v.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " '" + v + "' is not an ISO date-time such as 2026-11-26T10:00");
        }
    }

    /** {@code --from} / {@code --to}. */
    static final class TimeConverter implements picocli.CommandLine.ITypeConverter<LocalDateTime> {
        @Override
        public LocalDateTime convert(String value) {
            try {
                return time("--from/--to", value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + SafeText.display(value)
                        + "' is not an ISO date-time such as 2026-11-26T10:00");
            }
        }
    }

    /** {@code --replica}. */
    static final class ReplicaConverter implements picocli.CommandLine.ITypeConverter<ReplicaRoute.Mode> {
        @Override
        public ReplicaRoute.Mode convert(String value) {
            try {
                return ReplicaRoute.Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
