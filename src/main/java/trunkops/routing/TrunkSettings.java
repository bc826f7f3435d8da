package trunkops.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import trunkops.topology.Tech;

/**
 * A carrier trunk's settings in one vocabulary for both channel drivers, which {@link PeerSectionGenerator} turns
 * into a chan_sip {@code [peer]} or a PJSIP endpoint/aor/identify(/auth) set for a carrier's account_entry.
 * Options (all optional but {@code host}): {@code host}, {@code port}, {@code username}, {@code fromuser},
 * {@code fromdomain}, {@code qualify} (yes/no, or max ms for chan_sip), {@code qualifyfreq} (s),
 * {@code context}, {@code codecs} (ulaw,alaw,...), {@code dtmfmode} (rfc2833/inband/info/auto), {@code insecure}
 * (no/port/invite/port,invite), {@code nat} (yes/no/force_rport/comedia/force_rport,comedia), {@code transport}
 * (udp/tcp/tls), {@code auth} (yes/no: whether the carrier wants a registration/digest login; the secret itself
 * is never part of these settings). Values are checked by {@link PeerSectionGenerator#problems(TrunkSettings)}.
 *
 * @param name    the peer (chan_sip) or endpoint (PJSIP) name the routes dial
 * @param options option → value, in the order given
 */
public record TrunkSettings(Tech tech, String name, Map<String, String> options) {

    public TrunkSettings {
        Objects.requireNonNull(tech, "tech");
        Objects.requireNonNull(name, "name");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public String get(String option) {
        return options.get(option);
    }

    public String get(String option, String dflt) {
        return options.getOrDefault(option, dflt);
    }

    public boolean yes(String option) {
        return "yes".equals(options.get(option));
    }
}
