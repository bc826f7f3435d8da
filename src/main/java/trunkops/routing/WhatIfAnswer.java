package trunkops.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WhatIf} says about one number: per dialer, the dial string, the carrier pattern Asterisk picks, the
 * TrunkOps route behind it (if the carrier is one) and the trunks in order with their share of first attempts — now,
 * and with the trunks the question takes down.
 */
public record WhatIfAnswer(String number, String campaignId, Optional<Long> listId, List<Dialer> dialers) {

    public WhatIfAnswer {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(listId, "listId");
        dialers = List.copyOf(dialers);
    }

    /** Whether calls fail on some dialer now or in the scenario. */
    public boolean anyFailing() {
        return dialers.stream().anyMatch(d -> d.now().fails() || d.scenario().map(Plan::fails).orElse(false));
    }

    /**
     * One dialer's answer.
     *
     * @param prefix     the prefix dialed and where it came from ({@code 8 (list 1002)}, {@code 9 (campaign)})
     * @param carrierId  the carrier whose pattern wins, empty = no carrier pattern matches
     * @param route      {@code US v3} when the carrier is a TrunkOps route, else empty
     * @param scenario   the same with the question's trunks down or offline; empty when it named none
     * @param notes      what the operator should know (problems of the route, offline flags a carrier ignores, ...)
     */
    public record Dialer(String serverId, String serverIp, String dialString, String prefix,
                         Optional<String> carrierId, Optional<String> pattern, Optional<String> route,
                         Optional<Strategy> strategy, Plan now, Optional<Plan> scenario, List<String> notes) {
        public Dialer {
            notes = List.copyOf(notes);
        }
    }

    /** The trunks a call may use, in attempt order; {@code fails} when none is left ("no route: calls fail"). */
    public record Plan(List<Attempt> attempts, boolean fails, String summary) {
        public Plan {
            attempts = List.copyOf(attempts);
        }

        /** The share of first attempts {@code trunk} ({@code SIP/peer}) takes, 0 when it takes none. */
        public double share(String trunk) {
            return attempts.stream().filter(a -> a.trunk().equalsIgnoreCase(trunk)).mapToDouble(Attempt::share)
                    .sum();
        }
    }

    /**
     * One trunk of a plan.
     *
     * @param position 1 for the trunks a call tries first, 2 for the next on a carrier-side failure, ...
     * @param share    the fraction of calls this trunk takes first (0..1; 0 for failover-only places)
     */
    public record Attempt(int position, String trunk, TrunkHealthInput.State state, double share) {
    }
}
