package trunkops.health;

/**
 * What the console says about one trunk (server × peer). Never green without fresh data: a trunk is UNKNOWN
 * until its dialer's first snapshot after a connect, and STALE when its data can no longer be trusted.
 */
public enum TrunkState {
    UNKNOWN("Unknown", "?"),
    REACHABLE("Reachable", "\u2714"),
    LAGGED("Lagged", "\u25B2"),
    UNREACHABLE("Unreachable", "\u2716"),
    UNMONITORED("Unmonitored", "\u25CB"),
    STALE("Stale", "\u231B");

    private final String label;
    private final String glyph;

    TrunkState(String label, String glyph) {
        this.label = label;
        this.glyph = glyph;
    }

    /** Text shown next to the colour, so the state reads without colour. */
    public String label() {
        return label;
    }

    /** A symbol shown next to the text. */
    public String glyph() {
        return glyph;
    }
}
