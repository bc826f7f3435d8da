package trunkops.routing;

import java.util.List;
import java.util.stream.Collectors;

import trunkops.topology.Tech;

/**
 * The dialplan of one extension (one pattern) of a route: setup, the per-member checks, the strategy's first
 * pick, the failover dispatcher and one block per member. See {@link RouteGenerator} for the rules it follows
 * and docs/routes.md for the text it produces. Variables are {@code TO_*} channel variables (not inherited);
 * member {@code i} is the i-th member in failover (priority) order.
 */
final class RouteDialplan {

    /** The group category GROUP()/GROUP_COUNT() count TrunkOps calls in: {@code <peer>@trunkops}. */
    static final String GROUP_CATEGORY = "trunkops";
    /** Fewer seconds left than this in the budget: no further attempt (Dial treats 0 or less as "no timeout"). */
    static final int MIN_LEFT_S = 2;
    static final String CALL_LOG_AGI = "AGI(agi://127.0.0.1:4577/call_log)";

    private final RouteVersion version;
    private final Route route;
    private final List<RouteMember> members;
    private final ExtenLines x;

    RouteDialplan(RouteVersion version, RoutePattern pattern, StringBuilder out) {
        this.version = version;
        this.route = version.route();
        this.members = route.byPriority();
        this.x = new ExtenLines(pattern.pattern(), out);
        x.comment("pattern " + pattern.pattern() + " (strip " + pattern.strip() + "), " + route.strategy()
                + ", members in failover order: " + members.stream().map(RouteDialplan::describe)
                .collect(Collectors.joining(", ")));
        x.add(CALL_LOG_AGI);
        x.add("NoOp(" + version.marker() + ")");
        x.add("Set(TO_NUM=${EXTEN:" + pattern.strip() + "})");
    }

    void write() {
        setup();
        for (int i = 1; i <= members.size(); i++) {
            prepare(i, members.get(i - 1));
        }
        pick();
        dispatcher();
        for (int i = 1; i <= members.size(); i++) {
            attempt(i, members.get(i - 1));
        }
    }

    private static String describe(RouteMember m) {
        return m.trunk() + " (priority " + m.priority() + ", weight " + m.weight() + ", max "
                + (m.maxCalls().isPresent() ? Integer.toString(m.maxCalls().getAsInt()) : "none") + ")";
    }

    private void setup() {
        x.add("Set(TO_T0=${EPOCH})");
        digits("TO_BUDGET", "${CAMPDTO}", "0");
        x.add("Set(TO_BUDGET=${IF($[${TO_BUDGET} > 0]?${TO_BUDGET}:" + route.dialTimeoutSeconds() + ")})");
        x.add("Set(TO_N=0)");
        x.add("Set(TO_FIRST=0)");
    }

    /** Sets {@code var} to the digits of {@code source}, or to {@code dflt} when it has none. */
    private void digits(String var, String source, String dflt) {
        x.add("Set(" + var + "=${FILTER(0-9," + source + ")})");
        x.add("Set(" + var + "=${IF($[\"${" + var + "}\" = \"\"]?" + dflt + ":${" + var + "})})");
    }

