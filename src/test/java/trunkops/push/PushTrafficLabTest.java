package trunkops.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import trunkops.ami.AmiTestCaller;
import trunkops.ami.AmiTarget;
import trunkops.lab.LabCluster;
import trunkops.routing.RouteFile;
import trunkops.routing.RouteStore;
import trunkops.routing.RouteVersion;
import trunkops.testutil.AmiWireClient;

/**
 * Pushes on the full lab with its campaign traffic running (3 dialers, RENEW at 20x, keepalive every 2 s): a route's
 * own peer reaches every dialer and SIPshowpeer shows its new settings after each push (and it is gone once a
 * version drops it); a new weighted route pushed with {@link PushJob} carries RENEW's calls in its weights, and a
 * second push with other weights moves the live split.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushTrafficLabTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PushTrafficLabTest.class);
    private static final Duration T = Duration.ofSeconds(60);
    private static final String PEER_ROUTE = String.join("\n",
            "name = PEER-RT",
            "pattern = _54NXXNXXXXXX strip=1",
            "strategy = weighted",
            "member = SIP/blueline weight=100 priority=1",
            "%s");
    private static final String RENEW = String.join("\n",
            "name = RENEW-SPLIT",
            "pattern = _51NXXNXXXXXX strip=1",
            "strategy = weighted",
            "member = SIP/blueline weight=%d priority=1",
            "member = SIP/nsvoice weight=%d priority=2",
            "dial-timeout = 30");

    private static PushLab fx;

    @BeforeAll
    static void start() throws Exception {
        fx = PushLab.start("push-traffic-lab-test", true, 20.0, Duration.ofSeconds(2), 14L);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static RouteVersion save(String text, int based) throws Exception {
        RouteStore.SaveResult r = fx.routes().save(RouteFile.parse(text), based, "lab-test", "v" + (based + 1));
        return assertInstanceOf(RouteStore.SaveResult.Saved.class, r, r.toString()).version();
    }

    private static PushReport push(RouteVersion v) throws Exception {
        ChangeSet c = ChangeSet.build(v, fx.store().read(v.name()), fx.store().dialers());
        PushReport r = new PushJob(c, fx.store(), fx.reader(), new PushJob.Settings(Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofMillis(200), Optional.empty(), "lab-test"), p -> { }).run();
        LOG.info("push {}: {} {}", v.marker(), r.summary(), r.dialers());
        return r;
    }

    private static String trunk(int port, String dtmf) {
        return "trunk = SIP/rtpeer1 host=127.0.0.1 port=" + port + " dtmfmode=" + dtmf
                + " codecs=ulaw,alaw context=trunkinbound qualify=no";
    }

    @Test
    @Order(1)
    void aRoutesOwnPeerIsReadBackWithItsNewSettingsOnEveryDialer() throws Exception {
        RouteVersion v1 = save(String.format(PEER_ROUTE, trunk(5091, "rfc2833")), 0);
        assertEquals(PushReport.Outcome.PUSHED, push(v1).outcome());
        RouteVersion v2 = save(String.format(PEER_ROUTE, trunk(5092, "inband")), 1);
        PushReport r2 = push(v2);
        assertEquals(PushReport.Outcome.PUSHED, r2.outcome(), r2.toString());
        for (PushStore.Dialer d : fx.store().dialers()) {
            Map<String, String> peer = fx.reader().showPeer(d.serverId(), "rtpeer1").orElseThrow(
                    () -> new AssertionError("rtpeer1 not on " + d.serverId()));
            assertEquals("5092", peer.get("address-port"), d.serverId() + " " + peer);
            assertEquals("inband", peer.get("sip-dtmfmode"), d.serverId() + " " + peer);
            assertEquals("trunkinbound", peer.get("context"), d.serverId() + " " + peer);
        }
        RouteVersion v3 = save(String.format(PEER_ROUTE, ""), 2);
        PushReport r3 = push(v3);
        assertEquals(PushReport.Outcome.PUSHED, r3.outcome(), r3.toString());
        for (PushStore.Dialer d : fx.store().dialers()) {
            assertEquals(Optional.empty(), fx.reader().showPeer(d.serverId(), "rtpeer1"), d.serverId());
        }
    }

    @Test
    @Order(2)
    void renewsLiveTrafficFollowsThePushedWeights() throws Exception {
        RouteVersion v1 = save(String.format(RENEW, 70, 30), 0);
        List<LabCluster.AmiAccess> dialers = fx.lab().amiAccess();
        try (AmiWireClient d2 = login(dialers.get(1)); AmiWireClient d3 = login(dialers.get(2))) {
            PushReport r1 = push(v1);
            assertEquals(PushReport.Outcome.PUSHED, r1.outcome(), r1.toString());
            int from2 = d2.count();
            int from3 = d3.count();
            try (Connection c = fx.ds().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE vicidial_campaigns SET dial_prefix = '5' WHERE campaign_id = 'RENEW'")) {
                assertEquals(1, ps.executeUpdate());
            }
            Map<String, Integer> first = split(d2, from2, d3, from3, 1, 150);
            double blue1 = share(first);
            assertTrue(Math.abs(blue1 - 0.70) < 0.15, "pushed 70/30: " + first);

            RouteVersion v2 = save(String.format(RENEW, 20, 80), 1);
            int again2 = d2.count();
            int again3 = d3.count();
            PushReport r2 = push(v2);
            assertEquals(PushReport.Outcome.PUSHED, r2.outcome(), r2.toString());
            Map<String, Integer> second = split(d2, again2, d3, again3, 2, 150);
            double blue2 = share(second);
            assertTrue(Math.abs(blue2 - 0.20) < 0.15, "pushed 20/80: " + second);
            LOG.info("RENEW first attempts through pushed RENEW-SPLIT: v1 {} ({} % blueline), v2 {} ({} %)", first,
                    Math.round(blue1 * 1000) / 10.0, second, Math.round(blue2 * 1000) / 10.0);
        }
    }

    @Test
    @Order(3)
    void aTestCallOnTheCanaryReportsTheTrunksItReached() throws Exception {
        RouteVersion v3 = save(String.format(RENEW, 50, 50), 2);
        ChangeSet c = ChangeSet.build(v3, fx.store().read(v3.name()), fx.store().dialers());
        List<AmiTarget> targets = new ArrayList<>();
        for (LabCluster.AmiAccess x : fx.lab().amiAccess()) {
            targets.add(new AmiTarget(x.serverId(), x.host(), x.port(), x.user()));
        }
        AmiTestCaller caller = new AmiTestCaller(targets, t -> () -> fx.lab().amiAccess().stream()
                .filter(x -> x.serverId().equals(t.serverId())).findFirst().orElseThrow().secret().toCharArray(),
                10_000);
        String dial = TestDial.dialString(v3, "12125550100").orElseThrow();
        assertEquals("512125550100", dial);
        PushJob job = new PushJob(c, fx.store(), fx.reader(), new PushJob.Settings(Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofMillis(200), Optional.empty(), "lab-test"), p -> { })
                .withTestCall(caller, dial, TestDial.VICIDIAL_CONTEXT, Duration.ofSeconds(60));
        PushReport r = job.run();
        assertEquals(PushReport.Outcome.PUSHED, r.outcome(), r.toString());
        TestCaller.Result call = job.testCallResult().orElseThrow();
        LOG.info("test call through RENEW-SPLIT v3 on the canary: {}", call);
        assertTrue(call.routed(), call.toString());
        assertTrue(List.of("SIP/blueline", "SIP/nsvoice").containsAll(call.attempts()), call.toString());
        call.answeredBy().ifPresent(a -> assertTrue(call.attempts().contains(a), call.toString()));
        assertTrue(r.dialers().get(0).detail().contains("; test call "), r.dialers().get(0).detail());
    }

    private static double share(Map<String, Integer> m) {
        return m.getOrDefault("SIP/blueline", 0) / (double) total(m);
    }

    private static AmiWireClient login(LabCluster.AmiAccess a) throws Exception {
        AmiWireClient c = new AmiWireClient(a.host(), a.port());
        c.send("Action: Login\r\nUsername: " + a.user() + "\r\nSecret: " + a.secret() + "\r\nEvents: user\r\n\r\n");
        assertNotNull(c.await(m -> m.contains("Message: Authentication accepted"), T), "login to " + a.serverId());
        return c;
    }

    /** First attempts of {@code version} on both dialers from the given message indexes, waiting for {@code n}. */
    private static Map<String, Integer> split(AmiWireClient d2, int from2, AmiWireClient d3, int from3, int version,
                                              int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Map<String, Integer> m = new HashMap<>();
        while (System.nanoTime() < deadline) {
            m.clear();
            m.putAll(firstAttempts(d2, from2, version));
            firstAttempts(d3, from3, version).forEach((k, x) -> m.merge(k, x, Integer::sum));
            if (total(m) >= n) {
                return m;
            }
            d2.awaitCount(d2.count() + 1, Duration.ofSeconds(5));
        }
        throw new AssertionError("only " + m + " first attempts of v" + version + " in 180 s");
    }

    private static Map<String, Integer> firstAttempts(AmiWireClient ami, int from, int version) {
        Map<String, Integer> byTrunk = new HashMap<>();
        List<List<String>> all = ami.messages();
        for (List<String> msg : all.subList(from, all.size())) {
            Map<String, String> f = new HashMap<>();
            for (String line : msg) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    f.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            if ("TrunkOpsAttempt".equals(f.get("UserEvent")) && "RENEW-SPLIT".equals(f.get("route"))
                    && String.valueOf(version).equals(f.get("version")) && "1".equals(f.get("attempt"))) {
                byTrunk.merge(f.get("trunk"), 1, Integer::sum);
            }
        }
        return byTrunk;
    }

    private static int total(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }
}
