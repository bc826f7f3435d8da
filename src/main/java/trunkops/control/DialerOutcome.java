package trunkops.control;

import java.util.Objects;

/**
 * What one dialer did with an action: applied (written and read back), failed (the dialer answered, but refused or
 * read back something else; {@code detail} says what), or unreachable (no AMI link, or no answer in time).
 */
public record DialerOutcome(String serverId, Status status, String detail) {

    public enum Status {
        APPLIED, FAILED, UNREACHABLE
    }

    public DialerOutcome {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean applied() {
        return status == Status.APPLIED;
    }
}
