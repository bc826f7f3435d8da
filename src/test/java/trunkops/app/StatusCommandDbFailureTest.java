package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import trunkops.lab.db.LabDatabase;
import trunkops.secrets.Keyring;

/**
 * {@code status} against a database that refuses: one login with the wrong password, then exit 1 with the cause
 * (it used to make about ten logins in 6 s and say "unreachable"), and credentials in the URL refused up front.
 */
class StatusCommandDbFailureTest {

    private static final Keyring NO_KEYRING = new Keyring("no-such-secret-tool", Map.of());
    private static LabDatabase lab;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "status-db-tests").toAbsolutePath());
        dir = Files.createTempDirectory(root, "lab-");
        lab = LabDatabase.startIn(dir.resolve("mariadb"));
    }

    @AfterAll
    static void stop() {
        lab.close();
        AppPaths.deleteTree(dir);
    }

    private record Result(int code, String out, String err, long elapsedMs) {
    }

    private static Result status(String jdbcUrl, Map<String, String> env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        // the AMI address is never reached: the database is read first
        int code = StatusCommand.run(List.of("status", "--ami", "127.0.0.1:1", "--user", "noc", "--secret-env",
                        "AMI_SECRET", "--jdbc", jdbcUrl, "--db-user", lab.user(), "--db-password-env", "DB_PW"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env::get, CompletableFuture.completedFuture(null), NO_KEYRING);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static long accessDenied() throws SQLException {
        try (Connection c = lab.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Access_denied_errors'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Test
    void aWrongPasswordIsTriedOnceAndExitsOneSayingSo() throws Exception {
        long before = accessDenied();
        Result r = status(lab.jdbcUrl(), Map.of("AMI_SECRET", "x", "DB_PW", "not-the-password"));
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("trunkops status: ") && r.err().contains("wrong password"), r.err());
        assertFalse(r.err().contains("not-the-password"), r.err());
        assertTrue(r.elapsedMs() < 5_000, r.elapsedMs() + " ms");
        assertEquals(1, accessDenied() - before, "exactly one login with the wrong password");
    }

    @Test
    void aPasswordInTheJdbcUrlIsRefusedBeforeAnyLogin() throws Exception {
        long before = accessDenied();
        Result r = status(lab.jdbcUrl() + "?password=Hunter2x9", Map.of("AMI_SECRET", "x", "DB_PW", lab.password()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--jdbc holds the parameter 'password'"), r.err());
        assertFalse(r.err().contains("Hunter2x9"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(0, accessDenied() - before);
    }
}
