package trunkops.lab.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The embedded server itself: loopback only, security on, stop/start keeps data and credentials. */
class LabDatabaseTest {

    private static LabDatabase db;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @BeforeAll
    static void startDatabase() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        java.util.Map<String, ch.qos.logback.classic.Level> quieted = new java.util.HashMap<>();
        for (ch.qos.logback.classic.Logger l : root.getLoggerContext().getLoggerList()) {
            if (l.getLevel() != null && l != root) {
                quieted.put(l.getName(), l.getLevel());
                l.setLevel(ch.qos.logback.classic.Level.DEBUG);
            }
        }
        LOG.start();
        root.addAppender(LOG);
        try {
            db = LabDatabase.startIn(TestDirs.fresh("lifecycle"));
        } finally {
            root.detachAppender(LOG);
            root.setLevel(before);
            quieted.forEach((name, level) -> root.getLoggerContext().getLogger(name).setLevel(level));
        }
    }

    @AfterAll
    static void stopDatabase() {
        if (db != null) {
            db.close();
            TestDirs.deleteLab(db.options().dataDir());
        }
    }

    @Test
    void handsOutAPlainLoopbackUrlAndTheLabAccount() throws SQLException {
        assertEquals("jdbc:mariadb://127.0.0.1:" + db.port() + "/asterisk", db.jdbcUrl());
        assertEquals("127.0.0.1", db.host());
        assertEquals("trunkops_lab", db.user());
        assertTrue(db.password().length() >= 20, "random password");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DATABASE(), CURRENT_USER(), @@version, @@bind_address,"
                     + " @@skip_grant_tables, @@character_set_database, @@collation_database")) {
            assertTrue(rs.next());
            assertEquals("asterisk", rs.getString(1));
            assertEquals("trunkops_lab@127.0.0.1", rs.getString(2));
            assertTrue(rs.getString(3).startsWith("10.11.5"), rs.getString(3));
            assertEquals("127.0.0.1", rs.getString(4));
            assertEquals(0, rs.getInt(5), "grant tables are in force");
            assertEquals("utf8mb3", rs.getString(6));
            assertEquals("utf8mb3_unicode_ci", rs.getString(7));
        }
    }

    @Test
    void thePasswordNeverReachesTheLog() {
        assertTrue(LOG.list.size() > 20, "the start was logged: " + LOG.list.size() + " events");
        for (ILoggingEvent event : LOG.list) {
            assertFalse(event.getFormattedMessage().contains(db.password()), event.getFormattedMessage());
        }
        assertTrue(Files.notExists(db.options().runDir().resolve("bootstrap.sql")), "bootstrap file deleted");
    }

    @Test
    void wrongPasswordsAndOtherAccountsAreRejected() {
        SQLException wrong = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password() + "x").close());
        assertEquals(1045, wrong.getErrorCode(), wrong.getMessage());
        SQLException root = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(db.jdbcUrl(), "root", "").close());
        assertEquals(1045, root.getErrorCode(), root.getMessage());
        SQLException anonymous = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(db.jdbcUrl(), "nobody", "").close());
        assertEquals(1045, anonymous.getErrorCode(), anonymous.getMessage());
    }

    @Test
    void theLabAccountSeesOnlyItsDatabase() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW DATABASES")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertFalse(names.contains("mysql"), names.toString());
            assertTrue(names.contains("asterisk"), names.toString());
        }
    }

    @Test
    void stopAndStartKeepDataCredentialsAndPort() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE restart_probe (id INT PRIMARY KEY) ENGINE=MyISAM");
            st.execute("CREATE TABLE restart_memory (id INT PRIMARY KEY) ENGINE=MEMORY");
            st.execute("INSERT INTO restart_probe VALUES (1), (2)");
            st.execute("INSERT INTO restart_memory VALUES (1)");
        }
        int port = db.port();
        String password = db.password();
        db.stop();
        assertFalse(db.isRunning());
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()).close());
        db.start();
        assertTrue(db.isRunning());
        assertEquals(port, db.port());
        assertEquals(password, db.password());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement st = c.createStatement()) {
            assertEquals(2, count(st, "SELECT COUNT(*) FROM restart_probe"));
            assertEquals(0, count(st, "SELECT COUNT(*) FROM restart_memory"), "MEMORY tables are empty after restart");
            st.execute("DROP TABLE restart_probe, restart_memory");
        }
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(c.isValid(2), "the lab pool reconnects after a restart");
        }
    }

    @Test
    void aTakenPortGivesAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            LabDatabaseOptions options = LabDatabaseOptions.in(TestDirs.fresh("taken")).withPort(taken.getLocalPort());
            try (LabDatabase other = new LabDatabase(options)) {
                LabDatabaseException e = assertThrows(LabDatabaseException.class, other::start);
                assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
                assertTrue(e.getMessage().contains("already in use"), e.getMessage());
                assertFalse(other.isRunning());
            } finally {
                TestDirs.deleteLab(options.dataDir());
            }
        }
    }

    @Test
    void aBinaryThatCannotRunIsDiagnosed() throws IOException {
        Path base = TestDirs.fresh("broken-base");
        try {
            checkBrokenBinaries(base);
        } finally {
            TestDirs.deleteTree(base);
        }
        assertTrue(MariaDbBinaries.diagnose(db.options().baseDir()).isEmpty(), "the real binary runs");
    }

    private static void checkBrokenBinaries(Path base) throws IOException {
        Path bin = Files.createDirectories(base.resolve("bin"));
        Path server = bin.resolve("mariadbd");
        Files.writeString(server, "#!/bin/sh\necho 'mariadbd: error while loading shared libraries: libfoo.so.1:"
                + " cannot open shared object file: No such file or directory' >&2\nexit 127\n");
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        String problem = MariaDbBinaries.diagnose(base).orElseThrow();
        assertTrue(problem.contains("libfoo.so.1"), problem);
        assertTrue(problem.contains("apt-get install"), problem);

        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rw-------"));
        assertTrue(MariaDbBinaries.diagnose(base).orElseThrow().contains("not executable"));
        assertTrue(MariaDbBinaries.diagnose(base.resolve("nowhere")).orElseThrow().contains("missing"));
    }

    @Test
    void aBinariesCacheUnderTheTempDirIsRefusedButThrowAwayDataMayLiveThere() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "lab-data");
        assertEquals(underTmp.toAbsolutePath().normalize(), LabDatabaseOptions.in(underTmp).dataDir());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabDatabaseOptions.in(Path.of("target", "x")).withBaseDir(underTmp.resolve("bin")));
        assertTrue(e.getMessage().contains("java.io.tmpdir"), e.getMessage());
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
