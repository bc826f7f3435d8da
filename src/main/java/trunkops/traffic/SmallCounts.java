package trunkops.traffic;

import java.util.Arrays;

/**
 * A tiny long-keyed counter: keys in insertion order, found by a linear scan. Built for the handful of distinct
 * outcomes (dial status x cause x SIP code x reason) or dial times one carrier has in one minute on one server,
 * where a scan over a few entries beats hashing and boxing. Counts may be taken back ({@code delta < 0}).
 */
final class SmallCounts {

    private long[] keys = new long[4];
    private long[] counts = new long[4];
    private int size;
    private int last;

    void add(long key, long delta) {
        if (last < size && keys[last] == key) {
            counts[last] += delta;
            return;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                counts[i] += delta;
                last = i;
                return;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        keys[size] = key;
        counts[size] = delta;
        last = size;
        size++;
    }

    void addAll(SmallCounts other) {
        for (int i = 0; i < other.size; i++) {
            if (other.counts[i] != 0) {
                add(other.keys[i], other.counts[i]);
            }
        }
    }

    int size() {
        return size;
    }

    long key(int i) {
        return keys[i];
    }

    long count(int i) {
        return counts[i];
    }

    long total() {
        long t = 0;
        for (int i = 0; i < size; i++) {
            t += counts[i];
        }
        return t;
    }
}
