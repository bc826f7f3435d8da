package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A cluster's ViciDial database as the console uses it: a small HikariCP pool over MariaDB Connector/J with
 * every timeout bounded (a dead server must not hang a query for hours; anchors B4), a health probe that reports
 * UP / DOWN / AUTH_FAILED with a clear reason, and queries that turn SQL failures into messages an operator
 * can act on. Never called on the FX thread.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Where and how to connect; the password is passed separately and never kept in a record or a log. */
    public record Settings(String jdbcUrl, String user, int connectTimeoutMs, int socketTimeoutMs, int poolSize,
                           int probeIntervalMs) {
        public static Settings of(String jdbcUrl, String user) {
            return new Settings(jdbcUrl, user, 5_000, 30_000, 4, 5_000);
        }
    }

    /** Work done with a pooled connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final Settings settings;
    private ScheduledExecutorService prober;
    private final HikariDataSource pool;
    private volatile DbLinkStatus status = new DbLinkStatus(DbLinkState.CONNECTING, "connecting", now());
    private volatile Consumer<DbLinkStatus> listener = s -> { };

    public Database(Settings settings, char[] password) {
        this.settings = settings;
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("db-" + Math.abs(settings.jdbcUrl().hashCode() % 1000));
        cfg.setJdbcUrl(withTimeouts(settings));
        cfg.setUsername(settings.user());
        cfg.setPassword(new String(password));
        java.util.Arrays.fill(password, '\0');
        cfg.setMaximumPoolSize(settings.poolSize());
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(settings.connectTimeoutMs() + 1_000L);
        cfg.setValidationTimeout(Math.min(3_000, settings.connectTimeoutMs()));
        cfg.setInitializationFailTimeout(-1);
        cfg.setKeepaliveTime(60_000);
        cfg.setMaxLifetime(600_000);
        cfg.setIdleTimeout(300_000);
        this.pool = new HikariDataSource(cfg);
    }

    /** Adds the driver's connect and socket timeouts unless the URL sets them already. */
    static String withTimeouts(Settings s) {
        String url = s.jdbcUrl();
        StringBuilder sb = new StringBuilder(url);
        char sep = url.contains("?") ? '&' : '?';
        if (!url.contains("connectTimeout=")) {
            sb.append(sep).append("connectTimeout=").append(s.connectTimeoutMs());
            sep = '&';
        }
        if (!url.contains("socketTimeout=")) {
            sb.append(sep).append("socketTimeout=").append(s.socketTimeoutMs());
        }
        return sb.toString();
    }

    public Settings settings() {
        return settings;
    }

    public DbLinkStatus status() {
        return status;
    }

    public void onStatus(Consumer<DbLinkStatus> listener) {
        this.listener = listener;
    }

    DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} on a pooled connection; failures become a {@link DbException} with a clear message. */
    public <T> T query(String what, SqlWork<T> work) throws DbException {
        try (Connection c = pool.getConnection()) {
            T result = work.run(c);
            report(DbLinkState.UP, "connected to " + describeUrl());
            return result;
        } catch (SQLException e) {
            DbException ex = translate(what, e);
            report(ex.authFailure() ? DbLinkState.AUTH_FAILED : DbLinkState.DOWN, ex.getMessage());
            throw ex;
        }
    }

    /**
     * Starts the periodic health probe (a {@code SELECT 1}) on a thread of its own, stopped by {@link #close()}. A
     * probe against a dead server blocks for the connection timeout, so it must not share a thread with anything
     * that has to stay on time (AMI supervision, the board's publishing).
     */
    public synchronized void startProbe() {
        if (prober != null) {
            return;
        }
        prober = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "db-probe");
            t.setDaemon(true);
            return t;
        });
        prober.scheduleWithFixedDelay(this::probe, 0, settings.probeIntervalMs(), TimeUnit.MILLISECONDS);
    }

    private void probe() {
        if (pool.isClosed()) {
            return;
        }
        try {
            query("health check", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
        } catch (DbException e) {
            LOG.debug("database probe failed: {}", e.getMessage());
        }
    }

    private void report(DbLinkState state, String message) {
        DbLinkStatus prev = status;
        if (prev.state() == state && prev.message().equals(message)) {
            return;
        }
        DbLinkStatus next = new DbLinkStatus(state, message, prev.state() == state ? prev.sinceMillis() : now());
        status = next;
        if (prev.state() != state) {
            LOG.info("database {}: {} ({})", describeUrl(), state, message);
        }
        listener.accept(next);
    }

    DbException translate(String what, SQLException e) {
        SQLException root = e;
        while (root.getNextException() != null) {
            root = root.getNextException();
        }
        int code = e.getErrorCode();
        Throwable cause = e.getCause();
        if (cause instanceof SQLException c && c.getErrorCode() != 0) {
            code = c.getErrorCode();
        }
        String where = describeUrl();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (code == 1045 || msg.contains("Access denied")) {
            return new DbException(what + " failed: " + where + " refused user '" + settings.user()
                    + "' (check the database user and password)", e, true);
        }
        if (e instanceof SQLTransientConnectionException || msg.contains("Connection refused")
                || msg.contains("Socket fail") || msg.contains("timed out") || msg.contains("Connection is not available")) {
            return new DbException(what + " failed: " + where + " is unreachable (" + shorten(msg) + ")", e, false);
        }
        return new DbException(what + " failed on " + where + ": " + shorten(msg), e, false);
    }

    private static String shorten(String msg) {
        String m = msg.replaceAll("\\s+", " ");
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }

    /** The URL without parameters (never includes credentials). */
    public String describeUrl() {
        String url = settings.jdbcUrl();
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (prober != null) {
                prober.shutdownNow();
            }
        }
        pool.close();
        status = new DbLinkStatus(DbLinkState.STOPPED, "closed", now());
    }
}
