package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiTarget;
import trunkops.testutil.ScriptedManager;
import trunkops.testutil.TranscriptAnswers;

/**
 * One dialer watched with a ViciDial topology (what {@code status --jdbc} runs) whose PJSIP carriers are the 2x
 * fixtures' pjtrunk1 / pjtrunk2 (+ pjtrunk2-reg), against the real Asterisk's answers and events: the trunks come
 * from the database, their state from PJSIPShowEndpoint, ContactStatus and Registry.
 */
class DialerWatchPjsipTest {

    @Test
    void pjsipTrunksOfTheTopologyFollowTheDialersAnswersAndEvents() throws Exception {
        try (ScriptedManager server = new ScriptedManager()) {
            server.peers.put("trunk1", "OK (20 ms)");
            TranscriptAnswers answers = TranscriptAnswers.of("23-pjsipshowendpoints.ami", "23-pjsipshowendpoint.ami",
                    "23-pjsipshowregistrationsoutbound.ami", "03-sipshowregistry.ami");
            server.otherActions = answers::answer;
            try (DialerWatch w = new DialerWatch(new AmiTarget("D1", "127.0.0.1", server.port(), ScriptedManager.USER),
                    ScriptedManager.SECRET::toCharArray, PjsipHealthTest.topology(), HealthSettings.defaults(),
                    AmiGateway.Settings.defaults().withLatencyPoll(60_000))) {
                w.start();
                Map<String, TrunkView> first = w.firstPicture().get(20, TimeUnit.SECONDS).trunks().stream()
                        .collect(Collectors.toMap(v -> v.key().toString(), v -> v));
                assertEquals(TrunkState.REACHABLE, first.get("PJSIP/pjtrunk1@D1").state(), first.toString());
                assertEquals(TrunkState.REACHABLE, first.get("PJSIP/pjtrunk2@D1").state());
                assertEquals("Registered", first.get("PJSIP/pjtrunk2@D1").registration().state());
                assertEquals(TrunkState.REACHABLE, first.get("SIP/trunk1@D1").state());
                assertEquals("PJ two", first.get("PJSIP/pjtrunk2@D1").carrierName());

                BlockingQueue<TrunkView> changes = new LinkedBlockingQueue<>();
                w.onChange(changes::add);
                TranscriptAnswers.events("24-contactstatus-unreachable.ami", "PeerStatus", "ContactStatus",
                        "Registry").forEach(server::sendToLoggedIn);
                TrunkView down = await(changes, v -> v.peer().equals("pjtrunk2")
                        && v.state() == TrunkState.UNREACHABLE);
                assertEquals(-1, down.latencyMs());
                TrunkView rejected = await(changes, v -> v.peer().equals("pjtrunk2") && v.registrationFailed());
                assertEquals("Rejected", rejected.registration().state());
                assertTrue(rejected.problem());
                List<TrunkView> now = w.views().get(5, TimeUnit.SECONDS);
                assertEquals(TrunkState.REACHABLE, now.stream().filter(v -> v.peer().equals("pjtrunk1")).findFirst()
                        .orElseThrow().state(), "pjtrunk1 is untouched");
            }
        }
    }

    private static TrunkView await(BlockingQueue<TrunkView> q, Predicate<TrunkView> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            TrunkView v = q.poll(100, TimeUnit.MILLISECONDS);
            if (v != null && p.test(v)) {
                return v;
            }
        }
        throw new AssertionError("no matching change");
    }
}
