package trunkops.health;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator types as the end of a forced state: empty (until someone puts it back), {@code 14:30} (today,
 * local time), {@code 2026-12-06 14:30}, or {@code +90m} / {@code +2h} from now. A time already past is refused,
 * never moved to tomorrow behind the operator's back.
 */
public final class UntilText {

    private static final Pattern RELATIVE = Pattern.compile("\\+([1-9][0-9]{0,4})([mh])");

    private UntilText() {
    }

    /** The instant meant, or empty for none; throws {@link IllegalArgumentException} saying what is accepted. */
    public static Optional<Instant> parse(String text, ZoneId zone, Instant now) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = RELATIVE.matcher(t);
        Instant at;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            at = now.plus(m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofMinutes(n));
        } else {
            try {
                at = t.length() <= 5 ? LocalDate.ofInstant(now, zone).atTime(LocalTime.parse(t)).atZone(zone).toInstant()
                        : LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("until '" + t + "' is not 14:30, 2026-12-06 14:30, +90m or +2h");
            }
        }
        if (!at.isAfter(now)) {
            throw new IllegalArgumentException("until " + t + " is in the past");
        }
        return Optional.of(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
