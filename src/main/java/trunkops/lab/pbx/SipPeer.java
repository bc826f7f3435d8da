package trunkops.lab.pbx;

import java.util.List;

/**
 * A chan_sip peer as built from sip.conf, plus its live qualify state. Config fields are immutable per load;
 * {@code lastms} (qualify result: 0 unknown, -1 unreachable, else ms) survives a reload when the peer does.
 */
public final class SipPeer {

    final String name;
    final String type;
    final String host;
    final boolean dynamic;
    final int port;
    final String context;
    /** 0 = qualify off. */
    final int maxms;
    final int qualifyFreqMs;
    final String insecure;
    final String nat;
    final String dtmfmode;
    final int callLimit;
    final int busyLevel;
    final boolean hasSecret;
    final String description;
    final String accountcode;
    final String defaultUser;
    final List<String> codecs;
    final String sourceFile;

    int lastms;
    /** Generation counter to cancel stale poke timers after a reload or a forced qualify. */
    int pokeGeneration;
    boolean pokeOutstanding;

    SipPeer(String name, String type, String host, int port, String context, int maxms, int qualifyFreqMs,
            String insecure, String nat, String dtmfmode, int callLimit, int busyLevel, boolean hasSecret,
            String description, String accountcode, String defaultUser, List<String> codecs, String sourceFile) {
        this.name = name;
        this.type = type;
        this.host = host;
        this.dynamic = "dynamic".equalsIgnoreCase(host);
        this.port = port;
        this.context = context;
        this.maxms = maxms;
        this.qualifyFreqMs = qualifyFreqMs;
        this.insecure = insecure;
        this.nat = nat;
        this.dtmfmode = dtmfmode;
        this.callLimit = callLimit;
        this.busyLevel = busyLevel;
        this.hasSecret = hasSecret;
        this.description = description;
        this.accountcode = accountcode;
        this.defaultUser = defaultUser;
        this.codecs = List.copyOf(codecs);
        this.sourceFile = sourceFile;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int maxms() {
        return maxms;
    }

    public int lastms() {
        return lastms;
    }

    public String context() {
        return context;
    }

    /** True when a Dial to this peer would be refused at channel request (chan_sip create_addr_from_peer). */
    boolean refusesCalls() {
        if (dynamic) {
            return true;
        }
        return maxms > 0 && (lastms < 0 || lastms > maxms);
    }

    /** peer_status(): the Status column of SIPpeers / sip show peers. */
    String statusText() {
        if (maxms > 0) {
            if (lastms < 0) {
                return "UNREACHABLE";
            } else if (lastms > maxms) {
                return "LAGGED (" + lastms + " ms)";
            } else if (lastms > 0) {
                return "OK (" + lastms + " ms)";
            }
            return "UNKNOWN";
        }
        return "Unmonitored";
    }

    /** The PeerStatus value SIPpeerstatus reports. */
    String peerStatusWord() {
        if (maxms > 0) {
            if (lastms < 0) {
                return "Unreachable";
            } else if (lastms > maxms) {
                return "Lagged";
            } else if (lastms > 0) {
                return "Reachable";
            }
            return "Unknown";
        }
        return "Unmonitored";
    }

    /** True when the two peers have the same settings (a reload keeps qualify state for unchanged peers). */
    boolean sameSettings(SipPeer o) {
        return host.equals(o.host) && port == o.port && maxms == o.maxms;
    }
}
