package trunkops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;

import trunkops.ami.AmiGateway;
import trunkops.ami.AmiTarget;
import trunkops.health.DialerWatch;
import trunkops.health.HealthSettings;

/**
 * AMI ingest through the console's gateway and health model, against a bare asterisk-java connection with a
 * no-op listener, on the same lab dialer in the same run (the baseline). For each offered load: the median
 * events/s each client took in over 1-second windows, and the gateway's drop counter (must stay 0).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=trunkops.bench.AmiIngestBenchmark [-Dexec.args="[pjsip] 200 300 400"]} (calls/s; {@code pjsip}:
 * the 8-peer lab first, then the same rates on a lab whose half trunks are PJSIP endpoints).
 */
public final class AmiIngestBenchmark {

    private AmiIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean pjsip = args.length > 0 && args[0].equals("pjsip");
        String[] r = pjsip ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        int[] rates = r.length > 0 ? java.util.Arrays.stream(r).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 250, 400, 550, 700};
        run(false, rates);
        if (pjsip) { // the chan_sip run above is the same-process baseline
            run(true, rates);
        }
    }

    private static void run(boolean pjsip, int[] rates) throws Exception {
        try (StormLab lab = new StormLab(pjsip)) {
            System.out.println(pjsip ? "--- 4 chan_sip peers + 4 PJSIP endpoints" : "--- 8 chan_sip peers");
            System.out.printf(Locale.ROOT, "%-8s %-18s %-18s %-18s %-7s %s%n", "calls/s", "server ev/s",
                    "bare AJ ev/s", "gateway ev/s", "ratio", "gateway drops");
            for (int rate : rates) {
                double bare = bare(lab, rate);
                double[] gw = gateway(lab, rate);
                double bare2 = bare(lab, rate);
                double baseline = Math.max(bare, bare2);
                System.out.printf(Locale.ROOT, "%-8d %-18.0f %-18.0f %-18.0f %-7.2f %.0f%n", rate, gw[2], baseline, gw[0],
                        gw[0] / baseline, gw[1]);
            }
        }
    }

    /** Median events/s a bare asterisk-java connection with a no-op listener receives. */
    static double bare(StormLab lab, int rate) throws Exception {
        ManagerConnection c = new ManagerConnectionFactory(lab.ami.host(), lab.ami.port(), StormLab.USER,
                StormLab.SECRET).createManagerConnection();
        AtomicLong n = new AtomicLong();
        c.addEventListener(e -> n.incrementAndGet());
        c.login("system,call");
        try {
            return measure(lab, rate, n, null)[0];
        } finally {
            c.logoff();
        }
    }

    /** {median events/s through gateway + model, drops, server published events/s}. */
    static double[] gateway(StormLab lab, int rate) throws Exception {
        DialerWatch watch = new DialerWatch(new AmiTarget("STORM", lab.ami.host(), lab.ami.port(), StormLab.USER),
                StormLab.SECRET::toCharArray, null, HealthSettings.defaults(), AmiGateway.Settings.defaults());
        watch.start();
        try {
            watch.firstPicture().get(20, java.util.concurrent.TimeUnit.SECONDS);
            AtomicLong received = watchCounter(watch);
            double[] r = measure(lab, rate, received, watch);
            return new double[] {r[0], watchDrops(watch), r[1]};
        } finally {
            watch.close();
        }
    }

    private static AtomicLong watchCounter(DialerWatch w) {
        AtomicLong proxy = new AtomicLong();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                proxy.set(w.eventsReceived());
                StormLab.pause(20);
            }
        }, "bench-counter");
        t.setDaemon(true);
        t.start();
        return proxy;
    }

    private static double watchDrops(DialerWatch w) {
        return w.eventsDropped();
    }

    /** Runs the load: 2 s warm-up, eight 1 s windows; returns {median client ev/s, median server ev/s}. */
    static double[] measure(StormLab lab, int rate, AtomicLong counter, DialerWatch watch) {
        lab.offer(rate);
        StormLab.pause(2_000);
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long c0 = watch == null ? counter.get() : watch.eventsReceived();
            long s0 = lab.pbx.eventsPublished();
            long t0 = System.nanoTime();
            StormLab.pause(1_000);
            double dt = (System.nanoTime() - t0) / 1e9;
            long c1 = watch == null ? counter.get() : watch.eventsReceived();
            client.add((c1 - c0) / dt);
            server.add((lab.pbx.eventsPublished() - s0) / dt);
        }
        lab.offer(0);
        lab.drain();
        return new double[] {LabEventRateBenchmark.median(client), LabEventRateBenchmark.median(server)};
    }
}
