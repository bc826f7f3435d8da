package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.drill.DrillLab;
import trunkops.routing.RouteFile;
import trunkops.secrets.Keyring;

/**
 * {@code trunkops drill} on the lab dialer: bad arguments exit 2, {@code --dry-run} prints the plan and sends
 * nothing, a priority route's drill passes (exit 0, the report written), the BUSY-override route's fails (exit 1,
 * the reason on stderr).
 */
class DrillCommandLabTest {

    private static DrillLab lab;
    private static Path dir;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createDirectories(Path.of("target", "drill-command-lab-test"));
        AppPaths.deleteTree(dir);
        Files.createDirectories(dir);
        lab = new DrillLab();
        Files.writeString(dir.resolve("rprio.route"), RouteFile.format(lab.prio.route()));
        Files.writeString(dir.resolve("rbusy.route"), RouteFile.format(lab.busy.route()));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AMI_SECRET", "nocsecret")::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), new CompletableFuture<>(),
                ControlWiring.Unjournaled::new);
        int code = Cli.execute(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] drill(String route, String file, String context, String... more) {
        List<String> a = new ArrayList<>(List.of("drill", "--route", route, "--route-file",
                dir.resolve(file).toString(), "--trunk", "SIP/trunk1", "--number", DrillLab.NUMBER, "--context",
                context, "--answer-to", "drill-answer,s", "--ami", lab.lab.ami.host() + ":" + lab.lab.ami.port(),
                "--user", "noc", "--secret-env", "AMI_SECRET", "--reason", "drill from the CLI", "--history-dir",
                dir.resolve("history").toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The arguments with the value after {@code option} replaced. */
    private static String[] with(String[] args, String option, String value) {
        String[] a = args.clone();
        for (int i = 0; i + 1 < a.length; i++) {
            if (a[i].equals(option)) {
                a[i + 1] = value;
            }
        }
        return a;
    }

    @Test
    void badArgumentsExit2() {
        Run noDialer = cli("drill", "--route", "RPRIO", "--trunk", "SIP/trunk1", "--number", DrillLab.NUMBER,
                "--user", "noc", "--reason", "x");
        assertEquals(2, noDialer.code(), noDialer.err());
        assertTrue(noDialer.err().contains("--ami"), noDialer.err());
        Run zero = cli(drill("RPRIO", "rprio.route", "drill-prio", "--calls", "0"));
        assertEquals(2, zero.code(), zero.err());
        assertTrue(zero.err().contains("calls must be 1-50"), zero.err());
        Run notMember = cli(with(drill("RPRIO", "rprio.route", "drill-prio"), "--trunk", "SIP/nosuch"));
        assertEquals(2, notMember.code(), notMember.err());
        assertTrue(notMember.err().contains("not a member of route RPRIO"), notMember.err());
        Run wrongNumber = cli(with(drill("RPRIO", "rprio.route", "drill-prio"), "--number", "5551234"));
        assertEquals(2, wrongNumber.code());
        assertTrue(wrongNumber.err().contains("matches none of route RPRIO's patterns"), wrongNumber.err());
    }

    @Test
    void dryRunPrintsThePlanAndSendsNothing() {
        Run r = cli(drill("RPRIO", "rprio.route", "drill-prio", "--calls", "3", "--dry-run"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("force SIP/trunk1 offline on " + lab.lab.ami.host()), r.out());
        assertTrue(r.out().contains("3 test call(s): Originate Local/" + DrillLab.NUMBER + "@drill-prio"), r.out());
        assertTrue(r.out().contains("up to 1 call(s) until SIP/trunk1 answers one"), r.out());
        assertNull(lab.flag("trunk1"));
    }

    @Test
    void aPassingDrillExits0AndWritesTheReportAFailingOneExits1() throws Exception {
        Path html = dir.resolve("out.html");
        Run pass = cli(drill("RPRIO", "rprio.route", "drill-prio", "--calls", "2", "--report", html.toString()));
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().lines().reduce((a, b) -> b).orElse("").contains(": PASSED; 2/2 test calls"), pass.out());
        assertTrue(Files.readString(html).contains("✔ PASSED"));
        assertNull(lab.flag("trunk1"));

        lab.lab.trunk2.failCalls(486, 1.0);
        Run fail;
        try {
            fail = cli(drill("RBUSY", "rbusy.route", "drill-busy", "--calls", "1", "--report",
                    dir.resolve("busy.csv").toString()));
        } finally {
            lab.lab.trunk2.restore();
        }
        assertEquals(1, fail.code(), fail.out() + fail.err());
        assertTrue(fail.err().contains("re-dialed the customer after BUSY (SIP 486) on SIP/trunk2"), fail.err());
        assertTrue(Files.readString(dir.resolve("busy.csv")).startsWith("call,phase,attempt,trunk"));
        assertTrue(Files.exists(dir.resolve("busy-latency.csv")));
        assertNull(lab.flag("trunk1"));
    }
}
