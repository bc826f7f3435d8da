package trunkops.push;

import java.util.Optional;

import trunkops.routing.RoutePattern;
import trunkops.routing.RouteVersion;

/**
 * The dial string of a test call through a route: the number as the campaign dials it, i.e. with the digits the
 * route's first pattern strips ({@code _51NXXNXXXXXX strip=1} and {@code 12125550100} → {@code 512125550100}); a
 * number that already matches one of the route's patterns is used as given.
 */
public final class TestDial {

    /** ViciDial's auto-dial context (its extensions.conf includes vicidial-auto, which includes the carriers). */
    public static final String VICIDIAL_CONTEXT = "default";

    private TestDial() {
    }

    /** The dial string, or empty when the number reaches none of the route's patterns. */
    public static Optional<String> dialString(RouteVersion v, String number) {
        if (!number.matches("[0-9]{1,30}")) {
            return Optional.empty();
        }
        for (RoutePattern p : v.route().patterns()) {
            if (p.dialPattern().matches(number)) {
                return Optional.of(number);
            }
        }
        for (RoutePattern p : v.route().patterns()) {
            String literal = p.pattern().startsWith("_") ? p.pattern().substring(1) : p.pattern();
            if (p.strip() <= literal.length() && literal.substring(0, p.strip()).matches("[0-9]*")) {
                String dial = literal.substring(0, p.strip()) + number;
                if (p.dialPattern().matches(dial)) {
                    return Optional.of(dial);
                }
            }
        }
        return Optional.empty();
    }
}
