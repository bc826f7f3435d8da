package trunkops.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code [name]} section of an Asterisk config text, after template inheritance: entries copied from the
 * templates it names come first (marked {@code inherited}), its own lines after them, so a later value of the same
 * key wins the way Asterisk's option parsers apply them in order.
 *
 * @param name    the text between the brackets
 * @param options what stood in parentheses after the header: {@code !} (a template), {@code +} (append to an
 *                earlier section of the same name), or names of templates/sections to inherit from
 * @param line    1-based line of the header
 * @param entries every setting in order; keys lower-cased
 */
public record ConfigSection(String name, List<String> options, int line, List<Setting> entries) {

    /** Keys that legitimately repeat and accumulate (codec lists, ACLs, variables, PJSIP contacts and matches). */
    static final Set<String> MULTI_VALUED = Set.of("allow", "disallow", "permit", "deny", "acl", "contactpermit",
            "contactdeny", "contactacl", "directmediapermit", "directmediadeny", "directmediaacl", "setvar",
            "set_var", "header", "contact", "match", "contact_permit", "contact_deny", "contact_acl");

    /**
     * One {@code key = value} line.
     *
     * @param key       lower-cased key as written ({@code endpoint/context} keeps its wizard prefix)
     * @param value     trimmed value
     * @param line      1-based line where it was written
     * @param inherited whether it was copied in from a template
     */
    public record Setting(String key, String value, int line, boolean inherited) {
    }

    public ConfigSection {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
        entries = List.copyOf(entries);
    }

    /** {@code [name](!)}: a template, never an object of its own. */
    public boolean isTemplate() {
        return options.contains("!");
    }

    /** The template or section names this one inherits from. */
    public List<String> inheritsFrom() {
        return options.stream().filter(o -> !o.equals("!") && !o.startsWith("+")).toList();
    }

    /** Single-valued settings, lower-cased keys, the last value written winning; repeating keys are in {@link #lists()}. */
    public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : entries) {
            if (!isMultiValued(s.key())) {
                out.put(s.key(), s.value());
            }
        }
        return out;
    }

    /** Repeating settings ({@code allow}, {@code disallow}, {@code permit}, {@code contact}, ...), every value in order. */
    public Map<String, List<String>> lists() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Setting s : entries) {
            if (isMultiValued(s.key())) {
                out.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s.value());
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** The last value of {@code key} (case-insensitive), if set. */
    public Optional<String> value(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(k)) {
                return Optional.of(entries.get(i).value());
            }
        }
        return Optional.empty();
    }

    /** The first value of {@code key}, which is what Asterisk's {@code ast_variable_retrieve} returns. */
    public Optional<String> firstValue(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return entries.stream().filter(s -> s.key().equals(k)).map(Setting::value).findFirst();
    }

    /** Every value of {@code key} in order. */
    public List<String> values(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return entries.stream().filter(s -> s.key().equals(k)).map(Setting::value).toList();
    }

    /** The line of the last setting of {@code key}, or the header line. */
    int lineOf(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(k)) {
                return entries.get(i).line();
            }
        }
        return line;
    }

    static boolean isMultiValued(String key) {
        int slash = key.lastIndexOf('/');
        return MULTI_VALUED.contains(slash < 0 ? key : key.substring(slash + 1));
    }
}
