package trunkops.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import trunkops.routing.DialplanLines.Step;
import trunkops.routing.DialplanSyntax.Branch;
import trunkops.routing.DialplanSyntax.Target;
import trunkops.routing.LintFinding.Severity;

/**
 * Rules about where a call goes: Goto/GotoIf/Gosub destinations that do not exist (resolved with Asterisk's
 * context/extension scoping), {@code ${EXTEN}} inside a Gosub subroutine, failover on the callee's own answers
 * (BUSY, NOANSWER, CANCEL reaching another Dial) and Dial without a timeout. Facts: seed-dialplan-measured.md traps
 * 2, 7, 8 and 9.
 */
final class FlowRules {

    private static final List<String> CUSTOMER_STATUSES = List.of("BUSY", "NOANSWER", "CANCEL");
    private static final Set<String> ENDS_CALL = Set.of("HANGUP", "RETURN", "BUSY", "CONGESTION", "STACKPOP");
    private static final int MAX_WALK = 200;

    private final DialplanLines lines;

    FlowRules(DialplanLines lines) {
        this.lines = lines;
    }

    void check(Consumer<LintFinding> out) {
        Set<String> subroutines = new LinkedHashSet<>();
        long dials = lines.steps().stream().filter(s -> s.is("Dial")).count();
        for (Step s : lines.steps()) {
            for (Target t : destinations(s)) {
                Optional<Step> to = resolve(s, t, out);
                if (to.isPresent() && (s.is("Gosub") || s.is("GosubIf"))
                        && !(to.get().context().equals(s.context()) && to.get().exten().equals(s.exten()))) {
                    subroutines.add(to.get().context() + "\u0000" + to.get().exten());
                }
            }
            if (s.is("Dial")) {
                dialTimeout(s, dials > 1, out);
                customerFailover(s, out);
            }
        }
        attemptEvents(out);
        for (Step s : lines.steps()) {
            if (subroutines.contains(s.context() + "\u0000" + s.exten()) && s.args().contains("${EXTEN")) {
                out.accept(new LintFinding(Severity.ERROR, s.line(), "exten-in-gosub", "${EXTEN} in the Gosub "
                        + "subroutine " + s.context() + "," + s.exten() + " is the subroutine's extension ("
                        + s.exten() + "), not the dialed number: the measured tutorial sent INVITE sip:1@... on every "
                        + "call", "pass the number as a Gosub argument and use ${ARG1}, or keep the logic in the "
                        + "calling extension"));
            }
        }
    }

    /** An extension that tries several trunks without reporting its attempts (trap 10). */
    private void attemptEvents(Consumer<LintFinding> out) {
        Set<String> seen = new LinkedHashSet<>();
        for (Step s : lines.steps()) {
            if (!s.is("Dial") || !seen.add(s.context() + "\u0000" + s.exten())) {
                continue;
            }
            List<Step> ext = lines.extension(s.context(), s.exten());
            if (ext.stream().filter(x -> x.is("Dial")).count() > 1 && ext.stream().noneMatch(x -> x.is("UserEvent"))) {
                out.accept(new LintFinding(Severity.INFO, s.line(), "no-attempt-event", s.exten() + " tries several "
                        + "trunks but reports no attempt: an UNREACHABLE peer gives no DialBegin/DialEnd and an "
                        + "answer-dropped leg no DialEnd, so first-leg failures are invisible to the console",
                        "emit UserEvent(TrunkOpsAttempt,...) before each Dial and UserEvent(TrunkOpsResult,...) after"));
            }
        }
    }

    /** The destinations a step jumps to (both GotoIf branches). */
    private static List<Target> destinations(Step s) {
        List<Target> out = new ArrayList<>();
        if (s.is("Goto")) {
            DialplanSyntax.target(s.args()).ifPresent(out::add);
        } else if (s.is("Gosub")) {
            DialplanSyntax.gosubTarget(s.args()).ifPresent(out::add);
        } else if (s.is("GotoIf") || s.is("GosubIf")) {
            Branch b = DialplanSyntax.branch(s.args(), s.is("GosubIf"));
            b.ifTrue().ifPresent(out::add);
            b.ifFalse().ifPresent(out::add);
        }
        return out;
    }

