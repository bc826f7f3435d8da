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
    static long accessDenied() throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(lab.jdbcUrl(), lab.user(), lab.password())) {
            return accessDenied(c);
        }
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private record Failure(DbException error, long elapsedMs) {
    }

    private static Failure fail(Database db) {
        long t0 = System.nanoTime();
        DbException e = assertThrows(DbException.class, () -> db.query("test read", DatabaseFailureLabTest::selectOne));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("{} in {} ms: {}", e.failure(), ms, e.getMessage());
        return new Failure(e, ms);
    }

    @Test
    void aWrongPasswordIsNamedAtOnceAndSentOnlyOnce() throws Exception {
        long before = accessDenied();
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
        assertEquals(1, accessDenied() - before, "one login with the wrong password, no retries");
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
        long before = accessDenied();
        try (Database db = new Database(settings(lab.jdbcUrl()), lab.password().toCharArray())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(Integer.valueOf(1), db.query("test read", DatabaseFailureLabTest::selectOne));
            }
            assertEquals(DbLinkState.UP, db.status().state());
        }
        assertEquals(0, accessDenied() - before);
    }

    @Test
    void aRefusedPasswordIsAskedForAgainWithTheReasonAndTheNewOneWorks() throws Exception {
        long before = accessDenied();
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
        assertEquals(1, accessDenied() - before, "the refused password was sent once");
    }

    @Test
    void poolsSharingAWrongPasswordSendItOnceBetweenThem() throws Exception {
        long before = accessDenied();
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
        assertEquals(1, accessDenied() - before, "four pools, one refused login");
    }

    @Test
    void aPasswordChangedOnTheServerIsRefusedOnceThenNotResentByThePool() throws Exception {
        String url = lab.jdbcUrl();
        String changed = "changed-" + Long.toHexString(System.nanoTime());
        try (Database db = new Database(settings(url), lab.password().toCharArray())) {
            db.query("warm up", DatabaseFailureLabTest::selectOne);
            db.query("through the pool", DatabaseFailureLabTest::selectOne);
            try (Connection admin = java.sql.DriverManager.getConnection(url, lab.user(), lab.password());
                 Statement st = admin.createStatement()) {
                st.execute("SET PASSWORD = PASSWORD('" + changed + "')");
                // every other session of the account ends, as when a server restarts: the pool has to log in again
                try (ResultSet rs = st.executeQuery("SELECT id FROM information_schema.processlist WHERE user = '"
                        + lab.user() + "' AND id <> CONNECTION_ID()")) {
                    List<Long> ids = new java.util.ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                    for (long id : ids) {
                        st.execute("KILL CONNECTION " + id);
                    }
                }
                try {
                    DbFailure first = null;
                    for (int i = 0; i < 10 && first != DbFailure.AUTH; i++) {
                        first = fail(db).error().failure();
                    }
                    assertEquals(DbFailure.AUTH, first, "the changed password is reported as such");
                    long afterRefusal = accessDenied(admin);
                    for (int i = 0; i < 5; i++) {
                        assertEquals(DbFailure.AUTH, fail(db).error().failure());
                    }
                    assertEquals(afterRefusal, accessDenied(admin), "no login after the refusal, from the pool or not");
                } finally {
                    st.execute("SET PASSWORD = PASSWORD('" + lab.password() + "')");
                }
            }
        }
    }

    private static long accessDenied(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Access_denied_errors'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Test
    void aCancelledPromptSendsNothingAndSaysSo() throws Exception {
        long before = accessDenied();
        SessionSecret cancelled = new SessionSecret(refusal -> Optional.empty());
        try (Database db = new Database(settings(lab.jdbcUrl()), cancelled)) {
            Failure f = fail(db);
            assertEquals(DbFailure.NO_PASSWORD, f.error().failure(), f.error().getMessage());
            assertTrue(f.error().getMessage().contains("no password given"), f.error().getMessage());
            assertEquals(DbLinkState.DOWN, db.status().state());
        }
        assertEquals(0, accessDenied() - before);
    }
}
