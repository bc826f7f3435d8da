package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * res_pjsip's view of pjsip.conf (res_sorcery_config): every section with a {@code type} res_pjsip knows becomes an
 * object of that type; an object with an option its type does not have is refused with config_options' error and
 * the rest of the file still applies (so a reload can be half applied: the aor of a refused endpoint goes live on
 * its own); a section of an unknown type (type=bogus) is ignored without a word. Objects of one type are kept in
 * id order, which is the order the list actions and the CLI print them in.
 */
final class PjsipConfig {

    static final List<String> TYPES = List.of("transport", "endpoint", "aor", "identify", "auth", "registration");

    /** The objects of one load, per type and id, with the log lines Asterisk would have written. */
    record Objects(Map<String, Map<String, PjObject>> byType, List<String> warnings) {
        Map<String, PjObject> of(String type) {
            return byType.getOrDefault(type, Map.of());
        }

        PjObject get(String type, String id) {
            return of(type).get(id);
        }

        static Objects empty() {
            return new Objects(Map.of(), List.of());
        }
    }

    private PjsipConfig() {
    }

    static Objects load(AstConfig cfg) {
        PjsipFields fields = PjsipFields.get();
        Map<String, Map<String, PjObject>> byType = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (AstConfig.Category cat : cfg.categories()) {
            String type = cat.get("type");
            if (type == null) {
                warnings.add("Category '" + cat.name() + "' has no type");
                continue;
            }
            String t = type.strip().toLowerCase(Locale.ROOT);
            if (!fields.knownType(t)) {
                continue; // system/global/…, or a type nobody registered (type=bogus): no object, no log line
            }
            PjObject o = new PjObject(t, cat.name(), List.copyOf(cat.vars()), cat.file());
            String bad = unknownOption(fields, o);
            if (bad != null) {
                warnings.add("ERROR config_options.c: Could not find option suitable for category '" + cat.name()
                        + "' named '" + bad + "' at line " + lineOf(o, bad) + " of " + cat.file());
                warnings.add("ERROR res_sorcery_config.c: Could not create an object of type '" + t + "' with id '"
                        + cat.name() + "' from configuration file 'pjsip.conf'");
                continue;
            }
            byType.computeIfAbsent(t, k -> new TreeMap<>()).put(cat.name(), o);
        }
        return new Objects(byType, List.copyOf(warnings));
    }

    private static String unknownOption(PjsipFields fields, PjObject o) {
        for (AstConfig.Var v : o.vars()) {
            if (!fields.knownOption(o.type(), v.name())) {
                return v.name();
            }
        }
        return null;
    }

    private static int lineOf(PjObject o, String option) {
        for (AstConfig.Var v : o.vars()) {
            if (v.name().equals(option)) {
                return v.line();
            }
        }
        return 0;
    }
}
