package trunkops.traffic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import trunkops.app.AppPaths;
import trunkops.db.CarrierLogRepository;
import trunkops.db.Database;
import trunkops.db.ViciDialRepository;
import trunkops.lab.LabClusterSpec;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.db.LabSeeder;
import trunkops.lab.db.ViciDialSchema;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TopologyBuilder;

/** A seeded lab MariaDB under target/ for one test class, and the console-side objects reading it. */
public final class LabDb implements AutoCloseable {

    public final LabDatabase lab;
    public final Database db;
    public final Path dir;

    private LabDb(LabDatabase lab, Database db, Path dir) {
        this.lab = lab;
        this.db = db;
        this.dir = dir;
    }

    public static LabDb start(String name, LabClusterSpec spec) throws Exception {
        Path root = Files.createDirectories(Path.of("target", "traffic-lab-tests").toAbsolutePath());
        Path dir = Files.createTempDirectory(root, name + "-");
        LabDatabase lab = LabDatabase.startIn(dir.resolve("mariadb"));
        try {
            ViciDialSchema.create(lab.dataSource());
            Map<String, Integer> ports = new LinkedHashMap<>();
            spec.servers().forEach(s -> ports.put(s.serverId(), 5038));
            LabSeeder.seed(lab.dataSource(), spec, ports, "labSecret");
            Database db = new Database(CarrierLogRepository.readerSettings(settings(lab)),
                    lab.password().toCharArray());
            return new LabDb(lab, db, dir);
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
    }

    /** Short timeouts, so fault tests notice a stopped database within seconds. */
    static Database.Settings settings(LabDatabase lab) {
        return new Database.Settings(lab.jdbcUrl(), lab.user(), 1_500, 5_000, 4, 5_000);
    }

    Database.Settings settings() {
        return settings(lab);
    }

    public ClusterTopology topology() throws Exception {
        ViciDialRepository.TopologyRows rows = new ViciDialRepository(db).topologyRows();
        return TopologyBuilder.build(rows.servers(), rows.carriers(), rows.campaigns(), rows.lists());
    }

    public CarrierLogRepository repository() {
        return new CarrierLogRepository(db);
    }

    ViciWrites writes() {
        return new ViciWrites(lab.dataSource());
    }

    @Override
    public void close() {
        db.close();
        lab.close();
        AppPaths.deleteTree(dir);
    }
}
