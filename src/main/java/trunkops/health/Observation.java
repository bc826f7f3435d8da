package trunkops.health;

/** What a dialer said about a peer at one moment, reduced to the console's vocabulary. */
public enum Observation {
    GOOD, LAGGED, BAD, UNKNOWN, UNMONITORED;

    /** A chan_sip PeerStatus word (event or SIPpeerstatus item); null for words that are not about qualify. */
    public static Observation ofPeerStatus(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "Reachable" -> GOOD;
            case "Lagged" -> LAGGED;
            case "Unreachable" -> BAD;
            case "Unknown" -> UNKNOWN;
            case "Unmonitored" -> UNMONITORED;
            default -> null;
        };
    }
}
