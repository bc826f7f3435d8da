package trunkops.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns strings to small ints (append-only), so millions of rows are counted in int-keyed cells. Not thread-safe. */
final class Dictionary {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private final int max;

    Dictionary(int max) {
        this.max = max;
    }

    int id(String value) {
        Integer id = ids.get(value);
        if (id != null) {
            return id;
        }
        if (values.size() >= max) {
            throw new IllegalStateException("more than " + max + " distinct values (e.g. '" + value + "')");
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
