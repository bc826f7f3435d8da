package trunkops.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import trunkops.topology.Tech;

/**
 * One operator action as asked, before validation ({@code ControlValidator}): the verb, the trunk (tech + peer),
 * the dialers (empty = every dialer that has the trunk), for weights the route, the value, and why.
 *
 * @param route   the route name for {@link ControlVerb#WEIGHT} / {@link ControlVerb#MAX_CALLS}; empty otherwise
 * @param value   the weight or max calls; empty otherwise
 * @param until   when an offline or drain ends by itself; empty = until someone puts it back
 * @param actor   who acts (see docs/control.md: OS user and host, or the identity the roles name)
 */
public record ControlRequest(ControlVerb verb, Tech tech, String peer, List<String> serverIds, Optional<String> route,
                             OptionalInt value, Optional<Instant> until, String reason, Optional<String> ticket,
                             String actor) {

    public ControlRequest {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(tech, "tech");
        Objects.requireNonNull(peer, "peer");
        serverIds = List.copyOf(serverIds);
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(actor, "actor");
    }

    /** {@code SIP/blueline}. */
    public String trunk() {
        return tech + "/" + peer;
    }
}
