package trunkops.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A carrier's globals_string: dialplan global variables the keepalive writes, verbatim, at the top of
 * extensions-vicidial.conf (which extensions.conf includes inside its {@code [globals]} section).
 *
 * <p>ViciDial's form holds one line ({@code SIPTRUNK = SIP/ExampleSIP} or {@code PJTRUNK=ExamplePJSIP}), but the
 * column is written as is, so every line in it takes effect; several are accepted and noted. Names are
 * case-sensitive, as Asterisk variable names are. A value may use globals defined on earlier lines.
 *
 * @param variables name to value, in definition order (a repeated name keeps its last value)
 * @param warnings  what Asterisk would not read as a global assignment
 */
public record GlobalsString(Map<String, String> variables, List<ParseWarning> warnings) {

    /** No variables. */
    public static final GlobalsString EMPTY = new GlobalsString(Map.of(), List.of());

    public GlobalsString {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        warnings = List.copyOf(warnings);
    }

    /** Parses the column text (null or blank gives {@link #EMPTY}). */
    public static GlobalsString parse(String raw) {
        Map<String, String> vars = new LinkedHashMap<>();
        List<ParseWarning> warnings = new ArrayList<>();
        List<ConfigText.Line> lines = ConfigText.lines(raw);
        for (ConfigText.Line line : lines) {
            if (line instanceof ConfigText.Entry e) {
                vars.put(e.key(), DialTargets.substitute(e.value(), vars::get));
            } else if (line instanceof ConfigText.Header h) {
                warnings.add(ParseWarning.error(h.number(), "[" + h.name() + "] in globals_string ends the [globals] "
                        + "section of extensions.conf: everything after it in the generated file, other carriers' "
                        + "globals included, lands in context '" + h.name() + "'"));
            } else if (line instanceof ConfigText.Malformed m) {
                warnings.add(ParseWarning.warning(m.number(), "'" + m.text() + "' in globals_string: " + m.problem()));
            } else if (line instanceof ConfigText.Directive d) {
                warnings.add(ParseWarning.warning(d.number(), "directive '" + d.text() + "' in globals_string"));
            }
        }
        if (lines.size() > 1) {
            warnings.add(ParseWarning.info(0, "globals_string holds " + lines.size() + " lines; ViciDial's form "
                    + "has one, but the keepalive writes them all, so all take effect"));
        }
        return new GlobalsString(vars, warnings);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** These variables, then {@code other}'s for names not defined here. */
    public GlobalsString withFallback(GlobalsString other) {
        Map<String, String> merged = new LinkedHashMap<>(other.variables);
        merged.putAll(variables);
        return new GlobalsString(merged, warnings);
    }
}
