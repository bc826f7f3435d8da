package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import trunkops.routing.LintFinding.Severity;

/** Each trap of seed-dialplan-measured.md, on the tutorial contexts written from its description and on fixed forms. */
final class DialplanLinterTest {

    static String resource(String name) {
        try (InputStream in = DialplanLinterTest.class.getResourceAsStream("lint/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<LintFinding> of(List<LintFinding> all, String rule) {
        return all.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    static List<Integer> lines(List<LintFinding> all, String rule) {
        return of(all, rule).stream().map(LintFinding::line).toList();
    }

    static String ext(String... steps) {
        StringBuilder b = new StringBuilder();
        int p = 1;
        for (String s : steps) {
            b.append("exten => _91NXXNXXXXXX,").append(p++).append(',').append(s).append('\n');
        }
        return b.toString();
    }

    static final String AGI = "AGI(agi://127.0.0.1:4577/call_log)";

    @Test
    void trap1MacroAndMOption() {
        List<LintFinding> f = DialplanLinter.lint(resource("tutorial-priority.conf"));
        assertEquals(List.of(3, 5), lines(f, "macro"));
        assertTrue(of(f, "macro").get(0).isError());
        assertEquals(List.of(2), lines(DialplanLinter.lint("[c]\nexten => s,1,Macro(rec)\n"), "macro"));
        assertTrue(of(DialplanLinter.lint(ext(AGI, "Dial(SIP/t/${EXTEN:1},30,ToU(rec^1))")), "macro").isEmpty());
    }

    @Test
    void trap2ExtenInsideGosub() {
        List<LintFinding> f = DialplanLinter.lint(resource("tutorial-lb.conf"));
        assertEquals(List.of(10, 12), lines(f, "exten-in-gosub"));
        String[] parts = resource("tutorial-lb.conf").split("\\[try-trunk]");
        String fixed = parts[0].replace("GoSub(try-trunk,1,1)", "GoSub(try-trunk,1,1(${EXTEN}))") + "[try-trunk]"
                + parts[1].replace("${EXTEN}", "${ARG1}");
        assertTrue(of(DialplanLinter.lint(fixed), "exten-in-gosub").isEmpty());
    }

    @Test
    void trap3FunctionsThatDoNotExist() {
        List<LintFinding> lb = DialplanLinter.lint(resource("tutorial-lb.conf"));
        assertEquals(List.of(4, 9), lines(lb, "unknown-function"), lb.toString());
        assertEquals(List.of(3), lines(DialplanLinter.lint(resource("tutorial-rr.conf")), "unknown-function"));
        assertTrue(of(DialplanLinter.lint(
                "[c]\nexten => s,1,GotoIf($[\"${DEVICE_STATE(SIP/t1)}\" = \"UNAVAILABLE\"]?2)\n"), "unknown-function")
                .isEmpty());
    }

    @Test
    void trap4DbTakesFamilySlashKey() {
        List<LintFinding> f = DialplanLinter.lint("[c]\nexten => s,1,Set(X=${DB(vicidial,call_count)})\n");
        assertEquals(List.of(2), lines(f, "db-comma"));
        assertTrue(of(f, "db-comma").get(0).fix().contains("DB(vicidial/call_count)"));
        assertTrue(of(DialplanLinter.lint("[c]\nexten => s,1,Set(X=${DB(vicidial/call_count)})\n"), "db-comma")
                .isEmpty());
    }

    @Test
    void trap5EvalIsNotArithmeticAndMathIsFloat() {
        List<LintFinding> rr = DialplanLinter.lint(resource("tutorial-rr.conf"));
        assertEquals(List.of(3), lines(rr, "eval-arithmetic"));
        assertEquals(List.of(5), lines(rr, "math-float"));
        assertEquals(Severity.INFO, of(rr, "math-float").get(0).severity());
        assertTrue(of(DialplanLinter.lint("[c]\nexten => s,1,Set(X=${EVAL(${TEMPLATE})})\n"), "eval-arithmetic")
                .isEmpty());
        assertTrue(of(DialplanLinter.lint("[c]\nexten => s,1,Set(X=${MATH(1+1,i)})\n"), "math-float").isEmpty());
    }

    @Test
    void trap6UnquotedOperandThatMayBeEmpty() {
        assertEquals(List.of(6), lines(DialplanLinter.lint(resource("tutorial-rr.conf")), "empty-operand"));
        assertEquals(List.of(6), lines(DialplanLinter.lint(resource("tutorial-weighted.conf")), "empty-operand"));
        String quoted = "[c]\nexten => s,1,Set(N=${DB(rr/x)})\n same => n,GotoIf($[\"${N}\" = \"0\"]?2)\n";
        assertTrue(of(DialplanLinter.lint(quoted), "empty-operand").isEmpty());
        String defaulted = "[c]\nexten => s,1,Set(N=0)\n same => n,GotoIf($[${N} = 0]?2)\n";
        assertTrue(of(DialplanLinter.lint(defaulted), "empty-operand").isEmpty());
    }

    @Test
    void trap7GotoToALabelThatDoesNotExist() {
        assertEquals(List.of(11), lines(DialplanLinter.lint(resource("tutorial-rr.conf")), "goto-missing-label"));
        assertEquals(List.of(8, 10),
                lines(DialplanLinter.lint(resource("tutorial-weighted.conf")), "goto-missing-label"));
        String otherExten = "[a]\nexten => 1,1,Goto(x)\nexten => 2,1(x),NoOp()\n";
        assertEquals(List.of(2), lines(DialplanLinter.lint(otherExten), "goto-missing-label"), "labels are per extension");
        String scoped = "[a]\nexten => 1,1,Goto(b,5551234,x)\n[b]\nexten => _X.,1(x),NoOp()\n";
        assertTrue(of(DialplanLinter.lint(scoped), "goto-missing-label").isEmpty());
        assertEquals(List.of(2), lines(DialplanLinter.lint(scoped.replace("1(x)", "1(y)")), "goto-missing-label"));
        assertTrue(of(DialplanLinter.lint("[a]\nexten => 1,1,Goto(elsewhere,s,1)\n"), "goto-missing-label").isEmpty(),
                "a context outside the text cannot be checked");
    }

    @Test
    void trap8FailoverOnCustomerOutcomes() {
        List<LintFinding> p = of(DialplanLinter.lint(resource("tutorial-priority.conf")), "customer-failover");
        assertEquals(List.of(4), p.stream().map(LintFinding::line).toList());
        assertTrue(p.get(0).why().contains("BUSY/NOANSWER/CANCEL"), p.get(0).why());
        assertEquals(List.of(8), lines(DialplanLinter.lint(resource("tutorial-rr.conf")), "customer-failover"));
        String backToBack = ext(AGI, "Dial(SIP/t1/${EXTEN:1},20,To)", "Dial(SIP/t2/${EXTEN:1},20,To)");
        assertEquals(List.of(3), lines(DialplanLinter.lint(backToBack), "customer-failover"));
        String carrierSide = ext(AGI, "Dial(SIP/t1/${EXTEN:1},20,To)",
                "GotoIf($[\"${DIALSTATUS}\" = \"CHANUNAVAIL\" | \"${DIALSTATUS}\" = \"CONGESTION\"]?5)", "Hangup()",
                "Dial(SIP/t2/${EXTEN:1},20,To)");
        assertTrue(of(DialplanLinter.lint(carrierSide), "customer-failover").isEmpty());
    }

    @Test
    void trap9DialWithoutTimeout() {
        List<LintFinding> p = of(DialplanLinter.lint(resource("tutorial-priority.conf")), "no-dial-timeout");
        assertEquals(List.of(3, 5), p.stream().map(LintFinding::line).toList());
        assertTrue(p.get(0).isError(), "with a second Dial, the failover never happens in time");
        List<LintFinding> single = of(DialplanLinter.lint(ext(AGI, "Dial(SIP/t1/${EXTEN:1},,To)")), "no-dial-timeout");
        assertEquals(Severity.WARNING, single.get(0).severity());
    }

    @Test
    void trap10AttemptsNotReported() {
        assertEquals(List.of(7), lines(DialplanLinter.lint(resource("tutorial-rr.conf")), "no-attempt-event"));
        assertTrue(of(DialplanLinter.lint(resource("clean-route.conf")), "no-attempt-event").isEmpty());
    }

    @Test
    void activeActiveContext() {
        List<LintFinding> f = DialplanLinter.lint(resource("tutorial-active-active.conf"));
        assertEquals(List.of(3), lines(f, "unknown-function"));
        assertEquals(List.of(3), lines(f, "eval-arithmetic"));
        assertEquals(List.of(10), lines(f, "goto-missing-label"), "trunk2-first jumps to 'failover', which is not there");
        assertTrue(of(f, "customer-failover").isEmpty(), "it fails over on CHANUNAVAIL only: " + f);
        assertEquals(List.of(5), lines(f, "empty-operand"),
                "MATH() of a non-number returns nothing (func_math.c: \"'%s' is not a valid number\")");
    }

    @Test
    void ringTimeAgainstTheCampaignDialTimeout() {
        String twoBudgets = ext(AGI, "Dial(SIP/t1/${EXTEN:1},${CAMPDTO},To)",
                "GotoIf($[\"${DIALSTATUS}\" = \"CHANUNAVAIL\"]?4)", "Dial(SIP/t2/${EXTEN:1},${CAMPDTO},To)");
        assertEquals(List.of(4), lines(DialplanLinter.lint(twoBudgets), "ring-time"));
        String literal = twoBudgets.replace("${CAMPDTO}", "20");
        var in = new DialplanLinter.Input(literal, null, List.of(45, 30), List.of());
        List<LintFinding> f = of(DialplanLinter.lint(in), "ring-time");
        assertTrue(f.get(0).why().contains("40 s") && f.get(0).why().contains("30 s"), f.get(0).why());
        assertTrue(of(DialplanLinter.lint(new DialplanLinter.Input(literal, null, List.of(45), List.of())), "ring-time")
                .isEmpty());
    }

    @Test
    void oldApplicationSyntax() {
        List<LintFinding> f = DialplanLinter.lint(ext(AGI, "Dial,SIP/t1/${EXTEN:1}|30|To"));
        assertEquals(List.of(2), lines(f, "old-app-syntax"));
        assertTrue(of(DialplanLinter.lint(ext(AGI, "Dial(SIP/t1/${EXTEN:1},30,To)")), "old-app-syntax").isEmpty());
    }

    @Test
    void viciDialPieces() {
        List<LintFinding> f = DialplanLinter.lint(ext("Dial(SIP/t1/${EXTEN:1},30,T)", "Hangup()"));
        assertEquals(List.of(1), lines(f, "call-log-agi"));
        assertEquals(List.of(1), lines(f, "dial-o-option"));
        assertTrue(of(DialplanLinter.lint(ext(AGI, "Dial(SIP/t1/${EXTEN:1},30,To)")), "dial-o-option").isEmpty());
    }

    @Test
    void duplicatePrioritiesInTheTextAndAcrossCarriers() {
        String dup = "exten => _91NXXNXXXXXX,1," + AGI + "\nexten => _91NXXNXXXXXX,1,Dial(SIP/t/${EXTEN:1},30,To)\n";
        assertEquals(List.of(2), lines(DialplanLinter.lint(dup), "duplicate-priority"));
        String mine = ext(AGI, "Dial(SIP/t1/${EXTEN:1},30,To)");
        var other = new DialplanLinter.OtherCarrier("OTHER",
                "exten => _91NXXNXXXXXX,1," + AGI + "\nexten => _91NXXNXXXXXX,2,Dial(SIP/o/${EXTEN:1},30,To)\n");
        List<LintFinding> f = of(DialplanLinter.lint(new DialplanLinter.Input(mine, null, List.of(), List.of(other))),
                "duplicate-across-carriers");
        assertEquals(1, f.size());
        assertTrue(f.get(0).why().contains("OTHER") && f.get(0).isError());
        var elsewhere = new DialplanLinter.OtherCarrier("OTHER", other.dialplanEntry().replace("_91", "_81"));
        assertTrue(DialplanLinter.lint(new DialplanLinter.Input(mine, null, List.of(), List.of(elsewhere))).stream()
                .noneMatch(x -> x.rule().equals("duplicate-across-carriers")));
    }

    @Test
    void cleanHandWrittenRouteHasNoErrorOrWarning() {
        List<LintFinding> f = DialplanLinter.lint(new DialplanLinter.Input(resource("clean-route.conf"), null,
                List.of(30), List.of()));
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.INFO), f.toString());
    }

    @Test
    void everyRuleIdIsListed() {
        for (String name : List.of("tutorial-lb.conf", "tutorial-priority.conf", "tutorial-rr.conf",
                "tutorial-weighted.conf", "tutorial-active-active.conf")) {
            for (LintFinding f : DialplanLinter.lint(resource(name))) {
                assertTrue(DialplanLinter.RULES.contains(f.rule()), f.rule());
                assertFalse(f.fix().isBlank());
            }
        }
    }
}
