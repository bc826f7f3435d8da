package trunkops.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import trunkops.topology.ParseWarning.Severity;

class DialplanEntryParserTest {

    private static DialplanEntry parse(String text, String globals) {
        return DialplanEntryParser.parse(text, GlobalsString.parse(globals));
    }

    private static List<String> targets(DialplanEntry d, String pattern) {
        return d.dialTargets(DialPattern.of(pattern)).stream().map(DialTarget::toString).toList();
    }

    private static boolean warned(DialplanEntry d, Severity severity, String fragment) {
        return d.warnings().stream().anyMatch(w -> w.severity() == severity && w.message().contains(fragment));
    }

    @Test
    void stockSipExampleDialsThroughItsGlobal() {
        DialplanEntry d = DialplanEntryParser.parse(StockRows.carrier("SIPExample"));
        DialplanExtension x = d.extensions().get(0);
        assertEquals("_91999NXXXXXX", x.pattern().text());
        assertEquals(List.of(1, 2, 3), x.steps().stream().map(DialplanStep::priority).toList());
        assertTrue(x.callLogAgiFirst());
        DialTarget t = x.dialTargets().get(0);
        assertEquals("${SIPTRUNK}/${EXTEN:1}", t.raw());
        assertEquals("SIP/ExampleSIP/${EXTEN:1}", t.expanded());
        assertEquals("ExampleSIP", t.peer());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void stockPjsipExamplesDialEndpointBehindGlobalAfterAt() {
        DialplanEntry pj = DialplanEntryParser.parse(StockRows.carrier("PJSIPExample"));
        assertEquals(List.of("PJSIP/ExamplePJSIP"), targets(pj, "_91999NXXXXXX"));
        assertEquals(List.of(1, 2, 3), pj.extensions().get(0).steps().stream().map(DialplanStep::priority).toList());
        DialplanEntry wiz = DialplanEntryParser.parse(StockRows.carrier("PJSIPWIZExample"));
        assertEquals(List.of("PJSIP/ExamplePJSIPWIZ"), targets(wiz, "_91999NXXXXXX"));
    }

    @Test
    void stockOldExamplesHangupWithoutParentheses() {
        DialplanEntry sip = DialplanEntryParser.parse(StockRows.carrier("OLD_SIPEXAMPLE"));
        DialplanStep hangup = sip.extensions().get(0).step(3).orElseThrow();
        assertEquals("Hangup", hangup.app());
        assertEquals("", hangup.args());
        assertEquals(List.of("SIP/testcarrier"), targets(sip, "_91999NXXXXXX"));
        DialplanEntry iax = DialplanEntryParser.parse(StockRows.carrier("OLD_IAXEXAMPLE"));
        assertEquals(List.of("IAX2/testcarrier"), targets(iax, "_71999NXXXXXX"));
    }

    @Test
    void nextPrioritiesLabelsAndSame() {
        DialplanEntry d = parse("""
                exten => _71NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)
                exten => _71NXXNXXXXXX,n,Dial(SIP/orbit-east/${EXTEN:1},,To)
                same => n,GotoIf($["${DIALSTATUS}" = "CHANUNAVAIL"]?west)
                exten => _71NXXNXXXXXX,n,Hangup()
                exten => _71NXXNXXXXXX,n(west),Dial(SIP/orbit-west/${EXTEN:1},,To)
                exten => _71NXXNXXXXXX,west+1,Hangup()
                """, "");
        DialplanExtension x = d.extensions().get(0);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), x.steps().stream().map(DialplanStep::priority).toList());
        assertEquals("west", x.step(5).orElseThrow().label());
        assertEquals("GotoIf", x.step(3).orElseThrow().app());
        assertEquals(List.of("SIP/orbit-east", "SIP/orbit-west"), targets(d, "_71NXXNXXXXXX"));
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void dialTargetForms() {
        DialplanEntry d = parse("""
                exten => _81NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)
                exten => _81NXXNXXXXXX,2,Dial(SIP/${EXTEN:1}@blueline,${CAMPDTO},To)
                exten => _61NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)
                exten => _61NXXNXXXXXX,2,Dial(IAX2/vuser:secret@velox:4569/${EXTEN:1},,To)
                exten => _51NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)
                exten => _51NXXNXXXXXX,2,Dial(SIP/a/${EXTEN:1}&PJSIP/${EXTEN:1}@b&${TRK}/${EXTEN:1},,To)
                exten => _41NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)
                exten => _41NXXNXXXXXX,2,Dial(${TECH}/${EXTEN:2}@carrier41,,To)
                exten => _31NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)
                exten => _31NXXNXXXXXX,2,Dial(${TRK}/${EXTEN:2}@ignored,,To)
                """, "TRK = SIP/c\nTECH = SIP");
        assertEquals(List.of("SIP/blueline"), targets(d, "_81NXXNXXXXXX"));
        assertEquals(List.of("IAX2/velox"), targets(d, "_61NXXNXXXXXX"));
        assertEquals(List.of("SIP/a", "PJSIP/b", "SIP/c"), targets(d, "_51NXXNXXXXXX"));
        assertEquals(List.of("SIP/carrier41"), targets(d, "_41NXXNXXXXXX"));
        assertEquals(List.of("SIP/c"), targets(d, "_31NXXNXXXXXX"), "the peer is the first path segment");
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void unresolvableTargetsAreReportedNotGuessed() {
        DialplanEntry d = parse("""
                exten => _91NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log)
                exten => _91NXXNXXXXXX,2,Dial(${NOPE}/${EXTEN:1},,To)
                exten => _91NXXNXXXXXX,3,Dial(SIP/${EXTEN:1},,To)
                exten => _91NXXNXXXXXX,4,Dial(SIP/${DB(trunkops/route)}/${EXTEN:1},,To)
                exten => _91NXXNXXXXXX,5,Dial(Local/${EXTEN}@other-context,,To)
                """, "");
        List<DialTarget> t = d.dialTargets(DialPattern.of("_91NXXNXXXXXX"));
        assertEquals(4, t.size());
        assertFalse(t.get(0).resolved());
        assertTrue(t.get(0).problem().contains("${NOPE} is not defined in the carrier's globals_string"));
        assertTrue(t.get(1).problem().contains("${EXTEN} is set per call"), t.get(1).problem());
        assertTrue(t.get(2).problem().contains("dialplan function ${DB(...)}"), t.get(2).problem());
        assertEquals("", t.get(0).peer(), "nothing is guessed");
        assertTrue(t.get(3).resolved());
        assertTrue(t.get(3).trunkTech().isEmpty(), "Local is not a trunk");
        assertEquals(3, d.warnings().stream().filter(w -> w.message().contains("cannot be resolved")).count());
    }

    @Test
    void oldCommaSyntaxIsReadAndFlagged() {
        DialplanEntry d = parse("exten => _91NXXNXXXXXX,1,AGI,agi://127.0.0.1:4577/call_log\n"
                + "exten => _91NXXNXXXXXX,2,Dial,SIP/sipexample/${EXTEN:1}|${CAMPDTO}|To\n"
                + "exten => _91NXXNXXXXXX,3,Hangup\n", "");
        DialplanStep dial = d.extensions().get(0).step(2).orElseThrow();
        assertTrue(dial.oldSyntax());
        assertEquals("Dial", dial.app());
        assertEquals(List.of("SIP/sipexample"), targets(d, "_91NXXNXXXXXX"));
        assertTrue(d.extensions().get(0).callLogAgiFirst());
        assertTrue(warned(d, Severity.WARNING, "Asterisk 1.6 and later look for an application named"));
        assertEquals(2, d.warnings().size(), d.warnings().toString());
    }

    @Test
    void callLogAgiMissingIsFlagged() {
        DialplanEntry d = parse("exten => _91NXXNXXXXXX,1,Dial(SIP/x/${EXTEN:1},,To)", "");
        assertFalse(d.extensions().get(0).callLogAgiFirst());
        assertTrue(warned(d, Severity.WARNING, "priority 1 is not the call_log AGI"));
    }

    @Test
    void duplicatePriorityKeepsTheFirstLine() {
        DialplanEntry d = parse("exten => _9X.,1,AGI(agi://127.0.0.1:4577/call_log)\n"
                + "exten => _9X.,2,Dial(SIP/first/${EXTEN},,To)\nexten => _9X.,2,Dial(SIP/second/${EXTEN},,To)", "");
        assertEquals(List.of("SIP/first"), targets(d, "_9X."));
        assertTrue(warned(d, Severity.WARNING, "priority 2 is already in use"));
    }

    @Test
    void nextOnTheFirstLineCannotBeNumbered() {
        DialplanEntry d = parse("exten => _9X.,n,Dial(SIP/a/${EXTEN},,To)\nexten => _9X.,n,Hangup()", "");
        assertEquals(List.of(), d.extensions());
        assertTrue(warned(d, Severity.WARNING, "continues from the previous carrier's last line"));
    }

    @Test
    void commentsCrlfAndOtherStatements() {
        String text = "; NorthStar\r\nexten => _91NXXNXXXXXX,1,AGI(agi://127.0.0.1:4577/call_log) ; log\r\n\r\n"
                + "exten => _91NXXNXXXXXX,2,Dial(SIP/nsvoice/${EXTEN:1},,To)\r\ninclude => other\r\nfoo => bar\r\n";
        DialplanEntry d = parse(text, "");
        assertEquals(List.of("SIP/nsvoice"), targets(d, "_91NXXNXXXXXX"));
        assertEquals("agi://127.0.0.1:4577/call_log", d.extensions().get(0).step(1).orElseThrow().args());
        assertTrue(warned(d, Severity.WARNING, "include => other"));
        assertTrue(warned(d, Severity.WARNING, "'foo' is not a dialplan statement"));
        assertEquals(parse(text.replace("\r\n", "\n"), ""), d);
    }

    @Test
    void aContextHeaderTakesTheRestOutOfTheExternalContext() {
        DialplanEntry d = parse("exten => _9X.,1,AGI(agi://127.0.0.1:4577/call_log)\n[mine]\n"
                + "exten => _8X.,1,AGI(agi://127.0.0.1:4577/call_log)", "");
        assertEquals(List.of("_9X."), d.patterns().stream().map(DialPattern::text).toList());
        assertTrue(warned(d, Severity.ERROR, "switches the context"));
    }

    @Test
    void emptyAndNull() {
        assertEquals(List.of(), DialplanEntryParser.parse(null, GlobalsString.EMPTY).extensions());
        assertEquals(List.of(), DialplanEntryParser.parse("", GlobalsString.EMPTY).warnings());
    }
}
