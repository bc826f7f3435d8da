package trunkops.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert, as notified, listed and sent to the webhook. Immutable; made by the detectors ({@link BoardAlerts},
 * {@link QualityAlerts}) or by another feature through {@link AlertSink} (the drill's results: {@link #drill}).
 *
 * @param kind      what happened
 * @param subject   what it is about: {@code DIALER1/blueline} for a trunk, the carrier id for a carrier, the route
 *                  for a drill
 * @param carrierId the carrier concerned, {@code ""} when none (a drill of a route, a test)
 * @param serverId  the dialer concerned, {@code ""} for carrier-wide or none
 * @param title     one line, e.g. {@code blueline down on DIALER1}
 * @param detail    what the console saw, e.g. {@code PeerStatus Unreachable} (may be empty)
 * @param at        when it happened (the state change, not when the alert was made)
 */
public record Alert(AlertKind kind, String subject, String carrierId, String serverId, String title, String detail,
                    Instant at) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(carrierId, "carrierId");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    public AlertKind.Severity severity() {
        return kind.severity();
    }

    /**
     * A drill's result, for the drill feature to {@link AlertSink#publish publish}: {@code route} drilled,
     * {@code trunk} taken out (e.g. {@code SIP/blueline}), whether it passed, one line of summary (e.g. {@code 5/5
     * calls failed over in 1.2 s}).
     */
    public static Alert drill(String route, String trunk, boolean passed, String summary, Instant at) {
        return new Alert(passed ? AlertKind.DRILL_PASSED : AlertKind.DRILL_FAILED, route, "", "",
                "drill of " + route + " (" + trunk + " out) " + (passed ? "passed" : "FAILED"), summary, at);
    }

    /** The webhook's test message. */
    public static Alert test(String consoleName, Instant at) {
        return new Alert(AlertKind.TEST, "webhook", "", "", "TrunkOps webhook test from " + consoleName,
                "if you read this, alerts reach this channel", at);
    }

    /** {@code ✖ blueline down on DIALER1 — PeerStatus Unreachable}: the notification's and the webhook's text. */
    public String text() {
        return severity().glyph() + " " + title + (detail.isEmpty() ? "" : " \u2014 " + detail);
    }
}
