package trunkops.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiLinkState;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.AmiTarget;
import trunkops.ami.SipPeerInfo;
import trunkops.topology.Tech;

/** The headless watch reports every change the model makes, in order, also those made before anyone listened. */
class DialerWatchTest {

    @Test
    void changesBeforeTheListenerIsRegisteredAreDeliveredFirstAndInOrder() throws Exception {
        // never started: the test plays the gateway, the callbacks run on the watch's own thread in call order
        try (DialerWatch w = new DialerWatch(new AmiTarget("D1", "127.0.0.1", 1, "u"), () -> new char[] {'x'}, null,
                HealthSettings.defaults(), AmiGateway.Settings.defaults())) {
            long now = System.currentTimeMillis();
            w.linkChanged(new AmiLinkStatus("D1", AmiLinkState.CONNECTED, "logged in", now, 0));
            w.peersSnapshot("D1", List.of(SipPeerInfo.of("trunk1", "10.0.0.1", 5060, "OK (20 ms)")), now);
            w.peerStatus("D1", Tech.SIP, "trunk1", "Reachable", 20, now);
            DialerWatch.Picture first = w.firstPicture().get(5, TimeUnit.SECONDS);
            assertEquals(TrunkState.REACHABLE, first.trunks().get(0).state());

            // the printing of the first picture takes a while; meanwhile the trunk goes down and up again
            w.peerStatus("D1", Tech.SIP, "trunk1", "Unreachable", null, now + 1);
            w.peerStatus("D1", Tech.SIP, "trunk1", "Reachable", 30, now + 2);
            w.peerStatus("D1", Tech.SIP, "trunk1", "Reachable", 31, now + 3);
            List<String> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> all = new CompletableFuture<>();
            w.onChange(t -> {
                seen.add(t.state() + " " + t.latencyMs());
                if (seen.size() == 3) {
                    all.complete(null);
                }
            });
            w.peerStatus("D1", Tech.SIP, "trunk1", "Lagged", 900, now + 4);
            try {
                all.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("only " + seen, e);
            }
            assertEquals(List.of("UNREACHABLE -1", "REACHABLE 31", "LAGGED 900"), seen);
        }
    }
}
