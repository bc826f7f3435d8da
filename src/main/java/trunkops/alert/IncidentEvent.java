package trunkops.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an incident's timeline.
 *
 * @param subject e.g. {@code DIALER1/blueline}, {@code BLUELINE}, {@code SIP/blueline}, a route
 * @param what    short, e.g. {@code Reachable → Unreachable}, {@code latency spike 840 ms}, {@code OFFLINE by ann}
 */
public record IncidentEvent(Instant at, Source source, String subject, String what, String detail) {

    /** Where the line comes from. */
    public enum Source {
        /** A trunk's verdict changed (the board's timeline). */
        STATE,
        /** An AMI link or the database changed state. */
        LINK,
        /** Qualify round trips far above the trunk's normal, or no answer at all. */
        LATENCY,
        /** A quality alarm began or cleared (calls failing). */
        QUALITY,
        /** An operator action from the audit journal (offline, online, drain, weights, levers, silences). */
        OPERATOR,
        /** A route pushed (audit journal). */
        PUSH,
        /** A failover drill (audit journal, or the drill's result alert). */
        DRILL,
        /** An alert the console raised. */
        ALERT
    }

    public IncidentEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(detail, "detail");
    }
}
