package trunkops.push.ui;

import java.util.List;
import java.util.Optional;

import trunkops.push.RouterRow;

/**
 * The three-way difference of a push that stopped because the live row changed after the push was built: per
 * field, the base (the row the push was built from), the live row now, and what the push proposed to write.
 * FX-free. Built from rows today; a richer conflict record from the push core can feed {@link #of(List)} as well.
 */
record ThreeWay(List<Field> fields) {

    /** One field of the router carrier row; "(no row)" where a side has no row at all. */
    record Field(String name, String base, String live, String proposed) {

        /** Someone else changed it since the push was built. */
        boolean theyChanged() {
            return !base.equals(live);
        }

        /** The push would change it. */
        boolean weChange() {
            return !base.equals(proposed);
        }

        /** In words, for the field's heading (reads without colour). */
        String verdict() {
            if (theyChanged() && weChange()) {
                return live.equals(proposed) ? "\u2714 changed by both, to the same value"
                        : "\u26A0 CONFLICT: changed live since the push was built, and the push changes it too";
            }
            if (theyChanged()) {
                return "\u26A0 changed live since the push was built (the push would overwrite it)";
            }
            return weChange() ? "\u2192 the push changes it; nobody else did" : "= the same in all three";
        }
    }

    static final String NO_ROW = "(no row)";

    ThreeWay {
        fields = List.copyOf(fields);
    }

    static ThreeWay of(List<Field> fields) {
        return new ThreeWay(fields);
    }

    static ThreeWay of(Optional<RouterRow> base, Optional<RouterRow> live, RouterRow proposed) {
        return new ThreeWay(List.of(
                field("server_ip", base, live, proposed, RouterRow::serverIp),
                field("active", base, live, proposed, r -> r.active() ? "Y" : "N"),
                field("globals_string", base, live, proposed, RouterRow::globalsString),
                field("dialplan_entry", base, live, proposed, RouterRow::dialplanEntry)));
    }

    private static Field field(String name, Optional<RouterRow> base, Optional<RouterRow> live, RouterRow proposed,
                               java.util.function.Function<RouterRow, String> f) {
        return new Field(name, base.map(f).orElse(NO_ROW), live.map(f).orElse(NO_ROW), f.apply(proposed));
    }

    /** The fields someone else changed since the push was built. */
    List<Field> changedLive() {
        return fields.stream().filter(Field::theyChanged).toList();
    }
}
