package trunkops.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import trunkops.lab.ami.AmiServer;
import trunkops.lab.ami.EventClass;
import trunkops.lab.ami.ManagerConfig;
import trunkops.lab.ami.ManagerUser;
import trunkops.lab.pbx.ConfigFiles;
import trunkops.lab.pbx.FarEnd;
import trunkops.lab.pbx.Pbx;

/**
 * A lab dialer configured like the PJSIP capture lab of the 2x transcripts (ami-fixtures/README-pjsip.md): the
 * chan_sip peers trunk1/trunk2 as before, PJSIP endpoints pjtrunk1/pjtrunk2 (endpoint + aor + identify, ViciDial
 * style) on 127.0.0.1:5074/5075 answered by scripted UASes, pjtrunk2-reg registering to pjtrunk2, the
 * [pjsip-outbound] failover context, AMI users noc (all) and restricted (system).
 */
public final class PjsipFixtureLab implements AutoCloseable {

    public static final String USER = "noc";
    public static final String SECRET = "nocsecret";

    public final LabClock clock;
    public final ConfigFiles files = new ConfigFiles();
    public final Pbx pbx;
    public final AmiServer ami;
    public final FarEnd trunk1 = FarEnd.scriptedUas("127.0.0.1:5071");
    public final FarEnd trunk2 = FarEnd.scriptedUas("127.0.0.1:5072");
    public final FarEnd pjtrunk1 = FarEnd.scriptedUas("127.0.0.1:5074");
    public final FarEnd pjtrunk2 = FarEnd.scriptedUas("127.0.0.1:5075");

    public PjsipFixtureLab(double speed) throws IOException {
        clock = new LabClock(speed);
        for (String f : List.of("sip.conf", "extensions.conf", "extensions-trunkops-test.conf",
                "extensions-pjsip.conf", "pjsip.conf")) {
            files.install(f, FixtureLab.resource("/fixture-lab-pjsip/" + f));
        }
        ManagerConfig mc = ManagerConfig.of(List.of(new ManagerUser(USER, SECRET, EventClass.ALL, EventClass.ALL,
                List.of("127.0.0.1/255.255.255.255"), 5000),
                ManagerUser.of("restricted", "restrictedsecret", "system", "system")));
        pbx = new Pbx("pjsip-fixture-lab", clock, mc, files);
        for (FarEnd f : List.of(trunk1, trunk2, pjtrunk1, pjtrunk2)) {
            pbx.addFarEnd(f);
        }
        pbx.boot();
        ami = new AmiServer("pjsip-fixture-lab", pbx, InetAddress.getLoopbackAddress(), 0);
        ami.start();
    }

    public FarEnd farEnd(String name) {
        return switch (name) {
            case "trunk1" -> trunk1;
            case "trunk2" -> trunk2;
            case "pjtrunk1" -> pjtrunk1;
            case "pjtrunk2" -> pjtrunk2;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The qualify status of the endpoint's (only) contact: Reachable, Unreachable, Unknown, NonQual. */
    public String contactStatus(String endpoint) {
        for (var e : pbx.pjsipContactStatuses().entrySet()) {
            if (e.getKey().startsWith(endpoint + "/")) {
                return e.getValue();
            }
        }
        return null;
    }

    public boolean awaitContact(String endpoint, String status, Duration timeout) {
        return await(() -> status.equals(contactStatus(endpoint)), timeout);
    }

    public boolean awaitRegistration(String registration, String status, Duration timeout) {
        return await(() -> status.equals(pbx.registrationStatuses().get(registration)), timeout);
    }

    /** Waits in real time for a condition of the lab's state. */
    public static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        return false;
    }

    @Override
    public void close() {
        ami.close();
        pbx.close();
    }
}
