package trunkops.control.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do in the console (issue 10 §7), each role including the ones before it: a viewer sees
 * everything and changes nothing; an operator takes trunks offline/online, drains them, changes live weights and
 * limits within a route and plans maintenance windows; an engineer also edits and pushes routes.
 */
public enum Role {
    VIEWER, OPERATOR, ENGINEER;

    /** {@code viewer}, {@code operator}, {@code engineer} in any letter case; empty for anything else. */
    public static Optional<Role> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(s.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
