package trunkops.secrets;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One account's secret as a session holds it, and the rule that keeps a wrong one from locking the account: a secret
 * the server refused is never sent again by itself. Logins go through {@link #take()} and report how it went
 * ({@link #accepted}, {@link #refused}, {@link #undecided}); until a secret has been accepted once, only one login
 * with it is in flight at a time, so several pools sharing it send a wrong secret once, not once each. After a
 * refusal the {@link Source} is asked again with the reason (the console's dialog says "wrong password — re-enter");
 * a source that cannot ask anyone gives nothing, and every later {@link #take()} fails at once without a login.
 * Kept in memory only; thread-safe; never asks while holding its lock.
 */
public final class SessionSecret implements Supplier<char[]> {

    /** Where the secret comes from (environment, keyring, a prompt). */
    @FunctionalInterface
    public interface Source {
        /**
         * The secret, or empty when none is given (the operator cancelled, or nobody can be asked).
         *
         * @param refusal null for the first request; afterwards why the last secret was refused
         */
        Optional<char[]> obtain(String refusal);
    }

    /** No secret may be used: the last one was refused (or none was given) and no new one came. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private final Source source;
    private char[] current;
    private boolean accepted;
    private String refusal;
    private boolean declined;
    private boolean busy;

    public SessionSecret(Source source) {
        this.source = source;
    }

    /** A secret known up front (an environment variable, the lab): refused once, it is not used again. */
    public static SessionSecret fixed(char[] secret) {
        char[] copy = secret.clone();
        return new SessionSecret(refusal -> refusal == null ? Optional.of(copy.clone()) : Optional.empty());
    }

    /** {@code secret} itself when it is a session secret, else one asking the supplier once and never again. */
    public static SessionSecret of(Supplier<char[]> secret) {
        if (secret instanceof SessionSecret s) {
            return s;
        }
        return new SessionSecret(refusal -> refusal == null ? Optional.ofNullable(secret.get()) : Optional.empty());
    }

    /**
     * The secret for one login; the caller reports the outcome. Waits while a login with a secret not yet accepted
     * is in flight or the source is asking. Asks the source when there is no secret yet or the last was refused.
     *
     * @throws RefusedException when the last secret was refused or none was given, and no new one comes
     */
    public char[] take() throws RefusedException, InterruptedException {
        return take(() -> { });
    }

    /**
     * As {@link #take()}; {@code whileRefused} runs once (under this object's lock: keep it short, never blocking) as
     * soon as this call finds the secret refused, before it asks or waits for someone else's prompt, so that a
     * caller can show "wrong password" while the operator is being asked.
     */
    public char[] take(Runnable whileRefused) throws RefusedException, InterruptedException {
        String why;
        boolean told = false;
        synchronized (this) {
            while (true) {
                if (refusal != null && !told) {
                    told = true;
                    whileRefused.run();
                }
                if (!busy) {
                    break;
                }
                wait();
            }
            if (current != null && refusal == null) {
                busy = !accepted;
                return current.clone();
            }
            if (declined) {
                throw new RefusedException(refusal != null ? refusal + "; no new secret given"
                        : "no secret given");
            }
            busy = true;
            why = refusal;
        }
        Optional<char[]> given = Optional.empty();
        try {
            given = source.obtain(why);
        } finally {
            synchronized (this) {
                if (given.isPresent() && given.get().length > 0) {
                    wipe(current);
                    current = given.get();
                    accepted = false;
                    refusal = null;
                    // busy stays set: this login is now in flight
                } else {
                    declined = true;
                    busy = false;
                    notifyAll();
                }
            }
        }
        if (given.isEmpty() || given.get().length == 0) {
            throw new RefusedException(why != null ? why + "; no new secret given" : "no secret given");
        }
        synchronized (this) {
            return current.clone();
        }
    }

    /** The secret only when a server accepted it before: for reconnects in the background, which never ask. */
    public synchronized Optional<char[]> takeAccepted() {
        return accepted && refusal == null && current != null ? Optional.of(current.clone()) : Optional.empty();
    }

    /** The login with {@code used} succeeded. */
    public synchronized void accepted(char[] used) {
        if (Arrays.equals(used, current)) {
            accepted = true;
        }
        done(used);
    }

    /** The server refused {@code used}: it is not handed out again; {@code why} is shown when asking anew. */
    public synchronized void refused(char[] used, String why) {
        if (Arrays.equals(used, current)) {
            accepted = false;
            refusal = why;
        }
        done(used);
    }

    /** The login with {@code used} failed for another reason (unreachable, timeout): the secret may be tried again. */
    public synchronized void undecided(char[] used) {
        done(used);
    }

    /** Whether a server refused the current secret and no new one has come yet. */
    public synchronized boolean refusedNow() {
        return refusal != null;
    }

    /** The operator asks to try again: a source that declined is asked once more at the next {@link #take()}. */
    public synchronized void retry() {
        declined = false;
    }

    /**
     * The current secret, asking the source first if there is none: the {@link Supplier} view for callers that do
     * not report how their login went. Empty when none was given (as the session's prompt always answered).
     */
    @Override
    public char[] get() {
        synchronized (this) {
            if (current != null && refusal == null) {
                return current.clone();
            }
        }
        try {
            char[] s = take();
            undecided(s);
            return s;
        } catch (RefusedException e) {
            return new char[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the secret", e);
        }
    }

    /** Ends the login in flight, if {@code used} is its secret (a late report about an older secret ends nothing). */
    private void done(char[] used) {
        if (Arrays.equals(used, current)) {
            busy = false;
            notifyAll();
        }
    }

    private static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
