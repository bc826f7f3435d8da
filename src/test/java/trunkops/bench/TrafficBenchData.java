package trunkops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import trunkops.lab.LabClusterSpec;
import trunkops.lab.LabDefaults;
import trunkops.lab.db.CallHistory;
import trunkops.lab.db.CallHistoryGenerator;
import trunkops.lab.db.CallHistoryWriter;
import trunkops.lab.db.HistoryOptions;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.db.LabSeeder;
import trunkops.lab.db.ViciDialSchema;

/**
 * The benchmark's data: a lab MariaDB under {@code target/bench-traffic} holding 24 h of a 10-dialer cluster
 * ({@link LabDefaults#scaled}) written by the lab's own history generator and writer, with the lab's default
 * incidents (BlueLine answering 85 % 503 for 40 minutes, orbit-east silent for 7 minutes).
 */
final class TrafficBenchData implements AutoCloseable {

    static final int DIALERS = 10;
    static final double PEAK_PER_CAMPAIGN_AND_DIALER = 158.0;
    /** ViciDial writes local time and compares it with NOW(): the lab database runs in this JVM's zone too. */
    static final ZoneId ZONE = ZoneId.systemDefault();
    static final long SEED = 20261126L;

    final LabClusterSpec spec;
    final LabDatabase db;
    final Instant now;
    final long carrierLogRows;
    final long loadMillis;

    private TrafficBenchData(LabClusterSpec spec, LabDatabase db, Instant now, long rows, long loadMillis) {
        this.spec = spec;
        this.db = db;
        this.now = now;
        this.carrierLogRows = rows;
        this.loadMillis = loadMillis;
    }

    /**
     * Reopens the database a previous run left in {@code dir} when it holds the day (its {@code now} is the newest
     * call_date), else loads a fresh one. For exploring; the benchmark always loads fresh.
     */
    static TrafficBenchData reuseOrLoad(Path dir, java.util.function.Consumer<String> progress) throws Exception {
        if (Files.isDirectory(dir.resolve("mariadb"))) {
            LabDatabase db = LabDatabase.startIn(dir.resolve("mariadb"));
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), MAX(call_date) FROM vicidial_carrier_log"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1);
                if (rows > 1_000_000) {
                    Instant now = rs.getObject(2, java.time.LocalDateTime.class).atZone(ZONE).toInstant();
                    progress.accept("reusing " + rows + " rows in " + dir);
                    return new TrafficBenchData(LabDefaults.scaled(DIALERS, PEAK_PER_CAMPAIGN_AND_DIALER), db, now,
                            rows, 0);
                }
            } catch (SQLException e) {
                progress.accept("cannot reuse " + dir + ": " + e.getMessage());
            }
            db.close();
        }
        return load(dir, progress);
    }

    /** Starts a fresh database and loads the day into it. */
    static TrafficBenchData load(Path dir, java.util.function.Consumer<String> progress) throws Exception {
        LabClusterSpec spec = LabDefaults.scaled(DIALERS, PEAK_PER_CAMPAIGN_AND_DIALER);
        Files.createDirectories(dir);
        trunkops.app.AppPaths.deleteTree(dir);
        LabDatabase db = LabDatabase.startIn(dir.resolve("mariadb"));
        try {
            ViciDialSchema.create(db.dataSource());
            Map<String, Integer> ports = new LinkedHashMap<>();
            spec.servers().forEach(s -> ports.put(s.serverId(), 5038));
            LabSeeder.seed(db.dataSource(), spec, ports, "benchSecret");
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            long t0 = System.nanoTime();
            progress.accept("generating 24 h of " + DIALERS + " dialers");
            CallHistory history = new CallHistoryGenerator(spec).generate(
                    HistoryOptions.withDefaultIncidents(spec, now, SEED, ZONE));
            progress.accept(String.format(Locale.ROOT, "generated %,d attempts in %d ms; writing",
                    history.calls().size(), (System.nanoTime() - t0) / 1_000_000));
            CallHistoryWriter.Result r = new CallHistoryWriter(ZONE).write(db.dataSource(), history);
            long loadMillis = (System.nanoTime() - t0) / 1_000_000;
            return new TrafficBenchData(spec, db, now, r.carrierLogRows(), loadMillis);
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    /** A database made earlier, whose newest call_date is {@code newest}. */
    static TrafficBenchData reopened(LabDatabase db, java.time.LocalDateTime newest, long rows) {
        return new TrafficBenchData(LabDefaults.scaled(DIALERS, PEAK_PER_CAMPAIGN_AND_DIALER), db,
                newest.atZone(ZONE).toInstant(), rows, 0);
    }

    TrafficBenchData withRows(long rows) {
        return new TrafficBenchData(spec, db, now, rows, loadMillis);
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
