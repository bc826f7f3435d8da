package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.app.AppPaths;
import trunkops.lab.db.LabDatabase;
import trunkops.lab.db.ViciDialSchema;
import trunkops.routing.RouteStore.SaveResult;

/**
 * A ViciDial database where TrunkOps has never run, opened first by an account that may read and write but not
 * CREATE: no tables, no routes, a message naming the grant, and the console's code paths do not throw.
 */
class RouteStoreNoCreateLabTest {

    private static LabDatabase lab;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "route-store-tests").toAbsolutePath());
        dir = Files.createTempDirectory(root, "fresh-");
        lab = LabDatabase.startIn(dir.resolve("mariadb"));
        ViciDialSchema.create(lab.dataSource());
        try (Connection c = DriverManager.getConnection(lab.jdbcUrl(), lab.user(), lab.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE USER 'trunkops_nocreate'@'127.0.0.1' IDENTIFIED BY 'nc-pass-1'");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + lab.database()
                    + "`.* TO 'trunkops_nocreate'@'127.0.0.1'");
        }
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
        AppPaths.deleteTree(dir);
    }

    @Test
    void migrationFailsAndTheStatusNamesTheGrant() throws Exception {
        RouteRepository none = RouteRepository.open(RouteRepositoryLabTest.sourceFor(lab, "trunkops_nocreate",
                "nc-pass-1"), "ops");
        assertFalse(none.status().readable());
        assertFalse(none.status().writable());
        String m = none.status().message();
        assertTrue(m.contains("may not create or upgrade TrunkOps' tables"), m);
        assertTrue(m.contains("CREATE command denied"), m);
        assertTrue(m.contains("CREATE, ALTER, INDEX, SELECT, INSERT, UPDATE, DELETE"), m);
        assertEquals(List.of(), none.latest(), "the console's read path does not throw");
        assertInstanceOf(SaveResult.Refused.class,
                none.save(RouteRepositoryLabTest.route("X", 1, 1), 0, "ops", ""));

        // an administrator runs it once; the same account then saves
        RouteRepository admin = RouteRepository.open(RouteRepositoryLabTest.sourceFor(lab, lab.user(),
                lab.password()), "admin");
        assertTrue(admin.status().writable(), admin.status().message());
        RouteRepository after = RouteRepository.open(RouteRepositoryLabTest.sourceFor(lab, "trunkops_nocreate",
                "nc-pass-1"), "ops");
        assertTrue(after.status().writable(), after.status().message());
        assertEquals("ops", assertInstanceOf(SaveResult.Saved.class,
                after.save(RouteRepositoryLabTest.route("X", 1, 1), 0, null, "")).version().author());
    }
}
