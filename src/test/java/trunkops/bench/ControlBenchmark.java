package trunkops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import trunkops.ami.AmiControlLinks;
import trunkops.ami.AmiTarget;
import trunkops.app.AppPaths;
import trunkops.control.AstDbTrunkControl;
import trunkops.control.ControlJournal;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.testutil.AmiWireClient;
import trunkops.topology.Tech;

/**
 * Taking a trunk out of service on 10 lab dialers, two ways, in the same run:
 * <ol>
 * <li>TrunkOps' switch: {@code offline} of SIP/blueline through {@link AstDbTrunkControl} over real TCP AMI (read
 * before, journal, DBPut, DBGet read-back, on all 10 in parallel); median of {@code runs} timed runs after 3
 * warm-ups, each run preceded by an untimed {@code online}.</li>
 * <li>ViciDial's own: {@code vicidial_server_carriers.active='N'} + {@code servers.rebuild_conf_files='Y'} for
 * BLUELINE, timed until its pattern {@code _81NXXNXXXXXX} is gone from {@code vicidial-auto-external} on every
 * dialer (ShowDialPlan every 250 ms); then active='Y' again and waited back (untimed). The lab's keepalive runs
 * every {@code keepaliveSeconds} (ViciDial's cron: 60).</li>
 * </ol>
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.ControlBenchmark [-Dexec.args="<runs> <rebuild runs> <keepaliveSeconds>"]}
 * (default 21 3 60).
 */
public final class ControlBenchmark {

    private static final String PATTERN = "_81NXXNXXXXXX";

