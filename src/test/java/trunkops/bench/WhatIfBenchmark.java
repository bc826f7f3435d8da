package trunkops.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import trunkops.routing.Route;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.routing.TrunkHealthInput;
import trunkops.routing.WhatIf;
import trunkops.routing.WhatIfAnswer;
import trunkops.topology.CampaignRow;
import trunkops.topology.CarrierRow;
import trunkops.topology.ClusterTopology;
import trunkops.topology.LabRows;
import trunkops.topology.Tech;

/**
 * What-if over 10,000 numbers on the lab topology (3 dialers, the lab's carriers plus one TrunkOps router carrier
 * with a weighted route): every number on every dialer (30,000 dialer answers), each with trunk SIP/nsvoice down as
 * the scenario, campaigns and lists drawn at random. Prints the median of {@code runs} timed passes (after warm-up).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.WhatIfBenchmark [-Dexec.args="<numbers> <runs>"]}.
 */
public final class WhatIfBenchmark {

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) {
        int numbers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        LabRows lab = new LabRows();
        CarrierRow router = new CarrierRow("USROUTE", "TrunkOps route", "", "SIP", "0.0.0.0", true, "", "", "",
                "exten => _51NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)\n"
                        + "exten => _51NXXNXXXXXX,2,NoOp(trunkops route USROUTE v1)\n"
                        + "exten => _51NXXNXXXXXX,3,Dial(SIP/nsvoice/${EXTEN:1},,To)\n", "");
        ClusterTopology topology = lab.buildWith(List.of(router),
                List.of(new CampaignRow("ROUTED", "Routed", true, "5", "", false, 30)));
        RouteVersion route = new RouteVersion(Route.of("USROUTE", new RoutePattern("_51NXXNXXXXXX", 1),
                Strategy.WEIGHTED, List.of(new RouteMember(Tech.SIP, "nsvoice", 1, 70, OptionalInt.empty()),
                        new RouteMember(Tech.SIP, "blueline", 2, 30, OptionalInt.empty()))), 1, "bench",
                Instant.EPOCH, "");
        List<WhatIf.Query> queries = queries(numbers);
        long buildStart = System.nanoTime();
        WhatIf whatIf = new WhatIf(topology, lab.lists(), List.of(route));
        double buildMs = (System.nanoTime() - buildStart) / 1e6;
        for (int i = 0; i < 3; i++) {
            pass(whatIf, queries);
        }
        double[] ms = new double[runs];
        long failing = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            failing = pass(whatIf, queries);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "what-if: %d numbers x %d dialers, scenario SIP/nsvoice down; build %.1f ms;"
                        + " median %.1f ms (min %.1f, max %.1f) over %d runs = %.1f us per number; %d answers with"
                        + " failing calls%n", numbers, topology.servers().size(), buildMs, ms[runs / 2], ms[0],
                ms[runs - 1], runs, ms[runs / 2] * 1000 / numbers, failing);
    }

    private static List<WhatIf.Query> queries(int n) {
        SplittableRandom rng = new SplittableRandom(9);
        String[] campaigns = {"SALES1", "RENEW", "SURVEY", "COLLECT", "ROUTED"};
        List<WhatIf.Query> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String number = (2 + rng.nextInt(8)) + String.format(Locale.ROOT, "%02d", rng.nextInt(100))
                    + (2 + rng.nextInt(8)) + String.format(Locale.ROOT, "%06d", rng.nextInt(1_000_000));
            String campaign = campaigns[rng.nextInt(campaigns.length)];
            WhatIf.Query q = WhatIf.Query.of(number, campaign).withDown(List.of("SIP/nsvoice"),
                    TrunkHealthInput.State.DOWN);
            if (campaign.equals("SALES1") && rng.nextBoolean()) {
                q = q.withList(1002);
            }
            out.add(q);
        }
        return out;
    }

    private static long pass(WhatIf whatIf, List<WhatIf.Query> queries) {
        long failing = 0;
        for (WhatIf.Query q : queries) {
            WhatIfAnswer a = whatIf.ask(q);
            if (a.anyFailing()) {
                failing++;
            }
        }
        return failing;
    }
}
