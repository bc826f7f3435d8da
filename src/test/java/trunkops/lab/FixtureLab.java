package trunkops.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import trunkops.lab.ami.AmiServer;
import trunkops.lab.ami.ManagerConfig;
import trunkops.lab.ami.ManagerUser;
import trunkops.lab.pbx.ConfigFiles;
import trunkops.lab.pbx.FarEnd;
import trunkops.lab.pbx.Pbx;

/**
 * A lab dialer configured like the real Asterisk 20.20.1 the AMI fixtures were captured from: chan_sip peers
 * trunk1/trunk2 on 127.0.0.1:5071/5072 answered by scripted UASes, the [outbound] failover context, the [lab]
 * hold context, AMI user noc/nocsecret with read=all write=all. Runs faster than real time.
 */
public final class FixtureLab implements AutoCloseable {

    public static final String USER = "noc";
    public static final String SECRET = "nocsecret";
    /** A restricted user: reads only system events, may only run reporting actions. */
    public static final String MONITOR_USER = "monitor";
    public static final String MONITOR_SECRET = "monitorsecret";

    public final LabClock clock;
    public final ConfigFiles files = new ConfigFiles();
    public final Pbx pbx;
    public final AmiServer ami;
    public final FarEnd trunk1 = FarEnd.scriptedUas("127.0.0.1:5071");
    public final FarEnd trunk2 = FarEnd.scriptedUas("127.0.0.1:5072");

    public FixtureLab(double speed) throws IOException {
        clock = new LabClock(speed);
        for (String f : List.of("sip.conf", "extensions.conf", "extensions-trunkops-test.conf")) {
            files.install(f, resource("/fixture-lab/" + f));
        }
        ManagerConfig mc = ManagerConfig.of(List.of(new ManagerUser(USER, SECRET,
                trunkops.lab.ami.EventClass.ALL, trunkops.lab.ami.EventClass.ALL,
                List.of("127.0.0.1/255.255.255.255"), 5000),
                ManagerUser.of(MONITOR_USER, MONITOR_SECRET, "system", "reporting")));
        pbx = new Pbx("fixture-lab", clock, mc, files);
        pbx.addFarEnd(trunk1);
        pbx.addFarEnd(trunk2);
        pbx.boot();
        ami = new AmiServer("fixture-lab", pbx, InetAddress.getLoopbackAddress(), 0);
        ami.start();
    }

    static String resource(String path) throws IOException {
        try (InputStream in = FixtureLab.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits (in real time) until the named peer's SIPpeers status starts with {@code prefix}. */
    public boolean awaitPeer(String peer, String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String st = pbx.peerStatuses().get(peer);
            if (st != null && st.startsWith(prefix)) {
                return true;
            }
            try {
                Thread.onSpinWait();
                synchronized (this) {
                    wait(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public FarEnd farEnd(String trunk) {
        return switch (trunk) {
            case "trunk1" -> trunk1;
            case "trunk2" -> trunk2;
            default -> throw new IllegalArgumentException(trunk);
        };
    }

    @Override
    public void close() {
        ami.close();
        pbx.close();
    }
}
