package trunkops.push;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.mariadb.jdbc.MariaDbDataSource;

import trunkops.ami.AmiDialplanReader;
import trunkops.ami.AmiTarget;
import trunkops.app.AppPaths;
import trunkops.db.RouteRepository;
import trunkops.db.RouterCarrierRepository;
import trunkops.lab.LabCluster;
import trunkops.lab.LabDefaults;

/**
 * The full lab as the push lab tests use it (3 dialers, real MariaDB, real TCP AMI, no history): a fresh data
 * directory under {@code target/}, a data source on the lab's database, the route repository and carrier store on
 * it, and an {@link AmiDialplanReader} over every dialer (it connects on first use). {@link #close()} closes the
 * reader and the lab and deletes the directory.
 */
public record PushLab(Path dir, LabCluster lab, MariaDbDataSource ds, RouteRepository routes,
                      RouterCarrierRepository store, AmiDialplanReader reader) implements AutoCloseable {

    /** The lab without campaign traffic. */
    public static PushLab start(String name, Duration keepalive, long seed) throws Exception {
        return start(name, false, 1.0, keepalive, seed);
    }

    /**
     * Starts the lab in {@code target/name} (emptied first) with the given traffic, keepalive period and seed.
     */
    public static PushLab start(String name, boolean traffic, double trafficMultiplier, Duration keepalive,
                                long seed) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", name));
        AppPaths.deleteTree(dir);
        LabCluster lab = LabCluster.start(LabDefaults.cluster(),
                new LabCluster.Options(dir, 1.0, false, traffic, trafficMultiplier, keepalive, seed), m -> { });
        try {
            MariaDbDataSource ds = dataSource(lab.dbAccess());
            return new PushLab(dir, lab, ds, RouteRepository.open(ds, "lab-test"),
                    new RouterCarrierRepository(ds, Clock.systemDefaultZone(), "127.0.0.1"), reader(lab));
        } catch (Exception | Error e) {
            lab.close();
            AppPaths.deleteTree(dir);
            throw e;
        }
    }

    private static MariaDbDataSource dataSource(LabCluster.DbAccess a) throws SQLException {
        MariaDbDataSource ds = new MariaDbDataSource(a.jdbcUrl());
        ds.setUser(a.user());
        ds.setPassword(a.password());
        return ds;
    }

    private static AmiDialplanReader reader(LabCluster lab) {
        List<AmiTarget> targets = new ArrayList<>();
        for (LabCluster.AmiAccess x : lab.amiAccess()) {
            targets.add(new AmiTarget(x.serverId(), x.host(), x.port(), x.user()));
        }
        return new AmiDialplanReader(targets, t -> () -> lab.amiAccess().stream()
                .filter(x -> x.serverId().equals(t.serverId())).findFirst().orElseThrow().secret().toCharArray(),
                10_000);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            lab.close();
            AppPaths.deleteTree(dir);
        }
    }
}
