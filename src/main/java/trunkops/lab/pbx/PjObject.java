package trunkops.lab.pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One res_pjsip sorcery object as pjsip.conf defines it: a {@code [id]} section with {@code type=<type>} and its
 * options in file order. ViciDial writes endpoint, aor and identify under one shared name, so the id alone is not
 * unique; (type, id) is.
 */
record PjObject(String type, String id, List<AstConfig.Var> vars, String file) {

    /** Option names compare without case and without underscores (qualify_frequency = QualifyFrequency). */
    static String norm(String option) {
        return option.replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** The last value of an option, or {@code fallback}. */
    String opt(String key, String fallback) {
        String k = norm(key);
        String v = fallback;
        for (AstConfig.Var var : vars) {
            if (norm(var.name()).equals(k)) {
                v = var.value().strip();
            }
        }
        return v;
    }

    String opt(String key) {
        return opt(key, "");
    }

    /** Every value of an option, comma lists split (contact=, aors=, match=). */
    List<String> list(String key) {
        String k = norm(key);
        List<String> out = new ArrayList<>();
        for (AstConfig.Var var : vars) {
            if (norm(var.name()).equals(k)) {
                for (String part : var.value().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }

    int intOpt(String key, int fallback) {
        try {
            return Integer.parseInt(opt(key, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    double doubleOpt(String key, double fallback) {
        try {
            return Double.parseDouble(opt(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static boolean truthy(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("true") || s.equals("on") || s.equals("1") || s.equals("y");
    }
}
