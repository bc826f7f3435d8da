package trunkops.health;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import trunkops.ami.PjsipContactInfo;
import trunkops.topology.Tech;
import trunkops.topology.TrunkKey;

/**
 * The contacts of each PJSIP endpoint per dialer (endpoint × contact), and what they say together about the trunk.
 * chan_pjsip dials an endpoint's first reachable contact and refuses the call (CHANUNAVAIL) when none is, so the
 * trunk is good when any contact is reachable within the console's threshold, LAGGED when the reachable ones are
 * all slower, BAD when every qualified contact is unreachable. Owned by the monitor thread.
 */
final class PjsipContacts {

    /** One endpoint's verdict with its reasons. */
    record Verdict(Observation observation, int rttMs, String why) {
    }

    private final Map<TrunkKey, Map<String, PjsipContactInfo>> byEndpoint = new HashMap<>();

    /** A poll's complete contact list of {@code endpoint}. */
    void replace(TrunkKey endpoint, List<PjsipContactInfo> contacts) {
        Map<String, PjsipContactInfo> m = new LinkedHashMap<>();
        for (PjsipContactInfo c : contacts) {
            m.put(c.uri(), c);
        }
        byEndpoint.put(endpoint, m);
    }

    /** A ContactStatus event: one contact changed, was added or removed. */
    void update(TrunkKey endpoint, PjsipContactInfo c) {
        Map<String, PjsipContactInfo> m = byEndpoint.computeIfAbsent(endpoint, k -> new LinkedHashMap<>());
        if (c.removed()) {
            m.remove(c.uri());
        } else if (c.reachable() || c.unreachable() || c.nonQualified()) {
            m.put(c.uri(), c);
        } // Created / Updated carry no verdict: the next poll or status event says it
    }

    List<PjsipContactInfo> contacts(TrunkKey endpoint) {
        return new ArrayList<>(byEndpoint.getOrDefault(endpoint, Map.of()).values());
    }

    static TrunkKey key(String serverId, String endpoint) {
        return new TrunkKey(serverId, Tech.PJSIP, endpoint);
    }

    /** What the contacts of {@code endpoint} say, against the console's lagged threshold. */
    Verdict verdict(TrunkKey endpoint, int laggedMs) {
        List<PjsipContactInfo> all = contacts(endpoint);
        if (all.isEmpty()) {
            return new Verdict(Observation.UNKNOWN, -1, "no contact");
        }
        int reachable = 0;
        int unreachable = 0;
        int best = -1;
        for (PjsipContactInfo c : all) {
            if (c.reachable()) {
                reachable++;
                int ms = c.rttMs();
                if (ms >= 0 && (best < 0 || ms < best)) {
                    best = ms;
                }
            } else if (c.unreachable()) {
                unreachable++;
            }
        }
        String of = all.size() > 1 ? " (" + reachable + " of " + all.size() + " contacts reachable)" : "";
        if (reachable > 0) {
            boolean lagged = best > laggedMs;
            return new Verdict(lagged ? Observation.LAGGED : Observation.GOOD, best, (lagged
                    ? "round trip " + best + " ms over the console's " + laggedMs + " ms threshold" : "Reachable")
                    + of);
        }
        if (unreachable > 0) {
            return new Verdict(Observation.BAD, -1, "Unreachable" + of);
        }
        return new Verdict(Observation.UNMONITORED, -1, "not qualified (qualify_frequency 0)");
    }
}
