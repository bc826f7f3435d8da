package trunkops.lab.pbx;

import java.util.Random;

import trunkops.lab.LabClusterSpec.CallOutcomeMix;

/**
 * The far end of a SIP peer: a carrier SBC (or the fixtures' scripted UAS). It answers OPTIONS after a
 * log-normal latency and INVITEs with an outcome drawn from its mix. Faults change it at run time: killed (no
 * answer at all, UDP port closed), lagging (extra latency), flapping (down for part of every period), or
 * failing calls with a SIP code while still answering OPTIONS ("probe OK but calls failing").
 *
 * <p>Thread-safe: faults are set from any thread, the PBX thread reads.
 */
public final class FarEnd {

    /** What the far end does with one INVITE. */
    public record InviteOutcome(int finalCode, long ringMillis, long talkMillis) {
        public boolean answered() {
            return finalCode == 200;
        }

        /** No response at all (dead far end): the INVITE transaction times out. */
        public boolean silent() {
            return finalCode == 0;
        }
    }

    private final String host;
    private final double medianLatencyMs;
    private final double spread;
    private final CallOutcomeMix mix;
    private final Random random;

    private volatile boolean killed;
    private volatile double extraLatencyMs;
    private volatile long flapPeriodMs;
    private volatile long flapOriginMillis;
    private volatile int failCode;
    private volatile double failFraction;
    private volatile long fixedRingMillis = -1;
    private volatile boolean registrarDown;

    public FarEnd(String host, double medianLatencyMs, double spread, CallOutcomeMix mix, long seed) {
        this.host = host;
        this.medianLatencyMs = medianLatencyMs;
        this.spread = spread;
        this.mix = mix;
        this.random = new Random(seed);
    }

    /** The scripted UAS of the AMI fixtures: OPTIONS answered at once, INVITE answered after 0.5 s. */
    public static FarEnd scriptedUas(String host) {
        FarEnd f = new FarEnd(host, 0.3, 0.0, new CallOutcomeMix(1, 0, 0, 0, 0, 0, 0, 0.5, 3600), 1);
        f.fixedRingMillis = 500;
        return f;
    }

    public String host() {
        return host;
    }

    // ---- faults ----

    public void kill() {
        killed = true;
    }

    public void restore() {
        killed = false;
        extraLatencyMs = 0;
        flapPeriodMs = 0;
        failCode = 0;
        failFraction = 0;
        registrarDown = false;
    }

    public void start() {
        killed = false;
    }

    public void lag(double extraMs) {
        extraLatencyMs = extraMs;
    }

    /** Down for the first half of every {@code periodMs} (lab time), up for the second. */
    public void flap(long periodMs, long nowMillis) {
        flapOriginMillis = nowMillis;
        flapPeriodMs = periodMs;
    }

    /** Answers this fraction of INVITEs with {@code sipCode} (e.g. 503) while OPTIONS stay fine. */
    public void failCalls(int sipCode, double fraction) {
        failCode = sipCode;
        failFraction = fraction;
    }

    /** Rings this long before answering (lab ms); a negative value returns to the outcome mix's ring time. */
    public void ringMillis(long ms) {
        fixedRingMillis = ms;
    }

    /**
     * The far end's registrar stops answering REGISTER (OPTIONS and INVITEs are unaffected): a PJSIP outbound
     * registration to it times out at its next refresh and turns Rejected.
     */
    public void registrarDown(boolean down) {
        registrarDown = down;
    }

    public boolean isRegistrarDown() {
        return registrarDown;
    }

    public boolean isKilled() {
        return killed;
    }

    boolean downAt(long nowMillis) {
        if (killed) {
            return true;
        }
        long period = flapPeriodMs;
        if (period > 0) {
            long phase = Math.floorMod(nowMillis - flapOriginMillis, period);
            return phase < period / 2;
        }
        return false;
    }

    // ---- behaviour ----

    /** Round-trip time of an OPTIONS probe in ms, or -1 when nothing answers. */
    synchronized double optionsRtt(long nowMillis) {
        if (downAt(nowMillis)) {
            return -1;
        }
        double base = spread <= 0 ? medianLatencyMs : medianLatencyMs * Math.exp(spread * random.nextGaussian());
        return base + extraLatencyMs;
    }

    /** Round-trip time of a REGISTER answered 200 OK at once (no challenge), or -1 when nothing answers. */
    synchronized double registerRtt(long nowMillis) {
        if (registrarDown) {
            return -1;
        }
        return optionsRtt(nowMillis);
    }

    synchronized InviteOutcome invite(long nowMillis) {
        if (downAt(nowMillis)) {
            return new InviteOutcome(0, 0, 0);
        }
        long ring = fixedRingMillis >= 0 ? fixedRingMillis : exp(mix.meanRingSeconds() * 1000);
        if (failCode > 0 && random.nextDouble() < failFraction) {
            return new InviteOutcome(failCode, Math.min(ring, 200), 0);
        }
        double total = mix.total();
        double r = random.nextDouble() * (total <= 0 ? 1 : total);
        if ((r -= mix.answer()) < 0) {
            return new InviteOutcome(200, ring, Math.max(1000, exp(mix.meanTalkSeconds() * 1000)));
        }
        if ((r -= mix.busy()) < 0) {
            return new InviteOutcome(486, Math.min(ring, 1500), 0);
        }
        if ((r -= mix.noAnswer()) < 0) {
            return new InviteOutcome(-1, Long.MAX_VALUE, 0);
        }
        if ((r -= mix.congestion503()) < 0) {
            return new InviteOutcome(503, 80 + random.nextInt(200), 0);
        }
        if ((r -= mix.unavailable480()) < 0) {
            return new InviteOutcome(480, Math.min(ring, 3000), 0);
        }
        if ((r -= mix.notFound404()) < 0) {
            return new InviteOutcome(404, 100 + random.nextInt(300), 0);
        }
        return new InviteOutcome(500, 100 + random.nextInt(300), 0);
    }

    private long exp(double mean) {
        return (long) (-mean * Math.log(1 - random.nextDouble()));
    }
}
