package trunkops.text;

/**
 * Names that come from AMI or the ViciDial database are data, not text to pass through: a peer called
 * {@code "x\n127.0.0.1 nsvoice"} must not forge a second output line, and an ESC sequence must not reach a
 * terminal. {@link #display} makes any such string safe to show on one line (stdout, CSV cells, UI labels,
 * reports, logs) by writing every control or invisible formatting character as a visible escape; ordinary
 * Unicode letters (UTF-8 names) are kept as they are.
 */
public final class SafeText {

    private SafeText() {
    }

    /** The string with control characters written as escapes ({@code \n}, {@code \r}, {@code \t},
     *  {@code \x1b}, {@code \u202e}, ...) and a backslash doubled only when it would read as an escape;
     *  {@code null} becomes the empty string. Returns the same instance when nothing needs escaping. */
    public static String display(String s) {
        if (s == null) {
            return "";
        }
        if (isClean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\' && readsAsEscape(s, i)) {
                b.append("\\\\");
            } else {
                appendEscaped(b, cp);
            }
        }
        return b.toString();
    }

    /** True when {@code s} has no character that {@link #display} would escape. */
    public static boolean isClean(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (needsEscape(cp) || cp == '\\' && readsAsEscape(s, i)) {
                return false;
            }
        }
        return true;
    }

    /** A backslash followed by a letter of an escape this class writes (or another backslash) would be
     *  read as one: a peer literally named {@code x\\n} must not look like one with a line break. */
    private static boolean readsAsEscape(String s, int next) {
        if (next >= s.length()) {
            return false;
        }
        char c = s.charAt(next);
        return c == 'n' || c == 'r' || c == 't' || c == 'x' || c == 'u' || c == '\\';
    }

    /** Control characters (C0, DEL, C1), line/paragraph separators, bidi and other invisible format
     *  characters, lone surrogates and unassigned/private code points that a terminal could act on. */
    static boolean needsEscape(int cp) {
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                 Character.CONTROL -> true;
            default -> false;
        };
    }

    private static void appendEscaped(StringBuilder b, int cp) {
        if (!needsEscape(cp)) {
            b.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (cp <= 0xff) {
                    b.append(String.format("\\x%02x", cp));
                } else {
                    b.append(String.format("\\u%04x", cp));
                }
            }
        }
    }
}
