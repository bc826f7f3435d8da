package trunkops.lab.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import trunkops.lab.ami.AmiMessage;

/**
 * The header names and defaults of res_pjsip's object detail events (EndpointDetail, TransportDetail,
 * AorDetail/AorList, IdentifyDetail, AuthDetail, OutboundRegistrationDetail) in the order Asterisk 20.20.1 sent
 * them, read from {@code pjsip-fields.txt}. A configured option replaces the header of the same name (underscores
 * removed, case ignored); an option that matches no header of its type is an unknown option, which makes res_pjsip
 * refuse the whole object.
 */
final class PjsipFields {

    /** Options each type accepts although no detail header carries them under that name. */
    private static final Map<String, Set<String>> EXTRA = Map.of(
            "endpoint", Set.of("type", "allow", "disallow"),
            "aor", Set.of("type", "contact"),
            "identify", Set.of("type"),
            "auth", Set.of("type"),
            "registration", Set.of("type"),
            "transport", Set.of("type"));

    private static final PjsipFields INSTANCE = load();

    private final Map<String, LinkedHashMap<String, String>> templates;

    private PjsipFields(Map<String, LinkedHashMap<String, String>> templates) {
        this.templates = templates;
    }

    static PjsipFields get() {
        return INSTANCE;
    }

    private static PjsipFields load() {
        Map<String, LinkedHashMap<String, String>> t = new LinkedHashMap<>();
        try (InputStream in = PjsipFields.class.getResourceAsStream("/trunkops/lab/pbx/pjsip-fields.txt")) {
            if (in == null) {
                throw new IllegalStateException("pjsip-fields.txt missing");
            }
            LinkedHashMap<String, String> current = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    current = new LinkedHashMap<>();
                    t.put(line.substring(1, line.length() - 1), current);
                } else if (current != null) {
                    int eq = line.indexOf('=');
                    current.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PjsipFields(t);
    }

    boolean knownType(String type) {
        return templates.containsKey(type);
    }

    /** True when res_pjsip has an option of this name for objects of this type. */
    boolean knownOption(String type, String option) {
        String n = PjObject.norm(option);
        if (EXTRA.getOrDefault(type, Set.of()).contains(n)) {
            return true;
        }
        for (String h : templates.get(type).keySet()) {
            if (PjObject.norm(h).equals(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The detail headers of an object: every template header in order, with the configured value (booleans in
     * the template's own spelling) where the object sets the option, plus the caller's computed overrides.
     */
    List<AmiMessage.Header> render(PjObject o, Map<String, String> overrides) {
        Map<String, String> configured = new LinkedHashMap<>();
        for (AstConfig.Var v : o.vars()) {
            configured.put(PjObject.norm(v.name()), v.value().strip());
        }
        List<AmiMessage.Header> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, String> e : templates.get(o.type()).entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (overrides.containsKey(name)) {
                value = overrides.get(name);
            } else if (configured.containsKey(PjObject.norm(name))) {
                value = spell(value, configured.get(PjObject.norm(name)));
            }
            if (done.add(name)) {
                out.add(new AmiMessage.Header(name, value));
            }
        }
        return out;
    }

    /** A configured value in the spelling of the template's default (true/false, yes/no, or as written). */
    private static String spell(String template, String configured) {
        String t = template.toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return PjObject.truthy(configured) ? "true" : "false";
        }
        if (t.equals("yes") || t.equals("no")) {
            return PjObject.truthy(configured) ? "yes" : "no";
        }
        return configured;
    }
}
