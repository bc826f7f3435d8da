package trunkops.routing;

/**
 * Syntax of Asterisk extension patterns as pbx.c reads them (ext_cmp_pattern_pos): {@code _} then digits,
 * {@code X} (0-9), {@code Z} (1-9), {@code N} (2-9), {@code [..]} sets of digits and ranges, {@code .} (one or more)
 * and {@code !} (zero or more) at the end; a plain extension is digits, {@code * # +}, with {@code -} ignored.
 * Anything else is refused, so a pattern can never carry dialplan syntax into generated text.
 */
public final class AsteriskPatterns {

    private static final int MAX_LENGTH = 80;

    private AsteriskPatterns() {
    }

    /** Why the text is not a pattern this product writes, or null when it is fine. */
    public static String problem(String text) {
        if (text.isEmpty()) {
            return "empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (!text.startsWith("_")) {
            for (char c : text.toCharArray()) {
                if (!(Character.isDigit(c) && c < 128) && "*#+-".indexOf(c) < 0) {
                    return "'" + printable(c) + "' in a plain extension (digits, * # + only; start with _ for a"
                            + " pattern)";
                }
            }
            return null;
        }
        if (text.length() == 1) {
            return "'_' alone matches nothing";
        }
        for (int i = 1; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    return "'[' without ']'";
                }
                String set = text.substring(i + 1, close);
                if (set.isEmpty() || !set.matches("(\\d(-\\d)?)+")) {
                    return "set [" + set + "] must hold digits and ranges such as [2-9]";
                }
                i = close;
            } else if (c == '.' || c == '!') {
                if (i != text.length() - 1) {
                    return "'" + c + "' matches the rest of the number, so nothing may follow it";
                }
            } else if (!(Character.isDigit(c) && c < 128) && "XZN*#+-".indexOf(c) < 0) {
                return "'" + printable(text.charAt(i)) + "' is not a pattern character (digits, X, Z, N, [..], . or !)";
            }
        }
        return null;
    }

    /** The fewest digits a number matching this (valid) pattern has. */
    public static int minimumLength(String text) {
        if (!text.startsWith("_")) {
            return text.replace("-", "").length();
        }
        int n = 0;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                i = text.indexOf(']', i);
                n++;
            } else if (c == '.') {
                n++;
            } else if (c != '!' && c != '-') {
                n++;
            }
        }
        return n;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
