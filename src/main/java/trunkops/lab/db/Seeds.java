package trunkops.lab.db;

/** Stable seeds for independent random streams derived from one seed and some names (String.hashCode is specified). */
final class Seeds {

    private Seeds() {
    }

    static long of(long seed, String... names) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (String name : names) {
            h = mix(h + name.hashCode());
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
