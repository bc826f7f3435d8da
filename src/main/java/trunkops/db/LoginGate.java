package trunkops.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import trunkops.secrets.SessionSecret;

/**
 * Every physical login to one database goes through here — the console's first direct attempt and every connection
 * the pool opens — so that the rules hold for all of them: a refused password is never sent again by itself (the
 * {@link SessionSecret} decides), and after a failure the next attempt waits a backoff (1 s doubling to
 * {@link #MAX_BACKOFF_MS}); until then an attempt fails at once with the last real cause, without touching the
 * network. The pool's view ({@link #pooled()}) never asks for a secret: it uses one the server accepted before.
 */
final class LoginGate {

    static final long FIRST_BACKOFF_MS = 1_000;
    static final long MAX_BACKOFF_MS = 15_000;

    /** An attempt not made: the last one failed with {@link #failure()} and the backoff or the secret forbids one. */
    static final class Denied extends SQLException {
        private static final long serialVersionUID = 1L;
        private final transient DbFailure failure;

        Denied(DbFailure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }

        DbFailure failure() {
            return failure;
        }
    }

    private final String url;
    private final String user;
    private final SessionSecret secret;
    private final LongSupplier clockMs;
    private SQLException lastFailure;
    private int failures;
    private long retryAtMs;
    private volatile boolean healthy;

    LoginGate(String url, String user, SessionSecret secret, LongSupplier clockMs) {
        this.url = url;
        this.user = user;
        this.secret = secret;
        this.clockMs = clockMs;
    }

    /** Whether the last login succeeded and nothing since suggested the server went away. */
    boolean healthy() {
        return healthy;
    }

    /** A query saw the connection break: the next query logs in directly, which fails fast if the server is gone. */
    void suspect() {
        healthy = false;
    }

    /** The operator asks to try now: the backoff is dropped and a declined password prompt is offered again. */
    synchronized void retryNow() {
        retryAtMs = 0;
        secret.retry();
    }

    /**
     * One login, asking for the secret if there is none yet or the last was refused (may block on a prompt);
     * {@code whileRefused} runs when the secret turns out refused, before asking or waiting for a new one.
     */
    Connection connect(Runnable whileRefused) throws SQLException {
        checkBackoff();
        char[] pw;
        try {
            pw = secret.take(whileRefused);
        } catch (SessionSecret.RefusedException e) {
            throw new Denied(secret.refusedNow() ? DbFailure.AUTH : DbFailure.NO_PASSWORD, e.getMessage(),
                    lastFailure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Denied(DbFailure.OTHER, "interrupted while waiting for the password", e);
        }
        return login(pw);
    }

    /** What the pool logs in through: only with a secret accepted before, and never during a backoff. */
    DataSource pooled() {
        return new GatedDataSource(this::connectForPool);
    }

    private Connection connectForPool() throws SQLException {
        checkBackoff();
        char[] pw = secret.takeAccepted().orElseThrow(() -> new Denied(DbFailure.AUTH,
                "the password was refused; the pool does not log in again until it is re-entered", lastFailure));
        return login(pw);
    }

    private synchronized void checkBackoff() throws Denied {
        long now = clockMs.getAsLong();
        if (lastFailure != null && now < retryAtMs) {
            throw new Denied(DbFailure.of(lastFailure), lastFailure.getMessage() + " (next attempt in "
                    + Math.max(1, (retryAtMs - now + 999) / 1000) + " s)", lastFailure);
        }
    }

    private Connection login(char[] pw) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", new String(pw));
        try {
            Connection c = DriverManager.getConnection(url, p);
            secret.accepted(pw);
            succeeded();
            return c;
        } catch (SQLException e) {
            DbFailure cause = DbFailure.of(e);
            if (cause == DbFailure.AUTH) {
                secret.refused(pw, "wrong password \u2014 the server refused user '" + user + "'; re-enter it");
            } else {
                secret.undecided(pw);
            }
            failed(cause, e);
            throw e;
        } catch (RuntimeException e) {
            secret.undecided(pw);
            throw e;
        } finally {
            Arrays.fill(pw, '\0');
            p.clear();
        }
    }

    private synchronized void succeeded() {
        failures = 0;
        lastFailure = null;
        healthy = true;
    }

    private synchronized void failed(DbFailure cause, SQLException e) {
        healthy = false;
        lastFailure = e;
        failures = Math.min(failures + 1, 30);
        // an AUTH failure needs no backoff: the secret itself is not handed out again
        long backoff = cause == DbFailure.AUTH ? 0
                : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(failures - 1, 20));
        retryAtMs = clockMs.getAsLong() + backoff;
    }
}
