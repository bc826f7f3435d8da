package trunkops.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Alerts held back until {@code until}: still listed, never notified nor sent to the webhook. Made by an operator with
 * a reason and journaled (ControlVerb.ALERT_SILENCE).
 *
 * @param scope {@code all}, {@code carrier:<id>} (the carrier's trunks, outages and call alarms) or
 *              {@code subject:<subject>} (one trunk, e.g. {@code subject:DIALER1/blueline}, or one drilled route)
 */
public record Silence(String id, String scope, Instant until, String reason, String by, Instant created) {

    public static final String ALL = "all";

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(created, "created");
        checkScope(scope);
    }

    /** Throws {@link IllegalArgumentException} for a scope that is none of the three forms. */
    public static String checkScope(String scope) {
        if (scope == null || !(scope.equals(ALL) || scope.startsWith("carrier:") && scope.length() > 8
                || scope.startsWith("subject:") && scope.length() > 8) || scope.length() > 90
                || scope.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a silence covers 'all', 'carrier:<id>' or 'subject:<trunk or route>'"
                    + " (got '" + scope + "')");
        }
        return scope;
    }

    /** The scope covering {@code a}'s carrier (or its subject when it has none). */
    public static String carrierScope(Alert a) {
        return a.carrierId().isEmpty() ? subjectScope(a) : "carrier:" + a.carrierId();
    }

    public static String subjectScope(Alert a) {
        return "subject:" + a.subject();
    }

    public boolean active(Instant now) {
        return now.isBefore(until);
    }

    public boolean covers(Alert a) {
        if (scope.equals(ALL)) {
            return true;
        }
        if (scope.startsWith("carrier:")) {
            String c = scope.substring(8);
            return a.carrierId().equals(c) || a.carrierId().isEmpty() && a.subject().equals(c);
        }
        return a.subject().equals(scope.substring(8));
    }
}
