package trunkops.health;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import trunkops.ami.RegistrationInfo;
import trunkops.topology.HostPort;
import trunkops.topology.Tech;
import trunkops.topology.Trunk;

/**
 * Every dialer's outbound registrations (chan_sip {@code register =>}, res_pjsip {@code type=registration}) with the
 * moment each entered its state. The lists after a connect and every resync replace a dialer's registrations of the
 * stacks they cover; {@code Registry} events update one (PJSIP repeats {@code Registered} after every refresh: same
 * state, same since). Owned by the monitor thread.
 */
final class Registrations {

    /** One registration's state on one dialer. */
    record Entry(RegistrationInfo info, long sinceMillis) {
    }

    /** A state change, for the timeline. */
    record Change(String serverId, String name, String from, String to) {
    }

    private final Map<String, Map<String, Entry>> byServer = new HashMap<>();

    private static String id(RegistrationInfo r) {
        return r.tech() + "/" + r.name();
    }

    /** A complete list for {@code techs}; returns the changes it makes. */
    List<Change> snapshot(String serverId, Set<Tech> techs, List<RegistrationInfo> list, long at) {
        Map<String, Entry> old = byServer.getOrDefault(serverId, Map.of());
        Map<String, Entry> now = new LinkedHashMap<>();
        old.forEach((k, e) -> {
            if (!techs.contains(e.info().tech())) {
                now.put(k, e);
            }
        });
        List<Change> changes = new ArrayList<>();
        for (RegistrationInfo r : list) {
            Entry was = old.get(id(r));
            boolean same = was != null && was.info().state().equalsIgnoreCase(r.state());
            now.put(id(r), new Entry(r, same ? was.sinceMillis() : at));
            if (!same) {
                changes.add(new Change(serverId, r.name(), was == null ? "" : was.info().state(), r.state()));
            }
        }
        byServer.put(serverId, now);
        return changes;
    }

    /**
     * A Registry event ({@code client} = Username, {@code server} = Domain); a registration not in the last list is
     * added under {@code client@server}. Returns the change, or null when the state is the same.
     */
    Change event(String serverId, Tech tech, String client, String server, String status, long at) {
        Map<String, Entry> m = byServer.computeIfAbsent(serverId, k -> new LinkedHashMap<>());
        Entry match = null;
        for (Entry e : m.values()) {
            RegistrationInfo i = e.info();
            if (i.tech() == tech && sameServer(i, server)
                    && (i.client().equalsIgnoreCase(client) || tech == Tech.SIP && i.client().isEmpty())) {
                match = e;
                break;
            }
        }
        RegistrationInfo base = match != null ? match.info()
                : new RegistrationInfo(tech, client.isEmpty() ? server : client + "@" + server, "", client, server, "");
        if (match != null && base.state().equalsIgnoreCase(status)) {
            return null;
        }
        RegistrationInfo next = new RegistrationInfo(tech, base.name(), base.endpoint(), base.client(), base.server(),
                status);
        m.put(id(next), new Entry(next, at));
        return new Change(serverId, next.name(), base.state(), status);
    }

    /** chan_sip's Registry says {@code Domain: host}, its SIPshowregistry {@code Host} and {@code Port}: same. */
    private static boolean sameServer(RegistrationInfo known, String server) {
        if (known.server().equalsIgnoreCase(server)) {
            return true;
        }
        RegistrationInfo other = RegistrationInfo.of(known.tech(), server);
        return !other.serverHost().isEmpty() && other.serverHost().equals(known.serverHost())
                && (other.serverPort() == 0 || known.serverPort() == 0 || other.serverPort() == known.serverPort());
    }

    /**
     * The registrations that belong to {@code trunk}: a PJSIP registration whose {@code endpoint} is the trunk's
     * endpoint, or (no endpoint given, and chan_sip's always) whose server is one of the trunk's addresses.
     */
    List<Entry> of(Trunk trunk) {
        return of(trunk.serverId(), trunk.tech(), trunk.name(), trunk.peer().addresses());
    }

    List<Entry> of(String serverId, Tech tech, String peer, List<HostPort> addresses) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : byServer.getOrDefault(serverId, Map.of()).values()) {
            RegistrationInfo r = e.info();
            if (r.tech() != tech) {
                continue;
            }
            boolean byName = tech == Tech.PJSIP && !r.endpoint().isEmpty() && r.endpoint().equals(peer);
            if (byName || (r.endpoint().isEmpty() && served(r, addresses))) {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean served(RegistrationInfo r, List<HostPort> addresses) {
        String host = r.serverHost();
        if (host.isEmpty()) {
            return false;
        }
        for (HostPort a : addresses) {
            if (a.host() != null && a.host().equalsIgnoreCase(host)
                    && (r.serverPort() == 0 || a.port() == 0 || a.port() == r.serverPort())) {
                return true;
            }
        }
        return false;
    }
}
