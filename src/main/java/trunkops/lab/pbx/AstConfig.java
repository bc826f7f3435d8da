package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed Asterisk configuration: categories in file order, each with its variables (and where they came from).
 * Categories with the same name are kept separately, as in config.c.
 */
public final class AstConfig {

    /** One {@code key = value} or {@code key => value} line. */
    public record Var(String name, String value, boolean object, String file, int line) {
    }

    /** One {@code [name]} section. */
    public static final class Category {
        private final String name;
        private final String file;
        private final int line;
        private final List<Var> vars = new ArrayList<>();

        Category(String name, String file, int line) {
            this.name = name;
            this.file = file;
            this.line = line;
        }

        public String name() {
            return name;
        }

        public String file() {
            return file;
        }

        public int line() {
            return line;
        }

        public List<Var> vars() {
            return vars;
        }

        /** The last value of {@code key} in this category, or {@code null}. */
        public String get(String key) {
            String v = null;
            for (Var var : vars) {
                if (var.name().equalsIgnoreCase(key)) {
                    v = var.value();
                }
            }
            return v;
        }
    }

    private final List<Category> categories = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public List<Category> categories() {
        return categories;
    }

    /** Warnings a real Asterisk would have logged while loading (not on the AMI wire). */
    public List<String> warnings() {
        return warnings;
    }

    void warn(String message) {
        warnings.add(message);
    }

    Category addCategory(String name, String file, int line) {
        Category c = new Category(name, file, line);
        categories.add(c);
        return c;
    }

    /** First category called {@code name}, or {@code null}. */
    public Category category(String name) {
        for (Category c : categories) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    public Map<String, List<Category>> byName() {
        Map<String, List<Category>> map = new LinkedHashMap<>();
        for (Category c : categories) {
            map.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
        }
        return map;
    }
}
