package trunkops.traffic;

/**
 * Packs what one carrier-log row says about its call into one long: dial status and SIP reason (dictionary ids),
 * Q.850 hangup cause and SIP code (with 0xFFFF for NULL and 0xFFFE for a column the schema lacks).
 */
final class Outcome {

    static final int NULL = 0xFFFF;
    static final int ABSENT = 0xFFFE;

    private Outcome() {
    }

    static long pack(int status, int hangupCause, int sipCode, int reason) {
        return ((long) status << 48) | ((long) (hangupCause & 0xFFFF) << 32) | ((long) (sipCode & 0xFFFF) << 16)
                | (reason & 0xFFFF);
    }

    static int status(long key) {
        return (int) (key >>> 48) & 0xFFFF;
    }

    static int hangupCause(long key) {
        return (int) (key >>> 32) & 0xFFFF;
    }

    static int sipCode(long key) {
        return (int) (key >>> 16) & 0xFFFF;
    }

    static int reason(long key) {
        return (int) key & 0xFFFF;
    }

    /** A database value (or CarrierLogRow.NULL / ABSENT) as stored. */
    static int code(int value) {
        if (value == -1) {
            return NULL;
        }
        if (value == -2) {
            return ABSENT;
        }
        return Math.min(value, 0xFFFD);
    }
}
