package trunkops.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which SIP stacks a dialer has (learned from the refusal of SIPpeers / PJSIPShowEndpoints) and which PJSIP
 * endpoints the latency poll reads. Written on the gateway thread; {@link #watch} may come from any thread.
 */
final class PjsipPollPlan {

    /** Bounds one poll: a dialer with more watched endpoints polls the first this many (said in the log). */
    static final int MAX_POLLED = 256;

    private volatile Predicate<String> watched = e -> true;
    private volatile boolean chanSip = true;
    private volatile List<String> endpoints;

    void watch(Predicate<String> p) {
        watched = p == null ? e -> true : p;
    }

    void chanSip(boolean present) {
        chanSip = present;
    }

    /** True until SIPpeers was refused. */
    boolean hasChanSip() {
        return chanSip;
    }

    /** PJSIPShowEndpoints' names, or null when it was refused (no res_pjsip). */
    void endpoints(List<String> names) {
        endpoints = names;
    }

    boolean hasPjsip() {
        return endpoints != null;
    }

    /** The watched endpoints, at most {@link #MAX_POLLED}. */
    List<String> polled() {
        List<String> all = endpoints;
        if (all == null) {
            return List.of();
        }
        Predicate<String> w = watched;
        List<String> out = new ArrayList<>();
        for (String e : all) {
            if (w.test(e)) {
                out.add(e);
                if (out.size() >= MAX_POLLED) {
                    break;
                }
            }
        }
        return out;
    }
}
