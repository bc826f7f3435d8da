package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import trunkops.traffic.CarrierMetrics;

/** The command line: arguments, the password rule, exit codes and the output line (no database needed). */
class CarrierReportCommandTest {

    private static final List<String> GOOD = List.of("--jdbc", "jdbc:mariadb://127.0.0.1:1/asterisk", "--db-user",
            "ro", "--db-password-env", "TEST_PW", "--from", "2026-11-26T08:00", "--to", "2026-11-26 09:30:15");

    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CarrierReportCommand.run(args, env::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLine(Run r, int code, String fragment) {
        assertEquals(code, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("trunkops carrier-report: ") && r.err().endsWith("\n")
                && r.err().indexOf('\n') == r.err().length() - 1, "one line: " + r.err());
        assertTrue(r.err().contains(fragment), r.err());
    }

    @Test
    void argumentsParse() {
        CarrierReportCommand.Args a = CarrierReportCommand.parse(GOOD);
        assertEquals(LocalDateTime.of(2026, 11, 26, 8, 0), a.from());
        assertEquals(LocalDateTime.of(2026, 11, 26, 9, 30, 15), a.to());
        assertEquals("TEST_PW", a.passwordEnv());
        assertEquals(List.of(), a.servers());
        assertEquals(LocalDateTime.of(2026, 11, 26, 0, 0), CarrierReportCommand.time("--from", "2026-11-26"));
    }

    @Test
    void badArgumentsExitTwoWithOneLine() {
        assertOneLine(run(List.of("--jdbc"), Map.of()), 2, "Missing required parameter for option '--jdbc'");
        assertOneLine(run(GOOD.subList(0, 8), Map.of("TEST_PW", "x")), 2, "Missing required option: '--to=<time>'");
        assertOneLine(run(concat(GOOD, "--color", "red"), Map.of()), 2, "Unknown option");
        assertOneLine(run(List.of("--jdbc", "jdbc:mariadb://h/db", "--db-user", "u", "--db-password-env", "P",
                "--from", "2026-11-26T10:00", "--to", "2026-11-26T09:00"), Map.of("P", "x")), 2, "is not before");
        assertOneLine(run(List.of("--jdbc", "jdbc:mariadb://h/db", "--db-user", "u", "--db-password-env", "P",
                "--from", "yesterday", "--to", "2026-11-26T09:00"), Map.of("P", "x")), 2, "not an ISO date-time");
        assertOneLine(run(List.of("--jdbc", "postgres://h/db", "--db-user", "u", "--db-password-env", "P",
                "--from", "2026-11-26", "--to", "2026-11-27"), Map.of("P", "x")), 2, "jdbc:mariadb://");
        assertOneLine(run(concat(GOOD, "--replica", "maybe"), Map.of("TEST_PW", "x")), 2, "auto, prefer or off");
    }

    @Test
    void thePasswordComesOnlyFromTheNamedVariable() {
        assertOneLine(run(concat(GOOD, "--db-password", "s3cret"), Map.of("TEST_PW", "x")), 2,
                "passwords are not accepted on the command line");
        assertOneLine(run(concat(GOOD, "--db-password=s3cret"), Map.of("TEST_PW", "x")), 2,
                "passwords are not accepted on the command line");
        Run missing = run(GOOD, Map.of());
        assertOneLine(missing, 2, "environment variable TEST_PW is not set");
    }

    @Test
    void anUnreachableDatabaseExitsOneWithOneLine() {
        Run r = run(GOOD, Map.of("TEST_PW", "x"));
        assertOneLine(r, 1, "connection refused \u2014 jdbc:mariadb://127.0.0.1:1/asterisk");
    }

    @Test
    void aPasswordInTheJdbcUrlExitsTwoNamingItNotEchoingIt() {
        for (String url : List.of("jdbc:mariadb://127.0.0.1:1/asterisk?password=Hunter2x9",
                "jdbc:mariadb://127.0.0.1:1/asterisk?user=ro&pwd=Hunter2x9",
                "jdbc:mariadb://ro:Hunter2x9@127.0.0.1:1/asterisk")) {
            List<String> args = new java.util.ArrayList<>(GOOD);
            args.set(1, url);
            Run r = run(args, Map.of("TEST_PW", "x"));
            assertOneLine(r, 2, "--jdbc holds ");
            assertTrue(!r.err().contains("Hunter2x9"), r.err());
        }
    }

    @Test
    void theOutputLineFormat() {
        CarrierMetrics m = new CarrierMetrics(1000, 313, Map.of(
                new CarrierMetrics.OutcomeKey("ANSWER", 16, 200, "OK"), 313L,
                new CarrierMetrics.OutcomeKey("CANCEL", 0, 180, "Ringing"), 600L,
                new CarrierMetrics.OutcomeKey("CONGESTION", 34, 503, "Service Unavailable"), 52L,
                new CarrierMetrics.OutcomeKey("CHANUNAVAIL", 18, 0, ""), 35L), 0, Double.NaN, Double.NaN, true);
        assertEquals("NSVOICE attempts=1000 answered=313 asr=31.3 top_failure=CONGESTION:52",
                CarrierReportCommand.line("NSVOICE", m));
        assertEquals("VELOX attempts=0 answered=0 asr=n/a top_failure=none:0",
                CarrierReportCommand.line("VELOX", CarrierMetrics.EMPTY));
    }

    private static List<String> concat(List<String> a, String... more) {
        return java.util.stream.Stream.concat(a.stream(), java.util.Arrays.stream(more)).toList();
    }
}
