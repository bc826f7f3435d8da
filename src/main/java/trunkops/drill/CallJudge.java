package trunkops.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import trunkops.routing.Strategy;

/**
 * The route's expectations for one test call. While A is out: the call connects on a backup, A is never dialed
 * (and, when forced offline, the route reports skipping it as {@code offline}), every attempt starts inside the
 * dial timeout, a priority route starts on its first backup, and no customer outcome (BUSY, NOANSWER, CANCEL, SIP
 * 404/410/480/484/486/487/600/603/604) is ever followed by another attempt — re-dialing a customer who said no.
 */
final class CallJudge {

    static final Set<String> CUSTOMER_STATUSES = Set.of("BUSY", "NOANSWER", "CANCEL");
    static final Set<String> CUSTOMER_CODES = Set.of("404", "410", "480", "484", "486", "487", "600", "603", "604");

    private CallJudge() {
    }

    /** Problems of a call placed while A was out (empty = as expected). */
    static List<String> duringDrill(DrillPlan plan, CallRecord c) {
        List<String> p = new ArrayList<>(common(plan, c));
        String a = plan.trunk().trunk();
        if (c.attempts().stream().anyMatch(x -> x.trunk().equals(a))) {
            p.add("call " + c.index() + ": " + a + " was dialed while it was out");
        }
        if (plan.fault().isEmpty() && c.skips().stream().noneMatch(s -> s.equals(a + ": offline"))) {
            p.add("call " + c.index() + ": the route did not report skipping " + a + " as offline (skips: "
                    + c.skips() + ")");
        }
        if (!c.connected()) {
            p.add("call " + c.index() + ": not connected (" + lastStatus(c) + ")");
        } else if (c.answeredBy().map(a::equals).orElse(false)) {
            p.add("call " + c.index() + ": answered by " + a + ", which was out");
        }
        if (plan.route().route().strategy() == Strategy.PRIORITY && !c.attempts().isEmpty()
                && !plan.backups().isEmpty()
                && !c.attempts().get(0).trunk().equals(plan.backups().get(0).trunk())) {
            p.add("call " + c.index() + ": first attempt on " + c.attempts().get(0).trunk() + ", the route's first"
                    + " backup is " + plan.backups().get(0).trunk());
        }
        return p;
    }

    /** Problems of a verify call (A back): only the re-dial and timing rules; whether A took it is the drill's. */
    static List<String> duringVerify(DrillPlan plan, CallRecord c) {
        List<String> p = new ArrayList<>(common(plan, c));
        String a = plan.trunk().trunk();
        if (c.skips().stream().anyMatch(s -> s.startsWith(a + ": offline"))) {
            p.add("verify call " + c.index() + ": the route still skips " + a + " as offline");
        }
        return p;
    }

    private static List<String> common(DrillPlan plan, CallRecord c) {
        List<String> p = new ArrayList<>();
        List<CallRecord.Attempt> at = c.attempts();
        for (int i = 0; i + 1 < at.size(); i++) {
            CallRecord.Attempt x = at.get(i);
            if (CUSTOMER_STATUSES.contains(x.dialStatus()) || CUSTOMER_CODES.contains(x.sipCause())) {
                p.add("call " + c.index() + ": re-dialed the customer after " + x.dialStatus()
                        + (x.sipCause().isEmpty() ? "" : " (SIP " + x.sipCause() + ")") + " on " + x.trunk()
                        + ": attempt " + at.get(i + 1).n() + " on " + at.get(i + 1).trunk());
            }
        }
        long budget = plan.route().route().dialTimeoutSeconds() * 1000L;
        for (CallRecord.Attempt x : at) {
            if (x.atMs() - c.startMs() >= budget) {
                p.add("call " + c.index() + ": attempt " + x.n() + " started " + (x.atMs() - c.startMs())
                        + " ms into the call, after the dial timeout (" + budget + " ms)");
            }
        }
        if (at.isEmpty() && c.connected()) {
            p.add("call " + c.index() + ": connected without any TrunkOpsAttempt: is " + plan.number() + "@"
                    + plan.context() + " really reaching route " + plan.route().name() + "?");
        }
        return p;
    }

    static String lastStatus(CallRecord c) {
        if (c.attempts().isEmpty()) {
            return c.skips().isEmpty() ? "no attempt; originate: " + c.originateReason()
                    : "no usable member; skips " + c.skips();
        }
        CallRecord.Attempt x = c.attempts().get(c.attempts().size() - 1);
        return "last attempt " + x.n() + " on " + x.trunk() + ": " + (x.dialStatus().isEmpty() ? "?" : x.dialStatus())
                + (x.sipCause().isEmpty() ? "" : " SIP " + x.sipCause());
    }
}
