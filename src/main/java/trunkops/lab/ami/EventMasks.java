package trunkops.lab.ami;

import java.util.Locale;

/** Asterisk's strings_to_mask for the Events action and the Login {@code Events:} header. */
final class EventMasks {

    private EventMasks() {
    }

    /** Returns -1 for an empty spec (no change), else the mask. */
    static int parse(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return -1;
        }
        if (isTrue(s)) {
            return EventClass.ALL;
        }
        if (isFalse(s)) {
            return 0;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return EventClass.parseMask(s);
    }

    /** ast_true. */
    static boolean isTrue(String s) {
        return switch (s) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    /** ast_false. */
    static boolean isFalse(String s) {
        return switch (s) {
            case "no", "false", "n", "f", "0", "off" -> true;
            default -> false;
        };
    }
}
