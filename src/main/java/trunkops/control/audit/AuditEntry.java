package trunkops.control.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import trunkops.control.AdminFlag;
import trunkops.control.AdminState;
import trunkops.control.ControlRequest;
import trunkops.control.ControlResult;
import trunkops.control.ControlVerb;
import trunkops.control.DialerOutcome;
import trunkops.topology.Tech;

/**
 * One journaled action: who (the request's actor, the console's OS user and host, their role), which cluster (the
 * key of the database its table is in: {@code host:port/schema}; {@code ""} when unknown), what (verb, trunk,
 * route, value, until), the dialers asked for (empty = every dialer with the trunk), what each dialer held before,
 * why (reason, ticket), when it was begun and, once completed, the outcome and value after on each dialer and how
 * long it took. A value of {@code ""} in {@link #before()} or {@link Completion#after()} means "no ASTDB key".
 */
public record AuditEntry(String id, Instant started, String actor, String osUser, String host, String cluster,
                         Role role,
                         ControlVerb verb, Tech tech, String peer, List<String> servers, Optional<String> route,
                         OptionalInt value, Optional<Instant> until, String reason, Optional<String> ticket,
                         Map<String, String> before, Optional<Completion> completion) {

    /** The second half: when, how long from send to the last read-back, the outcome and value after per dialer. */
    public record Completion(Instant at, Duration took, List<DialerOutcome> outcomes, Map<String, String> after) {
        public Completion {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(took, "took");
            outcomes = List.copyOf(outcomes);
            after = Map.copyOf(after);
        }
    }

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(tech, "tech");
        servers = List.copyOf(servers);
        before = Map.copyOf(before);
        Objects.requireNonNull(completion, "completion");
    }

    /** The entry {@code begin} writes, cluster unknown. */
    public static AuditEntry begun(String id, Instant at, Identity who, ControlRequest r, Map<String, String> before) {
        return begun(id, at, who, "", r, before);
    }

    /** The entry {@code begin} writes for an action on {@code cluster}. */
    public static AuditEntry begun(String id, Instant at, Identity who, String cluster, ControlRequest r,
                                   Map<String, String> before) {
        Map<String, String> held = new java.util.TreeMap<>();
        before.forEach((k, v) -> held.put(k, v == null || v.equals("(none)") ? "" : v)); // the control core's "none"
        return new AuditEntry(id, at, r.actor(), who.user(), who.host(), cluster, who.role(), r.verb(), r.tech(),
                r.peer(), r.serverIds(), r.route(), r.value(), r.until(), r.reason(), r.ticket(), held,
                Optional.empty());
    }

    /** This entry completed with {@code result} at {@code at}: after = the value asked for where it applied. */
    public AuditEntry completed(ControlResult result, Instant at) {
        Map<String, String> after = new java.util.TreeMap<>();
        String target = target(request());
        for (DialerOutcome o : result.outcomes()) {
            // ViciDial's levers: the outcome's detail is the new value (ControlVerb)
            String now = lever(verb) ? o.detail() : target;
            after.put(o.serverId(), o.applied() ? now : before.getOrDefault(o.serverId(), "?"));
        }
        return withCompletion(new Completion(at, result.took(), result.outcomes(), after));
    }

    public AuditEntry withCompletion(Completion c) {
        return new AuditEntry(id, started, actor, osUser, host, cluster, role, verb, tech, peer, servers, route, value, until,
                reason, ticket, before, Optional.of(c));
    }

    /** What a dialer holds once the request applied: the ASTDB value, {@code ""} for no key. */
    public static String target(ControlRequest r) {
        return switch (r.verb()) {
            case OFFLINE -> new AdminFlag(AdminState.OFFLINE, r.until()).value().orElse("");
            case DRAIN -> new AdminFlag(AdminState.DRAIN, r.until()).value().orElse("");
            case ONLINE -> "";
            case WEIGHT, MAX_CALLS -> r.value().isPresent() ? Integer.toString(r.value().getAsInt()) : "";
            case REROUTE, REROUTE_RESTORE, CARRIER_INACTIVE, CARRIER_ACTIVE, ROUTE_PUSH, ROUTE_PUSH_STEP,
                    ALERT_SILENCE -> "";
        };
    }

    /** A change to ViciDial's own tables (dial_prefix, carrier active), not an ASTDB key. */
    public static boolean lever(trunkops.control.ControlVerb v) {
        return switch (v) {
            case REROUTE, REROUTE_RESTORE, CARRIER_INACTIVE, CARRIER_ACTIVE, ROUTE_PUSH, ROUTE_PUSH_STEP -> true;
            case OFFLINE, ONLINE, DRAIN, WEIGHT, MAX_CALLS, ALERT_SILENCE -> false;
        };
    }

    /** The request as asked (what {@code unfinished()} returns, and what a re-read of the dialers needs). */
    public ControlRequest request() {
        return new ControlRequest(verb, tech, peer, servers, route, value, until, reason, ticket, actor);
    }

    /** {@code SIP/blueline}. */
    public String trunk() {
        return tech + "/" + peer;
    }

    public boolean finished() {
        return completion.isPresent();
    }

    /** Every dialer the entry names: asked for, read before, or answered, in that order. */
    public List<String> dialers() {
        Set<String> all = new LinkedHashSet<>(servers);
        all.addAll(new java.util.TreeSet<>(before.keySet()));
        completion.ifPresent(c -> c.outcomes().forEach(o -> all.add(o.serverId())));
        return List.copyOf(all);
    }

    /** UNFINISHED (begun, never completed), APPLIED (every dialer), PARTIAL (some), FAILED (none). */
    public String outcomeWord() {
        if (completion.isEmpty()) {
            return "UNFINISHED";
        }
        List<DialerOutcome> os = completion.get().outcomes();
        long applied = os.stream().filter(DialerOutcome::applied).count();
        return applied == os.size() && applied > 0 ? "APPLIED" : applied == 0 ? "FAILED" : "PARTIAL";
    }

    /** The value asked for, for display: {@code offline:0}, {@code weight 40}, {@code (no key)}. */
    public String valueText() {
        String t = target(request());
        return t.isEmpty() ? "(no key)" : t;
    }
}
