package trunkops.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
 * A lab dialer made for load: Local calls into a route that Dials one of a few SIP trunks, answered at once and
 * hung up quickly, at an offered call rate. Used by the AMI benchmarks.
 */
final class StormLab implements AutoCloseable {

    static final String USER = "bench";
    static final String SECRET = "benchsecret";
    static final int TRUNKS = 8;

    final Pbx pbx;
    final AmiServer ami;
    private volatile Thread generator;
    final AtomicLong placed = new AtomicLong();

    StormLab() throws IOException {
        ConfigFiles files = new ConfigFiles();
        StringBuilder sip = new StringBuilder("[general]\ncontext=from-trunk\n");
        for (int i = 0; i < TRUNKS; i++) {
            sip.append("[carrier").append(i).append("]\ntype=peer\nhost=192.0.2.").append(100 + i)
                    .append("\nqualify=yes\nqualifyfreq=5\ncontext=from-trunk\n");
        }
        files.install("sip.conf", sip.toString());
        StringBuilder ext = new StringBuilder("[general]\n[globals]\n[storm]\n");
        for (int i = 0; i < TRUNKS; i++) {
            ext.append("exten => _").append(i).append("X.,1,NoOp(storm call to ${EXTEN})\n")
                    .append(" same => n,Dial(SIP/carrier").append(i).append("/${EXTEN:1},20,To)\n")
                    .append(" same => n,Hangup()\n");
        }
        ext.append("[answer]\nexten => s,1,Answer()\n same => n,Wait(30)\n same => n,Hangup()\n");
        files.install("extensions.conf", ext.toString());
        pbx = new Pbx("STORM", LabClock.realTime(), ManagerConfig.of(List.of(new ManagerUser(USER, SECRET,
                EventClass.ALL, EventClass.ALL, List.of("127.0.0.0/8"), 30_000))), files);
        for (int i = 0; i < TRUNKS; i++) {
            pbx.addFarEnd(new FarEnd("192.0.2." + (100 + i), 5 + i, 0.1,
                    new CallOutcomeMix(1.0, 0, 0, 0, 0, 0, 0, 0.05, 0.2), i));
        }
        pbx.boot();
        ami = new AmiServer("STORM", pbx, InetAddress.getLoopbackAddress(), 0);
        ami.start();
    }

    /** Starts (or changes) the offered load; 0 stops it. */
    void offer(int callsPerSecond) {
        Thread old = generator;
        if (old != null) {
            old.interrupt();
            try {
                old.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        generator = null;
        if (callsPerSecond <= 0) {
            return;
        }
        long interval = 1_000_000_000L / callsPerSecond;
        Thread t = new Thread(() -> {
            long next = System.nanoTime();
            long n = 0;
            while (!Thread.currentThread().isInterrupted()) {
                int trunk = (int) (n % TRUNKS);
                pbx.originateLocal(trunk + "1202555" + String.format("%04d", n % 10_000), "storm", "answer", "s",
                        "V1126000000" + String.format("%010d", n), "5551000", 15_000);
                n++;
                placed.incrementAndGet();
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }, "storm-generator");
        t.setDaemon(true);
        t.start();
        generator = t;
    }

    /** Waits until no channel is left (after the load stopped). */
    void drain() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!pbx.channelNames().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000_000L);
        }
    }

    static void pause(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(Math.min(50_000_000L, end - System.nanoTime()));
        }
    }

    @Override
    public void close() {
        offer(0);
        ami.close();
        pbx.close();
    }
}