    /**
     * The step {@code t} lands on, reporting a destination that does not exist in the text; empty also when the
     * destination is computed ({@code ${...}}) or in a context this text does not define.
     */
    private Optional<Step> resolve(Step from, Target t, Consumer<LintFinding> out) {
        String context = t.context().isEmpty() ? from.context() : t.context();
        if (dynamic(t.context()) || dynamic(t.exten()) || dynamic(t.priority()) || !lines.hasContext(context)) {
            return Optional.empty();
        }
        Optional<String> exten = t.exten().isEmpty() ? Optional.of(from.exten()) : lines.resolveExten(context, t.exten());
        if (exten.isEmpty()) {
            out.accept(missing(from, "extension '" + t.exten() + "'", context));
            return Optional.empty();
        }
        String p = t.priority();
        if (p.startsWith("+") || p.startsWith("-")) {
            return Optional.empty();
        }
        boolean numeric = !p.isEmpty() && p.chars().allMatch(Character::isDigit) && p.length() < 10;
        Optional<Step> step = lines.extension(context, exten.get()).stream()
                .filter(s -> numeric ? s.priority() == Integer.parseInt(p) : s.label().equals(p)).findFirst();
        if (step.isEmpty()) {
            out.accept(missing(from, (numeric ? "priority " : "label '") + p + (numeric ? "" : "'") + " of "
                    + exten.get(), context));
        }
        return step;
    }

    private static LintFinding missing(Step from, String what, String context) {
        return new LintFinding(Severity.ERROR, from.line(), "goto-missing-label", from.app() + " jumps to " + what
                + " in [" + context + "], which does not exist there: Asterisk logs \"Priority ... must be a number "
                + "> 0, or valid label\" and the call ends", "define the label in that context and extension, or "
                + "point the jump at one that exists (labels are per extension: n(name),...)");
    }

    private static boolean dynamic(String s) {
        return s.contains("${") || s.contains("$[");
    }

    private void dialTimeout(Step s, boolean failover, Consumer<LintFinding> out) {
        if (!DialplanSyntax.arg(s.args(), 1).isEmpty()) {
            return;
        }
        out.accept(new LintFinding(failover ? Severity.ERROR : Severity.WARNING, s.line(), "no-dial-timeout",
                "Dial without a timeout: a trunk that is dead but still qualified OK holds the call until chan_sip's "
                        + "transaction timeout, min(64 x RTT, 32 s) - 6.4 to 32.5 s measured"
                        + (failover ? ", longer than the campaign's dial timeout, so the next trunk is never tried"
                        : ", or until the campaign's Originate timeout gives up"),
                "give it the campaign budget with a progress timeout: Dial(...,${CAMPDTO}^5,To) - the ^5 returns "
                        + "CHANUNAVAIL when nothing rings within 5 s"));
    }

    /** Follows each customer outcome from a Dial; reaching another Dial re-dials the customer. */
    private void customerFailover(Step dial, Consumer<LintFinding> out) {
        List<String> redialed = new ArrayList<>();
        Step at = null;
        for (String status : CUSTOMER_STATUSES) {
            Optional<Step[]> hit = walk(dial, status);
            if (hit.isPresent()) {
                redialed.add(status);
                at = at == null ? hit.get()[0] : at;
            }
        }
        if (at == null) {
            return;
        }
        out.accept(new LintFinding(Severity.ERROR, at.line(), "customer-failover", "after the Dial on line "
                + dial.line() + ", DIALSTATUS " + String.join("/", redialed) + " leads to another Dial: that is the "
                + "callee's own answer (busy, not answering, caller gave up), so the same customer is dialed again "
                + "on the next trunk", "fail over only on carrier-side failures: GotoIf($[\"${DIALSTATUS}\" = "
                + "\"CHANUNAVAIL\" | \"${DIALSTATUS}\" = \"CONGESTION\"]?next) and end the call otherwise"));
    }

    /** {decision step, next Dial} when {@code status} after {@code dial} reaches another Dial. */
    private Optional<Step[]> walk(Step dial, String status) {
        Step decision = null;
        Optional<Step> cur = lines.next(dial);
        for (int i = 0; i < MAX_WALK && cur.isPresent(); i++) {
            Step s = cur.get();
            if (s.is("Dial")) {
                return Optional.of(new Step[] {decision == null ? s : decision, s});
            }
            if (ENDS_CALL.contains(s.app().toUpperCase(java.util.Locale.ROOT))) {
                return Optional.empty();
            }
            if (s.is("Goto")) {
                cur = DialplanSyntax.target(s.args()).flatMap(t -> resolve(s, t, f -> { }));
            } else if (s.is("GotoIf")) {
                Branch b = DialplanSyntax.branch(s.args(), false);
                Optional<Boolean> v = DialplanSyntax.evaluate(b.condition(), status);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                Optional<Target> t = v.get() ? b.ifTrue() : b.ifFalse();
                decision = s;
                cur = t.isPresent() ? resolve(s, t.get(), f -> { }) : lines.next(s);
            } else {
                cur = lines.next(s);
            }
        }
        return Optional.empty();
    }
}
