package trunkops.drill;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Off-peak drills: on each of {@code days} at {@code at} local time in {@code zone}, the {@code plans} run one after
 * another. A start that does not exist on a DST day moves forward with the clock (ZonedDateTime's rules).
 */
public record DrillSchedule(String name, Set<DayOfWeek> days, LocalTime at, ZoneId zone, List<DrillPlan> plans) {

    public DrillSchedule {
        Objects.requireNonNull(name, "name");
        days = Set.copyOf(days);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        plans = List.copyOf(plans);
        if (days.isEmpty() || plans.isEmpty()) {
            throw new IllegalArgumentException("a drill schedule needs days and at least one drill");
        }
    }

    /** The latest occurrence at or before {@code t}, looking back at most 8 days. */
    public Optional<Instant> latestAtOrBefore(Instant t) {
        LocalDate d = t.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            LocalDate day = d.minusDays(i);
            if (days.contains(day.getDayOfWeek())) {
                Instant s = ZonedDateTime.of(day, at, zone).toInstant();
                if (!s.isAfter(t)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}
