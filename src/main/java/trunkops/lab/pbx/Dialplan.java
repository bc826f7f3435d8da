package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A loaded dialplan: contexts of extensions of priorities, plus the globals that came with it. Immutable once
 * built by {@link DialplanLoader}; a reload swaps in a new instance.
 */
public final class Dialplan {

    /** One priority: application, raw data (unsubstituted), optional label, and where it was defined. */
    public record Priority(int number, String label, String app, String data, String file, int line) {
    }

    /** One extension: its name (literal or {@code _pattern}) and its priorities by number. */
    public static final class Extension {
        final String name;
        final TreeMap<Integer, Priority> priorities = new TreeMap<>();

        Extension(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public Map<Integer, Priority> priorities() {
            return priorities;
        }
    }

    /** One context with its extensions (kept in ext_cmp order) and includes. */
    public static final class Context {
        final String name;
        final String registrar;
        final List<Extension> extensions = new ArrayList<>();
        final List<String> includes = new ArrayList<>();

        Context(String name, String registrar) {
            this.name = name;
            this.registrar = registrar;
        }

        public String name() {
            return name;
        }

        public List<Extension> extensions() {
            return extensions;
        }

        public List<String> includes() {
            return includes;
        }

        Extension extension(String ext, boolean create) {
            for (Extension e : extensions) {
                if (e.name.equals(ext)) {
                    return e;
                }
            }
            if (!create) {
                return null;
            }
            Extension e = new Extension(ext);
            int at = 0;
            while (at < extensions.size() && ExtenPattern.compare(extensions.get(at).name, ext) <= 0) {
                at++;
            }
            extensions.add(at, e);
            return e;
        }
    }

    /** Where a dialplan search landed. */
    public record Match(Context context, Extension extension) {
    }

    private final Map<String, Context> contexts = new LinkedHashMap<>();
    private final Map<String, String> globals = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public Map<String, Context> contexts() {
        return contexts;
    }

    public Map<String, String> globals() {
        return globals;
    }

    public List<String> warnings() {
        return warnings;
    }

    Context context(String name, boolean create) {
        Context c = contexts.get(name);
        if (c == null && create) {
            c = new Context(name, "pbx_config");
            contexts.put(name, c);
        }
        return c;
    }

    public Context context(String name) {
        return contexts.get(name);
    }

    /**
     * Finds the extension that runs {@code priority} of {@code exten} in {@code context}: the first matching
     * extension in sort order that has that priority, then the includes depth-first (pbx_find_extension).
     * A priority below 1 matches any extension that matches the name.
     */
    public Match find(String context, String exten, int priority) {
        return find(context, exten, priority, new ArrayList<>());
    }

    private Match find(String contextName, String exten, int priority, List<String> visited) {
        if (visited.contains(contextName) || visited.size() > 64) {
            return null;
        }
        visited.add(contextName);
        Context ctx = contexts.get(contextName);
        if (ctx == null) {
            return null;
        }
        for (Extension e : ctx.extensions) {
            if (ExtenPattern.matches(e.name, exten) && (priority < 1 || e.priorities.containsKey(priority))) {
                return new Match(ctx, e);
            }
        }
        for (String inc : ctx.includes) {
            Match m = find(inc, exten, priority, visited);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** ast_exists_extension. */
    public boolean exists(String context, String exten, int priority) {
        return find(context, exten, priority) != null;
    }

    /** The priority numbered {@code label} or labelled so within {@code ext}, or -1. */
    public static int resolvePriority(Extension ext, String label) {
        String l = label.strip();
        if (l.chars().allMatch(Character::isDigit) && !l.isEmpty()) {
            return Integer.parseInt(l);
        }
        for (Priority p : ext.priorities.values()) {
            if (l.equals(p.label())) {
                return p.number();
            }
        }
        return -1;
    }
}
