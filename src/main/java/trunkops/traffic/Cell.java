package trunkops.traffic;

/**
 * The calls of one minute, one carrier, one dialer and one campaign key: attempts, answers, the joint outcome counts
 * and the dial-time distribution. Everything else (mixes, ASR, NER, percentiles, coarser buckets) is derived by
 * merging cells.
 */
final class Cell {

    /** Dial times up to this many seconds are counted in a dense array; longer ones in a small map. */
    static final int DENSE_SECONDS = 256;

    long attempts;
    long answered;
    final SmallCounts outcomes = new SmallCounts();
    /** Whole seconds from Dial() to answer or failure (DIALEDTIME - ANSWEREDTIME) → count, below DENSE_SECONDS. */
    private int[] dial;
    /** The same for longer dial times (rare: dial timeouts are rarely above 60 s). */
    private SmallCounts longDial;

    void add(long outcome, boolean answer, int dialSecs, int sign) {
        attempts += sign;
        if (answer) {
            answered += sign;
        }
        outcomes.add(outcome, sign);
        if (dialSecs >= 0) {
            addDial(dialSecs, sign);
        }
    }

    void addDial(int secs, long n) {
        if (secs < DENSE_SECONDS) {
            if (dial == null) {
                dial = new int[Math.max(64, Integer.highestOneBit(secs) * 2)];
            } else if (secs >= dial.length) {
                dial = java.util.Arrays.copyOf(dial, Math.min(DENSE_SECONDS, Integer.highestOneBit(secs) * 2));
            }
            dial[secs] += (int) n;
        } else {
            if (longDial == null) {
                longDial = new SmallCounts();
            }
            longDial.add(secs, n);
        }
    }

    void addAll(Cell other) {
        attempts += other.attempts;
        answered += other.answered;
        outcomes.addAll(other.outcomes);
        if (other.dial != null) {
            for (int i = 0; i < other.dial.length; i++) {
                if (other.dial[i] != 0) {
                    addDial(i, other.dial[i]);
                }
            }
        }
        if (other.longDial != null) {
            for (int i = 0; i < other.longDial.size(); i++) {
                addDial((int) other.longDial.key(i), other.longDial.count(i));
            }
        }
    }

    /** Visits every dial time with a non-zero count, in ascending seconds. */
    void forEachDialTime(java.util.function.LongBinaryOperator visitor) {
        if (dial != null) {
            for (int i = 0; i < dial.length; i++) {
                if (dial[i] != 0) {
                    visitor.applyAsLong(i, dial[i]);
                }
            }
        }
        if (longDial != null) {
            java.util.TreeMap<Long, Long> sorted = new java.util.TreeMap<>();
            for (int i = 0; i < longDial.size(); i++) {
                sorted.merge(longDial.key(i), longDial.count(i), Long::sum);
            }
            sorted.forEach((k, v) -> {
                if (v != 0) {
                    visitor.applyAsLong(k, v);
                }
            });
        }
    }
}
