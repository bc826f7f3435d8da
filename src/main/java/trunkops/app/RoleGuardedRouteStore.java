package trunkops.app;

import java.util.List;
import java.util.Optional;

import trunkops.control.audit.Identity;
import trunkops.control.audit.RolePolicy;
import trunkops.routing.Route;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;

/**
 * The route store as the person at the console may use it (docs/adr/0010): everyone reads; only an engineer saves.
 * For anyone else the store reports itself read-only with the policy's refusal as the reason (the Routes tab then
 * shows routes read-only and says why), and a save is refused with that message before the database is asked.
 */
final class RoleGuardedRouteStore implements RouteStore {

    private final RouteStore store;
    private final RolePolicy.Decision decision;

    RoleGuardedRouteStore(RouteStore store, RolePolicy policy, Identity who) {
        this.store = store;
        this.decision = policy.check(who, RolePolicy.Action.ROUTE_EDIT);
    }

    /** The store itself when {@code who} may edit routes, else the guarded one. */
    static RouteStore of(RouteStore store, RolePolicy policy, Identity who) {
        return policy.check(who, RolePolicy.Action.ROUTE_EDIT).allowed() ? store
                : new RoleGuardedRouteStore(store, policy, who);
    }

    @Override
    public StoreStatus status() {
        StoreStatus s = store.status();
        if (!s.readable()) {
            return s;
        }
        return new StoreStatus(true, false, "routes are read-only: " + decision.message());
    }

    @Override
    public List<RouteVersion> latest() {
        return store.latest();
    }

    @Override
    public List<RouteVersion> history(String name) {
        return store.history(name);
    }

    @Override
    public Optional<RouteVersion> version(String name, int version) {
        return store.version(name, version);
    }

    @Override
    public SaveResult save(Route route, int basedOn, String author, String comment) {
        return new SaveResult.Refused(decision.message());
    }
}
