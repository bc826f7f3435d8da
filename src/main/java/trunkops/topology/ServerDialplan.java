package trunkops.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code [vicidial-auto-external]} and the carrier globals as one server's Asterisk ends up with them: every
 * active carrier generated there, in emit order, merged the way pbx_config adds lines. Extensions Asterisk treats
 * as equal (ext_cmp) share one priority list; a priority already in use keeps the first carrier's line. Globals
 * are assigned in order, so a redefined name keeps the last value for everyone.
 */
final class ServerDialplan {

    /** A priority and the carrier whose line it came from. */
    record Step(String carrierId, DialplanStep step) {
    }

    /** One merged extension; {@code ownerCarrierId} registered it first. */
    record Ext(DialPattern pattern, String ownerCarrierId, List<Step> steps, PatternRef ref) {
        Ext(DialPattern pattern, String ownerCarrierId, List<Step> steps) {
            this(pattern, ownerCarrierId, steps, new PatternRef(ownerCarrierId, pattern));
        }

        Optional<Step> step(int priority) {
            return steps.stream().filter(s -> s.step().priority() == priority).findFirst();
        }
    }

    private final String serverId;
    private final List<Ext> extensions;
    private final List<PatternRef> patterns;
    private final GlobalsString globals;
    private final List<TopologyConflict> conflicts;

    private ServerDialplan(String serverId, List<Ext> extensions, List<PatternRef> patterns, GlobalsString globals,
                           List<TopologyConflict> conflicts) {
        this.serverId = serverId;
        this.extensions = extensions;
        this.patterns = patterns;
        this.globals = globals;
        this.conflicts = conflicts;
    }

    /** {@code ordered}: the active carriers generated on the server, in the keepalive's emit order. */
    static ServerDialplan build(String serverId, List<Carrier> ordered) {
        List<Ext> exts = new ArrayList<>();
        List<PatternRef> patterns = new ArrayList<>();
        List<TopologyConflict> conflicts = new ArrayList<>();
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> definedBy = new LinkedHashMap<>();
        for (Carrier c : ordered) {
            for (Map.Entry<String, String> v : c.globals().variables().entrySet()) {
                String before = vars.put(v.getKey(), v.getValue());
                String previousCarrier = definedBy.put(v.getKey(), c.carrierId());
                if (before != null && !before.equals(v.getValue())) {
                    conflicts.add(new TopologyConflict(TopologyConflict.Kind.GLOBAL_VARIABLE, serverId, v.getKey(),
                            c.carrierId(), previousCarrier, "global " + v.getKey() + " is " + before + " in "
                            + previousCarrier + " and " + v.getValue() + " in " + c.carrierId() + "; on " + serverId
                            + " the later line wins, so every ${" + v.getKey() + "} there means " + v.getValue()
                            + ". Give each carrier its own variable name"));
                }
            }
            for (DialplanExtension x : c.dialplan().extensions()) {
                if (!x.callerIdMatch().isEmpty()) {
                    continue;
                }
                patterns.add(new PatternRef(c.carrierId(), x.pattern()));
                merge(serverId, c.carrierId(), x, exts, conflicts);
            }
        }
        exts.sort(Comparator.comparing(Ext::pattern));
        patterns.sort(Comparator.comparing(PatternRef::pattern));
        return new ServerDialplan(serverId, List.copyOf(exts), List.copyOf(patterns),
                new GlobalsString(vars, List.of()), List.copyOf(conflicts));
    }

    private static void merge(String serverId, String carrierId, DialplanExtension x, List<Ext> exts,
                              List<TopologyConflict> conflicts) {
        Ext target = exts.stream().filter(e -> e.pattern().sameExtensionAs(x.pattern())).findFirst().orElse(null);
        if (target == null) {
            target = new Ext(x.pattern(), carrierId, new ArrayList<>());
            exts.add(target);
        }
        Map<String, TreeSet<Integer>> lostTo = new LinkedHashMap<>();
        for (DialplanStep s : x.steps()) {
            Optional<Step> existing = target.step(s.priority());
            if (existing.isPresent()) {
                lostTo.computeIfAbsent(existing.get().carrierId(), k -> new TreeSet<>()).add(s.priority());
            } else {
                target.steps().add(new Step(carrierId, s));
            }
        }
        target.steps().sort(Comparator.comparingInt(s -> s.step().priority()));
        for (Map.Entry<String, TreeSet<Integer>> lost : lostTo.entrySet()) {
            String kept = lost.getKey();
            conflicts.add(new TopologyConflict(TopologyConflict.Kind.DIALPLAN_PRIORITY, serverId,
                    x.pattern().text(), kept, carrierId, x.pattern() + " on " + serverId + ": " + carrierId
                    + "'s priorities " + lost.getValue() + " collide with " + kept + " (same extension"
                    + (x.pattern().text().equals(target.pattern().text()) ? "" : " as " + target.pattern())
                    + "), which the keepalive writes first; Asterisk keeps " + kept + "'s lines and drops "
                    + carrierId + "'s (\"already in use\"). Use a different prefix or one router carrier"));
        }
    }

    String serverId() {
        return serverId;
    }

    /** Merged extensions in Asterisk's match order (ext_cmp). */
    List<Ext> extensions() {
        return extensions;
    }

    /** Every carrier's pattern on this server in ext_cmp order, colliding ones included. */
    List<PatternRef> patterns() {
        return patterns;
    }

    /** The globals every dialplan line on this server sees. */
    GlobalsString globals() {
        return globals;
    }

    List<TopologyConflict> conflicts() {
        return conflicts;
    }

    /** The extension Asterisk runs for {@code number}: the first match in ext_cmp order. */
    Optional<Ext> match(String number) {
        return extensions.stream().filter(e -> e.pattern().matches(number)).findFirst();
    }
}
