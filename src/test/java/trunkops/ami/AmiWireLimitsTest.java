package trunkops.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 4 and 5 on the wire: an oversized line or frame from the manager port is dropped whole and
 * counted, the link stays up (no re-login), the next valid event is applied, and what one connection holds
 * stays bounded.
 */
class AmiWireLimitsTest {

    private HostileAmiServer server;
    private AmiGateway gateway;
    private ScheduledExecutorService scheduler;
    private final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final List<String> history = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        server = new HostileAmiServer(List.of("trunk1", "trunk2"));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-scheduler");
            t.setDaemon(true);
            return t;
        });
        gateway = new AmiGateway(new AmiTarget("hostile", "127.0.0.1", server.port(), "noc"),
                "pw"::toCharArray, new AmiGatewayListener() {
                    @Override
                    public void linkChanged(AmiLinkStatus status) {
                        seen.add("link=" + status.state());
                    }

                    @Override
                    public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
                        seen.add("snapshot=" + peers.size());
                    }

                    @Override
                    public void peerStatus(String serverId, trunkops.topology.Tech tech, String peer, String status,
                                   Integer t, long at) {
                        seen.add(peer + "=" + status);
                    }
                }, scheduler, new AmiGateway.Settings(8_000, 1_000, 5_000, 200, 1_000, 10_000, 0));
        gateway.start();
        await("snapshot=2");
        sendPeerStatus("trunk1", "Lagged"); // handled after the whole connect sequence: the gateway is idle now
        await("trunk1=Lagged");
    }

    @AfterEach
    void close() throws Exception {
        gateway.close();
        scheduler.shutdownNow();
        server.close();
    }

    private void await(String expected) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            String s = seen.poll(100, TimeUnit.MILLISECONDS);
            if (s != null) {
                history.add(s);
            }
            if (expected.equals(s)) {
                return;
            }
        }
        throw new AssertionError("never saw " + expected);
    }

    private void sendPeerStatus(String peer, String status) {
        server.send("Event: PeerStatus\r\nPrivilege: system,all\r\nChannelType: SIP\r\nPeer: SIP/" + peer
                + "\r\nPeerStatus: " + status + "\r\n\r\n");
    }

    private void assertLinkKeptAndNextEventApplied() throws InterruptedException {
        sendPeerStatus("trunk2", "Unreachable");
        await("trunk2=Unreachable");
        assertEquals(1, server.logins(), "the link was kept: no second login; seen " + history);
        assertEquals(AmiLinkState.CONNECTED, gateway.status().state());
    }

    @Test
    void aOneMegabyteLineDropsItsFrameOnly() throws Exception {
        server.send("Event: PeerStatus\r\nPeer: SIP/trunk1\r\nPeerStatus: Reachable\r\nX-Junk: "
                + "A".repeat(1 << 20) + "\r\n\r\n");
        assertLinkKeptAndNextEventApplied();
        assertEquals(1, gateway.eventsMalformed());
        assertTrue(seen.stream().noneMatch(s -> s.startsWith("trunk1=")), "the oversized frame was not applied");
    }

    @Test
    void aFrameOfTenThousandHeaderLinesIsDroppedWithoutStallingTheLink() throws Exception {
        StringBuilder sb = new StringBuilder("Event: PeerStatus\r\nPeer: SIP/trunk1\r\nPeerStatus: Reachable\r\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("Header").append(i).append(": value ").append(i).append("\r\n");
        }
        server.send(sb.append("\r\n").toString());
        assertLinkKeptAndNextEventApplied();
        assertEquals(1, gateway.eventsMalformed());
    }

    @Test
    void framesThatWouldKillAsteriskJavasReaderDropTheFrameNotTheLink() throws Exception {
        // each of these makes asterisk-java's reader thread die (ClassCastException, NullPointerException)
        server.send("Response: Success\r\nActionID: 1\r\nActionID: 2\r\nMessage: x\r\n\r\n"
                + "Response: Success\r\nresponse: Error\r\n\r\n"
                + "Event: BridgeEnter\r\nPrivilege: call,all\r\nChannel: SIP/trunk1-00000001\r\n\r\n");
        assertLinkKeptAndNextEventApplied();
        assertEquals(3, gateway.eventsMalformed());
    }

    @Test
    void anEndlessLineCostsOneLineBufferNotItsLength() throws Exception {
        long before = liveHeap();
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        byte[][] line = new byte[97][];
        Arrays.fill(line, chunk);
        line[0] = "Event: PeerStatus\r\nPeer: SIP/trunk1\r\nX-Endless: ".getBytes(StandardCharsets.US_ASCII);
        server.send(line); // returns once the client has taken all but the socket buffers' worth
        long during = liveHeap() - before;
        assertTrue(during < 24L << 20, "96 MB of one line made the console hold " + (during >> 20) + " MB");
        server.send("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertLinkKeptAndNextEventApplied();
        assertEquals(1, gateway.eventsMalformed());
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
