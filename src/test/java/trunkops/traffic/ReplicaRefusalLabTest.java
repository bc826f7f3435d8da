package trunkops.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.app.AppPaths;
import trunkops.db.ReplicaRoute;
import trunkops.lab.LabDefaults;
import trunkops.lab.db.LabDatabase;

/**
 * A read replica that refuses the cluster's password (another server, another account): the primary is read, the
 * note says why, and the replica is not tried again every ten minutes with the password it refused.
 */
class ReplicaRefusalLabTest {

    private static LabDb primary;
    private static LabDatabase replica;
    private static Path replicaDir;

    @BeforeAll
    static void start() throws Exception {
        primary = LabDb.start("replica-refusal", LabDefaults.cluster());
        Path root = Files.createDirectories(Path.of("target", "traffic-lab-tests").toAbsolutePath());
        replicaDir = Files.createTempDirectory(root, "replica-");
        replica = LabDatabase.startIn(replicaDir.resolve("mariadb")); // same account name, its own random password
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
        AppPaths.deleteTree(replicaDir);
    }

    private static long replicaAccessDenied() throws SQLException {
        try (Connection c = DriverManager.getConnection(replica.jdbcUrl(), replica.user(), replica.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Access_denied_errors'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Test
    void aReplicaRefusingThePasswordIsLeftAloneAndThePrimaryRead() throws Exception {
        ViciWrites w = primary.writes();
        long before = replicaAccessDenied();
        try {
            w.exec("UPDATE system_settings SET slave_db_server = ?, reports_use_slave_db = ''",
                    "127.0.0.1:" + replica.port());
            try (CarrierLogSource source = CarrierLogSource.open(primary.settings(),
                    primary.lab.password()::toCharArray, ReplicaRoute.Mode.PREFER)) {
                assertFalse(source.onReplica());
                assertTrue(source.note().contains("refused the password (not tried again)"), source.note());
                assertFalse(source.replicaMissed(), "not a fallback that checks the replica every 10 minutes");
                assertFalse(source.replicaAnswersNow(primary.lab.password()::toCharArray));
                assertEquals(1, replicaAccessDenied() - before, "one refused login on the replica");
            }
        } finally {
            w.exec("UPDATE system_settings SET slave_db_server = '', reports_use_slave_db = ''");
        }
    }
}
