package trunkops.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Finds labels whose text the layout cut (ellipsized or clipped): what the operator reads is not all there is. */
public final class Ellipsis {

    private Ellipsis() {
    }

    /** The text a labeled control actually draws (its skin's Text node), or null before it is skinned. */
    public static String drawn(Labeled l) {
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text t && n.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    /** True when {@code l} is shown and draws less than its text. */
    public static boolean cut(Labeled l) {
        String drawn = drawn(l);
        String text = l.getText();
        if (text != null && l.isMnemonicParsing()) {
            text = text.replaceFirst("_", ""); // the mnemonic's underscore is drawn as an underline
        }
        return shown(l) && text != null && !text.isEmpty() && drawn != null && !drawn.equals(text);
    }

    /** Every shown labeled control under {@code root} whose text is cut, as "text → drawn". */
    public static List<String> cutUnder(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && cut(l)) {
            out.add(l.getText() + " \u2192 " + drawn(l) + " (" + l.getClass().getSimpleName()
                    + (l.getId() == null ? "" : " #" + l.getId()) + ")");
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /** Visible all the way up. */
    public static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
