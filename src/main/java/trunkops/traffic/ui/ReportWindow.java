package trunkops.traffic.ui;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Which rows a carrier report covers: [from, to) on the database wall clock and the dialers (empty = all). The
 * console reports from the window it holds in memory, so a request outside it is refused with the range that is
 * held and where to go for older data. FX-free; the report view parses the operator's fields through it.
 */
record ReportWindow(LocalDateTime from, LocalDateTime to, List<String> servers) {

    static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The quick choices offered next to the fields. */
    enum Preset {
        LAST_HOUR("Last hour"), LAST_4_HOURS("Last 4 hours"), TODAY("Today"), LAST_24_HOURS("Last 24 hours"),
        LAST_7_DAYS("Last 7 days"), CUSTOM("Custom");

        private final String label;

        Preset(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        /** [from, to) of this preset when the database clock reads {@code now}; null for CUSTOM. */
        LocalDateTime[] range(LocalDateTime now) {
            LocalDateTime end = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            return switch (this) {
                case LAST_HOUR -> new LocalDateTime[] {end.minusHours(1), end};
                case LAST_4_HOURS -> new LocalDateTime[] {end.minusHours(4), end};
                case TODAY -> new LocalDateTime[] {now.toLocalDate().atStartOfDay(), end};
                case LAST_24_HOURS -> new LocalDateTime[] {end.minusHours(24), end};
                case LAST_7_DAYS -> new LocalDateTime[] {end.minusDays(7), end};
                case CUSTOM -> null;
            };
        }
    }

    ReportWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        servers = List.copyOf(servers);
    }

    /**
     * Parses the operator's fields and checks them against what the console holds.
     *
     * @param heldFrom first minute the console holds (null: nothing loaded yet)
     * @param heldTo   the database clock at the last refresh
     * @throws IllegalArgumentException with a message for the operator
     */
    static ReportWindow parse(String from, String to, List<String> servers, LocalDateTime heldFrom,
                              LocalDateTime heldTo) {
        return parse(from, to, servers, heldFrom, heldTo, false);
    }

    /** As above; {@code past}: spans before {@code heldFrom} are allowed (read through the summaries). */
    static ReportWindow parse(String from, String to, List<String> servers, LocalDateTime heldFrom,
                              LocalDateTime heldTo, boolean past) {
        if (heldFrom == null || heldTo == null) {
            throw new IllegalArgumentException("no carrier statistics loaded yet");
        }
        LocalDateTime a = field("From", from);
        LocalDateTime b = field("To", to);
        if (!a.isBefore(b)) {
            throw new IllegalArgumentException("From must be before To");
        }
        LocalDateTime earliest = heldFrom.truncatedTo(ChronoUnit.MINUTES);
        if (a.isBefore(earliest) && !past) {
            throw new IllegalArgumentException("the console holds " + FIELD.format(earliest) + " to "
                    + FIELD.format(heldTo) + "; for older rows run the carrier-report command");
        }
        if (a.isAfter(heldTo)) {
            throw new IllegalArgumentException("From is after the database's clock (" + FIELD.format(heldTo) + ")");
        }
        return new ReportWindow(a, b, servers);
    }

    private static LocalDateTime field(String name, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty (yyyy-MM-dd HH:mm)");
        }
        try {
            return LocalDateTime.parse(t, FIELD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + t + "' is not a time like 2026-11-26 14:05");
        }
    }
}
