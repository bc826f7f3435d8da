package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.topology.ParseWarning.Severity;

class GlobalsStringTest {

    @Test
    void stockForms() {
        assertEquals(Map.of("SIPTRUNK", "SIP/ExampleSIP"), GlobalsString.parse("SIPTRUNK = SIP/ExampleSIP").variables());
        assertEquals(Map.of("PJTRUNK", "ExamplePJSIP"), GlobalsString.parse("PJTRUNK=ExamplePJSIP").variables());
        assertEquals(List.of(), GlobalsString.parse("PJTRUNK=ExamplePJSIP").warnings());
    }

    @Test
    void severalLinesAreAcceptedAndNoted() {
        GlobalsString g = GlobalsString.parse("A = SIP/a\r\nB=SIP/b\nC = ${A}&${B}");
        assertEquals(List.of("A", "B", "C"), List.copyOf(g.variables().keySet()));
        assertEquals(Optional.of("SIP/a&SIP/b"), g.get("C"), "a value sees earlier globals");
        assertTrue(g.warnings().stream().anyMatch(w -> w.severity() == Severity.INFO && w.message().contains("3 lines")));
    }

    @Test
    void namesAreCaseSensitive() {
        GlobalsString g = GlobalsString.parse("SipTrunk = SIP/x");
        assertEquals(Optional.empty(), g.get("SIPTRUNK"));
    }

    @Test
    void emptyNullAndBrokenInput() {
        assertEquals(GlobalsString.EMPTY.variables(), GlobalsString.parse(null).variables());
        assertEquals(List.of(), GlobalsString.parse("  ").warnings());
        GlobalsString broken = GlobalsString.parse("SIPTRUNK SIP/x");
        assertEquals(Map.of(), broken.variables());
        assertTrue(broken.warnings().get(0).message().contains("no '='"));
        assertEquals(Severity.ERROR, GlobalsString.parse("[trunks]").warnings().get(0).severity());
    }
}
