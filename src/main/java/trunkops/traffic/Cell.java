package trunkops.traffic;

/**
 * The calls of one minute, one carrier, one dialer and one campaign key: attempts, answers, the joint outcome counts
 * and the dial-time distribution. Everything else (mixes, ASR, NER, percentiles, coarser buckets) is derived by
 * merging cells.
 */
final class Cell {

    long attempts;
    long answered;
    final SmallCounts outcomes = new SmallCounts();
    /** Whole seconds from Dial() to answer or failure (DIALEDTIME - ANSWEREDTIME) → count. */
    final SmallCounts dialSeconds = new SmallCounts();

    void add(long outcome, boolean answer, int dialSecs, int sign) {
        attempts += sign;
        if (answer) {
            answered += sign;
        }
        outcomes.add(outcome, sign);
        if (dialSecs >= 0) {
            dialSeconds.add(dialSecs, sign);
        }
    }

    void addAll(Cell other) {
        attempts += other.attempts;
        answered += other.answered;
        outcomes.addAll(other.outcomes);
        dialSeconds.addAll(other.dialSeconds);
    }
}
