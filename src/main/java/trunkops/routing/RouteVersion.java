package trunkops.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of a route: the route, its number (1, 2, ... per route name), who saved it, when and why.
 * Saving always creates a new version; an older version is never changed.
 */
public record RouteVersion(Route route, int version, String author, Instant savedAt, String comment) {

    public RouteVersion {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(comment, "comment");
    }

    public String name() {
        return route.name();
    }

    /** The marker the generated dialplan carries and the push step reads back. */
    public String marker() {
        return "trunkops route " + route.name() + " v" + version;
    }
}
