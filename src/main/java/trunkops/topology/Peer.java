package trunkops.topology;

import java.util.List;
import java.util.Objects;

/**
 * A dialable Asterisk identity defined by a carrier's account_entry: a chan_sip or chan_iax2 peer (type peer or
 * friend), a PJSIP endpoint, or a PJSIP wizard (whose endpoint is named after the section).
 *
 * @param name      the name {@code Dial(TECH/name)} uses: the section name, usually not the carrier_id
 * @param tech      the channel technology
 * @param kind      what defined it: {@code peer}, {@code friend}, {@code endpoint} or {@code wizard}
 * @param addresses where calls go: chan_sip/IAX2 {@code host} (+{@code port}), the contacts of a PJSIP endpoint's
 *                  AORs, or a wizard's {@code remote_hosts}; empty when nothing says
 * @param aors      PJSIP AOR names of the endpoint (the wizard's own name for a wizard); empty for SIP/IAX2
 * @param qualify   health probing as Asterisk reads it
 * @param warnings  what in this peer's configuration Asterisk ignores or reads differently
 */
public record Peer(String name, Tech tech, String kind, List<HostPort> addresses, List<String> aors,
                   QualifySettings qualify, List<ParseWarning> warnings) {

    public Peer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tech, "tech");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(qualify, "qualify");
        addresses = List.copyOf(addresses);
        aors = List.copyOf(aors);
        warnings = List.copyOf(warnings);
    }

    /** The first configured host ({@code ""} if none). */
    public String host() {
        return addresses.isEmpty() ? "" : addresses.get(0).host();
    }

    /** The first configured port (0 if none or unknown). */
    public int port() {
        return addresses.isEmpty() ? 0 : addresses.get(0).port();
    }

    /** The channel name prefix of this peer's calls, e.g. {@code SIP/nsvoice} (channels are {@code SIP/nsvoice-0000002a}). */
    public String channelPrefix() {
        return tech.name() + "/" + name;
    }
}
