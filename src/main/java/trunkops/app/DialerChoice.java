package trunkops.app;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import trunkops.text.SafeText;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialerServer;

/**
 * A dialer named on the command line ({@code status --ami}, {@code carrier-report --servers}): by its
 * {@code server_id} (case does not matter) or its {@code server_ip}, optionally with the AMI port. Values are only
 * compared with what the {@code servers} table holds, never put into SQL; anything that is not a known dialer
 * (a typo, {@code 10.9.9.9}, {@code x' OR '1'='1}) is a bad argument naming the dialers that exist.
 */
final class DialerChoice {

    private DialerChoice() {
    }

    /** The dialer {@code value} names; {@code option} is used in the message. */
    static DialerServer resolve(ClusterTopology topology, String value, String option) {
        String v = value.strip();
        for (DialerServer s : topology.servers()) {
            if (s.serverId().equalsIgnoreCase(v) || s.serverIp().equals(v) || s.ami().toString().equals(v)
                    || (s.serverId() + ":" + s.ami().port()).equalsIgnoreCase(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown dialer '" + SafeText.display(value) + "' in " + option
                + "; known dialers: " + known(topology));
    }

    /** Every value resolved, as the dialers' server_ip (how ViciDial's logs name a dialer). */
    static List<String> serverIps(ClusterTopology topology, List<String> values, String option) {
        return values.stream().map(v -> resolve(topology, v, option).serverIp()).distinct().toList();
    }

    static String known(ClusterTopology topology) {
        if (topology.servers().isEmpty()) {
            return "none (the servers table is empty)";
        }
        return topology.servers().stream()
                .sorted(java.util.Comparator.comparing(s -> s.serverId().toLowerCase(Locale.ROOT)))
                .map(s -> SafeText.display(s.serverId()) + " (" + SafeText.display(s.serverIp()) + ")")
                .collect(Collectors.joining(", "));
    }
}
