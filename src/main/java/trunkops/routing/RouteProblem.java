package trunkops.routing;

import java.util.Objects;

/**
 * Something wrong or risky in a route, found before anything is generated or saved. An {@link Severity#ERROR}
 * blocks saving, rendering and pushing; a {@link Severity#WARNING} is shown and saved with the route.
 *
 * @param field   where: {@code name}, {@code pattern}, {@code member SIP/trunk1}, {@code failover}, ...
 * @param message what is wrong and what to do, one sentence an operator can act on
 */
public record RouteProblem(Severity severity, String field, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public RouteProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    static RouteProblem error(String field, String message) {
        return new RouteProblem(Severity.ERROR, field, message);
    }

    static RouteProblem warning(String field, String message) {
        return new RouteProblem(Severity.WARNING, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + field + ": " + message;
    }
}
