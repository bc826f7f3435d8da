package trunkops.lab.pbx;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated dialer's {@code /etc/asterisk}: file name to content. Lab steps and the simulated keepalive
 * write files here; reloads read them. Thread-safe, so tests and the keepalive can write from any thread.
 */
public final class ConfigFiles {

    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, String> originals = new HashMap<>();

    public Optional<String> read(String name) {
        return Optional.ofNullable(files.get(name));
    }

    public void write(String name, String content) {
        synchronized (originals) {
            originals.putIfAbsent(name, files.getOrDefault(name, null));
        }
        files.put(name, content);
    }

    public void appendLine(String name, String line) {
        String current = files.getOrDefault(name, "");
        String sep = current.isEmpty() || current.endsWith("\n") ? "" : "\n";
        write(name, current + sep + line + "\n");
    }

    public void delete(String name) {
        synchronized (originals) {
            originals.putIfAbsent(name, files.get(name));
        }
        files.remove(name);
    }

    /** Puts a file back to its content before the first change made through this object. */
    public void restore(String name) {
        String original;
        synchronized (originals) {
            if (!originals.containsKey(name)) {
                return;
            }
            original = originals.remove(name);
        }
        if (original == null) {
            files.remove(name);
        } else {
            files.put(name, original);
        }
    }

    /** Installs a file as part of the dialer's baseline (not a change that restore() would undo). */
    public void install(String name, String content) {
        files.put(name, content);
    }
}
