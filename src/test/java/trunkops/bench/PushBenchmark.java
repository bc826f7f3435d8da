package trunkops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.ami.AmiDialplanReader;
import trunkops.ami.AmiTarget;
import trunkops.app.AppPaths;
import trunkops.db.RouteRepository;
import trunkops.db.RouterCarrierRepository;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.push.ChangeSet;
import trunkops.push.PushJob;
import trunkops.push.PushReport;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;

/**
 * A push of a new weighted route to 10 lab dialers with the lab keepalive every {@code keepaliveSeconds} (ViciDial's
 * cron: 60): the time until every dialer is verified, the time spent waiting for the keepalive to clear the flags,
 * and the rest (the console's own work: rows, ShowDialPlan read-backs).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.PushBenchmark [-Dexec.args="<keepaliveSeconds>"]} (default 60).
 */
public final class PushBenchmark {

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int keepalive = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path dir = Files.createDirectories(Path.of("target", "push-benchmark"));
        AppPaths.deleteTree(dir);
        try (LabCluster lab = LabCluster.start(LabDefaults.scaled(10, 0.0), new LabCluster.Options(dir, 1.0, false,
                false, 0, Duration.ofSeconds(keepalive), 5L), m -> { })) {
            run(lab, keepalive);
        } finally {
            AppPaths.deleteTree(dir);
        }
        System.exit(0);
    }

    private static void run(LabCluster lab, int keepalive) throws Exception {
        LabCluster.DbAccess a = lab.dbAccess();
        MariaDbDataSource ds = new MariaDbDataSource(a.jdbcUrl());
        ds.setUser(a.user());
        ds.setPassword(a.password());
        RouteStore.SaveResult saved = RouteRepository.open(ds, "bench").save(RouteFile.parse(String.join("\n",
                "name = BENCH-SPLIT", "pattern = _53NXXNXXXXXX strip=1", "dialers = all", "strategy = weighted",
                "member = SIP/blueline weight=70 priority=1", "member = SIP/nsvoice weight=30 priority=2",
                "dial-timeout = 30")), 0, "bench", "benchmark");
        RouteVersion v = ((RouteStore.SaveResult.Saved) saved).version();
        RouterCarrierRepository store = new RouterCarrierRepository(ds, Clock.systemDefaultZone(), "127.0.0.1");
        List<AmiTarget> targets = lab.amiAccess().stream()
                .map(x -> new AmiTarget(x.serverId(), x.host(), x.port(), x.user())).toList();
        String secret = lab.amiAccess().get(0).secret();
        Map<String, Duration> waited = new HashMap<>();
        try (AmiDialplanReader reader = new AmiDialplanReader(targets, t -> secret::toCharArray, 5000)) {
            ChangeSet c = ChangeSet.build(v, store.read(v.name()), store.dialers());
            long t0 = System.nanoTime();
            PushReport r = new PushJob(c, store, reader, new PushJob.Settings(Duration.ofMinutes(3),
                    Duration.ofSeconds(20), Duration.ofMillis(500), Optional.empty(), "bench"), p -> {
                        if (p.step() == PushJob.Step.WAIT_RELOAD) {
                            waited.put(p.serverId(), p.waited());
                        }
                    }).run();
            double total = (System.nanoTime() - t0) / 1e9;
            double wait = waited.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0;
            List<String> per = new ArrayList<>();
            r.dialers().forEach(d -> per.add(String.format(Locale.ROOT, "%s %s %.1f s", d.serverId(), d.state(),
                    d.untilVerified().toMillis() / 1000.0)));
            System.out.printf(Locale.ROOT, "push to %d dialers, keepalive every %d s: %s; all verified after %.1f s,"
                    + " of which %.1f s waiting for the keepalive, %.1f s the console's own work%n  %s%n",
                    c.dialers().size(), keepalive, r.outcome(), total, wait,
                    total - wait, String.join("\n  ", per));
        }
    }
}
