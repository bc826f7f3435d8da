package trunkops.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import trunkops.routing.RouteValidator;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;
import trunkops.topology.Trunk;

/**
 * Everything that must hold before an action is sent: one clear line per problem. Every name that becomes part of
 * an ASTDB key is checked against {@link RouteValidator#PEER} / {@link RouteValidator#NAME} (so nothing with
 * {@code /}, a newline or {@code ${} reaches a key), values against their ranges, and, when the topology is known,
 * peers and servers against the cluster.
 */
public final class ControlValidator {

    public static final int MAX_WEIGHT = 1000;
    public static final int MAX_REASON = 500;
    public static final int MAX_TICKET = 64;

    private ControlValidator() {
    }

    /** The structural checks (no cluster needed). Empty = valid. */
    public static List<String> problems(ControlRequest r, Instant now) {
        List<String> out = new ArrayList<>();
        name("peer", r.peer(), RouteValidator.PEER.matcher(r.peer()).matches(), out);
        for (String s : r.serverIds()) {
            name("server", s, RouteValidator.PEER.matcher(s).matches(), out);
        }
        boolean member = r.verb() == ControlVerb.WEIGHT || r.verb() == ControlVerb.MAX_CALLS;
        if (member) {
            if (r.route().isEmpty()) {
                out.add(r.verb().name().toLowerCase() + " needs the route the member belongs to");
            } else {
                name("route", r.route().get(), RouteValidator.NAME.matcher(r.route().get()).matches(), out);
            }
            value(r, out);
            if (r.until().isPresent()) {
                out.add("--until applies to offline and drain only, not to " + r.verb().name().toLowerCase());
            }
        } else {
            if (r.route().isPresent() || r.value().isPresent()) {
                out.add(r.verb().name().toLowerCase() + " takes no route or value");
            }
            if (r.verb() == ControlVerb.ONLINE && r.until().isPresent()) {
                out.add("online takes no --until (it puts the trunk back now)");
            }
            r.until().filter(u -> !u.isAfter(now)).ifPresent(u -> out.add("until " + u + " is in the past"
                    + " (now is " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")"));
        }
        if (r.reason().isBlank()) {
            out.add("a reason is required (--reason \"...\"): the journal says why");
        } else {
            text("reason", r.reason(), MAX_REASON, out);
        }
        r.ticket().ifPresent(t -> text("ticket", t, MAX_TICKET, out));
        if (r.actor().isBlank()) {
            out.add("no actor: the journal must name who acts");
        }
        return out;
    }

    /** The structural checks plus unknown peers and servers against the cluster. */
    public static List<String> problems(ControlRequest r, Instant now, Optional<ClusterTopology> topology) {
        List<String> out = problems(r, now);
        if (topology.isEmpty() || !out.isEmpty()) {
            return out;
        }
        ClusterTopology t = topology.get();
        for (String s : r.serverIds()) {
            Optional<DialerServer> server = t.server(s);
            if (server.isEmpty()) {
                out.add("unknown server '" + s + "' (servers: " + String.join(", ",
                        t.servers().stream().filter(DialerServer::dials).map(DialerServer::serverId).toList()) + ")");
            } else if (!server.get().dials()) {
                out.add("server '" + s + "' is not an active Asterisk dialer");
            } else if (dialersWith(t, r).stream().noneMatch(s::equals)) {
                out.add(r.trunk() + " is not defined on " + s + " (no active carrier there has that peer)");
            }
        }
        if (dialersWith(t, r).isEmpty()) {
            out.add("unknown peer: no active carrier defines " + r.trunk() + " on any dialer");
        }
        return out;
    }

    /** The dialers whose active carriers define the request's trunk. */
    public static List<String> dialersWith(ClusterTopology t, ControlRequest r) {
        return t.trunks().stream()
                .filter(tr -> tr.tech() == r.tech() && tr.tech().sameName(tr.name(), r.peer()))
                .map(Trunk::serverId).distinct().toList();
    }

    private static void value(ControlRequest r, List<String> out) {
        if (r.value().isEmpty()) {
            out.add(r.verb().name().toLowerCase() + " needs a value");
            return;
        }
        int v = r.value().getAsInt();
        if (r.verb() == ControlVerb.WEIGHT && (v < 0 || v > MAX_WEIGHT)) {
            out.add("weight " + v + " is outside 0-" + MAX_WEIGHT);
        }
        if (r.verb() == ControlVerb.MAX_CALLS && v < 0) {
            out.add("max calls " + v + " is negative (0 = no limit)");
        }
        if (r.verb() == ControlVerb.MAX_CALLS && v > RouteValidator.MAX_CALLS_LIMIT) {
            out.add("max calls " + v + " is above " + RouteValidator.MAX_CALLS_LIMIT);
        }
    }

    private static void name(String what, String value, boolean matches, List<String> out) {
        if (matches) {
            return;
        }
        String why = value.isEmpty() ? "empty"
                : value.contains("/") ? "contains '/'"
                : value.contains("\n") || value.contains("\r") ? "contains a line break"
                : value.contains("${") ? "contains '${'"
                : "has characters outside letters, digits and " + ("route".equals(what) ? "'_-'" : "'_.+-'");
        out.add(what + " name '" + printable(value) + "' refused: " + why);
    }

    private static void text(String what, String value, int max, List<String> out) {
        if (value.length() > max) {
            out.add(what + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            out.add(what + " contains a line break or control character");
        }
    }

    /** Shows control characters as {@code \n}, {@code \xNN} so a refusal stays one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() > 80 ? b.substring(0, 80) + "..." : b.toString();
    }
}
