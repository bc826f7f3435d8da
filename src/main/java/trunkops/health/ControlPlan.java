package trunkops.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import trunkops.control.ControlRequest;
import trunkops.control.ControlVerb;
import trunkops.routing.RouteValidator;
import trunkops.topology.ClusterTopology;
import trunkops.topology.RouteImpact;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;

/**
 * What an operator's offline / drain / online on the board would do, before it is sent, FX-free: the trunks (one
 * dialer, every dialer that has the peer, or every trunk of a carrier), the words naming verb and target, the
 * campaigns that lose capacity or their last live trunk (the board's blast radius with the targets added to what
 * is not live now), and the {@link ControlRequest}s to send (one per peer, naming its dialers).
 *
 * @param impacts     the campaign routes the action hits (for online: none)
 * @param leavesNone  the routes the action would leave with no live trunk that still had one: refused without an
 *                    explicit override
 */
public record ControlPlan(ControlVerb verb, Scope scope, String targetName, List<TrunkView> trunks,
                          List<RouteImpact> impacts, List<RouteImpact> leavesNone) {

    /** How far the action reaches from the trunk the operator picked. */
    public enum Scope {
        DIALER("on this dialer"), EVERY_DIALER("on every dialer that has it"), CARRIER("the whole carrier");

        private final String words;

        Scope(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public ControlPlan {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(scope, "scope");
        trunks = List.copyOf(trunks);
        impacts = List.copyOf(impacts);
        leavesNone = List.copyOf(leavesNone);
    }

    /** Plans {@code verb} on {@code picked} with {@code scope}, against the board {@code s}. */
    public static ControlPlan of(BoardSnapshot s, ControlVerb verb, TrunkView picked, Scope scope) {
        if (verb != ControlVerb.OFFLINE && verb != ControlVerb.DRAIN && verb != ControlVerb.ONLINE) {
            throw new IllegalArgumentException("the board plans offline, drain and online only, not " + verb);
        }
        List<TrunkView> trunks = s.trunks().stream().filter(t -> switch (scope) {
            case DIALER -> t.key().equals(picked.key());
            case EVERY_DIALER -> t.key().tech() == picked.key().tech() && t.peer().equals(picked.peer());
            case CARRIER -> t.carrierId().equals(picked.carrierId());
        }).toList();
        String name = scope == Scope.CARRIER ? picked.carrierId() : picked.peer();
        ClusterTopology topo = s.topology();
        if (verb == ControlVerb.ONLINE || topo == null) {
            return new ControlPlan(verb, scope, name, trunks, List.of(), List.of());
        }
        Set<TrunkKey> targets = new LinkedHashSet<>();
        trunks.forEach(t -> targets.add(t.key()));
        Set<TrunkKey> notLiveNow = new LinkedHashSet<>();
        s.trunks().stream().filter(TrunkView::notLive).forEach(t -> notLiveNow.add(t.key()));
        Set<TrunkKey> after = new LinkedHashSet<>(notLiveNow);
        after.addAll(targets);
        List<RouteImpact> hit = topo.blastRadius(after).stream()
                .filter(i -> i.downTrunks().stream().anyMatch(t -> targets.contains(t.key()))).toList();
        Set<String> lostBefore = new LinkedHashSet<>();
        topo.blastRadius(notLiveNow).stream().filter(RouteImpact::lost).forEach(i -> lostBefore.add(id(i)));
        List<RouteImpact> none = hit.stream().filter(RouteImpact::lost).filter(i -> i.route().dialing())
                .filter(i -> !lostBefore.contains(id(i))).toList();
        return new ControlPlan(verb, scope, name, trunks, hit, none);
    }

    private static String id(RouteImpact i) {
        return i.serverId() + "|" + i.campaignId() + "|" + i.route().list().map(l -> String.valueOf(l.listId())).orElse("");
    }

    /** The dialers the action goes to, in board order. */
    public List<String> serverIds() {
        Set<String> out = new LinkedHashSet<>();
        trunks.forEach(t -> out.add(t.serverId()));
        return List.copyOf(out);
    }

    /** Verb + target, as the confirm button says it: {@code Take blueline offline on DIALER1}. */
    public String title() {
        String where = scope == Scope.CARRIER
                ? " (" + trunks.size() + " trunk(s) on " + serverIds().size() + " dialer(s))"
                : " on " + (serverIds().size() == 1 && scope == Scope.DIALER ? serverIds().get(0)
                : String.join(", ", serverIds()));
        String what = (scope == Scope.CARRIER ? "carrier " : "") + targetName;
        return switch (verb) {
            case OFFLINE -> "Take " + what + " offline" + where;
            case DRAIN -> "Drain " + what + where;
            default -> "Put " + what + " back online" + where;
        };
    }

    /** Why the plan cannot be sent as is (empty = it can): bad names, nothing to act on, a required reason. */
    public List<String> problems(String reason, Optional<Instant> until, Instant now) {
        List<String> out = new ArrayList<>();
        if (trunks.isEmpty()) {
            out.add("no trunk to act on");
        }
        for (TrunkView t : trunks) {
            if (!RouteValidator.PEER.matcher(t.peer()).matches() || !RouteValidator.PEER.matcher(t.serverId())
                    .matches()) {
                out.add("refused: '" + t.serverId() + "/" + t.peer() + "' is not a name TrunkOps writes to ASTDB");
            }
        }
        if (reason.isBlank()) {
            out.add("a reason is required");
        }
        if (until.isPresent() && verb == ControlVerb.ONLINE) {
            out.add("online takes no until");
        }
        until.filter(u -> !u.isAfter(now)).ifPresent(u -> out.add("until is in the past"));
        return out;
    }

    /** One request per peer (tech + name), naming the dialers it goes to. */
    public List<ControlRequest> requests(String reason, Optional<String> ticket, Optional<Instant> until,
                                         String actor) {
        Map<String, List<String>> byPeer = new LinkedHashMap<>();
        Map<String, Tech> techs = new LinkedHashMap<>();
        for (TrunkView t : trunks) {
            String k = t.key().tech() + "/" + t.peer();
            byPeer.computeIfAbsent(k, x -> new ArrayList<>()).add(t.serverId());
            techs.put(k, t.key().tech());
        }
        List<ControlRequest> out = new ArrayList<>();
        byPeer.forEach((k, servers) -> out.add(new ControlRequest(verb, techs.get(k), k.substring(k.indexOf('/') + 1),
                servers, Optional.empty(), OptionalInt.empty(), verb == ControlVerb.ONLINE ? Optional.empty() : until,
                reason.strip(), ticket.map(String::strip).filter(x -> !x.isEmpty()), actor)));
        return out;
    }
}
