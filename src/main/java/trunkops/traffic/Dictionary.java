package trunkops.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns strings to small ints (append-only), so millions of rows are counted in int-keyed cells. Not thread-safe.
 * When full, further new values share the last id, labelled {@link #OVERFLOW}: a console running for months on a
 * ViciDial whose carriers send free-text SIP reasons keeps counting (the odd reasons together) instead of failing.
 */
final class Dictionary {

    static final String OVERFLOW = "(other values)";

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private final int max;

    Dictionary(int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max " + max);
        }
        this.max = max;
    }

    int id(String value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        if (values.size() >= max - 1) {
            if (values.size() == max - 1) {
                values.add(OVERFLOW);
            }
            return max - 1;
        }
        int next = values.size();
        ids.put(value, next);
        values.add(value);
        return next;
    }

    String value(int id) {
        return values.get(id);
    }

    int size() {
        return values.size();
    }
}