    /** Member i's state for this call: TO_WHYi (why it is skipped, or empty), TO_Di (1 = not to be dialed). */
    private void prepare(int i, RouteMember m) {
        String peer = m.peer();
        x.add("p" + i, "Set(TO_A=${DB(trunkops/admin/" + peer + ")})");
        x.add("Set(TO_AS=${FILTER(a-z,${CUT(TO_A,:,1)})})");
        digits("TO_AU", "${CUT(TO_A,:,2)}", "0");
        x.add("Set(TO_L" + i + "=${GROUP_COUNT(" + peer + "@" + GROUP_CATEGORY + ")})");
        digits("TO_M" + i, "${DB(trunkops/max/" + route.name() + "/" + peer + ")}",
                Integer.toString(m.maxCalls().orElse(0)));
        if (route.strategy() == Strategy.WEIGHTED) {
            digits("TO_W" + i, "${DB(trunkops/weight/" + route.name() + "/" + peer + ")}",
                    Integer.toString(m.weight()));
            x.add("Set(TO_W" + i + "=${IF($[${TO_W" + i + "} > " + RouteMember.MAX_WEIGHT + "]?"
                    + RouteMember.MAX_WEIGHT + ":${TO_W" + i + "})})");
        }
        String why = "TO_WHY" + i;
        x.add("Set(" + why + "=${IF($[${TO_M" + i + "} > 0 & ${TO_L" + i + "} >= ${TO_M" + i + "}]?full:)})");
        x.add("Set(TO_DS=${DEVICE_STATE(" + m.trunk() + ")})");
        x.add("Set(" + why + "=${IF($[\"${TO_DS}\" = \"UNAVAILABLE\" | \"${TO_DS}\" = \"INVALID\"]?unavailable:${"
                + why + "})})");
        x.add("Set(" + why + "=${IF($[(\"${TO_AS}\" = \"offline\" | \"${TO_AS}\" = \"drain\")"
                + " & (${TO_AU} = 0 | ${TO_AU} > ${EPOCH})]?${TO_AS}:${" + why + "})})");
        x.add("Set(TO_D" + i + "=${IF($[\"${" + why + "}\" = \"\"]?0:1)})");
        x.add("GotoIf($[${TO_D" + i + "} = 0]?" + afterPrepare(i) + ")");
        x.add("UserEvent(TrunkOpsSkip,route: " + route.name() + ",version: " + version.version() + ",trunk: "
                + m.trunk() + ",reason: ${" + why + "})");
    }

    private String afterPrepare(int i) {
        if (i < members.size()) {
            return "p" + (i + 1);
        }
        return route.strategy() == Strategy.PRIORITY ? "next" : "pick";
    }

    /** The strategy's first member (TO_FIRST); priority has none: the dispatcher takes the first one up. */
    private void pick() {
        switch (route.strategy()) {
            case PRIORITY -> {
                return;
            }
            case WEIGHTED -> {
                x.add("pick", "Set(TO_E1=$[(1 - ${TO_D1}) * ${TO_W1}])");
                for (int i = 2; i <= members.size(); i++) {
                    x.add("Set(TO_E" + i + "=$[(1 - ${TO_D" + i + "}) * ${TO_W" + i + "}])");
                }
                total();
                x.add("Set(TO_R=${RAND(1,${TO_T})})");
                cumulative();
            }
            case ROUND_ROBIN -> {
                String key = "trunkops/rr/" + route.name();
                x.add("pick", "Set(TO_RR=${FILTER(0-9,${DB(" + key + ")})})");
                x.add("Set(TO_RR=${IF($[\"${TO_RR}\" = \"\"]?0:${TO_RR})})");
                x.add("Set(DB(" + key + ")=$[(${TO_RR} + 1) % " + rrModulus(members.size()) + "])");
                for (int i = 1; i <= members.size(); i++) {
                    x.add("Set(TO_E" + i + "=$[1 - ${TO_D" + i + "}])");
                }
                total();
                x.add("Set(TO_R=$[(${TO_RR} % ${TO_T}) + 1])");
                cumulative();
            }
            case LEAST_LOADED -> {
                x.add("pick", "Set(TO_BL=0)");
                for (int i = 1; i <= members.size(); i++) {
                    x.add("Set(TO_FIRST=${IF($[${TO_D" + i + "} = 0 & (${TO_FIRST} = 0 | ${TO_L" + i
                            + "} < ${TO_BL})]?" + i + ":${TO_FIRST})})");
                    x.add("Set(TO_BL=${IF($[${TO_FIRST} = " + i + "]?${TO_L" + i + "}:${TO_BL})})");
                }
            }
            default -> throw new IllegalStateException("unknown strategy " + route.strategy());
        }
        for (int i = 1; i <= members.size(); i++) {
            x.add("GotoIf($[${TO_FIRST} = " + i + "]?m" + i + ")");
        }
    }

    private void total() {
        StringBuilder sum = new StringBuilder("${TO_E1}");
        for (int i = 2; i <= members.size(); i++) {
            sum.append(" + ${TO_E").append(i).append('}');
        }
        x.add("Set(TO_T=$[" + sum + "])");
        x.add("GotoIf($[${TO_T} = 0]?next)");
    }

