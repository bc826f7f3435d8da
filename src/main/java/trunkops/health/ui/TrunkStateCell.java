package trunkops.health.ui;

import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;

import trunkops.control.AdminState;
import trunkops.health.ForcedState;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;

/**
 * A trunk's state as glyph + word, coloured by a pseudo-class named after the state. A forced state
 * ({@code ⏸ OFFLINE (forced)}, {@code ⏸ DRAIN}) is shown here instead, and the health verdict stays visible in the
 * same row ("Dialer says": {@code probe ✔ Reachable 23 ms}, and the latency).
 */
final class TrunkStateCell extends TableCell<TrunkView, TrunkView> {

    static final PseudoClass FORCED_OFFLINE = PseudoClass.getPseudoClass("forced-offline");
    static final PseudoClass FORCED_DRAIN = PseudoClass.getPseudoClass("forced-drain");

    TrunkStateCell() {
        getStyleClass().add("trunk-state-cell");
    }

    @Override
    protected void updateItem(TrunkView v, boolean empty) {
        super.updateItem(v, empty);
        TrunkState state = empty || v == null ? null : v.state();
        for (TrunkState s : TrunkState.values()) {
            pseudoClassStateChanged(pseudo(s), s == state);
        }
        ForcedState f = empty || v == null ? ForcedState.UNKNOWN : v.forced();
        pseudoClassStateChanged(FORCED_OFFLINE, f.active() && f.state() == AdminState.OFFLINE);
        pseudoClassStateChanged(FORCED_DRAIN, f.active() && f.state() == AdminState.DRAIN);
        setText(state == null ? null : text(v));
    }

    static String text(TrunkView v) {
        return v.forced().active() ? v.forced().label() : v.state().glyph() + " " + v.state().label();
    }

    static PseudoClass pseudo(TrunkState s) {
        return PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT));
    }
}
