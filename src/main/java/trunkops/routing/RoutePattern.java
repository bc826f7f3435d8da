package trunkops.routing;

import java.util.Objects;

import trunkops.topology.DialPattern;

/**
 * A dial pattern a route serves, as ViciDial carriers write them ({@code _91NXXNXXXXXX}), and how many leading digits
 * to strip before dialing the trunk ({@code ${EXTEN:1}} for strip 1: the campaign's dial prefix).
 */
public record RoutePattern(String pattern, int strip) {

    public RoutePattern {
        Objects.requireNonNull(pattern, "pattern");
    }

    public DialPattern dialPattern() {
        return DialPattern.of(pattern);
    }

    @Override
    public String toString() {
        return strip == 0 ? pattern : pattern + " strip=" + strip;
    }
}
