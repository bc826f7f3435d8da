package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import trunkops.control.audit.RolePolicy;
import trunkops.routing.Route;
import trunkops.routing.RouteMember;
import trunkops.routing.RoutePattern;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;
import trunkops.routing.Strategy;
import trunkops.topology.Tech;

/** Routes as the person may use them: an operator reads and is refused a save with the reason; an engineer saves. */
class RoleGuardedRouteStoreTest {

    private static final class Saves implements RouteStore {
        int saves;

        @Override
        public StoreStatus status() {
            return new StoreStatus(true, true, "2 routes");
        }

        @Override
        public List<RouteVersion> latest() {
            return List.of();
        }

        @Override
        public List<RouteVersion> history(String name) {
            return List.of();
        }

        @Override
        public Optional<RouteVersion> version(String name, int version) {
            return Optional.empty();
        }

        @Override
        public SaveResult save(Route route, int basedOn, String author, String comment) {
            saves++;
            return new SaveResult.Refused("counted");
        }
    }

    @Test
    void anOperatorReadsButMayNotSaveAndAnEngineerGetsTheStoreItself() {
        RolePolicy p = RolePolicy.parse(List.of("alice operator", "bob engineer"), "/etc/trunkops/roles.conf",
                List.of());
        Saves inner = new Saves();
        RouteStore guarded = RoleGuardedRouteStore.of(inner, p, p.identify("alice", "noc-3"));
        assertTrue(guarded.status().readable());
        assertFalse(guarded.status().writable());
        assertTrue(guarded.status().message().startsWith("routes are read-only: alice@noc-3 is an operator and may"
                + " not edit or save a route"), guarded.status().message());
        Route r = Route.of("US", new RoutePattern("_91NXXNXXXXXX", 1), Strategy.WEIGHTED,
                List.of(new RouteMember(Tech.SIP, "a", 1, 100, OptionalInt.empty())));
        RouteStore.SaveResult refused = guarded.save(r, 0, "alice", "");
        assertTrue(assertInstanceOf(RouteStore.SaveResult.Refused.class, refused).reason().contains("engineer role"));
        assertEquals(0, inner.saves, "the database is not asked");
        assertSame(inner, RoleGuardedRouteStore.of(inner, p, p.identify("bob", "noc-1")));
    }
}
