package trunkops.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import trunkops.control.AdminState;

/**
 * Who set a trunk's forced state and why, as the audit journal (or this console's own last action) knows it. It
 * belongs to a flag only when it set the same state and the same expiry: an older note never explains a newer flag.
 *
 * @param serverId the dialer it was applied on
 * @param until    the expiry it set; empty = none
 */
public record AdminNote(String serverId, String peer, AdminState state, Optional<Instant> until, String actor,
                        String reason, Optional<String> ticket, Instant at) {

    public AdminNote {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(at, "at");
    }

    /** Whether this note explains a flag of {@code state} with {@code until}. */
    public boolean explains(AdminState flagState, Optional<Instant> flagUntil) {
        return state == flagState && until.equals(flagUntil);
    }
}
