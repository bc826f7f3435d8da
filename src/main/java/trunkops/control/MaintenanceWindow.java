package trunkops.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import trunkops.topology.Tech;

/**
 * A planned offline of one trunk (issue 10 item 4): on the dialers named ({@code serverIds}; empty = every dialer
 * that has the trunk), between {@code from} and {@code to}, once or weekly, with why and who.
 * <p>
 * The recurrence model is deliberately small: a one-off window is {@code [from, to)}; a weekly window has
 * occurrences starting on each of {@link Weekly#days()} at {@link Weekly#at()} local time in {@link Weekly#zone()},
 * lasting {@link Weekly#length()}, for every start in {@code [from, to)}; an occurrence never runs past {@code to}.
 * A local start time that does not exist on a DST day moves forward as {@link java.time.ZonedDateTime} does.
 *
 * @param weekly empty: one-off
 */
public record MaintenanceWindow(Tech tech, String peer, List<String> serverIds, Instant from, Instant to,
                                Optional<Weekly> weekly, String reason, Optional<String> ticket, String createdBy,
                                Instant createdAt) {

    /** Weekly occurrences: the days, the local start time, how long each lasts, in which time zone. */
    public record Weekly(Set<DayOfWeek> days, LocalTime at, Duration length, ZoneId zone) {
        public Weekly {
            days = Set.copyOf(days);
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(zone, "zone");
        }

        /** {@code MON,WED} in week order. */
        public String daysText() {
            EnumSet<DayOfWeek> sorted = EnumSet.noneOf(DayOfWeek.class);
            sorted.addAll(days);
            return String.join(",", sorted.stream().map(d -> d.name().substring(0, 3)).toList());
        }
    }

    /** One time the trunk is offline: {@code [start, end)}. */
    public record Occurrence(Instant start, Instant end) {
        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    public MaintenanceWindow {
        Objects.requireNonNull(tech, "tech");
        Objects.requireNonNull(peer, "peer");
        serverIds = List.copyOf(serverIds);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(weekly, "weekly");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** {@code SIP/blueline}. */
    public String trunk() {
        return tech + "/" + peer;
    }

    /** The occurrence that covers {@code now}, if any. */
    public Optional<Occurrence> occurrenceAt(Instant now) {
        if (weekly.isEmpty()) {
            Occurrence o = new Occurrence(from, to);
            return o.contains(now) ? Optional.of(o) : Optional.empty();
        }
        Weekly w = weekly.get();
        LocalDate today = LocalDate.ofInstant(now, w.zone());
        long back = w.length().toDays() + 1;
        Optional<Occurrence> found = Optional.empty();
        for (LocalDate d = today.minusDays(back); !d.isAfter(today); d = d.plusDays(1)) {
            Optional<Occurrence> o = on(d, w);
            if (o.isPresent() && o.get().contains(now)
                    && (found.isEmpty() || o.get().end().isAfter(found.get().end()))) {
                found = o;
            }
        }
        return found;
    }

    /** The first occurrence that ends after {@code now} (the current one, else the next), if any is left. */
    public Optional<Occurrence> nextOrCurrent(Instant now) {
        Optional<Occurrence> current = occurrenceAt(now);
        if (current.isPresent() || weekly.isEmpty()) {
            return current.isPresent() ? current
                    : now.isBefore(from) ? Optional.of(new Occurrence(from, to)) : Optional.empty();
        }
        Weekly w = weekly.get();
        LocalDate start = LocalDate.ofInstant(now.isAfter(from) ? now : from, w.zone());
        for (int i = 0; i <= 7; i++) {
            Optional<Occurrence> o = on(start.plusDays(i), w);
            if (o.isPresent() && o.get().end().isAfter(now)) {
                return o;
            }
        }
        return Optional.empty();
    }

    /** The occurrence starting on local date {@code d}, if {@code d} is one of the days and it starts in range. */
    private Optional<Occurrence> on(LocalDate d, Weekly w) {
        if (!w.days().contains(d.getDayOfWeek())) {
            return Optional.empty();
        }
        Instant start = d.atTime(w.at()).atZone(w.zone()).toInstant();
        if (start.isBefore(from) || !start.isBefore(to)) {
            return Optional.empty();
        }
        Instant end = start.plus(w.length());
        return Optional.of(new Occurrence(start, end.isAfter(to) ? to : end));
    }

    /** A one-line description: {@code SIP/blueline on all dialers, weekly MON,TUE 02:00 for PT2H (UTC), ...}. */
    public String describe() {
        String where = serverIds.isEmpty() ? "every dialer with it" : String.join(",", serverIds);
        String when = weekly.map(w -> "weekly " + w.daysText() + " " + w.at() + " for " + length(w.length()) + " ("
                + w.zone() + ") from " + from + " to " + to).orElse(from + " to " + to);
        return trunk() + " on " + where + ", " + when;
    }

    /** {@code 2h}, {@code 90m}, {@code 1h30m}. */
    public static String length(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        return h == 0 ? m + "m" : m == 0 ? h + "h" : h + "h" + m + "m";
    }
}
