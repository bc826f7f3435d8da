package trunkops.app;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.db.Database;
import trunkops.db.RouteRepository;
import trunkops.health.ClusterAccess;
import trunkops.routing.DialplanLinter;
import trunkops.routing.GeneratedRoute;
import trunkops.routing.LintFinding;
import trunkops.routing.Route;
import trunkops.routing.RouteGenerator;
import trunkops.routing.RouteVersion;
import trunkops.routing.ui.RouteTools;
import trunkops.routing.ui.RoutesView;
import trunkops.secrets.SessionSecret;
import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;
import trunkops.ui.common.UiExecutor;

/**
 * The Routes tab's wiring for one cluster session: its own database handle and a {@code routes-db} thread that opens
 * the route store (migrating TrunkOps' tables when the account may) and runs every store call, the generator and
 * the linter as the tab's {@link RouteTools}, and who saves (the OS user).
 */
final class RoutesWiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoutesWiring.class);

    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "routes-db");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught on {}", th.getName(), e));
        return t;
    });
    private final Database database;

    private RoutesWiring(Database database) {
        this.database = database;
    }

    /** Opens the store off the FX thread, then connects {@code view} unless the session was detached meanwhile. */
    static RoutesWiring start(ClusterAccess access, RoutesView view, AtomicBoolean detached) {
        Database db = new Database(Database.Settings.of(access.jdbcUrl(), access.dbUser()),
                SessionSecret.of(access.dbPassword()));
        RoutesWiring w = new RoutesWiring(db);
        String author = System.getProperty("user.name", "");
        w.io.execute(() -> {
            try {
                RouteRepository repository = RouteRepository.open(db, author);
                trunkops.control.audit.RolePolicy policy = AuditWiring.policyFor(access);
                trunkops.routing.RouteStore store = RoleGuardedRouteStore.of(repository, policy,
                        trunkops.control.audit.Identity.currentUser(policy)); // only an engineer saves (ADR 0010)
                UiExecutor.fx().execute(() -> {
                    if (!detached.get()) {
                        view.connect(store, TOOLS, w.io, UiExecutor.fx(), repository.defaultAuthor());
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("route store not opened: {}", e.toString());
                UiExecutor.fx().execute(() -> {
                    if (!detached.get()) {
                        view.disconnect("\u2716 Routes cannot be read: " + e.getMessage());
                    }
                });
            }
        });
        return w;
    }

    /** The generator and the linter, pure: the draft is rendered as the version it would become. */
    static final RouteTools TOOLS = new RouteTools() {
        @Override
        public GeneratedRoute render(Route route, int version) {
            return RouteGenerator.render(new RouteVersion(route, version, "", Instant.EPOCH, ""));
        }

        @Override
        public List<LintFinding> lint(GeneratedRoute g, ClusterTopology topology) {
            List<DialplanLinter.OtherCarrier> others = topology == null ? List.of() : topology.carriers().stream()
                    .filter(Carrier::routes).filter(c -> !c.carrierId().equals(g.carrierId()))
                    .map(c -> new DialplanLinter.OtherCarrier(c.carrierId(), c.row().dialplanEntry())).toList();
            return DialplanLinter.lint(new DialplanLinter.Input(g.dialplanEntry(), null, List.of(), others));
        }
    };

    @Override
    public void close() {
        io.shutdownNow();
        database.close();
    }
}
