package trunkops.traffic;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Whether carrier statistics are current. When the database cannot be read the last statistics stay on screen,
 * marked with when reading stopped working and why; the service keeps trying and recovers by itself.
 *
 * @param available whether the last refresh worked
 * @param since     when the current state began (console clock)
 * @param message   what failed, from {@link trunkops.db.DbException}, or what is being read
 */
public record Availability(boolean available, Instant since, String message) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public Availability {
        Objects.requireNonNull(since, "since");
        message = Objects.requireNonNullElse(message, "");
    }

    public static Availability starting(Instant now) {
        return new Availability(false, now, "connecting");
    }

    /** "unavailable since 11:32:05 - &lt;message&gt;" or "" when available. */
    public String banner(ZoneId zone) {
        return available ? "" : "unavailable since " + TIME.format(since.atZone(zone)) + " - " + message;
    }
}
