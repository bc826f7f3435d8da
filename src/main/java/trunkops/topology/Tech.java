package trunkops.topology;

import java.util.Locale;
import java.util.Optional;

/** An Asterisk channel technology a carrier's trunks use. */
public enum Tech {
    /** chan_sip: peer names compare case-insensitively (peer_cmp_cb uses strcasecmp). */
    SIP(5060, true),
    /** res_pjsip / chan_pjsip: endpoint ids are case-sensitive sorcery ids. */
    PJSIP(5060, false),
    /** chan_iax2: peer names compare case-sensitively (peer_cmp_cb uses strcmp). */
    IAX2(4569, false);

    private final int defaultPort;
    private final boolean caseInsensitiveNames;

    Tech(int defaultPort, boolean caseInsensitiveNames) {
        this.defaultPort = defaultPort;
        this.caseInsensitiveNames = caseInsensitiveNames;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Whether Asterisk finds {@code Dial(TECH/name)} for a peer spelled with different letter case. */
    public boolean caseInsensitiveNames() {
        return caseInsensitiveNames;
    }

    /** Whether two peer names denote the same peer for this technology. */
    public boolean sameName(String a, String b) {
        return caseInsensitiveNames ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /** The technology named in a dial string ({@code SIP}, {@code sip}, {@code PJSIP}, {@code IAX2}), if a trunk one. */
    public static Optional<Tech> fromDialTech(String tech) {
        return switch (tech.toUpperCase(Locale.ROOT)) {
            case "SIP" -> Optional.of(SIP);
            case "PJSIP" -> Optional.of(PJSIP);
            case "IAX2" -> Optional.of(IAX2);
            default -> Optional.empty();
        };
    }
}
