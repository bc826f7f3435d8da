package trunkops.health;

/** Where a trunk's trouble lies, judged across the dialers that have the same peer. */
public enum TrunkScope {
    /** The trunk is fine (or not known well enough to judge). */
    NONE("", ""),
    /** Down on every dialer that has the peer: the carrier side. */
    CARRIER_WIDE("carrier outage", "down on every dialer that has it"),
    /** Down on this dialer only, fine on others: this dialer's path or configuration. */
    SERVER_LOCAL("this dialer only", "fine on other dialers"),
    /** Down, and no other dialer has this peer to compare with. */
    SINGLE("one dialer", "no other dialer has this peer");

    private final String label;
    private final String explanation;

    TrunkScope(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
