package trunkops.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import trunkops.ami.AmiCallLink;
import trunkops.ami.AmiTarget;
import trunkops.drill.DrillLine;
import trunkops.testutil.ScriptedManager;
import trunkops.testutil.TranscriptAnswers;
import trunkops.topology.Tech;

/**
 * The drill's preflight probe of a PJSIP trunk (a backup or trunk A) over a real AMI link, answered with the real
 * Asterisk 20.20.1's PJSIPShowEndpoint lists (23-pjsipshowendpoint: both contacts Reachable, an unknown endpoint;
 * 24-contactstatus-unreachable: pjtrunk2's contact Unreachable, RoundtripUsec N/A).
 */
class AmiDrillLinePjsipTest {

    @Test
    void reachableContactsAreUpWithTheirRoundTripInMs() throws Exception {
        try (ScriptedManager server = new ScriptedManager()) {
            server.otherActions = TranscriptAnswers.of("23-pjsipshowendpoint.ami")::answer;
            try (AmiCallLink link = open(server)) {
                AmiDrillLine line = new AmiDrillLine(link, null, "drill", Optional.empty());
                DrillLine.Probe one = line.probe(Tech.PJSIP, "pjtrunk1");
                assertTrue(one.up(), one.toString());
                assertEquals("REACHABLE (1 ms)", one.status()); // RoundtripUsec 1169
                assertEquals(1, one.latencyMs());
                DrillLine.Probe two = line.probe(Tech.PJSIP, "pjtrunk2");
                assertTrue(two.up(), two.toString());
                assertEquals(4, two.latencyMs()); // RoundtripUsec 4221

                DrillLine.Probe none = line.probe(Tech.PJSIP, "nosuchtrunk");
                assertFalse(none.up());
                assertEquals("UNKNOWN ENDPOINT (Unable to retrieve endpoint nosuchtrunk)", none.status());
            }
        }
    }

    @Test
    void anUnreachableContactIsNotUpAndTheListKeepsNoPassword() throws Exception {
        try (ScriptedManager server = new ScriptedManager()) {
            server.otherActions = TranscriptAnswers.of("24-contactstatus-unreachable.ami")::answer;
            try (AmiCallLink link = open(server)) {
                DrillLine.Probe down = new AmiDrillLine(link, null, "drill", Optional.empty())
                        .probe(Tech.PJSIP, "pjtrunk2");
                assertFalse(down.up(), down.toString());
                assertEquals("UNREACHABLE", down.status());
                assertEquals(-1, down.latencyMs());

                AmiCallLink.ListAnswer list = link.pjsipShowEndpoint("pjtrunk2");
                assertTrue(list.events().stream().anyMatch(e -> "AuthDetail".equals(e.get("Event"))),
                        "pjtrunk2 has an outbound auth: " + list.events().size() + " events");
                assertTrue(list.events().stream().noneMatch(e -> e.containsKey("Password")),
                        "AuthDetail's clear-text Password is dropped as the list is read");
            }
        }
    }

    private static AmiCallLink open(ScriptedManager server) throws java.io.IOException {
        return AmiCallLink.open(new AmiTarget("D1", "127.0.0.1", server.port(), ScriptedManager.USER),
                ScriptedManager.SECRET::toCharArray, 5_000);
    }
}
