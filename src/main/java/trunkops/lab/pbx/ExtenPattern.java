package trunkops.lab.pbx;

/**
 * Asterisk extension matching and ordering (pbx.c): literal extensions match exactly; {@code _} patterns use
 * X (0-9), Z (1-9), N (2-9), [..] sets with ranges, {@code .} (one or more) and {@code !} (zero or more); dashes
 * are ignored. Extensions sort literal-first, then by the specificity of each pattern position as ext_cmp does,
 * and the first match in that order wins.
 */
public final class ExtenPattern {

    private ExtenPattern() {
    }

    public static boolean matches(String pattern, String exten) {
        if (pattern.isEmpty() || pattern.charAt(0) != '_') {
            return stripDashes(pattern).equals(stripDashes(exten));
        }
        return matchFrom(pattern, 1, exten, 0);
    }

    private static boolean matchFrom(String p, int pi, String e, int ei) {
        while (pi < p.length()) {
            char c = Character.toUpperCase(p.charAt(pi));
            if (c == '-') {
                pi++;
                continue;
            }
            if (c == '.') {
                return ei < e.length();
            }
            if (c == '!') {
                return true;
            }
            if (ei >= e.length()) {
                return false;
            }
            char x = e.charAt(ei);
            switch (c) {
                case 'X' -> {
                    if (x < '0' || x > '9') {
                        return false;
                    }
                }
                case 'Z' -> {
                    if (x < '1' || x > '9') {
                        return false;
                    }
                }
                case 'N' -> {
                    if (x < '2' || x > '9') {
                        return false;
                    }
                }
                case '[' -> {
                    int close = p.indexOf(']', pi);
                    if (close < 0) {
                        return false;
                    }
                    if (!inSet(p.substring(pi + 1, close), x)) {
                        return false;
                    }
                    pi = close;
                }
                default -> {
                    if (Character.toUpperCase(x) != c) {
                        return false;
                    }
                }
            }
            pi++;
            ei++;
        }
        return ei == e.length();
    }

    private static boolean inSet(String set, char x) {
        for (int i = 0; i < set.length(); i++) {
            char a = set.charAt(i);
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char b = set.charAt(i + 2);
                if (x >= a && x <= b) {
                    return true;
                }
                i += 2;
            } else if (a == x) {
                return true;
            }
        }
        return false;
    }

    private static String stripDashes(String s) {
        return s.indexOf('-') < 0 ? s : s.replace("-", "");
    }

    /** ext_cmp: negative when {@code a} sorts (and therefore matches) before {@code b}. */
    public static int compare(String a, String b) {
        boolean pa = a.startsWith("_");
        boolean pb = b.startsWith("_");
        if (!pa && !pb) {
            return stripDashes(a).compareTo(stripDashes(b));
        }
        if (!pa) {
            return -1;
        }
        if (!pb) {
            return 1;
        }
        int[] ia = {1};
        int[] ib = {1};
        while (true) {
            long wa = weight(a, ia);
            long wb = weight(b, ib);
            if (wa != wb) {
                return Long.compare(wa, wb);
            }
            if (wa == END) {
                return 0;
            }
        }
    }

    private static final long END = 0x30000;

    /** The weight of the pattern position at {@code idx[0]}, advancing it (ext_cmp_pattern_pos). */
    private static long weight(String p, int[] idx) {
        while (idx[0] < p.length() && (p.charAt(idx[0]) == '-' || p.charAt(idx[0]) == ' ')) {
            idx[0]++;
        }
        if (idx[0] >= p.length()) {
            return END;
        }
        char c = Character.toUpperCase(p.charAt(idx[0]++));
        switch (c) {
            case 'N':
                return 0x0800 | '2';
            case 'Z':
                return 0x0900 | '1';
            case 'X':
                return 0x0A00 | '0';
            case '.':
                return 0x18000;
            case '!':
                return 0x28000;
            case '[': {
                int close = p.indexOf(']', idx[0]);
                if (close < 0) {
                    return 0x0100 | '[';
                }
                String set = p.substring(idx[0], close);
                idx[0] = close + 1;
                int count = 0;
                char min = 0xFF;
                for (char x = 0; x < 256; x++) {
                    if (inSet(set, x)) {
                        count++;
                        if (x < min) {
                            min = x;
                        }
                    }
                }
                return ((long) count << 8) | min;
            }
            default:
                return 0x0100 | c;
        }
    }
}
