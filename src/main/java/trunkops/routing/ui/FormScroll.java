package trunkops.routing.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls the focused field of a form into view (keyboard users tab through a form taller than the tab). */
final class FormScroll {

    private FormScroll() {
    }

    /** Keyboard users tab through a form taller than the tab: the focused field scrolls into view. */
    static void intoView(ScrollPane form, Node focused) {
        if (focused == null || form.getContent() == null) {
            return;
        }
        Node n = focused;
        while (n != null && n != form.getContent()) {
            n = n.getParent();
        }
        if (n == null) {
            return;
        }
        javafx.geometry.Bounds b = form.getContent().sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double content = form.getContent().getBoundsInLocal().getHeight();
        double view = form.getViewportBounds().getHeight();
        if (content <= view) {
            return;
        }
        double top = form.getVvalue() * (content - view);
        if (b.getMinY() < top) {
            form.setVvalue(b.getMinY() / (content - view));
        } else if (b.getMaxY() > top + view) {
            form.setVvalue(Math.min(1, (b.getMaxY() - view + 8) / (content - view)));
        }
    }
}
