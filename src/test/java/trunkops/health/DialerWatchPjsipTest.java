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

    /** 25-events-system-call-10-calls: ten calls through pjtrunk1, counted from its PJSIP/pjtrunk1- channels. */
    @Test
    void liveCallsOfAPjsipTrunkFollowTheRealEventStream() throws Exception {
        List<String> events = TranscriptAnswers.events("25-events-system-call-10-calls.ami", "Newchannel", "Hangup");
        int firstHangup = 0;
        while (!events.get(firstHangup).startsWith("Event: Hangup")) {
            firstHangup++;
        }
        try (ScriptedManager server = new ScriptedManager()) {
            server.otherActions = TranscriptAnswers.of("23-pjsipshowendpoints.ami", "23-pjsipshowendpoint.ami",
                    "23-pjsipshowregistrationsoutbound.ami", "03-sipshowregistry.ami")::answer;
            try (DialerWatch w = new DialerWatch(new AmiTarget("D1", "127.0.0.1", server.port(), ScriptedManager.USER),
                    ScriptedManager.SECRET::toCharArray, PjsipHealthTest.topology(), HealthSettings.defaults(),
                    AmiGateway.Settings.defaults().withLatencyPoll(60_000))) {
                w.start();
                w.firstPicture().get(20, TimeUnit.SECONDS);
                events.subList(0, firstHangup).forEach(server::sendToLoggedIn);
                awaitCalls(w, "pjtrunk1", 10);
                assertEquals(0, calls(w, "pjtrunk2"), "Local channels are no trunk calls");
                events.subList(firstHangup, events.size()).forEach(server::sendToLoggedIn);
                awaitCalls(w, "pjtrunk1", 0);
            }
        }
    }

    private static int calls(DialerWatch w, String peer) throws Exception {
        return w.views().get(5, TimeUnit.SECONDS).stream().filter(v -> v.peer().equals(peer)).findFirst()
                .orElseThrow().calls();
    }

    private static void awaitCalls(DialerWatch w, String peer, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int last = -1;
        Object lock = new Object();
        while (System.nanoTime() < deadline) {
            last = calls(w, peer);
            if (last == n) {
                return;
            }
            synchronized (lock) {
                lock.wait(20);
            }
        }
        throw new AssertionError(peer + ": " + last + " calls, expected " + n);
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
