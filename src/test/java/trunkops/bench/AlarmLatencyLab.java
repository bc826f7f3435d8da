package trunkops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import trunkops.app.AppPaths;
import trunkops.db.Database;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;
import trunkops.traffic.CarrierTrafficService;
import trunkops.traffic.QualityAlarm;
import trunkops.traffic.TrafficSnapshot;

/**
 * Time from {@code fail blueline 503 85} to BlueLine's "calls failing" alarm, on the lab in real time with its 24 h
 * history and live traffic, through the console's own {@link CarrierTrafficService} with the default rules.
 * A fresh lab per run (seeds 20261127...). Args: runs (default 3), traffic multiplier (default 1). Prints one line
 * per run and the median. {@code mvn -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.AlarmLatencyLab -Dexec.args="3 1"}
 */
public final class AlarmLatencyLab {

    private AlarmLatencyLab() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double traffic = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        List<Long> seconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            // a fresh lab per run: a failure still inside the 15-minute span would shorten the next run
            long secs = once(traffic, 20261126L + run);
            seconds.add(secs);
        }
        seconds.sort(null);
        say("median time to alarm: " + seconds.get(seconds.size() / 2) + " s over " + seconds.size() + " runs "
                + seconds);
        System.exit(0);
    }

    private static long once(double traffic, long seed) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "alarm-latency-lab"));
        AppPaths.deleteTree(dir);
        try (LabCluster lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 1.0, true, true, traffic, Duration.ofSeconds(15), seed), m -> { })) {
            LabCluster.DbAccess db = lab.dbAccess();
            BlockingQueue<TrafficSnapshot> snapshots = new LinkedBlockingQueue<>();
            try (CarrierTrafficService service = new CarrierTrafficService(Database.Settings.of(db.jdbcUrl(),
                    db.user()), db.password()::toCharArray, CarrierTrafficService.Options.defaults(),
                    c -> QualityAlarm.ProbeVerdict.OK, snapshots::add, Clock.systemDefaultZone())) {
                service.start();
                TrafficSnapshot s;
                do {
                    s = snapshots.poll(120, TimeUnit.SECONDS);
                } while (s != null && s.databaseNow() == null);
                if (s == null || blue(s) != null) {
                    throw new IllegalStateException("no clean start: " + (s == null ? "no snapshot" : blue(s)));
                }
                snapshots.clear();
                long t0 = System.nanoTime();
                lab.faults().failCalls("blueline", 503, 0.85);
                String seen = "none";
                while (System.nanoTime() - t0 < Duration.ofMinutes(20).toNanos()) {
                    s = snapshots.poll(30, TimeUnit.SECONDS);
                    if (s != null && blue(s) != null) {
                        seen = blue(s).headline() + "; detected " + blue(s).detected() + " at db " + s.databaseNow();
                        break;
                    }
                }
                long secs = (System.nanoTime() - t0) / 1_000_000_000L;
                say("seed " + seed + ": alarm after " + secs + " s (" + seen + ")");
                return secs;
            }
        } finally {
            AppPaths.deleteTree(dir);
        }
    }

    private static QualityAlarm blue(TrafficSnapshot s) {
        return s.ongoingAlarms().stream().filter(a -> a.carrierId().equals("BLUELINE")).findFirst().orElse(null);
    }

    @SuppressWarnings("java:S106")
    private static void say(String line) {
        System.out.println(line);
    }
}
