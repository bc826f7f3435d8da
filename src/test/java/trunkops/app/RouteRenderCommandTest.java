package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import trunkops.routing.FailoverPolicy;
import trunkops.routing.Route;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteGenerator;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.secrets.Keyring;
import trunkops.topology.Tech;

/** {@code route render}: exactly the dialplan_entry on stdout, problems one per line on stderr, exit 0/1/2. */
class RouteRenderCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get,
                () -> new Keyring("no-such-secret-tool", Map.of()), CompletableFuture.completedFuture(null));
        int code = Cli.execute(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final Route EXPECTED = new Route("US-OUT", List.of(new RoutePattern("_91NXXNXXXXXX", 1)),
            List.of(), Strategy.WEIGHTED, List.of(new RouteMember(Tech.SIP, "trunk1", 1, 70, OptionalInt.empty()),
                    new RouteMember(Tech.SIP, "trunk2", 2, 30, OptionalInt.empty())),
            FailoverPolicy.parse("CHANUNAVAIL,CONGESTION", false), 2, 40, 4);

    private static String expected(int version) {
        return RouteGenerator.render(new RouteVersion(EXPECTED, version, "t", Instant.EPOCH, "")).dialplanEntry();
    }

    @Test
    void optionsPrintExactlyTheDialplanEntry() {
        Run r = run("route", "render", "--name", "US-OUT", "--pattern", "_91NXXNXXXXXX", "--strip", "1",
                "--strategy", "weighted", "--member", "SIP/trunk1:70", "--member", "SIP/trunk2:30",
                "--failover-on", "CHANUNAVAIL,CONGESTION", "--dial-timeout", "40", "--progress-timeout", "4",
                "--version", "7");
        assertEquals(new Run(0, expected(7), ""), r);
    }

    @Test
    void aRouteFilePrintsTheSame(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("us-out.route");
        Files.writeString(f, RouteFile.format(EXPECTED));
        assertEquals(new Run(0, expected(1), ""), run("route", "render", "--file", f.toString()));
        assertEquals(new Run(0, expected(3), ""), run("route", "render", "--file", f.toString(), "--version", "3"));
    }

    @Test
    void routeProblemsAreOneLineEachAndExitOne(@TempDir Path dir) throws Exception {
        Run r = run("route", "render", "--name", "US;OUT", "--pattern", "_9X[", "--strategy", "weighted",
                "--member", "SIP/trunk1:0", "--member", "SIP/trunk2:0");
        assertEquals(1, r.code());
        assertEquals("", r.out(), "nothing on stdout when the route is refused");
        assertEquals(3, r.err().lines().count(), r.err());
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("error: ")), r.err());

        Path f = dir.resolve("bad.route");
        Files.writeString(f, "name = X\nstrategy = priority\nmember = SIP/a weight=heavy\n");
        Run bad = run("route", "render", "--file", f.toString());
        assertEquals(1, bad.code());
        assertEquals("", bad.out());
        assertTrue(bad.err().contains("line 3: weight 'heavy' is not a whole number"), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        Run missing = run("route", "render", "--file", dir.resolve("none.route").toString());
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
    }

    @Test
    void warningsGoToStderrAndTheTextStillPrints() {
        Run r = run("route", "render", "--name", "R", "--pattern", "_9X.", "--strategy", "priority", "--member",
                "SIP/a", "--member", "SIP/b", "--failover-on", "CHANUNAVAIL,486", "--customer-outcome-override");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("; trunkops route R v1 generated"));
        assertTrue(r.err().startsWith("warning: failover: "), r.err());
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        List<List<String>> bad = List.of(
                List.of("route", "render", "--name", "R"),
                List.of("route", "render", "--name", "R", "--pattern", "_9X.", "--strategy", "fastest", "--member",
                        "SIP/a"),
                List.of("route", "render", "--name", "R", "--pattern", "_9X.", "--strategy", "priority", "--member",
                        "trunk1"),
                List.of("route", "render", "--name", "R", "--pattern", "_9X.", "--strategy", "priority", "--member",
                        "SIP/a", "--failover-on", "SOMETIMES"),
                List.of("route", "render", "--file", "x.route", "--name", "R"),
                List.of("route", "render", "--dial-timeout", "soon"),
                List.of("route", "render", "--colour"),
                List.of("route"),
                List.of("route", "paint"));
        for (List<String> args : bad) {
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertEquals("", r.out(), args.toString());
            assertEquals(1, r.err().lines().count(), args + ": " + r.err());
        }
        assertEquals(0, run("route", "render", "--help").code());
        assertEquals(0, run("route", "--help").code());
    }
}
