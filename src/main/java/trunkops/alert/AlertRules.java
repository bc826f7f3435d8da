package trunkops.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * When the console alerts (docs/alerts.md).
 *
 * @param settle       a trunk-down alert waits this long before it is sent: a trunk back up within it was a blip
 *                     (no alert, but it counts toward flapping), and when the carrier's other trunks fall within it
 *                     the downs are folded into one carrier-outage alert
 * @param flapChanges  this many down/up changes of one subject within {@code flapWindow} make it flapping: one
 *                     TRUNK_FLAPPING alert replaces the change that reached the count, and every later change of the
 *                     subject is suppressed
 * @param flapWindow   see {@code flapChanges}
 * @param flapQuiet    flapping ends after this long without a change: one FLAPPING_ENDED alert with the final state
 *                     and how many changes were suppressed
 * @param maintenanceGrace a trunk in a maintenance window gets no alert; nor within this margin before its start and
 *                     after its end (the offline is applied up to 30 s late, the carrier's work rarely ends on the
 *                     minute)
 */
public record AlertRules(Duration settle, int flapChanges, Duration flapWindow, Duration flapQuiet,
                         Duration maintenanceGrace) {

    public AlertRules {
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(flapWindow, "flapWindow");
        Objects.requireNonNull(flapQuiet, "flapQuiet");
        Objects.requireNonNull(maintenanceGrace, "maintenanceGrace");
        if (flapChanges < 2 || settle.isNegative() || flapWindow.isNegative() || flapWindow.isZero()
                || flapQuiet.isNegative() || flapQuiet.isZero() || maintenanceGrace.isNegative()) {
            throw new IllegalArgumentException("alert rules: flapChanges >= 2 and positive durations");
        }
    }

    /** 10 s settle; 3 changes in 10 min flap; quiet for 10 min ends it; 2 min around a maintenance window. */
    public static AlertRules defaults() {
        return new AlertRules(Duration.ofSeconds(10), 3, Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofMinutes(2));
    }
}
