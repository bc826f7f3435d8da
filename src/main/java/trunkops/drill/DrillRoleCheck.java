package trunkops.drill;

import java.util.Optional;

/** The person's role check for taking a trunk offline and back; empty = allowed, else the refusal in words. */
@FunctionalInterface
public interface DrillRoleCheck {
    Optional<String> refusal();

    DrillRoleCheck ALLOW = Optional::empty;
}
