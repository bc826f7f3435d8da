package trunkops.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One field of the router carrier row that changed under a push: what the push was built from ({@code base}), what
 * the row holds now ({@code live}) and what the push would write ({@code proposed}). Full values (a view shows them
 * side by side); {@link #oneLine()} abbreviates for a terminal. {@code "(no row)"} stands for a missing row.
 */
public record FieldConflict(String field, String base, String live, String proposed) {

    public static final String NO_ROW = "(no row)";

    /** The fields in which {@code live} differs from {@code base}, with the {@code proposed} value of each. */
    public static List<FieldConflict> of(Optional<RouterRow> base, Optional<RouterRow> live,
                                         Optional<RouterRow> proposed) {
        List<FieldConflict> out = new ArrayList<>();
        add(out, "server_ip", base, live, proposed, RouterRow::serverIp);
        add(out, "active", base, live, proposed, r -> r.active() ? "Y" : "N");
        add(out, "globals_string", base, live, proposed, RouterRow::globalsString);
        add(out, "dialplan_entry", base, live, proposed, RouterRow::dialplanEntry);
        add(out, "account_entry", base, live, proposed, RouterRow::accountEntry);
        return List.copyOf(out);
    }

    private static void add(List<FieldConflict> out, String field, Optional<RouterRow> base, Optional<RouterRow> live,
                            Optional<RouterRow> proposed, Function<RouterRow, String> get) {
        String b = base.map(get).orElse(NO_ROW);
        String l = live.map(get).orElse(NO_ROW);
        if (!b.equals(l)) {
            out.add(new FieldConflict(field, b, l, proposed.map(get).orElse(NO_ROW)));
        }
    }

    /** {@code dialplan_entry base 'trunkops route R v1 (40 lines)' live '...' proposed '...'}. */
    public String oneLine() {
        return field + " base " + shortly(base) + " live " + shortly(live) + " proposed " + shortly(proposed);
    }

    private String shortly(String v) {
        if (v.equals(NO_ROW)) {
            return v;
        }
        if (field.equals("dialplan_entry")) {
            long lines = v.isEmpty() ? 0 : v.split("\n", -1).length;
            return "'" + PlanText.of(v).marker().orElse("no marker") + " (" + lines + " lines)'";
        }
        String one = v.strip().replace("\r", "").replace('\n', '|');
        return "'" + (one.length() > 60 ? one.substring(0, 60) + "..." : one) + "'";
    }
}
