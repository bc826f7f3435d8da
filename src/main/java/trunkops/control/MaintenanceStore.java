package trunkops.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where maintenance windows live (TrunkOps' table {@code trunkops_maintenance}, so they survive console restarts),
 * with what the scheduler has done about each: the until it last sent and read back on every target, and the until
 * whose expired flags it last cleaned up. Every method may block on the database.
 */
public interface MaintenanceStore {

    /** A stored window and the scheduler's marks on it. */
    record Stored(long id, MaintenanceWindow window, Optional<Instant> appliedUntil, Optional<Instant> restoredUntil) {
        public Stored {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(appliedUntil, "appliedUntil");
            Objects.requireNonNull(restoredUntil, "restoredUntil");
        }
    }

    /** Stores a validated window; returns its id. */
    long add(MaintenanceWindow window) throws StoreException;

    /** The windows not removed, oldest first. */
    List<Stored> windows() throws StoreException;

    /**
     * Removed windows whose offline was applied and not cleaned up yet: their flags still need removing when they
     * expire (a removal does not shorten a flag already sent).
     */
    List<Stored> removedNotCleanedUp() throws StoreException;

    /** Marks window {@code id} removed (kept for the record); false when there is no such window left. */
    boolean remove(long id, String by, String reason, Instant at) throws StoreException;

    /** The offline until {@code until} was applied and read back on every target of window {@code id}. */
    void markApplied(long id, Instant until) throws StoreException;

    /** The flags of window {@code id} that expired at {@code until} were cleaned up. */
    void markRestored(long id, Instant until) throws StoreException;

    /** The store could not be read or written; the message says why and what to do. */
    final class StoreException extends Exception {
        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
