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
        this(false);
    }

    /**
     * @param pjsip false: eight chan_sip peers; true: the odd-numbered four are PJSIP endpoints instead (aor +
     *              identify + endpoint of one name, as ViciDial writes a PJSIP carrier, qualify_frequency 5), dialled
     *              as {@code PJSIP/number@carrierN}
     */
    StormLab(boolean pjsip) throws IOException {
        ConfigFiles files = new ConfigFiles();
        StringBuilder sip = new StringBuilder("[general]\ncontext=from-trunk\n");
        StringBuilder pj = new StringBuilder("[transport-udp]\ntype=transport\nprotocol=udp\nbind=0.0.0.0:5061\n");
        for (int i = 0; i < TRUNKS; i++) {
            String host = "192.0.2." + (100 + i);
            if (isPjsip(pjsip, i)) {
                pj.append("[carrier").append(i).append("]\ntype=aor\ncontact=sip:").append(host)
                        .append(":5060\nqualify_frequency=5\n[carrier").append(i).append("]\ntype=identify\nendpoint=carrier")
                        .append(i).append("\nmatch=").append(host).append("\n[carrier").append(i)
                        .append("]\ntype=endpoint\ncontext=from-trunk\ndisallow=all\nallow=ulaw\n")
                        .append("transport=transport-udp\naors=carrier").append(i).append('\n');
            } else {
                sip.append("[carrier").append(i).append("]\ntype=peer\nhost=").append(host)
                        .append("\nqualify=yes\nqualifyfreq=5\ncontext=from-trunk\n");
            }
        }
        files.install("sip.conf", sip.toString());
        if (pjsip) {
            files.install("pjsip.conf", pj.toString());
        }
        StringBuilder ext = new StringBuilder("[general]\n[globals]\n[storm]\n");
        for (int i = 0; i < TRUNKS; i++) {
            String dial = isPjsip(pjsip, i) ? "PJSIP/${EXTEN:1}@carrier" + i : "SIP/carrier" + i + "/${EXTEN:1}";
            ext.append("exten => _").append(i).append("X.,1,NoOp(storm call to ${EXTEN})\n")
                    .append(" same => n,Dial(").append(dial).append(",20,To)\n")
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

    private static boolean isPjsip(boolean pjsip, int trunk) {
        return pjsip && trunk % 2 == 1;
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
