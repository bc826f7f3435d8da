package trunkops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import trunkops.lab.LabClock;
import trunkops.lab.LabClusterSpec.CallOutcomeMix;
import trunkops.lab.ami.AmiServer;
import trunkops.lab.ami.EventClass;
import trunkops.lab.ami.ManagerConfig;
import trunkops.lab.ami.ManagerUser;
import trunkops.lab.pbx.ConfigFiles;
import trunkops.lab.pbx.FarEnd;
import trunkops.lab.pbx.Pbx;

/**
 * How many AMI events per second one lab dialer delivers on one connection. A generator originates Local calls
 * into a route that Dials a SIP trunk (the ViciDial auto-dial shape: Local pair, dialplan, SIP leg, bridge,
 * hangups: about 50 events per call with all classes on); a raw TCP client logged in with all event classes
 * counts what it receives. The offered call rate steps up; each step reports the median of 1-second windows of
 * events received and events published.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.LabEventRateBenchmark} (optional args: step rates in calls/s).
 */
public final class LabEventRateBenchmark {

    private LabEventRateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {50, 100, 200, 300, 400, 500, 600};
        ConfigFiles files = new ConfigFiles();
        files.install("sip.conf", String.join("\n", "[general]", "context=from-trunk",
                "[carrier]", "type=peer", "host=192.0.2.99", "qualify=yes", "qualifyfreq=30", "context=from-trunk", ""));
        files.install("extensions.conf", String.join("\n", "[general]", "[globals]",
                "[storm]",
                "exten => _X.,1,NoOp(storm call to ${EXTEN})",
                " same => n,Dial(SIP/carrier/${EXTEN},20,To)",
                " same => n,Hangup()",
                "[answer]",
                "exten => s,1,Answer()",
                " same => n,Wait(30)",
                " same => n,Hangup()", ""));
        LabClock clock = LabClock.realTime();
        Pbx pbx = new Pbx("BENCH", clock, ManagerConfig.of(List.of(new ManagerUser("bench", "benchsecret",
                EventClass.ALL, EventClass.ALL, List.of("127.0.0.0/8"), 5000))), files);
        pbx.addFarEnd(new FarEnd("192.0.2.99", 1, 0.0,
                new CallOutcomeMix(1.0, 0, 0, 0, 0, 0, 0, 0.05, 0.2), 1));
        pbx.boot();
        AmiServer ami = new AmiServer("BENCH", pbx, InetAddress.getLoopbackAddress(), 0);
        ami.start();
        EventCounter client = new EventCounter(ami.port());
        System.out.printf(Locale.ROOT, "%-10s %-10s %-22s %-22s %s%n", "offered", "placed", "received ev/s (median)",
                "published ev/s (median)", "events/call");
        for (int rate : rates) {
            Step s = runStep(pbx, client, rate, 8);
            System.out.printf(Locale.ROOT, "%-10d %-10.0f %-22.0f %-22.0f %.1f%n", rate, s.callsPerSecond,
                    s.receivedMedian, s.publishedMedian, s.publishedMedian / Math.max(1, s.callsPerSecond));
            drain(pbx);
        }
        client.close();
        ami.close();
        pbx.close();
    }

    private record Step(double callsPerSecond, double receivedMedian, double publishedMedian) {
    }

    private static Step runStep(Pbx pbx, EventCounter client, int rate, int seconds) throws InterruptedException {
        AtomicLong placed = new AtomicLong();
        long intervalNanos = 1_000_000_000L / rate;
        Thread gen = new Thread(() -> {
            long next = System.nanoTime();
            long n = 0;
            while (!Thread.currentThread().isInterrupted()) {
                pbx.originateLocal(Long.toString(2_025_550_000L + (n++ % 9_999)), "storm", "answer", "s",
                        "V1126000000000000" + (n % 1000), "5551000", 15_000);
                placed.incrementAndGet();
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }, "bench-generator");
        gen.setDaemon(true);
        // 2 s warm-up, then measure 1 s windows
        gen.start();
        waitNanos(2_000_000_000L);
        List<Double> received = new ArrayList<>();
        List<Double> published = new ArrayList<>();
        long placed0 = placed.get();
        long t0 = System.nanoTime();
        for (int i = 0; i < seconds; i++) {
            long r0 = client.events.get();
            long p0 = pbx.eventsPublished();
            long w0 = System.nanoTime();
            waitNanos(1_000_000_000L);
            double dt = (System.nanoTime() - w0) / 1e9;
            received.add((client.events.get() - r0) / dt);
            published.add((pbx.eventsPublished() - p0) / dt);
        }
        double calls = (placed.get() - placed0) / ((System.nanoTime() - t0) / 1e9);
        gen.interrupt();
        gen.join();
        return new Step(calls, median(received), median(published));
    }

    private static void drain(Pbx pbx) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!pbx.channelNames().isEmpty() && System.nanoTime() < deadline) {
            waitNanos(200_000_000L);
        }
    }

    private static void waitNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(50_000_000L, end - System.nanoTime()));
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** A raw AMI client that logs in with every event class and counts "Event:" lines as fast as it can. */
    private static final class EventCounter implements AutoCloseable {
        final AtomicLong events = new AtomicLong();
        private final Socket socket;

        EventCounter(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            OutputStream out = socket.getOutputStream();
            out.write("Action: Login\r\nUsername: bench\r\nSecret: benchsecret\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread t = new Thread(this::read, "bench-client");
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            byte[] buf = new byte[1 << 16];
            byte[] pat = "\nEvent:".getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    long found = 0;
                    for (int i = 0; i < n; i++) {
                        byte b = buf[i];
                        if (b == pat[matched]) {
                            matched++;
                            if (matched == pat.length) {
                                found++;
                                matched = 0;
                            }
                        } else {
                            matched = b == pat[0] ? 1 : 0;
                        }
                    }
                    events.addAndGet(found);
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