    private ControlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        int rebuildRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int keepalive = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path dir = Files.createDirectories(Path.of("target", "control-benchmark"));
        AppPaths.deleteTree(dir);
        try (LabCluster lab = LabCluster.start(LabDefaults.scaled(10, 0.0), new LabCluster.Options(dir, 1.0, false,
                false, 0, Duration.ofSeconds(keepalive), 5L), m -> { })) {
            astdb(lab, runs);
            rebuild(lab, rebuildRuns);
        } finally {
            AppPaths.deleteTree(dir);
        }
        System.exit(0);
    }

    private static ControlRequest request(ControlVerb verb, List<String> servers) {
        return new ControlRequest(verb, Tech.SIP, "blueline", servers, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), "benchmark", Optional.empty(), "bench@lab");
    }

    private static void astdb(LabCluster lab, int runs) throws Exception {
        List<AmiTarget> targets = lab.amiAccess().stream()
                .map(a -> new AmiTarget(a.serverId(), a.host(), a.port(), a.user())).toList();
        List<String> all = targets.stream().map(AmiTarget::serverId).toList();
        String secret = lab.amiAccess().get(0).secret();
        double[] wall = new double[runs];
        double[] took = new double[runs];
        try (AmiControlLinks links = new AmiControlLinks(targets, t -> secret::toCharArray, 2000);
             AstDbTrunkControl control = new AstDbTrunkControl(links.links(), Optional::empty, NO_JOURNAL,
                     Duration.ofSeconds(2), Clock.systemUTC())) {
            for (int i = -3; i < runs; i++) {
                check(control.apply(request(ControlVerb.ONLINE, all)).get(30, TimeUnit.SECONDS));
                long t0 = System.nanoTime();
                ControlResult r = control.apply(request(ControlVerb.OFFLINE, all)).get(30, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - t0) / 1e6;
                check(r);
                for (String id : all) {
                    if (!"offline:0".equals(lab.dialer(id).astdb().get("trunkops", "admin/blueline"))) {
                        throw new IllegalStateException(id + " does not hold the flag");
                    }
                }
                if (i >= 0) {
                    wall[i] = ms;
                    took[i] = r.took().toNanos() / 1e6;
                }
            }
            check(control.apply(request(ControlVerb.ONLINE, all)).get(30, TimeUnit.SECONDS));
        }
        System.out.printf(Locale.ROOT, "ASTDB offline on %d dialers, applied and read back, %d runs:"
                + " median %.1f ms (min %.1f, max %.1f) from apply to result; send to last read-back median %.1f ms%n",
                all.size(), runs, median(wall), min(wall), max(wall), median(took));
    }

    private static void check(ControlResult r) {
        if (!r.allApplied()) {
            throw new IllegalStateException("not applied: " + r);
        }
    }

    private static void rebuild(LabCluster lab, int runs) throws Exception {
        List<AmiWireClient> wires = new ArrayList<>();
        try {
            for (LabCluster.AmiAccess a : lab.amiAccess()) {
                AmiWireClient c = new AmiWireClient(a.host(), a.port());
                c.send("Action: Login\r\nActionID: l\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret()
                        + "\r\nEvents: off\r\n\r\n");
                if (c.await(m -> m.contains("Message: Authentication accepted"), Duration.ofSeconds(30)) == null) {
                    throw new IllegalStateException("login to " + a.serverId());
                }
                wires.add(c);
            }
            double[] s = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                setActive(lab, "N");
                awaitEverywhere(wires, false);
                s[i] = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "ViciDial active='N' + rebuild, run %d: pattern gone on all %d"
                        + " dialers after %.1f s%n", i + 1, wires.size(), s[i]);
                setActive(lab, "Y");
                awaitEverywhere(wires, true);
            }
            System.out.printf(Locale.ROOT, "ViciDial active='N' + rebuild_conf_files, %d runs: median %.1f s"
                    + " (min %.1f, max %.1f) until %s is gone from every dialer's dialplan%n", runs, median(s),
                    min(s), max(s), PATTERN);
        } finally {
            for (AmiWireClient c : wires) {
                c.close();
            }
        }
    }

    private static void setActive(LabCluster lab, String active) throws Exception {
        LabCluster.DbAccess a = lab.dbAccess();
        try (Connection c = DriverManager.getConnection(a.jdbcUrl(), a.user(), a.password())) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE vicidial_server_carriers SET active = ? WHERE carrier_id = 'BLUELINE'")) {
                ps.setString(1, active);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE servers SET rebuild_conf_files = 'Y'")) {
                ps.executeUpdate();
            }
        }
    }

    private static int seq;

    /** Polls every dialer (ShowDialPlan, 250 ms apart) until the pattern is there ({@code present}) or gone. */
    private static void awaitEverywhere(List<AmiWireClient> wires, boolean present) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        List<AmiWireClient> left = new ArrayList<>(wires);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(left.size() + " dialers never changed");
            }
            left.removeIf(c -> {
                try {
                    return has(c) == present;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            if (!left.isEmpty()) {
                Thread.sleep(250);
            }
        }
    }

    private static boolean has(AmiWireClient ami) throws Exception {
        String id = "sdp-" + seq++;
        int from = ami.count();
        ami.send("Action: ShowDialPlan\r\nActionID: " + id + "\r\nContext: vicidial-auto-external\r\n\r\n");
        if (ami.awaitFrom(from, m -> m.contains("ActionID: " + id) && (m.contains("Event: ShowDialPlanComplete")
                || m.contains("Response: Error")), Duration.ofSeconds(30)) == null) {
            throw new IllegalStateException("ShowDialPlan not answered");
        }
        List<List<String>> all = ami.messages();
        return all.subList(from, all.size()).stream().anyMatch(m -> m.contains("ActionID: " + id)
                && m.stream().anyMatch(l -> l.contains(PATTERN)));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** The benchmark measures the AMI path; journaling is the audit part's (a real journal adds its own write). */
    private static final ControlJournal NO_JOURNAL = new ControlJournal() {
        @Override
        public String begin(ControlRequest request, Map<String, String> before) {
            return "bench";
        }

        @Override
        public void complete(String id, ControlResult result) {
        }

        @Override
        public List<ControlRequest> unfinished() {
            return List.of();
        }
    };
}
