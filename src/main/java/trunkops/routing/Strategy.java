package trunkops.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a route spreads calls over its members. The text form is what route files and the command line use. */
public enum Strategy {
    /** Ordered failover: the lowest priority number first, the next on a carrier-side failure. */
    PRIORITY("priority"),
    /** Each call starts at the member after the one the previous call started at (a counter kept in ASTDB). */
    ROUND_ROBIN("round-robin"),
    /** The first member is drawn with RAND() against the live weights of the members that are up. */
    WEIGHTED("weighted"),
    /** The first member is the one with the fewest calls up now (GROUP_COUNT per member). */
    LEAST_LOADED("least-loaded");

    private final String text;

    Strategy(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<Strategy> parse(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(v -> v.text.equals(t)).findFirst();
    }

    @Override
    public String toString() {
        return text;
    }
}
