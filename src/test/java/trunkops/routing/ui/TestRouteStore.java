package trunkops.routing.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import trunkops.routing.Route;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteValidator;
import trunkops.routing.RouteVersion;

/**
 * A route store for fast view tests only (the console itself uses the database-backed one): versions in a map,
 * the same optimistic locking contract, and a switch that makes it read-only.
 */
final class TestRouteStore implements RouteStore {

    private final Map<String, List<RouteVersion>> routes = new TreeMap<>();
    volatile boolean writable = true;
    volatile int saves;

    @Override
    public synchronized StoreStatus status() {
        return writable ? new StoreStatus(true, true, routes.size() + " routes")
                : new StoreStatus(true, false, "the account test may not create tables");
    }

    @Override
    public synchronized List<RouteVersion> latest() {
        return routes.values().stream().map(l -> l.get(l.size() - 1)).toList();
    }

    @Override
    public synchronized List<RouteVersion> history(String name) {
        return List.copyOf(routes.getOrDefault(name, List.of()));
    }

    @Override
    public synchronized Optional<RouteVersion> version(String name, int version) {
        return history(name).stream().filter(v -> v.version() == version).findFirst();
    }

    @Override
    public synchronized SaveResult save(Route route, int basedOn, String author, String comment) {
        saves++;
        if (!writable) {
            return new SaveResult.Refused("read-only account");
        }
        if (RouteValidator.hasErrors(RouteValidator.validate(route))) {
            return new SaveResult.Invalid(RouteValidator.validate(route));
        }
        List<RouteVersion> l = routes.computeIfAbsent(route.name(), n -> new ArrayList<>());
        int latest = l.isEmpty() ? 0 : l.get(l.size() - 1).version();
        if (latest != basedOn) {
            return new SaveResult.Conflict(route, basedOn, l.get(l.size() - 1));
        }
        RouteVersion v = new RouteVersion(route, latest + 1, author, Instant.now(), comment);
        l.add(v);
        return new SaveResult.Saved(v);
    }
}
