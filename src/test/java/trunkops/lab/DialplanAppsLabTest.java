package trunkops.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Dialplan applications and functions a route relies on, run through a lab dialer's real AMI and compared with
 * what Asterisk 20's source does (app_dial, func_db, func_rand, func_groupcount, func_hangupcause, ast_expr2).
 */
class DialplanAppsLabTest {

    private static RouteLab r;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void start() throws IOException {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger("trunkops.lab.pbx")).addAppender(LOGS);
        r = new RouteLab(50);
        r.loadDialplan(String.join("\n",
                "[t]",
                "exten => expr,1,GotoIf($[${NOPE} = 1]?yes:no)",
                " same => n(yes),UserEvent(T,branch: yes)",
                " same => n,Hangup()",
                " same => n(no),UserEvent(T,branch: no,epoch: ${EPOCH},math: ${MATH(7/2,i)},sum: $[1 + 2])",
                " same => n,Set(LBL=m${MATH(1+1,i)})",
                " same => n,Goto(${LBL})",
                " same => n(m1),UserEvent(T,at: m1)",
                " same => n(m2),UserEvent(T,at: m2,bad: ${DEVICESTATE(SIP/trunk1)}${ASTDB(a/b)}|)",
                " same => n,Goto(failover)",
                " same => n,UserEvent(T,at: after-missing-label)",
                "exten => db,1,Set(DB(tst/k/sub)=v1)",
                " same => n,UserEvent(T,v: ${DB(tst/k/sub)},e: ${DB_EXISTS(tst/k/sub)},r: ${DB_RESULT},"
                        + "m: ${DB_EXISTS(tst/missing)},m2: ${DB(tst/missing)},ds: ${DEVICE_STATE(SIP/trunk1)})",
                "exten => grp,1,Set(GROUP(route)=trunk1)",
                " same => n,Wait(10)",
                " same => n,UserEvent(T,count: ${GROUP_COUNT(trunk1@route)},own: ${GROUP(route)})",
                "exten => if,1,UserEvent(T,a: ${IF($[1 = 1]?yes:no)},b: ${IF(0?yes:no)},c: ${IF(?yes:no)},"
                        + "d: ${IF(\"x?y\"? t : f )},e: ${IF(1)},f: ${IF(0.5?yes:no)},g: ${IF($[ = 1]?yes:no)})",
                "exten => rand,1,UserEvent(T,r: ${RAND(1,3)},s: ${RAND(5,4)})",
                "exten => two,1,Dial(SIP/trunk1/${EXTEN},30^4,To)",
                " same => n,Dial(SIP/trunk2/${EXTEN},30^4,To)",
                " same => n,Set(K=${HANGUPCAUSE_KEYS()})",
                " same => n,UserEvent(T,two: $[$[\"${K}\" =~ \"SIP/trunk1-[0-9a-f]+\"] & $[\"${K}\" =~ \"SIP/trunk2-\"]],"
                        + "both: ${HANGUPCAUSE(${HANGUPCAUSE_KEYS()},tech)},"
                        + "one: ${HANGUPCAUSE(${CUT(K,\\,,2)},tech)})",
                " same => n,HangupCauseClear()",
                " same => n,UserEvent(T,keys: ${HANGUPCAUSE_KEYS()})",
                "exten => noanswer,1,HangupCauseClear()",
                " same => n,Dial(SIP/trunk1/${EXTEN},2,To)",
                " same => n,UserEvent(T,st: ${DIALSTATUS},sip: ${HANGUPCAUSE(${HANGUPCAUSE_KEYS()},tech)})",
                "exten => ue,1,UserEvent(U,a: 1,nocolon,b:2 ,a: 4)",
                "exten => macro,1,Dial(SIP/trunk1/${EXTEN},30,M(answer^x))",
                " same => n,UserEvent(T,after: macro)",
                ""));
    }

    @AfterAll
    static void stop() throws IOException {
        ((Logger) LoggerFactory.getLogger("trunkops.lab.pbx")).detachAppender(LOGS);
        r.close();
    }

    private static List<Map<String, String>> run(String exten) throws IOException {
        RouteLab.Call c = r.originate(1, exten, "t", 30, Duration.ofSeconds(30)).get(0);
        return c.events("T");
    }

    @Test
    void emptyOperandTakesFalseBranchComputedGotoAndMissingLabelEndsTheCall() throws IOException {
        List<Map<String, String>> ev = run("expr");
        assertEquals("no", ev.get(0).get("branch"));
        long epoch = r.lab.clock.nowMillis() / 1000;
        assertTrue(Math.abs(Long.parseLong(ev.get(0).get("epoch")) - epoch) <= 2, ev.toString());
        assertEquals("3", ev.get(0).get("math"));
        assertEquals("3", ev.get(0).get("sum"));
        assertEquals("m2", ev.get(1).get("at"), "Goto(m${X}) lands on the computed label");
        assertEquals("|", ev.get(1).get("bad"), "DEVICESTATE and ASTDB are not registered: both read empty");
        assertEquals(2, ev.size(), "a Goto to a missing label ends the call: " + ev);
        List<String> logged = LOGS.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(logged.contains("Function DEVICESTATE not registered"), logged.toString());
        assertTrue(logged.contains("Function ASTDB not registered"), logged.toString());
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("ast_yyerror():  syntax error: syntax error, "
                + "unexpected '='")), logged.toString());
        assertTrue(logged.stream().anyMatch(l -> l.endsWith("Priority 'failover' must be a number > 0, or valid "
                + "label")), logged.toString());
    }

    @Test
    void ifAsFuncLogic() throws IOException {
        Map<String, String> e = run("if").get(0);
        assertEquals("yes", e.get("a"));
        assertEquals("no", e.get("b"));
        assertEquals("", e.get("c"), "an empty expression: IF fails and reads empty");
        assertEquals("t", e.get("d"), "a ? inside quotes does not split; branches are stripped");
        assertEquals("", e.get("e"), "no ?: IF fails");
        assertEquals("no", e.get("f"), "pbx_checkcondition reads the leading integer of 0.5");
        assertEquals("no", e.get("g"), "a $[] syntax error reads 0");
    }

    @Test
    void dbReadWriteExistsAndResult() throws IOException {
        Map<String, String> e = run("db").get(0);
        assertEquals("v1", e.get("v"));
        assertEquals("1", e.get("e"));
        assertEquals("v1", e.get("r"));
        assertEquals("0", e.get("m"));
        assertEquals("", e.get("m2"));
        assertEquals("v1", r.lab.pbx.astdb().get("tst", "k/sub"));
        assertEquals("NOT_INUSE", e.get("ds"));
    }

    @Test
    void groupCountCountsLiveChannels() throws IOException {
        List<RouteLab.Call> calls = r.originate(3, "grp", "t", 30, Duration.ofSeconds(30));
        List<String> counts = calls.stream().map(c -> c.events("T").get(0).get("count")).sorted().toList();
        assertEquals("3", counts.get(2), "the first to leave its Wait sees all three: " + counts);
        calls.forEach(c -> assertEquals("trunk1", c.events("T").get(0).get("own")));
        assertEquals("1", r.originate(1, "grp", "t", 30, Duration.ofSeconds(30)).get(0).events("T").get(0)
                .get("count"), "hung-up channels leave their group");
    }

    @Test
    void randIncludesBothBoundsAndSwapsThem() throws IOException {
        java.util.Set<String> seen = new java.util.TreeSet<>();
        java.util.Set<String> swapped = new java.util.TreeSet<>();
        for (RouteLab.Call c : r.originate(150, "rand", "t", 30, Duration.ofSeconds(60))) {
            seen.add(c.events("T").get(0).get("r"));
            swapped.add(c.events("T").get(0).get("s"));
        }
        assertEquals(java.util.Set.of("1", "2", "3"), seen);
        assertEquals(java.util.Set.of("4", "5"), swapped);
    }

    @Test
    void hangupCauseWithTwoKeysIsEmptyAndClearForgetsThem() throws IOException {
        r.lab.trunk1.failCalls(503, 1.0);
        r.lab.trunk2.failCalls(503, 1.0);
        try {
            List<Map<String, String>> ev = run("two");
            assertTrue(Integer.parseInt(ev.get(0).get("two")) > 0, ev.toString());
            assertEquals("SIP 503 Service Unavailable", ev.get(0).get("one"), ev.toString());
            assertEquals("", ev.get(0).get("both"), "Information type not recognized (…,tech)");
            assertEquals("", ev.get(1).get("keys"));
        } finally {
            r.lab.trunk1.failCalls(0, 0);
            r.lab.trunk2.failCalls(0, 0);
        }
    }

    @Test
    void noAnswerAfterRingingKeepsTheLastResponseAsItsSipCause() throws IOException {
        r.lab.trunk1.ringMillis(10_000);
        try {
            Map<String, String> e = run("noanswer").get(0);
            assertEquals("NOANSWER", e.get("st"));
            assertEquals("SIP 180 Ringing", e.get("sip"));
        } finally {
            r.lab.trunk1.ringMillis(500);
        }
    }

    @Test
    void userEventArgumentsAsAppUserevent() throws IOException {
        Map<String, String> e = r.originate(1, "ue", "t", 30, Duration.ofSeconds(30)).get(0).events("U").get(0);
        List<String> keys = List.copyOf(e.keySet());
        assertEquals(List.of("UserEvent", "a", "b"), keys.subList(keys.indexOf("UserEvent"), keys.indexOf("b") + 1));
        assertEquals("4", e.get("a"), "a repeated key keeps its place and takes the last value");
        assertEquals("2", e.get("b"), "values are stripped");
        assertFalse(e.containsKey("nocolon"));
    }

    @Test
    void macroOptionDropsTheAnsweredCallee() throws IOException {
        RouteLab.Call c = r.originate(1, "macro", "t", 30, Duration.ofSeconds(30)).get(0);
        assertFalse(c.connected, "app_macro is not built: the answered call is dropped");
        assertTrue(c.events("T").isEmpty(), "Dial returned -1: the dialplan does not go on");
        assertTrue(c.dialEnds.isEmpty(), "no DialEnd for the dropped leg: " + c.dialEnds);
        assertTrue(LOGS.list.stream().map(ILoggingEvent::getFormattedMessage).anyMatch(
                "Cannot run 'Macro(answer,x)'.  The application is not available."::equals));
    }
}
