package trunkops.ui.common;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * A small label with a glyph and text whose colour comes from a pseudo-class ({@code :ok}, {@code :warn},
 * {@code :crit}, {@code :unknown}); the glyph and text carry the meaning without colour.
 */
public final class StateChip extends Label {

    public enum Tone { OK, WARN, CRIT, UNKNOWN }

    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    private static final PseudoClass CRIT = PseudoClass.getPseudoClass("crit");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");

    public StateChip() {
        getStyleClass().add("state-chip");
    }

    public void show(Tone tone, String glyph, String text) {
        setText(glyph + " " + text);
        pseudoClassStateChanged(OK, tone == Tone.OK);
        pseudoClassStateChanged(WARN, tone == Tone.WARN);
        pseudoClassStateChanged(CRIT, tone == Tone.CRIT);
        pseudoClassStateChanged(UNKNOWN, tone == Tone.UNKNOWN);
    }
}
