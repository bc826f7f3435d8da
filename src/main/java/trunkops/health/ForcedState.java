package trunkops.health;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

import trunkops.control.AdminState;

/**
 * The operator's switch on one trunk as the board shows it, beside (never instead of) the health verdict: what the
 * dialer's {@code trunkops/admin/<peer>} flag says now (an expired flag counts as in service, as in the dialplan),
 * and whether it could be read at all. A dialer whose flags could not be read is {@link #UNKNOWN}: the board never
 * claims "in service" it has not seen.
 *
 * @param until when the switch ends by itself; empty = until someone puts it back
 * @param note  who set it and why, when the journal knows (an {@link AdminNotes} hook)
 */
public record ForcedState(AdminState state, boolean known, Optional<Instant> until, Optional<AdminNote> note) {

    /** The flags of this trunk's dialer could not be read (link down, DBGetTree refused or unanswered). */
    public static final ForcedState UNKNOWN = new ForcedState(AdminState.IN_SERVICE, false, Optional.empty(),
            Optional.empty());
    /** Read, and no flag in force. */
    public static final ForcedState IN_SERVICE = new ForcedState(AdminState.IN_SERVICE, true, Optional.empty(),
            Optional.empty());

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("d MMM HH:mm");

    public ForcedState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(note, "note");
        if (!known && state != AdminState.IN_SERVICE) {
            throw new IllegalArgumentException("an unknown forced state has no state");
        }
    }

    /**
     * In service because the stored flag's until has passed (the dialplan ignores it); the key is still on the
     * dialer until a console deletes it ({@link #expiredFlagStored()}).
     */
    public static ForcedState expired(Instant until) {
        return new ForcedState(AdminState.IN_SERVICE, true, Optional.of(until), Optional.empty());
    }

    /** In service, with an expired flag still stored on the dialer (a console restores it: deletes the key). */
    public boolean expiredFlagStored() {
        return known && state == AdminState.IN_SERVICE && until.isPresent();
    }

    /** Forced offline or draining (known): no new calls go to the trunk. */
    public boolean active() {
        return known && state != AdminState.IN_SERVICE;
    }

    /**
     * The state's words, readable without colour: {@code ❚❚ OFFLINE (forced)}, {@code ❚❚ DRAIN}, or empty. The pause
     * sign is two U+275A bars: U+23F8 is missing from DejaVu Sans (the console's font on Linux) and drew a box.
     */
    public String label() {
        return switch (state) {
            case OFFLINE -> "\u275A\u275A OFFLINE (forced)";
            case DRAIN -> "\u275A\u275A DRAIN";
            case IN_SERVICE -> known ? "" : "? admin flags unknown";
        };
    }

    /** {@code until 14:30} in {@code zone} (with the day when it is not today), or empty when it has no end. */
    public String untilWords(ZoneId zone, Instant now) {
        if (until.isEmpty()) {
            return "";
        }
        var end = until.get().atZone(zone);
        boolean today = end.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return "until " + (today ? HM : DAY_HM).format(end);
    }

    /** The full line under the trunk: label, until, and by whom / why when known. */
    public String words(ZoneId zone, Instant now) {
        if (!active()) {
            return label();
        }
        StringBuilder sb = new StringBuilder(label());
        String u = untilWords(zone, now);
        if (!u.isEmpty()) {
            sb.append(' ').append(u);
        }
        note.ifPresent(n -> sb.append(" \u00B7 by ").append(n.actor()).append(": ").append(n.reason())
                .append(n.ticket().map(t -> " [" + t + "]").orElse("")));
        return sb.toString();
    }
}
