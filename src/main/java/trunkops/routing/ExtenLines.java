package trunkops.routing;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes the lines of one dialplan extension: {@code exten => <pattern>,<priority>,<App>(<args>)}. Priority 1 and
 * 2 are numbered (ViciDial's call_log AGI and the version marker), the rest are {@code n} or {@code n(label)}, so
 * every priority of the extension is unique by construction. Labels are recorded so a duplicate is a bug caught
 * here, not a dialplan that silently keeps the first one.
 */
final class ExtenLines {

    private final String exten;
    private final StringBuilder out;
    private final Set<String> labels = new LinkedHashSet<>();
    private int count;

    ExtenLines(String exten, StringBuilder out) {
        this.exten = exten;
        this.out = out;
    }

    /** A line without a label. */
    ExtenLines add(String app) {
        return add(null, app);
    }

    /** A line carrying {@code label} (null for none). */
    ExtenLines add(String label, String app) {
        count++;
        String priority = count <= 2 ? Integer.toString(count) : "n";
        if (label != null) {
            if (count <= 2) {
                throw new IllegalStateException("priorities 1 and 2 carry no label");
            }
            if (!labels.add(label)) {
                throw new IllegalStateException("label " + label + " used twice in " + exten);
            }
            priority = priority + "(" + label + ")";
        }
        out.append("exten => ").append(exten).append(',').append(priority).append(',').append(app).append('\n');
        return this;
    }

    /** A {@code ;} comment line (the keepalive copies dialplan_entry verbatim, comments included). */
    ExtenLines comment(String text) {
        out.append("; ").append(text).append('\n');
        return this;
    }
}
