package trunkops.health;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import trunkops.ami.PjsipContactInfo;
import trunkops.ami.RegistrationInfo;
import trunkops.topology.ClusterTopology;
import trunkops.topology.HostPort;
import trunkops.topology.Tech;
import trunkops.topology.Trunk;
import trunkops.topology.TrunkKey;

/**
 * What {@link ClusterHealth} knows beyond chan_sip's peer verdicts: the PJSIP contacts of every endpoint, the
 * console's lagged threshold per carrier, the PJSIP endpoints adopted without a database, and every dialer's
 * outbound registrations (both stacks). Owned by the monitor thread.
 */
final class SipStacks {

    final PjsipContacts contacts = new PjsipContacts();
    final Registrations registrations = new Registrations();
    private final Map<TrunkKey, String> carrierOf = new HashMap<>();
    private final Map<TrunkKey, List<HostPort>> addressesOf = new HashMap<>();
    private final Map<String, Set<String>> adoptedEndpoints = new HashMap<>();
    private final Map<TrunkKey, String> lastSipFailure = new HashMap<>();
    private PjsipLagThresholds thresholds = PjsipLagThresholds.defaults();

    void thresholds(PjsipLagThresholds t) {
        thresholds = t;
    }

    void topology(ClusterTopology t) {
        for (Trunk tr : t.trunks()) {
            carrierOf.put(tr.key(), tr.carrierId());
            addressesOf.put(tr.key(), tr.peer().addresses());
        }
    }

    /** The console's lagged threshold for a PJSIP trunk (its carrier's, else the default). */
    int laggedMs(TrunkKey k) {
        return thresholds.forCarrier(carrierOf.getOrDefault(k, ""));
    }

    /** The contacts of a poll, grouped by the endpoints it covered. */
    static Map<String, List<PjsipContactInfo>> byEndpoint(List<String> endpoints, List<PjsipContactInfo> contacts) {
        Map<String, List<PjsipContactInfo>> m = new HashMap<>();
        endpoints.forEach(e -> m.put(e, new ArrayList<>()));
        for (PjsipContactInfo c : contacts) {
            List<PjsipContactInfo> l = m.get(c.endpoint());
            if (l != null) {
                l.add(c);
            }
        }
        return m;
    }

    /** Without a database, every PJSIP endpoint a dialer lists is a trunk (as every chan_sip peer is). */
    void adopt(String serverId, List<String> endpoints) {
        adoptedEndpoints.computeIfAbsent(serverId, k -> new TreeSet<>()).addAll(endpoints);
        endpoints.forEach(e -> addressesOf.putIfAbsent(PjsipContacts.key(serverId, e), List.of()));
    }

    /** Where an adopted chan_sip peer is (its registrations are matched by host). */
    void addresses(TrunkKey k, List<HostPort> a) {
        addressesOf.put(k, List.copyOf(a));
    }

    Set<String> adopted(String serverId) {
        return adoptedEndpoints.getOrDefault(serverId, Set.of());
    }

    /**
     * A Hangup: chan_pjsip's TechCause (the SIP code; chan_sip sends none) of a failed call on a trunk is kept, the
     * last one per trunk, for the board's words ({@code last failed call SIP 503 (cause 34) at 12:01:02}).
     */
    void hangup(String serverId, String channel, int cause, int sipCode, long at) {
        String t = ChannelTable.trunkOfChannel(channel);
        if (t == null || sipCode < 400) {
            return;
        }
        int slash = t.indexOf('/');
        TrunkKey k = new TrunkKey(serverId, Tech.valueOf(t.substring(0, slash)), t.substring(slash + 1));
        lastSipFailure.put(k, " \u00B7 last failed call SIP " + sipCode + (cause >= 0 ? " (cause " + cause + ")" : "")
                + " at " + java.time.Instant.ofEpochMilli(at).atZone(java.time.ZoneId.systemDefault()).toLocalTime()
                .withNano(0));
    }

    /** The words of the trunk's last failed call with a SIP code, "" when none. */
    String lastFailure(TrunkKey k) {
        return lastSipFailure.getOrDefault(k, "");
    }

    /** {@code " (1 of 2 contacts reachable)"} for an endpoint with several contacts, else "". */
    String contactWords(TrunkKey k) {
        List<PjsipContactInfo> all = contacts.contacts(k);
        if (all.size() < 2) {
            return "";
        }
        long up = all.stream().filter(PjsipContactInfo::reachable).count();
        return " (" + up + " of " + all.size() + " contacts reachable)";
    }

    /** The host of the endpoint's first contact, for a trunk known only from AMI. */
    String contactHost(TrunkKey k) {
        for (PjsipContactInfo c : contacts.contacts(k)) {
            String h = RegistrationInfo.of(Tech.PJSIP, c.uri()).serverHost();
            if (!h.isEmpty()) {
                return h;
            }
        }
        return "";
    }

    /**
     * The registration shown with a trunk: the first failing one of those that belong to it, else the first;
     * null when the carrier has none on that dialer.
     */
    RegistrationView registration(TrunkKey k, boolean fresh) {
        List<HostPort> addresses = addressesOf.getOrDefault(k, List.of());
        if (addresses.isEmpty() && k.tech() == Tech.PJSIP) {
            String h = contactHost(k);
            addresses = h.isEmpty() ? List.of() : List.of(new HostPort(h, 0));
        }
        RegistrationView first = null;
        for (Registrations.Entry e : registrations.of(k.serverId(), k.tech(), k.peer(), addresses)) {
            RegistrationView v = new RegistrationView(e.info().tech(), e.info().name(), e.info().state(),
                    e.sinceMillis(), fresh);
            if (v.failed()) {
                return v;
            }
            if (first == null) {
                first = v;
            }
        }
        return first;
    }
}
