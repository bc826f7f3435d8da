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
import trunkops.push.PushStepLog;
import trunkops.push.JournalStepLog;
import trunkops.control.audit.Identity;
import trunkops.control.audit.LocalJournal;
import trunkops.control.audit.Role;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;

/**
 * A push of a new weighted route to 10 lab dialers with the lab keepalive every {@code keepaliveSeconds} (ViciDial's
 * cron: 60): the time until every dialer is verified, the time spent waiting for the keepalive to clear the flags,
 * the read-backs (ShowDialPlan, retried while the reload completes) and the rest (the console's own work: rows,
 * flags, the per-step audit journal, a LocalJournal fsync'd like the console's), from the steps' own durations.
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

    /** Delegates to the journal and adds up each phase's wall time. */
    private static final class Timed implements PushStepLog {
        private final PushStepLog inner;
        private final Map<String, long[]> open = new HashMap<>();
        private final Map<Phase, long[]> sum = new java.util.EnumMap<>(Phase.class);

        Timed(PushStepLog inner) {
            this.inner = inner;
        }

        @Override
        public synchronized String begin(Phase phase, List<String> serverIds, String detail) {
            String id = inner.begin(phase, serverIds, detail) + "#" + open.size() + phase;
            open.put(id, new long[] {System.nanoTime(), phase.ordinal()});
            return id;
        }

        @Override
        public synchronized void end(String id, List<Outcome> outcomes) {
            long[] b = open.remove(id);
            inner.end(id.substring(0, id.indexOf('#')), outcomes);
            long[] s = sum.computeIfAbsent(Phase.values()[(int) b[1]], p -> new long[2]);
            s[0] += System.nanoTime() - b[0];
            s[1]++;
        }

        synchronized double seconds(Phase p) {
            return sum.getOrDefault(p, new long[2])[0] / 1e9;
        }

        synchronized long count(Phase p) {
            return sum.getOrDefault(p, new long[2])[1];
        }

        synchronized String totals() {
            List<String> out = new ArrayList<>();
            sum.forEach((p, s) -> out.add(String.format(Locale.ROOT, "%s %dx %.2f s", p, s[1], s[0] / 1e9)));
            return String.join(", ", out);
        }
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
        LocalJournal journal = LocalJournal.open(Path.of("target", "push-benchmark-journal", "audit.log"),
                new Identity("bench", "localhost", Role.ENGINEER), Clock.systemUTC());
        Timed steps = new Timed(new JournalStepLog(journal, v.name(), v.version(), "benchmark", "bench"));
        try (AmiDialplanReader reader = new AmiDialplanReader(targets, t -> secret::toCharArray, 5000)) {
            ChangeSet c = ChangeSet.build(v, store.read(v.name()), store.dialers());
            long t0 = System.nanoTime();
            PushReport r = new PushJob(c, store, reader, new PushJob.Settings(Duration.ofMinutes(3),
                    Duration.ofSeconds(20), Duration.ofMillis(500), Optional.empty(), "bench"), p -> { }, steps).run();
            double total = (System.nanoTime() - t0) / 1e9;
            double wait = steps.seconds(PushStepLog.Phase.WAIT);
            double verify = steps.seconds(PushStepLog.Phase.VERIFY);
            System.out.printf(Locale.ROOT, "steps: %s; read-backs %.1f s (%d ShowDialPlan), own work outside waits"
                    + " and read-backs %.1f s%n", steps.totals(), verify, steps.count(PushStepLog.Phase.VERIFY),
                    total - wait - verify);
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