    /** TO_FIRST = the first member whose running total of TO_E reaches the draw TO_R (1..TO_T). */
    private void cumulative() {
        x.add("Set(TO_C=0)");
        for (int i = 1; i <= members.size(); i++) {
            x.add("Set(TO_C=$[${TO_C} + ${TO_E" + i + "}])");
            x.add("Set(TO_FIRST=${IF($[${TO_FIRST} = 0 & ${TO_R} <= ${TO_C}]?" + i + ":${TO_FIRST})})");
        }
    }

    /**
     * The counter wraps at a multiple of every possible count of members that are up (1..n), so the rotation
     * never skips a member when it wraps.
     */
    static long rrModulus(int n) {
        long lcm = 1;
        for (int k = 2; k <= n; k++) {
            lcm = lcm / gcd(lcm, k) * k;
            if (lcm > 1_000_000_000L) {
                return 1_000_000_000L;
            }
        }
        return Math.max(lcm, 1);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** After the first pick (or a failover): the next member not yet tried or skipped, in priority order. */
    private void dispatcher() {
        x.add("next", "GotoIf($[${TO_N} >= " + route.maxAttempts() + "]?end)");
        for (int i = 1; i <= members.size(); i++) {
            x.add("GotoIf($[${TO_D" + i + "} = 0]?m" + i + ")");
        }
        // no member was usable: say so the way Dial would, for ViciDial's h line and carrier log
        x.add("end", "Set(DIALSTATUS=${IF($[\"${DIALSTATUS}\" = \"\"]?CHANUNAVAIL:${DIALSTATUS})})");
        x.add("Hangup()");
    }

    private void attempt(int i, RouteMember m) {
        x.add("m" + i, "Set(TO_D" + i + "=1)");
        x.add("Set(TO_EL=$[${EPOCH} - ${TO_T0}])");
        x.add("Set(TO_LEFT=$[${TO_BUDGET} - ${TO_EL} - (${TO_EL} > 0)])");
        x.add("GotoIf($[${TO_LEFT} < " + MIN_LEFT_S + "]?end)");
        x.add("Set(TO_N=$[${TO_N} + 1])");
        x.add("Set(GROUP(" + GROUP_CATEGORY + ")=" + m.peer() + ")");
        String head = "route: " + route.name() + ",version: " + version.version() + ",attempt: ${TO_N},trunk: "
                + m.trunk();
        x.add("UserEvent(TrunkOpsAttempt," + head + ")");
        x.add("HangupCauseClear()");
        x.add("Dial(" + dialString(m) + ",${TO_LEFT}^" + route.progressTimeoutSeconds() + ",To)");
        x.add("Set(TO_SIP=)");
        if (m.tech() != Tech.IAX2) {
            x.add("Set(TO_KEYS=${HANGUPCAUSE_KEYS()})");
            x.add("GotoIf($[\"${TO_KEYS}\" = \"\"]?r" + i + ")");
            x.add("Set(TO_HC=${HANGUPCAUSE(${TO_KEYS},tech)})");
            x.add("Set(TO_SIP=${FILTER(0-9,${IF($[\"${TO_HC:0:4}\" = \"SIP \"]?${TO_HC:4:3}:)})})");
        }
        x.add(m.tech() != Tech.IAX2 ? "r" + i : null, "Set(TO_SC=${FILTER(0-9,${TO_SIP})})");
        x.add("Set(TO_SC=${IF($[\"${TO_SC}\" = \"\"]?0:${TO_SC})})");
        FailoverDecision.write(route.failover(), x);
        x.add("UserEvent(TrunkOpsResult," + head + ",dialstatus: ${DIALSTATUS},hangupcause: ${HANGUPCAUSE},"
                + "sipcause: ${TO_SIP},next: ${IF($[${TO_GO} = 1]?failover:stop)})");
        x.add("GotoIf($[${TO_GO} = 1]?next:end)");
    }

    /** chan_sip and IAX2 take {@code TECH/peer/number}; chan_pjsip takes {@code PJSIP/number@endpoint}. */
    static String dialString(RouteMember m) {
        return switch (m.tech()) {
            case PJSIP -> "PJSIP/${TO_NUM}@" + m.peer();
            case SIP, IAX2 -> m.trunk() + "/${TO_NUM}";
        };
    }
}
