package trunkops.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialPattern;
import trunkops.topology.DialerServer;
import trunkops.topology.Tech;
import trunkops.topology.Trunk;

/**
 * Everything that must hold before a route is rendered, saved or pushed. Structural checks need nothing but the
 * route; {@link #validate(Route, ClusterTopology)} adds what the live topology says (unknown peers, a pattern another
 * active carrier already serves on the same dialer). Every string that reaches the dialplan is checked here against
 * a strict alphabet, so a name can never inject dialplan ({@code , ; ) ${} or a newline).
 */
public final class RouteValidator {

    /** ViciDial's carrier_id is VARCHAR(15); the route's router carrier carries the route's name. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,14}");
    /** Peer/endpoint names: what sip.conf/pjsip.conf sections use in practice, nothing with dialplan meaning. */
    public static final Pattern PEER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,79}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    /** Shortest ring time left to the last attempt: a customer needs time to pick up. */
    public static final int MIN_FINAL_RING_S = 10;
    public static final int MAX_DIAL_TIMEOUT_S = 600;
    public static final int MAX_PRIORITY = 99;
    public static final int MAX_CALLS_LIMIT = 100_000;

    private RouteValidator() {
    }

    public static List<RouteProblem> validate(Route route) {
        List<RouteProblem> out = new ArrayList<>();
        if (!NAME.matcher(route.name()).matches()) {
            out.add(RouteProblem.error("name", "'" + route.name() + "' is not a route name: 1-15 letters, digits,"
                    + " '_' or '-', starting with a letter or digit (it becomes a ViciDial carrier_id)"));
        }
        patterns(route, out);
        for (String d : route.dialers()) {
            if (!IPV4.matcher(d).matches() || d.equals("0.0.0.0")) {
                out.add(RouteProblem.error("dialers", "'" + d + "' is not a dialer's server_ip (leave the list"
                        + " empty for every dialer)"));
            }
        }
        members(route, out);
        failover(route, out);
        timing(route, out);
        trunks(route, out);
        return out;
    }

    /** The route's own peers: chan_sip only (its carrier's account_entry goes into sip.conf), valid, unique. */
    private static void trunks(Route route, List<RouteProblem> out) {
        Set<String> seen = new HashSet<>();
        for (TrunkSettings t : route.trunks()) {
            String field = "trunk " + t.tech() + "/" + t.name();
            if (t.tech() != trunkops.topology.Tech.SIP) {
                out.add(RouteProblem.error(field, "a route defines chan_sip peers only (its router carrier's"
                        + " protocol is SIP); define PJSIP endpoints in their own carrier"));
            }
            PeerSectionGenerator.problems(t).forEach(p -> out.add(RouteProblem.error(field, p)));
            if (!seen.add(t.name())) {
                out.add(RouteProblem.error(field, "defined twice"));
            }
        }
    }

    /** The structural checks plus those against the cluster as it is now. */
    public static List<RouteProblem> validate(Route route, ClusterTopology topology) {
        List<RouteProblem> out = new ArrayList<>(validate(route));
        List<DialerServer> dialers = topology.servers().stream().filter(DialerServer::dials)
                .filter(s -> route.allDialers() || route.dialers().contains(s.serverIp())).toList();
        for (String d : route.dialers()) {
            if (topology.servers().stream().noneMatch(s -> s.serverIp().equals(d))) {
                out.add(RouteProblem.error("dialers", "no dialer has server_ip " + d));
            }
        }
        for (TrunkSettings t : route.trunks()) {
            List<String> others = topology.servers().stream().flatMap(s -> topology.trunksOn(s.serverId()).stream())
                    .filter(x -> x.name().equals(t.name()) && !x.carrierId().equals(route.name()))
                    .map(x -> x.carrierId() + " on " + x.serverId()).distinct().sorted().toList();
            if (!others.isEmpty()) {
                out.add(RouteProblem.error("trunk " + t.tech() + "/" + t.name(), "peer " + t.name() + " is already"
                        + " defined by carrier " + String.join(", ", others) + ": chan_sip would load two sections"
                        + " of that name; rename the route's peer or drop it"));
            }
        }
        for (RouteMember m : route.members()) {
            if (route.trunks().stream().anyMatch(t -> t.tech() == m.tech() && t.name().equals(m.peer()))) {
                continue; // the route defines this peer itself
            }
            List<String> missing = dialers.stream().map(DialerServer::serverId)
                    .filter(id -> topology.trunksOn(id).stream().noneMatch(t -> same(t, m))).toList();
            if (!missing.isEmpty() && missing.size() == dialers.size()) {
                out.add(RouteProblem.error("member " + m.trunk(), "unknown peer: no carrier defines "
                        + m.trunk() + " on " + String.join(", ", missing)
                        + " (define it in a carrier's account entry first)"));
            } else if (!missing.isEmpty()) {
                out.add(RouteProblem.error("member " + m.trunk(), m.trunk() + " is not defined on "
                        + String.join(", ", missing) + ": run the route only on dialers that have it"));
            }
        }
        for (RoutePattern p : route.patterns()) {
            for (Carrier c : topology.carriers()) {
                if (!c.routes() || c.carrierId().equals(route.name())) {
                    continue;
                }
                Set<String> shared = new HashSet<>(c.serverIds());
                shared.retainAll(dialers.stream().map(DialerServer::serverId).toList());
                if (!shared.isEmpty() && c.patterns().stream().anyMatch(q -> q.sameExtensionAs(p.dialPattern()))) {
                    out.add(RouteProblem.error("pattern", "carrier " + c.carrierId() + " already serves "
                            + p.pattern() + " on " + String.join(", ", shared.stream().sorted().toList())
                            + ": Asterisk keeps the first of two identical extensions, so one of them would never"
                            + " run (deactivate that carrier or move its pattern when the route is pushed)"));
                }
            }
        }
        return out;
    }

    private static boolean same(Trunk t, RouteMember m) {
        return t.tech() == m.tech() && m.tech().sameName(t.name(), m.peer());
    }

    private static void patterns(Route route, List<RouteProblem> out) {
        if (route.patterns().isEmpty()) {
            out.add(RouteProblem.error("pattern", "a route needs at least one dial pattern, e.g. _91NXXNXXXXXX"));
        }
        Set<DialPattern> seen = new java.util.TreeSet<>();
        for (RoutePattern p : route.patterns()) {
            String why = AsteriskPatterns.problem(p.pattern());
            if (why != null) {
                out.add(RouteProblem.error("pattern", "'" + p.pattern() + "' is not a valid Asterisk pattern: " + why));
                continue;
            }
            if (!seen.add(p.dialPattern())) {
                out.add(RouteProblem.error("pattern", p.pattern() + " is listed twice"));
            }
            int min = AsteriskPatterns.minimumLength(p.pattern());
            if (p.strip() < 0 || p.strip() >= min) {
                out.add(RouteProblem.error("pattern", "strip " + p.strip() + " for " + p.pattern() + ": must be 0.."
                        + (min - 1) + " (the pattern matches numbers of " + min + "+ digits)"));
            }
            if (p.pattern().equals("_.") || p.pattern().equals("_!")) {
                out.add(RouteProblem.warning("pattern", p.pattern() + " matches everything, including the h and i"
                        + " extensions: use a pattern that names the digits (e.g. _9X.)"));
            }
        }
    }

    private static void members(Route route, List<RouteProblem> out) {
        if (route.members().isEmpty()) {
            out.add(RouteProblem.error("members", "a route needs at least one member trunk"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (RouteMember m : route.members()) {
            String field = "member " + m.tech() + "/" + m.peer();
            if (!PEER.matcher(m.peer()).matches()) {
                out.add(RouteProblem.error("member", "'" + m.peer() + "' is not a peer name: letters, digits, '_',"
                        + " '.', '+' or '-' (1-80), no ',' ';' ')' '$' '&' '/' or spaces"));
                continue;
            }
            String key = m.tech() + "/" + (m.tech() == Tech.SIP ? m.peer().toLowerCase(java.util.Locale.ROOT) : m.peer());
            if (!seen.add(key)) {
                out.add(RouteProblem.error(field, m.trunk() + " is a member twice"));
            }
            if (m.weight() < 0 || m.weight() > RouteMember.MAX_WEIGHT) {
                out.add(RouteProblem.error(field, "weight " + m.weight() + " is outside 0-" + RouteMember.MAX_WEIGHT));
            }
            if (m.priority() < 1 || m.priority() > MAX_PRIORITY) {
                out.add(RouteProblem.error(field, "priority " + m.priority() + " is outside 1-" + MAX_PRIORITY));
            }
            if (m.maxCalls().isPresent() && (m.maxCalls().getAsInt() < 1
                    || m.maxCalls().getAsInt() > MAX_CALLS_LIMIT)) {
                out.add(RouteProblem.error(field, "max calls " + m.maxCalls().getAsInt() + " is outside 1-"
                        + MAX_CALLS_LIMIT + " (leave it empty for no limit)"));
            }
        }
        if (route.strategy() == Strategy.WEIGHTED && route.members().stream().noneMatch(m -> m.weight() > 0)) {
            out.add(RouteProblem.error("members", "weights are all zero: a weighted route needs at least one"
                    + " member with a weight above 0"));
        }
    }

    private static void failover(Route route, List<RouteProblem> out) {
        if (route.failover().triggers().isEmpty()) {
            out.add(RouteProblem.error("failover", "no failover trigger: the default is "
                    + FailoverPolicy.DEFAULT.text()));
        }
        List<FailoverTrigger> customer = route.failover().customerTriggers();
        if (!customer.isEmpty()) {
            String which = String.join(", ", customer.stream().map(FailoverTrigger::text).toList());
            if (route.failover().customerOutcomesAcknowledged()) {
                out.add(RouteProblem.warning("failover", "fails over on customer outcomes (" + which + "): a customer"
                        + " who is busy, does not answer or hangs up is dialed again on the next trunk"));
            } else {
                out.add(RouteProblem.error("failover", which + " are the customer's answer, not a carrier failure:"
                        + " failing over on them re-dials customers; acknowledge the override explicitly if you"
                        + " really mean it"));
            }
        }
        if (route.failover().triggers().stream().anyMatch(t -> t.isSip() && t.sipFrom() < 400)) {
            out.add(RouteProblem.error("failover", "only SIP final failures 400-699 can be triggers"));
        }
    }

    private static void timing(Route route, List<RouteProblem> out) {
        int members = route.members().size();
        if (route.maxAttempts() < 1) {
            out.add(RouteProblem.error("max attempts", "max attempts must be at least 1"));
        } else if (members > 0 && route.maxAttempts() > members) {
            out.add(RouteProblem.error("max attempts", "max attempts " + route.maxAttempts() + " is more than the "
                    + members + " members (a member is tried at most once per call)"));
        }
        if (route.dialTimeoutSeconds() < 1 || route.dialTimeoutSeconds() > MAX_DIAL_TIMEOUT_S) {
            out.add(RouteProblem.error("dial timeout", "dial timeout " + route.dialTimeoutSeconds()
                    + " s is outside 1-" + MAX_DIAL_TIMEOUT_S + " s"));
            return;
        }
        if (route.progressTimeoutSeconds() < 1 || route.progressTimeoutSeconds() >= route.dialTimeoutSeconds()) {
            out.add(RouteProblem.error("progress timeout", "progress timeout " + route.progressTimeoutSeconds()
                    + " s must be 1 s or more and below the dial timeout (" + route.dialTimeoutSeconds() + " s)"));
            return;
        }
        int needed = neededSeconds(route);
        if (route.maxAttempts() >= 1 && needed > route.dialTimeoutSeconds()) {
            out.add(RouteProblem.error("dial timeout", "dial timeout " + route.dialTimeoutSeconds() + " s is too short"
                    + " for " + route.maxAttempts() + " attempts: each failed attempt may take the progress timeout ("
                    + route.progressTimeoutSeconds() + " s) and the last one needs " + MIN_FINAL_RING_S
                    + " s to ring, so at least " + needed + " s (raise the campaign's dial timeout or lower max"
                    + " attempts)"));
        }
    }

    /** The worst-case time all attempts need: every failed attempt its progress timeout, the last one a ring. */
    public static int neededSeconds(Route route) {
        return Math.max(0, route.maxAttempts() - 1) * route.progressTimeoutSeconds() + MIN_FINAL_RING_S;
    }

    public static boolean hasErrors(List<RouteProblem> problems) {
        return problems.stream().anyMatch(RouteProblem::isError);
    }
}
