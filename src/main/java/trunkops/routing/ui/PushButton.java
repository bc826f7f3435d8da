package trunkops.routing.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;

import trunkops.routing.RouteVersion;

/**
 * The Routes toolbar's "Push… (Ctrl+P)": on while a saved route is selected and a push window is plugged in; pushes
 * that route's latest saved version (an unsaved edit in the editor is not pushed, and the editor says so). Id
 * {@code pushRoute}.
 */
final class PushButton extends Button {

    private final Node from;
    private PushActions actions;
    private ObservableValue<RouteList.Row> selected;
    private RouteEditor editor;

    PushButton(Node from) {
        super("_Push\u2026 (Ctrl+P)");
        this.from = from;
        setId("pushRoute");
        setDisable(true);
        setOnAction(e -> pushSelected());
    }

    void selection(ObservableValue<RouteList.Row> rows, RouteEditor e) {
        selected = rows;
        editor = e;
        rows.addListener((o, was, now) -> update());
    }

    void actions(PushActions a) {
        actions = a;
        update();
    }

    void rollback(RouteVersion to, RouteVersion latest) {
        if (actions != null) {
            actions.rollback(from, to, latest);
        }
    }

    private void update() {
        setDisable(actions == null || selected == null || selected.getValue() == null);
    }

    private void pushSelected() {
        RouteList.Row row = selected == null ? null : selected.getValue();
        if (actions == null || row == null) {
            return;
        }
        if (editor.dirty()) {
            editor.status("\u26A0 Pushing the saved v" + row.version().version() + "; the unsaved edit is not pushed");
        }
        actions.push(from, row.version());
    }
}
