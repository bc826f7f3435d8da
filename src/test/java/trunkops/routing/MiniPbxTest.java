package trunkops.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The test runner and the line writer are strict where Asterisk is unforgiving, so behaviour tests can fail. */
class MiniPbxTest {

    @Test
    void expressionsFollowAstExpr2() {
        assertEquals("1", MiniExpr.eval("\"5\" > \"10\""), "quoted: text comparison");
        assertEquals("0", MiniExpr.eval("5 > 10"));
        assertEquals("1", MiniExpr.eval("-3 < 2"));
        assertEquals("2", MiniExpr.eval("(7 % 3) + 1"));
        assertEquals("0", MiniExpr.eval("1 & 0"));
        assertEquals("7", MiniExpr.eval("0 | 7"));
        assertThrows(IllegalStateException.class, () -> MiniExpr.eval(" = 0"), "empty operand");
        assertThrows(IllegalStateException.class, () -> MiniExpr.eval("\"5\" + \"1\""), "non-numeric argument");
    }

    @Test
    void substitutionIsEagerAndIfFailsOnAnEmptyCondition() {
        MiniPbx p = new MiniPbx(new Random(1), x -> MiniPbx.Outcome.answer()).set("A", "SIP 503 Service");
        assertEquals("503", p.subst("${FILTER(0-9,${IF($[\"${A:0:4}\" = \"SIP \"]?${A:4:3}:)})}"));
        assertEquals("", p.subst("${IF(?a:b)}"));
        assertThrows(IllegalStateException.class, () -> p.subst("${DB(trunkops,x)}"), "DB needs family/key");
        assertThrows(IllegalStateException.class, () -> p.subst("${DEVICESTATE(SIP/a)}"), "not a function");
    }

    @Test
    void aMissingLabelEndsTheCallAndLabelsAreUnique() {
        String marker = "trunkops route X v1";
        String text = "exten => _9X.,1,AGI(agi://127.0.0.1:4577/call_log)\nexten => _9X.,2,NoOp(" + marker + ")\n"
                + "exten => _9X.,n,GotoIf($[1 = 1]?failover)\n";
        MiniPbx p = new MiniPbx(new Random(1), x -> MiniPbx.Outcome.answer());
        assertThrows(IllegalStateException.class, () -> p.run(text, "_9X.", "912"));
        ExtenLines x = new ExtenLines("_9X.", new StringBuilder()).add("AGI(a)").add("NoOp(b)").add("l1", "NoOp()");
        assertThrows(IllegalStateException.class, () -> x.add("l1", "NoOp()"));
    }
}
