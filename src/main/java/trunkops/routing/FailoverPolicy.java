package trunkops.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a route moves a call to its next member. The default fails over on carrier-side failures only:
 * {@code CHANUNAVAIL} (unreachable, no answer to the INVITE, no progress in time), {@code CONGESTION} and SIP
 * 5xx/408. A policy naming a customer outcome (BUSY, NOANSWER, 486, ...) is refused unless
 * {@code customerOutcomesAcknowledged} is set, and then still carries a warning.
 *
 * <p>A customer SIP code that is not a trigger stops the route even when its DIALSTATUS is one: chan_sip maps 404
 * to {@code CHANUNAVAIL}, and a wrong number must not be tried on every trunk ({@link #stopCodes()}).
 */
public record FailoverPolicy(List<FailoverTrigger> triggers, boolean customerOutcomesAcknowledged) {

    public static final FailoverPolicy DEFAULT = new FailoverPolicy(List.of(FailoverTrigger.status("CHANUNAVAIL"),
            FailoverTrigger.status("CONGESTION"), FailoverTrigger.parse("5xx"), FailoverTrigger.sip(408)), false);

    public FailoverPolicy {
        triggers = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(triggers, "triggers")));
    }

    /**
     * Parses a comma-separated list ({@code CHANUNAVAIL,CONGESTION,503}).
     *
     * @throws IllegalArgumentException for an unknown token or an empty list
     */
    public static FailoverPolicy parse(String list, boolean customerOutcomesAcknowledged) {
        List<FailoverTrigger> out = new ArrayList<>();
        for (String token : list.split(",")) {
            if (!token.isBlank()) {
                out.add(FailoverTrigger.parse(token));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no failover trigger given: a route that never fails over is a "
                    + "plain carrier (the default is " + DEFAULT.text() + ")");
        }
        return new FailoverPolicy(out, customerOutcomesAcknowledged);
    }

    public Set<String> dialStatuses() {
        return triggers.stream().filter(t -> !t.isSip()).map(FailoverTrigger::dialStatus)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<FailoverTrigger> sipTriggers() {
        return triggers.stream().filter(FailoverTrigger::isSip).toList();
    }

    public List<FailoverTrigger> customerTriggers() {
        return triggers.stream().filter(FailoverTrigger::customerOutcome).toList();
    }

    /** Does an attempt that ended with this DIALSTATUS and SIP code (0 = none) move on to the next member? */
    public boolean failsOver(String dialStatus, int sipCode) {
        if (sipCode > 0) {
            if (sipTriggers().stream().anyMatch(t -> t.coversSip(sipCode))) {
                return true;
            }
            if (stopCodes().contains(sipCode)) {
                return false;
            }
        }
        return dialStatuses().contains(dialStatus);
    }

    /** Customer SIP codes that end the route whatever the DIALSTATUS (those not named as triggers). */
    public Set<Integer> stopCodes() {
        Set<Integer> stop = new java.util.TreeSet<>(FailoverTrigger.CUSTOMER_SIP_CODES);
        stop.removeIf(c -> sipTriggers().stream().anyMatch(t -> t.coversSip(c)));
        return stop;
    }

    public String text() {
        return triggers.stream().map(FailoverTrigger::text).collect(Collectors.joining(","));
    }
}
