package trunkops.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import trunkops.topology.CampaignRoute;
import trunkops.topology.ClusterTopology;
import trunkops.topology.ListRow;

/**
 * Which campaign a dial string belongs to. {@code vicidial_carrier_log} has no campaign; the only link ViciDial
 * keeps between a call and its campaign in these tables is the dial string's prefix (vicidial.md §1.7): auto-dial
 * strings are {@code <prefix><phone code><number>} with the list's dial_prefix, else the campaign's, else 9; manual
 * ones use manual_dial_prefix (empty = dial_prefix), also overridden by the list's.
 *
 * <p>Rules, never a guess: the candidates are the campaign routes of the row's dialer (from the topology) whose
 * full prefix ({@code prefix + "1"} unless omit_phone_code) starts the dial string. One campaign among the candidates
 * that dial today → that campaign; none dialing but exactly one paused → that one; several → every id joined with
 * {@code |} (e.g. {@code RENEW|SALES1} when a list of SALES1 overrides its prefix with RENEW's), which
 * {@link CallCampaigns} then replaces per call from vicidial_log; none → {@link Attribution#NO_CAMPAIGN}. Limits:
 * prefixes are today's (a dial_prefix changed within the window moves older calls to the new owner of the prefix).
 */
final class CampaignResolver {

    private record Route(String fullPrefix, String campaignId, boolean dialing) {
    }

    /** The campaign routes of one dialer, auto-dial or manual, with their answers cached by which prefixes fit. */
    static final class Routes {
        private final List<Route> routes;
        private final String[] byMask;
        private final Map<Long, String> byLongMask = new HashMap<>();

        private Routes(List<Route> routes) {
            this.routes = List.copyOf(routes);
            this.byMask = routes.size() <= 12 ? new String[1 << routes.size()] : null;
        }

        String campaign(String dialString) {
            if (dialString == null) {
                return Attribution.NO_CAMPAIGN;
            }
            if (routes.size() > 62) {
                return slowKey(routes, dialString);
            }
            long mask = 0;
            for (int i = 0; i < routes.size(); i++) {
                if (dialString.startsWith(routes.get(i).fullPrefix())) {
                    mask |= 1L << i;
                }
            }
            String key = byMask != null ? byMask[(int) mask] : byLongMask.get(mask);
            if (key == null) {
                key = key(routes, mask);
                if (byMask != null) {
                    byMask[(int) mask] = key;
                } else {
                    byLongMask.put(mask, key);
                }
            }
            return key;
        }
    }

    private static final Routes NONE = new Routes(List.of());

    private final Map<String, Routes> auto = new HashMap<>();
    private final Map<String, Routes> manual = new HashMap<>();

    CampaignResolver(ClusterTopology topology) {
        Map<String, List<Route>> a = new HashMap<>();
        Map<String, List<Route>> m = new HashMap<>();
        for (CampaignRoute r : topology.routes()) {
            String code = r.campaign().omitPhoneCode() ? "" : "1";
            a.computeIfAbsent(r.serverId(), k -> new ArrayList<>())
                    .add(new Route(r.prefix() + code, r.campaignId(), r.dialing()));
            String manualPrefix = r.list().map(ListRow::dialPrefix).filter(p -> !p.isEmpty())
                    .orElse(r.campaign().manualDialPrefix().isEmpty() ? r.prefix() : r.campaign().manualDialPrefix());
            m.computeIfAbsent(r.serverId(), k -> new ArrayList<>())
                    .add(new Route(manualPrefix + code, r.campaignId(), r.dialing()));
        }
        a.forEach((k, v) -> auto.put(k, new Routes(v)));
        m.forEach((k, v) -> manual.put(k, new Routes(v)));
    }

    /** The routes of {@code serverId} for auto-dial ({@code manualDial} false) or manual calls. */
    Routes routes(String serverId, boolean manualDial) {
        return (manualDial ? manual : auto).getOrDefault(serverId, NONE);
    }

    /** The campaign key of {@code dialString} on {@code serverId}; {@code manualDial} for {@code M} caller codes. */
    String campaign(String serverId, String dialString, boolean manualDial) {
        return routes(serverId, manualDial).campaign(dialString);
    }

    private static String key(List<Route> routes, long mask) {
        TreeSet<String> dialing = new TreeSet<>();
        TreeSet<String> paused = new TreeSet<>();
        for (int i = 0; i < routes.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                (routes.get(i).dialing() ? dialing : paused).add(routes.get(i).campaignId());
            }
        }
        return join(dialing, paused);
    }

    /** More routes on one dialer than a mask holds: the same rule, uncached. */
    private static String slowKey(List<Route> routes, String dialString) {
        TreeSet<String> dialing = new TreeSet<>();
        TreeSet<String> paused = new TreeSet<>();
        for (Route r : routes) {
            if (dialString.startsWith(r.fullPrefix())) {
                (r.dialing() ? dialing : paused).add(r.campaignId());
            }
        }
        return join(dialing, paused);
    }

    private static String join(TreeSet<String> dialing, TreeSet<String> paused) {
        TreeSet<String> chosen = dialing.isEmpty() ? paused : dialing;
        return chosen.isEmpty() ? Attribution.NO_CAMPAIGN : String.join("|", chosen);
    }
}
