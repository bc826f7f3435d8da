package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.app.AppPaths;
import trunkops.lab.db.LabDatabase;
import trunkops.secrets.SessionSecret;

/**
 * Each way a database login fails, against the lab's real MariaDB and real sockets: the cause is named (not a pool
 * timeout), refusals come at once, only silence waits for the connect timeout, and a refused password is sent once.
 * Before the fix every case took about 10 s and said "Connection is not available"; one query with a wrong
 * password made some 20 logins.
 */
class DatabaseFailureLabTest {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureLabTest.class);
    private static final long FAST_MS = 5_000;
    private static LabDatabase lab;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "db-failure-tests").toAbsolutePath());
        dir = Files.createTempDirectory(root, "lab-");
        lab = LabDatabase.startIn(dir.resolve("mariadb"));
    }

    @AfterAll
    static void stop() {
        lab.close();
        AppPaths.deleteTree(dir);
    }

    private static Database.Settings settings(String url) {
        return new Database.Settings(url, lab.user(), 1_500, 5_000, 2, 5_000);
    }

    /** Logins the server refused since it started (MariaDB's Access_denied_errors). */
    static long accessDenied(javax.sql.DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Access_denied_errors'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private record Failure(DbException error, long elapsedMs) {
    }

    private static Failure fail(Database db) {
        long t0 = System.nanoTime();
        DbException e = assertThrows(DbException.class, () -> db.query("test read", c -> 1));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("{} in {} ms: {}", e.failure(), ms, e.getMessage());
        return new Failure(e, ms);
    }

    @Test
    void aWrongPasswordIsNamedAtOnceAndSentOnlyOnce() throws Exception {
        long before = accessDenied(lab.dataSource());
        try (Database db = new Database(settings(lab.jdbcUrl()), "not-the-password".toCharArray())) {
            Failure f = fail(db);
            assertEquals(DbFailure.AUTH, f.error().failure());
            assertTrue(f.elapsedMs() < FAST_MS, f.elapsedMs() + " ms");
            assertTrue(f.error().getMessage().contains("wrong password"), f.error().getMessage());
            assertFalse(f.error().getMessage().contains("not-the-password"), "no secret in the message");
            assertEquals(DbLinkState.AUTH_FAILED, db.status().state());
            assertEquals(DbFailure.AUTH, db.status().failure());
            for (int i = 0; i < 5; i++) {
                assertEquals(DbFailure.AUTH, fail(db).error().failure(), "still refused, without asking the server");
            }
            db.retryNow(); // an operator's refresh does not resend a refused password either
            assertEquals(DbFailure.AUTH, fail(db).error().failure());
        }
        assertEquals(1, accessDenied(lab.dataSource()) - before, "one login with the wrong password, no retries");
    }

    @Test
    void anUnknownDatabaseIsNamedAtOnce() {
        String url = "jdbc:mariadb://" + lab.host() + ":" + lab.port() + "/no_such_db";
        try (Database db = new Database(settings(url), lab.password().toCharArray())) {
            Failure f = fail(db);
            assertEquals(DbFailure.NO_DATABASE, f.error().failure(), f.error().getMessage());
            assertTrue(f.elapsedMs() < FAST_MS, f.elapsedMs() + " ms");
            assertTrue(f.error().getMessage().contains("no such database"), f.error().getMessage());
            assertEquals(DbFailure.NO_DATABASE, db.status().failure());
            assertEquals(DbLinkState.DOWN, db.status().state());
        }
    }

    @Test
    void aClosedPortIsRefusedAtOnceAndTheNextAttemptWaitsABackoff() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Database db = new Database(settings("jdbc:mariadb://127.0.0.1:" + port + "/asterisk"),
                lab.password().toCharArray())) {
            Failure f = fail(db);
            assertEquals(DbFailure.REFUSED, f.error().failure(), f.error().getMessage());
            assertTrue(f.elapsedMs() < FAST_MS, f.elapsedMs() + " ms");
            assertTrue(f.error().getMessage().contains("connection refused"), f.error().getMessage());
            Failure again = fail(db);
            assertEquals(DbFailure.REFUSED, again.error().failure());
            assertTrue(again.error().getMessage().contains("next attempt in"), again.error().getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAfterTheConnectTimeout() throws Exception {
        // accepted by the kernel (backlog), never by anyone: TCP connects, no MariaDB greeting ever comes
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Database db = new Database(settings("jdbc:mariadb://127.0.0.1:" + silent.getLocalPort() + "/asterisk"),
                     lab.password().toCharArray())) {
            Failure f = fail(db);
            assertEquals(DbFailure.TIMEOUT, f.error().failure(), f.error().getMessage());
            assertTrue(f.elapsedMs() >= 1_400 && f.elapsedMs() < FAST_MS, f.elapsedMs() + " ms");
            assertTrue(f.error().getMessage().contains("timed out"), f.error().getMessage());
        }
    }

    @Test
    void anUnknownHostIsUnreachable() {
        try (Database db = new Database(settings("jdbc:mariadb://no-such-host.invalid:3306/asterisk"),
                lab.password().toCharArray())) {
            Failure f = fail(db);
            assertEquals(DbFailure.UNREACHABLE, f.error().failure(), f.error().getMessage());
            assertTrue(f.elapsedMs() < FAST_MS, f.elapsedMs() + " ms");
        }
    }

    @Test
    void theRightPasswordConnectsAndLaterQueriesUseThePool() throws Exception {
        long before = accessDenied(lab.dataSource());
        try (Database db = new Database(settings(lab.jdbcUrl()), lab.password().toCharArray())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Integer.valueOf(1), db.query("test read", c -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }));
            }
            assertEquals(DbLinkState.UP, db.status().state());
        }
        assertEquals(0, accessDenied(lab.dataSource()) - before);
    }

    @Test
    void aRefusedPasswordIsAskedForAgainWithTheReasonAndTheNewOneWorks() throws Exception {
        long before = accessDenied(lab.dataSource());
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionSecret secret = new SessionSecret(refusal -> {
            asked.add(String.valueOf(refusal));
            return Optional.of((refusal == null ? "not-the-password" : lab.password()).toCharArray());
        });
        CompletableFuture<DbLinkStatus> up = new CompletableFuture<>();
        // a probe interval far beyond the test: the second login comes from the refusal, not from the next tick
        try (Database db = new Database(new Database.Settings(lab.jdbcUrl(), lab.user(), 1_500, 5_000, 2, 600_000),
                secret)) {
            db.onStatus(s -> {
                if (s.state() == DbLinkState.UP) {
                    up.complete(s);
                }
            });
            db.startProbe();
            up.get(30, TimeUnit.SECONDS);
        }
        assertEquals(2, asked.size(), asked.toString());
        assertEquals("null", asked.get(0));
        assertTrue(asked.get(1).startsWith("wrong password"), asked.get(1));
        assertEquals(1, accessDenied(lab.dataSource()) - before, "the refused password was sent once");
    }

    @Test
    void poolsSharingAWrongPasswordSendItOnceBetweenThem() throws Exception {
        long before = accessDenied(lab.dataSource());
        SessionSecret shared = SessionSecret.fixed("not-the-password".toCharArray());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Database> dbs = new java.util.ArrayList<>();
        try {
            List<Future<DbFailure>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Database db = new Database(settings(lab.jdbcUrl()), shared);
                dbs.add(db);
                results.add(threads.submit(() -> fail(db).error().failure()));
            }
            for (Future<DbFailure> r : results) {
                assertEquals(DbFailure.AUTH, r.get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
            dbs.forEach(Database::close);
        }
        assertEquals(1, accessDenied(lab.dataSource()) - before, "four pools, one refused login");
    }
}
