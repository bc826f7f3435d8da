package trunkops.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import trunkops.secrets.SessionSecret;

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
    private final LoginGate gate;
    private ScheduledExecutorService prober;
    /** Built after the first login succeeded: a server that refuses or is down fails at once, not after a pool wait. */
    private HikariDataSource pool;
    private boolean closed;
    private volatile DbLinkStatus status = new DbLinkStatus(DbLinkState.CONNECTING, "connecting", now());
    private volatile Consumer<DbLinkStatus> listener = s -> { };

    /** With a password known up front (the command line's environment variable, the lab); {@code password} is wiped. */
    public Database(Settings settings, char[] password) {
        this(settings, SessionSecret.fixed(password));
        java.util.Arrays.fill(password, '\0');
    }

    /** With a session's password, asked for again (when its source can ask) after the server refused it. */
    public Database(Settings settings, SessionSecret password) {
        JdbcUrls.refuseCredentials(settings.jdbcUrl(), "the JDBC URL");
        this.settings = settings;
        this.gate = new LoginGate(withTimeouts(settings), settings.user(), password, System::currentTimeMillis);
    }

    private HikariDataSource newPool() {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("db-" + Math.abs(settings.jdbcUrl().hashCode() % 1000));
        cfg.setDataSource(gate.pooled());
        cfg.setMaximumPoolSize(settings.poolSize());
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(settings.connectTimeoutMs() + 1_000L);
        cfg.setValidationTimeout(Math.min(3_000, settings.connectTimeoutMs()));
        cfg.setInitializationFailTimeout(-1);
        cfg.setKeepaliveTime(60_000);
        cfg.setMaxLifetime(600_000);
        cfg.setIdleTimeout(300_000);
        return new HikariDataSource(cfg);
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

    /**
     * Runs {@code work} on a connection; failures become a {@link DbException} naming the cause. While the last login
     * succeeded the pool serves it; otherwise (first use, after a failure) one direct login is made, which fails at
     * once with its real cause (wrong password, no such database, refused) and only waits for a silent server.
     */
    public <T> T query(String what, SqlWork<T> work) throws DbException {
        try {
            HikariDataSource p = poolIfHealthy();
            // refused here or by another pool of the session: said while the login waits for a new password
            Runnable whileRefused = () -> report(DbLinkState.AUTH_FAILED, DbFailure.AUTH, what + ": wrong password"
                    + " \u2014 " + describeUrl() + " refused user '" + settings.user() + "'; waiting for it to be"
                    + " re-entered");
            try (Connection c = p != null ? p.getConnection() : gate.connect(whileRefused)) {
                if (p == null) {
                    startPool();
                }
                T result = work.run(c);
                report(DbLinkState.UP, null, "connected to " + describeUrl());
                return result;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                gate.suspect(); // the connection broke: the next query finds out directly, at once
            }
            DbException ex = translate(what, e);
            report(ex.failure() == DbFailure.AUTH ? DbLinkState.AUTH_FAILED : DbLinkState.DOWN, ex.failure(),
                    ex.getMessage());
            throw ex;
        }
    }

    private synchronized HikariDataSource poolIfHealthy() throws DbException {
        if (closed) {
            throw new DbException("the connection to " + describeUrl() + " is closed", null, DbFailure.OTHER);
        }
        return pool != null && gate.healthy() ? pool : null;
    }

    private synchronized void startPool() {
        if (pool == null && !closed) {
            pool = newPool();
        }
    }

    /**
     * A {@link DataSource} view for code that takes one (Flyway, {@link RouteRepository}): a connection from the pool
     * while the last login succeeded, else one direct login through the gate (which fails at once with its cause).
     */
    public DataSource dataSource() {
        return new GatedDataSource(this::connection);
    }

    private Connection connection() throws SQLException {
        HikariDataSource p;
        try {
            p = poolIfHealthy();
        } catch (DbException e) {
            throw new SQLException(e.getMessage(), "08003", e);
        }
        if (p != null) {
            return p.getConnection();
        }
        Connection c = gate.connect(() -> { });
        startPool();
        return c;
    }

    /** The operator asks to try now (Refresh): the backoff ends, and a declined password prompt comes back. */
    public void retryNow() {
        gate.retryNow();
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
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            query("health check", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
        } catch (DbException e) {
            LOG.debug("database probe failed: {}", e.getMessage());
            if (e.failure() == DbFailure.AUTH && !(e.getCause() instanceof LoginGate.Denied)) {
                reprobe(); // the server just refused the password: ask for it again now, not at the next tick
            }
        }
    }

    private synchronized void reprobe() {
        if (prober != null && !closed) {
            prober.execute(this::probe);
        }
    }

    private void report(DbLinkState state, DbFailure failure, String message) {
        DbLinkStatus prev = status;
        if (prev.state() == state && prev.message().equals(message)) {
            return;
        }
        DbLinkStatus next = new DbLinkStatus(state, message, prev.state() == state ? prev.sinceMillis() : now(),
                failure);
        status = next;
        if (prev.state() != state) {
            LOG.info("database {}: {} ({})", describeUrl(), state, message);
        }
        listener.accept(next);
    }

    DbException translate(String what, SQLException e) {
        DbFailure f = DbFailure.of(e);
        String where = describeUrl();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : shorten(e.getMessage());
        String text = switch (f) {
            case NO_PASSWORD -> "no password given for user '" + settings.user() + "' at " + where
                    + "; refresh to be asked again";
            case AUTH -> "wrong password \u2014 " + where + " refused user '" + settings.user()
                    + "' (access denied, SQLState 28000); not tried again until the password is re-entered";
            case NO_DATABASE -> "no such database \u2014 " + where + ": it does not exist or user '"
                    + settings.user() + "' may not use it (" + msg + ")";
            case REFUSED, UNREACHABLE -> f.label() + " \u2014 " + where + ": " + f.explanation() + " (" + msg + ")";
            case TIMEOUT -> "timed out \u2014 " + where + " did not answer in time (connect timeout "
                    + settings.connectTimeoutMs() + " ms, query timeout " + settings.socketTimeoutMs() + " ms: " + msg
                    + ")";
            case OTHER -> "failed on " + where + ": " + msg;
        };
        return new DbException(what + ": " + text, e, f);
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
        HikariDataSource p;
        synchronized (this) {
            closed = true;
            p = pool;
        }
        if (p != null) {
            p.close();
        }
        status = new DbLinkStatus(DbLinkState.STOPPED, "closed", now());
    }
}
