package trunkops.health.ui;

import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;

import trunkops.health.TrunkState;
import trunkops.health.TrunkView;

/** A trunk's state as glyph + word, coloured by a pseudo-class named after the state. */
final class TrunkStateCell extends TableCell<TrunkView, TrunkState> {

    TrunkStateCell() {
        getStyleClass().add("trunk-state-cell");
    }

    @Override
    protected void updateItem(TrunkState state, boolean empty) {
        super.updateItem(state, empty);
        for (TrunkState s : TrunkState.values()) {
            pseudoClassStateChanged(pseudo(s), !empty && s == state);
        }
        setText(empty || state == null ? null : state.glyph() + " " + state.label());
    }

    static PseudoClass pseudo(TrunkState s) {
        return PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT));
    }
}
