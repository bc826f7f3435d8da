package trunkops.routing.ui;

import java.util.List;

import trunkops.routing.GeneratedRoute;
import trunkops.routing.LintFinding;
import trunkops.routing.Route;
import trunkops.topology.ClusterTopology;

/**
 * The pure functions the Routes tab shows beside a route: the generator (route → the router carrier's dialplan) and
 * the dialplan linter. Wired in {@code trunkops.app}; both are fast and free of I/O, so the editor runs them as the
 * operator types.
 */
public interface RouteTools {

    /**
     * The text a route version becomes.
     *
     * @throws IllegalArgumentException for a route with validation errors
     */
    GeneratedRoute render(Route route, int version);

    /** What the linter finds in the generated text, with the cluster as it is now (null before it was read). */
    List<LintFinding> lint(GeneratedRoute generated, ClusterTopology topology);
}
