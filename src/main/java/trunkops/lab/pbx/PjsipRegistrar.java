package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import trunkops.lab.ami.AmiMessage;
import trunkops.lab.ami.EventClass;

/**
 * res_pjsip_outbound_registration as the lab simulates it: a REGISTER at load, a refresh 10 s before
 * {@code expiration}, {@code Registry} published after every answer (Registered) or timeout (32 s, timer B:
 * Rejected, retry after {@code retry_interval}, at most {@code max_retries} times). The far ends answer REGISTER
 * with 200 OK at once (no challenge), unless their registrar is down.
 */
final class PjsipRegistrar {

    static final int REREGISTER_BUFFER_S = 10;

    private final Pbx pbx;
    private final Function<String, FarEnd> farEndOf;
    private Map<String, PjsipState.Registration> registrations = new TreeMap<>();

    PjsipRegistrar(Pbx pbx, Function<String, FarEnd> farEndOf) {
        this.pbx = pbx;
        this.farEndOf = farEndOf;
    }

    List<PjsipState.Registration> registrations() {
        return new ArrayList<>(registrations.values());
    }

    /** Unchanged registrations keep their state and timers; new or changed ones register anew. */
    void apply(PjsipConfig.Objects next) {
        Map<String, PjsipState.Registration> nextRegs = new TreeMap<>();
        for (PjObject cfg : next.of("registration").values()) {
            PjsipState.Registration old = registrations.get(cfg.id());
            if (old != null && sameOptions(old.cfg, cfg)) {
                old.cfg = cfg;
                nextRegs.put(cfg.id(), old);
                continue;
            }
            if (old != null) {
                old.gen++;
            }
            PjsipState.Registration r = new PjsipState.Registration(cfg);
            int gen = ++r.gen;
            pbx.schedule(100, () -> register(r, gen));
            nextRegs.put(cfg.id(), r);
        }
        registrations.values().stream().filter(r -> nextRegs.get(r.cfg.id()) != r).forEach(r -> r.gen++);
        registrations = nextRegs;
    }

    private static boolean sameOptions(PjObject a, PjObject b) {
        if (a.vars().size() != b.vars().size()) {
            return false;
        }
        for (int i = 0; i < a.vars().size(); i++) {
            AstConfig.Var x = a.vars().get(i);
            AstConfig.Var y = b.vars().get(i);
            if (!x.name().equals(y.name()) || !x.value().equals(y.value())) {
                return false;
            }
        }
        return true;
    }

    private boolean live(PjsipState.Registration r, int gen) {
        return registrations.get(r.cfg.id()) == r && r.gen == gen;
    }

    void register(PjsipState.Registration r, int gen) {
        if (!live(r, gen)) {
            return;
        }
        FarEnd far = farEndOf.apply(r.cfg.opt("server_uri"));
        double rtt = far == null ? -1 : far.registerRtt(pbx.clock().nowMillis());
        if (rtt < 0) {
            pbx.schedule(PjsipDriver.TIMER_B_MS, () -> registerTimedOut(r, gen));
        } else {
            pbx.schedule((long) rtt, () -> registered(r, gen));
        }
    }

    /** {@code pjsip send register}: a REGISTER now; the refresh schedule restarts from its answer. */
    boolean registerNow(String name) {
        PjsipState.Registration r = registrations.get(name);
        if (r == null) {
            return false;
        }
        register(r, ++r.gen);
        return true;
    }

    private void registered(PjsipState.Registration r, int gen) {
        if (!live(r, gen)) {
            return;
        }
        int expiration = r.cfg.intOpt("expiration", 3600);
        r.status = "Registered";
        r.failures = 0;
        r.expiresAtMillis = pbx.clock().nowMillis() + expiration * 1000L;
        registry(r);
        int refresh = expiration > REREGISTER_BUFFER_S ? expiration - REREGISTER_BUFFER_S : expiration;
        pbx.schedule(refresh * 1000L, () -> register(r, gen));
    }

    private void registerTimedOut(PjsipState.Registration r, int gen) {
        if (!live(r, gen)) {
            return;
        }
        r.status = "Rejected";
        r.failures++;
        registry(r);
        if (r.failures <= r.cfg.intOpt("max_retries", 10)) {
            pbx.schedule(r.cfg.intOpt("retry_interval", 60) * 1000L, () -> register(r, gen));
        }
    }

    private void registry(PjsipState.Registration r) {
        pbx.publish(pbx.event("Registry", EventClass.SYSTEM.bit(), AmiMessage.builder()
                .add("ChannelType", "PJSIP").add("Username", r.cfg.opt("client_uri"))
                .add("Domain", r.cfg.opt("server_uri")).add("Status", r.status)));
        pbx.hooks().registry(pbx.serverId(), r.cfg.id(), r.status);
    }

    /** Seconds until a Registered registration expires ({@code pjsip show registrations}' "exp."). */
    long expiresInSeconds(PjsipState.Registration r) {
        return Math.floorDiv(r.expiresAtMillis - pbx.clock().nowMillis(), 1000);
    }
}
