package trunkops.topology;

import java.util.Objects;

/**
 * An Asterisk extension name with pbx.c's matching and ordering.
 *
 * <p>A name starting with {@code _} is a pattern: {@code X} = 0-9, {@code Z} = 1-9, {@code N} = 2-9 (letters in either
 * case), {@code [...]} a set with ranges ({@code [1-35]}), {@code .} one or more of anything, {@code !} zero or more,
 * {@code -} ignored, any other character literal (case-sensitive). Anything else is a literal extension that matches
 * exactly (dashes ignored). Text after {@code /} is a caller-ID match and is not part of the name.
 *
 * <p>{@link #compareTo} is ext_cmp: literal extensions first, then patterns position by position, a literal
 * character before a smaller set before N before Z before X before {@code .} before {@code !}. When several
 * extensions in a context match a number, the first in this order wins.
 *
 * @param text the extension name as written, e.g. {@code _91NXXNXXXXXX}
 */
public record DialPattern(String text) implements Comparable<DialPattern> {

    private static final int END = 0x30000;
    private static final int BAD_SET = 0x40000;

    public DialPattern {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        text = (slash >= 0 ? text.substring(0, slash) : text).strip();
    }

    public static DialPattern of(String text) {
        return new DialPattern(text);
    }

    /** Whether this is an {@code _} pattern rather than a literal extension. */
    public boolean isPattern() {
        return text.startsWith("_");
    }

    /** Whether Asterisk matches {@code number} to this extension (E_MATCH). */
    public boolean matches(String number) {
        return matchCore(number, false) != 0;
    }

    /** Whether some dial string starting with {@code prefix} (the prefix alone included) matches (E_CANMATCH). */
    public boolean canMatchPrefix(String prefix) {
        return matchCore(prefix, true) != 0;
    }

    /** pbx.c _extension_match_core: 0 no match, 1 match, 2 early match through {@code !}. */
    private int matchCore(String data, boolean canMatch) {
        if (!isPattern()) {
            String p = text.replace("-", "");
            String d = data.replace("-", "");
            if (p.length() < d.length()) {
                return 0;
            }
            return (canMatch ? p.startsWith(d) : p.equals(d)) ? 1 : 0;
        }
        String p = text;
        int pi = 1;
        int di = 0;
        while (true) {
            while (di < data.length() && data.charAt(di) == '-') {
                di++;
            }
            while (pi < p.length() && p.charAt(pi) == '-') {
                pi++;
            }
            if (di >= data.length() || pi >= p.length()) {
                break;
            }
            char c = data.charAt(di);
            switch (p.charAt(pi)) {
                case '[' -> {
                    int end = p.indexOf(']', pi + 1);
                    if (end < 0) {
                        return 0;
                    }
                    if (end == pi + 1) {
                        pi = end + 1;
                        continue;
                    }
                    if (!inSet(p, pi + 1, end, c)) {
                        return 0;
                    }
                    pi = end;
                }
                case 'n', 'N' -> {
                    if (c < '2' || c > '9') {
                        return 0;
                    }
                }
                case 'x', 'X' -> {
                    if (c < '0' || c > '9') {
                        return 0;
                    }
                }
                case 'z', 'Z' -> {
                    if (c < '1' || c > '9') {
                        return 0;
                    }
                }
                case '.' -> {
                    return 1;
                }
                case '!' -> {
                    return 2;
                }
                default -> {
                    if (c != p.charAt(pi)) {
                        return 0;
                    }
                }
            }
            di++;
            pi++;
        }
        if (di < data.length()) {
            return 0;
        }
        if (pi >= p.length()) {
            return 1;
        }
        if (p.charAt(pi) == '!') {
            return 2;
        }
        return canMatch ? 1 : 0;
    }

    private static boolean inSet(String p, int from, int end, char c) {
        for (int i = from; i < end; i++) {
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                if (c >= p.charAt(i) && c <= p.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (c == p.charAt(i)) {
                return true;
            }
        }
        return false;
    }

    /** ext_cmp: negative when this extension sorts, and so matches, before {@code other}. */
    @Override
    public int compareTo(DialPattern other) {
        if (!isPattern()) {
            return other.isPattern() ? -1 : text.replace("-", "").compareTo(other.text.replace("-", ""));
        }
        if (!other.isPattern()) {
            return 1;
        }
        int[] li = {1};
        int[] ri = {1};
        while (true) {
            byte[] lb = new byte[32];
            byte[] rb = new byte[32];
            int l = position(text, li, lb);
            int r = position(other.text, ri, rb);
            int cmp = l - r;
            if (cmp == 0) {
                cmp = compareBits(rb, lb);
            }
            if (cmp != 0 || l == END || l == BAD_SET) {
                return cmp;
            }
        }
    }

    /** Whether Asterisk treats both as the same extension (ext_cmp == 0), e.g. {@code _9N.} and {@code _9[2-9].}. */
    public boolean sameExtensionAs(DialPattern other) {
        return compareTo(other) == 0;
    }

    /** pbx.c ext_cmp_pattern_pos: the weight of the pattern position at {@code idx[0]}, advancing it. */
    private static int position(String p, int[] idx, byte[] bits) {
        while (true) {
            while (idx[0] < p.length() && p.charAt(idx[0]) == '-') {
                idx[0]++;
            }
            if (idx[0] >= p.length()) {
                return END;
            }
            char c = p.charAt(idx[0]++);
            switch (c) {
                case 'n', 'N' -> {
                    setRange(bits, '2', '9');
                    return 0x0800 | '2';
                }
                case 'x', 'X' -> {
                    setRange(bits, '0', '9');
                    return 0x0A00 | '0';
                }
                case 'z', 'Z' -> {
                    setRange(bits, '1', '9');
                    return 0x0900 | '1';
                }
                case '.' -> {
                    return 0x18000;
                }
                case '!' -> {
                    return 0x28000;
                }
                case '[' -> {
                    int end = p.indexOf(']', idx[0]);
                    if (end < 0) {
                        return BAD_SET;
                    }
                    int count = 0;
                    int min = 0xFF;
                    for (int i = idx[0]; i < end; i++) {
                        int c1 = p.charAt(i) & 0xFF;
                        int c2 = c1;
                        if (i + 2 < end && p.charAt(i + 1) == '-') {
                            c2 = p.charAt(i + 2) & 0xFF;
                            i += 2;
                        }
                        min = Math.min(min, c1);
                        for (int x = c1; x <= c2; x++) {
                            if (!isSet(bits, x)) {
                                bits[x / 8] |= (byte) (1 << (7 - x % 8));
                                count += 0x100;
                            }
                        }
                    }
                    idx[0] = end + 1;
                    if (count > 0) {
                        return count | min;
                    }
                }
                default -> {
                    int x = c & 0xFF;
                    bits[x / 8] = (byte) (1 << (7 - x % 8));
                    return 0x0100 | x;
                }
            }
        }
    }

    private static void setRange(byte[] bits, char from, char to) {
        for (int x = from; x <= to; x++) {
            bits[x / 8] |= (byte) (1 << (7 - x % 8));
        }
    }

    private static boolean isSet(byte[] bits, int x) {
        return (bits[x / 8] & (1 << (7 - x % 8))) != 0;
    }

    private static int compareBits(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            int cmp = (a[i] & 0xFF) - (b[i] & 0xFF);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
