package trunkops.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import trunkops.routing.DialplanLinter;
import trunkops.routing.LintFinding;
import trunkops.routing.Route;
import trunkops.routing.RouteGenerator;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

/**
 * Render + lint of 200 routes (issue 9 benchmark): 200 route versions over the four strategies with 2 to 5 members,
 * each rendered by the generator and its text linted with two campaign dial timeouts. Reports the median of the
 * measured rounds for render+lint of all 200, and for lint alone, after warm-up rounds. Excluded from the normal test
 * run like the other benchmarks (a main class, not a *Test).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.RouteLintBenchmark [-Dexec.args="<rounds>"]}.
 */
public final class RouteLintBenchmark {

    static final int ROUTES = 200;

    private RouteLintBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        List<RouteVersion> routes = routes();
        List<String> texts = routes.stream().map(v -> RouteGenerator.render(v).dialplanEntry()).toList();
        long findings = 0;
        for (int i = 0; i < 10; i++) {
            findings = renderAndLint(routes);
        }
        long[] both = new long[rounds];
        long[] lintOnly = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            renderAndLint(routes);
            long t1 = System.nanoTime();
            lint(texts);
            long t2 = System.nanoTime();
            both[r] = t1 - t0;
            lintOnly[r] = t2 - t1;
        }
        int lines = texts.stream().mapToInt(t -> (int) t.lines().count()).sum();
        System.out.printf(Locale.ROOT, "%d routes, %d dialplan lines, %d findings that are not info%n", ROUTES, lines,
                findings);
        System.out.printf(Locale.ROOT, "render+lint of %d routes: median %.1f ms (%.3f ms/route), min %.1f, max %.1f"
                + " over %d rounds%n", ROUTES, ms(median(both)), ms(median(both)) / ROUTES, ms(min(both)),
                ms(max(both)), rounds);
        System.out.printf(Locale.ROOT, "lint only of %d routes:   median %.1f ms (%.3f ms/route)%n", ROUTES,
                ms(median(lintOnly)), ms(median(lintOnly)) / ROUTES);
    }

    /** Renders and lints every route; returns the number of findings above INFO (0 expected). */
    static long renderAndLint(List<RouteVersion> routes) {
        long n = 0;
        for (RouteVersion v : routes) {
            String text = RouteGenerator.render(v).dialplanEntry();
            n += DialplanLinter.lint(new DialplanLinter.Input(text, null, List.of(26, 30), List.of())).stream()
                    .filter(f -> f.severity() != LintFinding.Severity.INFO).count();
        }
        return n;
    }

    static void lint(List<String> texts) {
        for (String t : texts) {
            DialplanLinter.lint(new DialplanLinter.Input(t, null, List.of(26, 30), List.of()));
        }
    }

    public static List<RouteVersion> routes() {
        List<RouteVersion> out = new ArrayList<>();
        Strategy[] strategies = Strategy.values();
        for (int i = 0; i < ROUTES; i++) {
            int size = 2 + i % 4;
            List<RouteMember> members = new ArrayList<>();
            for (int m = 0; m < size; m++) {
                members.add(new RouteMember(m % 3 == 2 ? Tech.PJSIP : Tech.SIP, "trunk" + i + "x" + m, m + 1,
                        100 + 50 * m, m % 2 == 0 ? OptionalInt.empty() : OptionalInt.of(20 + m)));
            }
            Route r = Route.of("R" + i, new RoutePattern("_9" + (i % 9 + 1) + "NXXNXXXXXX", 2),
                    strategies[i % strategies.length], members);
            out.add(new RouteVersion(r, 1 + i % 7, "bench", Instant.EPOCH, ""));
        }
        return out;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long min(long[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static long max(long[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
