package trunkops.lab.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An Asterisk extension name: a literal ({@code 8368}, {@code h}) or a pattern starting with {@code _}.
 *
 * <p>Pattern characters, as in Asterisk's {@code main/pbx.c}: {@code X} = 0-9, {@code Z} = 1-9, {@code N} = 2-9
 * (lower case too), {@code [..]} = a set with ranges ({@code [1-5]}, {@code [137]}), {@code .} = one or more further
 * characters, {@code !} = zero or more further characters; {@code -} is ignored ("eye candy"). As in Asterisk's
 * matcher, whatever follows {@code .} or {@code !} is not looked at.
 *
 * <p>{@link #SPECIFICITY} orders extensions the way Asterisk sorts a context ({@code ext_cmp} in {@code main/pbx.c},
 * 20.20.1): literals before patterns, then position by position the smaller character class first ({@code 9} before
 * {@code N} before {@code Z} before {@code X}, a set of k characters ranked by k), {@code .} after every class,
 * {@code !} after {@code .}, and the end of a pattern after all of them. With the classic (non-trie) matcher, the first
 * extension in that order that matches the dialed number wins, so "the most specific matching pattern wins" is this
 * comparator. (Characters after {@code .}/{@code !}, which Asterisk still compares, are ignored here.)
 */
public final class AsteriskPattern {

    /** Asterisk's sort order of extensions (most specific first). Not consistent with equals for equal text. */
    public static final Comparator<AsteriskPattern> SPECIFICITY = AsteriskPattern::compareSpecificity;

    private static final int ANY_REST = -1;      // '.'
    private static final int ANY_OR_NONE = -2;   // '!'

    private final String text;
    private final boolean pattern;
    private final List<BitSet> classes;          // one per position; null entries are '.'/'!' markers
    private final int tailKind;                  // 0 = exact length, ANY_REST, ANY_OR_NONE

    private AsteriskPattern(String text) {
        this.text = text;
        this.pattern = text.startsWith("_");
        List<BitSet> parsed = new ArrayList<>();
        int tail = 0;
        if (pattern) {
            String body = text.substring(1);
            for (int i = 0; i < body.length() && tail == 0; i++) {
                char c = body.charAt(i);
                switch (Character.toUpperCase(c)) {
                    case '-' -> { }
                    case 'X' -> parsed.add(range('0', '9'));
                    case 'Z' -> parsed.add(range('1', '9'));
                    case 'N' -> parsed.add(range('2', '9'));
                    case '.' -> tail = ANY_REST;
                    case '!' -> tail = ANY_OR_NONE;
                    case '[' -> {
                        int end = body.indexOf(']', i);
                        if (end < 0) {
                            throw new IllegalArgumentException("unterminated [ in extension pattern " + text);
                        }
                        parsed.add(set(body.substring(i + 1, end), text));
                        i = end;
                    }
                    default -> parsed.add(range(c, c));
                }
            }
        }
        this.classes = List.copyOf(parsed);
        this.tailKind = tail;
    }

    public static AsteriskPattern of(String extension) {
        Objects.requireNonNull(extension, "extension");
        if (extension.isEmpty() || extension.equals("_")) {
            throw new IllegalArgumentException("empty extension");
        }
        return new AsteriskPattern(extension);
    }

    public String text() {
        return text;
    }

    public boolean isPattern() {
        return pattern;
    }

    /** Whether Asterisk would run this extension for the dialed {@code number}. */
    public boolean matches(String number) {
        if (!pattern) {
            return text.equals(number);
        }
        int n = classes.size();
        if (number.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!classes.get(i).get(number.charAt(i))) {
                return false;
            }
        }
        int rest = number.length() - n;
        return switch (tailKind) {
            case ANY_REST -> rest >= 1;
            case ANY_OR_NONE -> true;
            default -> rest == 0;
        };
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsteriskPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private static int compareSpecificity(AsteriskPattern left, AsteriskPattern right) {
        if (!left.pattern || !right.pattern) {
            if (left.pattern != right.pattern) {
                return left.pattern ? 1 : -1;
            }
            return left.text.compareTo(right.text);
        }
        int positions = Math.max(left.classes.size(), right.classes.size()) + 1;
        for (int i = 0; i < positions; i++) {
            long l = left.score(i);
            long r = right.score(i);
            if (l != r) {
                return Long.compare(l, r);
            }
            BitSet lb = left.at(i);
            BitSet rb = right.at(i);
            if (lb != null && rb != null && !lb.equals(rb)) {
                // Same size and lowest member: Asterisk's memcmp puts the set holding lower characters first.
                return -Integer.compare(lowestDifference(lb, rb, lb), lowestDifference(lb, rb, rb));
            }
            if (lb == null && rb == null) {
                return 0;
            }
        }
        return 0;
    }

    /** Asterisk's per-position weight: (class size << 8) | lowest member; '.', '!', end of pattern after all. */
    private long score(int position) {
        if (position < classes.size()) {
            BitSet set = classes.get(position);
            return ((long) set.cardinality() << 8) | set.nextSetBit(0);
        }
        if (position == classes.size()) {
            return switch (tailKind) {
                case ANY_REST -> 0x18000L;
                case ANY_OR_NONE -> 0x28000L;
                default -> 0x30000L;
            };
        }
        return 0x30000L;
    }

    private BitSet at(int position) {
        return position < classes.size() ? classes.get(position) : null;
    }

    private static int lowestDifference(BitSet a, BitSet b, BitSet which) {
        BitSet diff = (BitSet) a.clone();
        diff.xor(b);
        int first = diff.nextSetBit(0);
        return which.get(first) ? 1 : 0;
    }

    private static BitSet range(char from, char to) {
        BitSet set = new BitSet(128);
        set.set(from, to + 1);
        return set;
    }

    private static BitSet set(String spec, String text) {
        BitSet set = new BitSet(128);
        char[] chars = spec.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (i + 2 < chars.length && chars[i + 1] == '-') {
                set.set(chars[i], chars[i + 2] + 1);
                i += 2;
            } else {
                set.set(chars[i]);
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("empty [] set in extension pattern " + text + " "
                    + Arrays.toString(chars));
        }
        return set;
    }
}
