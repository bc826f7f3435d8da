package trunkops.routing;

import java.util.List;
import java.util.Optional;

/**
 * Where route versions are kept: TrunkOps' own {@code trunkops_} tables in the ViciDial database (implemented in
 * {@code trunkops.db}). Every save creates a new version; a save based on a version that is no longer the latest is
 * refused with both routes returned, so nothing is lost.
 */
public interface RouteStore {

    /** Whether routes can be read and saved with this database account. */
    StoreStatus status();

    /** The latest version of every route, by name. */
    List<RouteVersion> latest();

    /** Every version of one route, oldest first. */
    List<RouteVersion> history(String name);

    Optional<RouteVersion> version(String name, int version);

    /**
     * Saves {@code route} as the next version of its name.
     *
     * @param basedOn the version the editor started from; 0 for a new route
     */
    SaveResult save(Route route, int basedOn, String author, String comment);

    /** The outcome of a save. */
    sealed interface SaveResult {

        /** Saved as a new version. */
        record Saved(RouteVersion version) implements SaveResult {
        }

        /** Someone saved {@code theirs} after the version {@code mine} was based on; nothing was written. */
        record Conflict(Route mine, int basedOn, RouteVersion theirs) implements SaveResult {
        }

        /** The route has errors; nothing was written. */
        record Invalid(List<RouteProblem> problems) implements SaveResult {
        }

        /** The store cannot save (read-only account, database down): nothing was written, the reason says why. */
        record Refused(String reason) implements SaveResult {
        }
    }

    /**
     * @param writable false for an account that may not create or write the tables (the console then shows routes
     *                 read-only, or none, and says so)
     * @param message  for the status bar: why not writable, or how many routes there are
     */
    record StoreStatus(boolean readable, boolean writable, String message) {
    }
}
