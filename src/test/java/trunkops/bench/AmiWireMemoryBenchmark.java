package trunkops.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiGatewayListener;
import trunkops.ami.AmiLinkStatus;
import trunkops.ami.AmiTarget;
import trunkops.ami.HostileAmiServer;
import trunkops.ami.SipPeerInfo;

/**
 * What one hostile AMI connection costs the console (issue 15 items 4 and 5): the JVM's peak RSS, the live heap
 * after GC and the time until the next valid event is applied, after a server sends 1 MB lines, 10,000-line frames
 * or one endless line, or 200,000 BridgeCreate events that are never destroyed. One scenario per JVM, so the peak RSS is the scenario's.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.AmiWireMemoryBenchmark -Dexec.args="line1m|headers10k|bridges|endless [MB]"}
 */
public final class AmiWireMemoryBenchmark {

    private AmiWireMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "line1m";
        int endlessMb = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-scheduler");
            t.setDaemon(true);
            return t;
        });
        try (HostileAmiServer server = new HostileAmiServer(List.of("trunk1", "trunk2"))) {
            AmiGateway g = new AmiGateway(new AmiTarget("bench", "127.0.0.1", server.port(), "noc"),
                    "pw"::toCharArray, new AmiGatewayListener() {
                        @Override
                        public void linkChanged(AmiLinkStatus status) {
                        }

                        @Override
                        public void peersSnapshot(String serverId, List<SipPeerInfo> peers, long atMillis) {
                            seen.add("snapshot");
                        }

                        @Override
                        public void peerStatus(String serverId, trunkops.topology.Tech tech, String peer, String status,
                                   Integer t, long at) {
                            seen.add(peer + "=" + status);
                        }
                    }, scheduler, AmiGateway.Settings.defaults().withLatencyPoll(0));
            g.start();
            await(seen, "snapshot");
            server.send(event("trunk1", "Lagged"));
            await(seen, "trunk1=Lagged");
            long rssBefore = rss("VmHWM");
            long heapBefore = liveHeap();
            long start = System.nanoTime();
            switch (scenario) {
                case "line1m" -> {
                    for (int i = 0; i < 20; i++) {
                        server.send("Event: PeerStatus\r\nPeer: SIP/trunk1\r\nX: " + "A".repeat(1 << 20) + "\r\n\r\n");
                    }
                }
                case "headers10k" -> {
                    StringBuilder sb = new StringBuilder("Event: PeerStatus\r\nPeer: SIP/trunk1\r\n");
                    for (int i = 0; i < 10_000; i++) {
                        sb.append("Header").append(i).append(": value ").append(i).append("\r\n");
                    }
                    String frame = sb.append("\r\n").toString();
                    for (int i = 0; i < 5; i++) {
                        server.send(frame);
                    }
                }
                case "bridges" -> { // asterisk-java keeps every open bridge of its Bridge-event emulation
                    for (int batch = 0; batch < 50; batch++) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 0; i < 4_000; i++) {
                            sb.append("Event: BridgeCreate\r\nPrivilege: call,all\r\nBridgeUniqueid: ")
                                    .append(java.util.UUID.randomUUID()).append("\r\nBridgeType: basic\r\n"
                                            + "BridgeTechnology: simple_bridge\r\nBridgeNumChannels: 0\r\n\r\n");
                        }
                        server.send(sb.toString());
                    }
                }
                default -> {
                    byte[] chunk = new byte[1 << 20];
                    Arrays.fill(chunk, (byte) 'e');
                    byte[][] parts = new byte[endlessMb + 1][];
                    Arrays.fill(parts, chunk);
                    parts[0] = "Event: PeerStatus\r\nX: ".getBytes(StandardCharsets.US_ASCII);
                    server.send(parts);
                    server.send("\r\n\r\n");
                }
            }
            server.send(event("trunk2", "Unreachable"));
            boolean applied = await(seen, "trunk2=Unreachable");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf(Locale.ROOT, "%s: next valid event %s after %d ms; logins %d; malformed %d; peak RSS %d ->"
                            + " %d MB; live heap after GC %+d MB%n", scenario, applied ? "applied" : "NOT applied", ms,
                    server.logins(), g.eventsMalformed(), rssBefore >> 10, rss("VmHWM") >> 10,
                    (liveHeap() - heapBefore) >> 20);
            g.close();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static String event(String peer, String status) {
        return "Event: PeerStatus\r\nPrivilege: system,all\r\nChannelType: SIP\r\nPeer: SIP/" + peer
                + "\r\nPeerStatus: " + status + "\r\n\r\n";
    }

    private static boolean await(LinkedBlockingQueue<String> seen, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            if (what.equals(seen.poll(100, TimeUnit.MILLISECONDS))) {
                return true;
            }
        }
        return false;
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A /proc/self/status figure in kB. */
    private static long rss(String field) throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }
}
