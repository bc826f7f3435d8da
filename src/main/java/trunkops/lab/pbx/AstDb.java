package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * ASTDB (astdb.sqlite3): a sorted map of {@code /family/key} to value that survives reloads and restarts of the
 * simulated Asterisk. Keys may contain slashes (sub-families), as in real Asterisk.
 */
public final class AstDb {

    private final ConcurrentSkipListMap<String, String> entries = new ConcurrentSkipListMap<>();

    static String path(String family, String key) {
        return "/" + family + "/" + key;
    }

    public void put(String family, String key, String value) {
        entries.put(path(family, key), value);
    }

    public String get(String family, String key) {
        return entries.get(path(family, key));
    }

    public boolean delete(String family, String key) {
        return entries.remove(path(family, key)) != null;
    }

    /** Deletes {@code /family} or {@code /family/key} and everything below; returns how many were removed. */
    public int deleteTree(String family, String key) {
        String prefix = key == null || key.isEmpty() ? "/" + family + "/" : path(family, key) + "/";
        List<String> doomed = new ArrayList<>(entries.subMap(prefix, prefix + Character.MAX_VALUE).keySet());
        String exact = key == null || key.isEmpty() ? null : path(family, key);
        if (exact != null && entries.containsKey(exact)) {
            doomed.add(exact);
        }
        doomed.forEach(entries::remove);
        return doomed.size();
    }

    /** Entries under {@code /family[/key]}, full paths in sorted order (DBGetTree, database show). */
    public Map<String, String> tree(String family, String key) {
        if (family == null || family.isEmpty()) {
            return new TreeMap<>(entries);
        }
        String base = key == null || key.isEmpty() ? "/" + family : path(family, key);
        Map<String, String> out = new TreeMap<>();
        String exactValue = entries.get(base);
        if (exactValue != null) {
            out.put(base, exactValue);
        }
        out.putAll(entries.subMap(base + "/", base + "/" + Character.MAX_VALUE));
        return out;
    }
}
