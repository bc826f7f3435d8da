package trunkops.traffic;

/** The time buckets statistics are shown in. */
public enum BucketSize {
    ONE_MINUTE(1, "1 min"),
    FIVE_MINUTES(5, "5 min"),
    ONE_HOUR(60, "1 h");

    private final int minutes;
    private final String label;

    BucketSize(int minutes, String label) {
        this.minutes = minutes;
        this.label = label;
    }

    public int minutes() {
        return minutes;
    }

    public String label() {
        return label;
    }

    /** The bucket of exactly {@code minutes}, or empty. */
    public static java.util.Optional<BucketSize> ofMinutes(long minutes) {
        for (BucketSize b : values()) {
            if (b.minutes == minutes) {
                return java.util.Optional.of(b);
            }
        }
        return java.util.Optional.empty();
    }

    /** The first minute of the bucket holding {@code minute} (minutes since 1970 of the database's wall clock). */
    public long bucketOf(long minute) {
        return Math.floorDiv(minute, minutes) * minutes;
    }
}
