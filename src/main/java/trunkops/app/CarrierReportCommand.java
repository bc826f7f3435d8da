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
import java.util.function.Function;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

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
public final class CarrierReportCommand {

    static final String NAME = "carrier-report";
    static final String USAGE = "usage: carrier-report --jdbc <url> --db-user <user> --db-password-env <VAR>"
            + " --from <ISO time> --to <ISO time> [--csv <file>] [--servers <ip,ip>] [--replica auto|prefer|off]";

    /** The parsed command line. */
    record Args(String jdbc, String user, String passwordEnv, LocalDateTime from, LocalDateTime to, Path csv,
                List<String> servers, ReplicaRoute.Mode replica) {
    }

    private CarrierReportCommand() {
    }

    public static int run(List<String> args) {
        quietLogs();
        return run(args, System::getenv, System.out, System.err);
    }

    static int run(List<String> args, Function<String, String> env, PrintStream out, PrintStream err) {
        Args a;
        char[] password;
        try {
            a = parse(args);
            JdbcUrls.refuseCredentials(a.jdbc(), "--jdbc");
            String secret = env.apply(a.passwordEnv());
            if (secret == null) {
                throw new IllegalArgumentException("environment variable " + a.passwordEnv() + " is not set (the"
                        + " database password is read only from the variable named by --db-password-env)");
            }
            password = secret.toCharArray();
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        }
        try (CarrierLogSource source = CarrierLogSource.open(Database.Settings.of(a.jdbc(), a.user()),
                () -> password.clone(), a.replica())) {
            ViciDialRepository.TopologyRows rows = source.topology().topologyRows();
            ClusterTopology topology = TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(),
                    rows.lists());
            CarrierTrafficEngine engine = new CarrierTrafficEngine(source.carrierLog(),
                    CarrierTrafficEngine.Settings.defaults());
            engine.setTopology(topology);
            java.util.Optional<trunkops.db.CarrierLogRepository.ArchiveGap> gap = source.carrierLog()
                    .archiveGap(a.from(), a.to());
            engine.load(a.from(), a.to());
            CarrierReport report = engine.report(a.from(), a.to(), a.servers());
            for (String line : lines(report, topology)) {
                out.println(line);
            }
            out.flush();
            if (a.csv() != null) {
                writeCsv(report, a.csv());
            }
            gap.ifPresent(g -> err.println(NAME + ": warning: " + g.archivedRows() + " rows before " + g.liveFrom()
                    + " are only in vicidial_carrier_log_archive (ViciDial's log rotation) and are not counted;"
                    + " use --from " + g.liveFrom() + " or later for complete numbers"));
            return 0;
        } catch (DbException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println(NAME + ": cannot write " + a.csv() + ": " + e.getMessage());
            return 1;
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
        return carrierId + " attempts=" + m.attempts() + " answered=" + m.answered() + " asr=" + asr
                + " top_failure=" + top;
    }

    private static void writeCsv(CarrierReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ReportCsv.outcomes(report, w);
        }
    }

    static Args parse(List<String> args) {
        String jdbc = null;
        String user = null;
        String passwordEnv = null;
        LocalDateTime from = null;
        LocalDateTime to = null;
        Path csv = null;
        List<String> servers = List.of();
        ReplicaRoute.Mode replica = ReplicaRoute.Mode.AUTO;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--db-password") || flag.startsWith("--db-password=")) {
                throw new IllegalArgumentException("passwords are not accepted on the command line: put it in an"
                        + " environment variable and pass its name with --db-password-env");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("missing value after " + flag + "; " + USAGE);
            }
            String v = args.get(++i);
            switch (flag) {
                case "--jdbc" -> jdbc = v;
                case "--db-user" -> user = v;
                case "--db-password-env" -> passwordEnv = v;
                case "--from" -> from = time(flag, v);
                case "--to" -> to = time(flag, v);
                case "--csv" -> csv = Path.of(v);
                case "--servers" -> servers = List.of(v.split(","));
                case "--replica" -> replica = ReplicaRoute.Mode.parse(v);
                default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
            }
        }
        require(jdbc, "--jdbc");
        require(user, "--db-user");
        require(passwordEnv, "--db-password-env");
        require(from, "--from");
        require(to, "--to");
        if (!jdbc.startsWith("jdbc:mariadb:") && !jdbc.startsWith("jdbc:mysql:")) {
            throw new IllegalArgumentException("--jdbc must be a jdbc:mariadb:// (or jdbc:mysql://) URL, not " + jdbc);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        return new Args(jdbc, user, passwordEnv, from, to, csv, servers, replica);
    }

    private static void require(Object value, String flag) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " is required; " + USAGE);
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

    /** A command's stderr is for its one error line: the console's INFO logging is kept out of it. */
    private static void quietLogs() {
        for (String name : List.of("trunkops", "com.zaxxer.hikari", "org.mariadb")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
                l.setLevel(Level.ERROR);
            }
        }
    }
}
