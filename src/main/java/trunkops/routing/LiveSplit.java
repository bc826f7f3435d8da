package trunkops.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Where the next calls of a route would start right now, given which members are up and how many calls each
 * carries: the preview the route editor shows beside the weights. It describes the first attempt only (failover
 * moves a failed call on, in priority order):
 * <ul>
 *   <li>weighted: the members' weights re-spread over the members that can take a call;</li>
 *   <li>priority: every call to the first member (lowest priority number) that can take one;</li>
 *   <li>round-robin: an equal share to each member that can take a call;</li>
 *   <li>least-loaded: the next call to the member with the fewest calls now (ties share).</li>
 * </ul>
 * A member can take a call when it is up and below its max calls. A weighted route whose live members all weigh 0
 * behaves as priority over them (weight 0 = failover target only).
 */
public final class LiveSplit {

    /** What the board says about one member now: up (reachable or not qualified) and its live calls. */
    public record MemberNow(boolean up, int calls) {
    }

    /**
     * One member's expected share of new calls, in percent (0-100), and why it gets it (or why not:
     * {@code down}, {@code full 40/40}).
     */
    public record Share(RouteMember member, double percent, String why) {
    }

    private LiveSplit() {
    }

    public static List<Share> expected(Route route, Function<RouteMember, MemberNow> now) {
        List<RouteMember> open = new ArrayList<>();
        for (RouteMember m : route.members()) {
            if (open(m, now.apply(m))) {
                open.add(m);
            }
        }
        double[] percent = new double[route.members().size()];
        String how = switch (route.strategy()) {
            case WEIGHTED -> weighted(route, open, percent);
            case PRIORITY -> first(route, open, percent, "first live member");
            case ROUND_ROBIN -> equal(route, open, percent);
            case LEAST_LOADED -> leastLoaded(route, open, now, percent);
        };
        List<Share> out = new ArrayList<>();
        for (int i = 0; i < route.members().size(); i++) {
            RouteMember m = route.members().get(i);
            out.add(new Share(m, percent[i], why(m, now.apply(m), percent[i], how)));
        }
        return out;
    }

    private static boolean open(RouteMember m, MemberNow n) {
        return n.up() && (m.maxCalls().isEmpty() || n.calls() < m.maxCalls().getAsInt());
    }

    private static String why(RouteMember m, MemberNow n, double percent, String how) {
        if (!n.up()) {
            return "down";
        }
        if (m.maxCalls().isPresent() && n.calls() >= m.maxCalls().getAsInt()) {
            return "full " + n.calls() + "/" + m.maxCalls().getAsInt();
        }
        return percent > 0 ? how : "failover only";
    }

    private static String weighted(Route route, List<RouteMember> open, double[] percent) {
        int total = open.stream().mapToInt(m -> Math.max(0, m.weight())).sum();
        if (total == 0) {
            return first(route, open, percent, "live members weigh 0: first by priority");
        }
        for (RouteMember m : open) {
            percent[route.members().indexOf(m)] = 100.0 * Math.max(0, m.weight()) / total;
        }
        return "weight of " + total + " live";
    }

    private static String first(Route route, List<RouteMember> open, double[] percent, String how) {
        route.byPriority().stream().filter(open::contains).findFirst()
                .ifPresent(m -> percent[route.members().indexOf(m)] = 100.0);
        return how;
    }

    private static String equal(Route route, List<RouteMember> open, double[] percent) {
        for (RouteMember m : open) {
            percent[route.members().indexOf(m)] = 100.0 / open.size();
        }
        return "equal turns";
    }

    private static String leastLoaded(Route route, List<RouteMember> open, Function<RouteMember, MemberNow> now,
                                      double[] percent) {
        int fewest = open.stream().map(now).mapToInt(MemberNow::calls).min().orElse(0);
        List<RouteMember> least = open.stream().filter(m -> now.apply(m).calls() == fewest)
                .sorted(Comparator.comparingInt(route.members()::indexOf)).toList();
        for (RouteMember m : least) {
            percent[route.members().indexOf(m)] = 100.0 / least.size();
        }
        return "fewest calls now (" + fewest + ")";
    }
}
