package trunkops.push.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import trunkops.text.SafeText;

/**
 * A push stopped because the live row changed after it was built: per field of the router carrier row, in words
 * whether someone else changed it and whether the push would, and for every field that differs the three values side
 * by side: base (what the push was built from), live now, proposed. Ids: {@code threeWay},
 * {@code threeWayVerdict-<field>}, {@code threeWayBase-<field>}, {@code threeWayLive-<field>},
 * {@code threeWayProposed-<field>}.
 */
final class ThreeWayPane extends VBox {

    ThreeWayPane(ThreeWay t) {
        setId("threeWay");
        getStyleClass().add("three-way");
        setSpacing(6);
        Label head = new Label("Nothing was written. The route's live row changed after this push was built (another"
                + " console, or ViciDial's admin page). Compare, then open the push again: it is rebuilt from the"
                + " row as it is now.");
        head.setWrapText(true);
        getChildren().add(head);
        for (ThreeWay.Field f : t.fields()) {
            Label verdict = new Label(f.name() + ": " + f.verdict());
            verdict.setId("threeWayVerdict-" + f.name());
            verdict.getStyleClass().add(f.theyChanged() ? "three-way-changed" : "three-way-same");
            getChildren().add(verdict);
            if (f.theyChanged() || f.weChange()) {
                getChildren().add(grid(f));
            }
        }
    }

    private static GridPane grid(ThreeWay.Field f) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(2);
        g.addRow(0, new Label("Base (the push was built from)"), new Label("Live now"), new Label("Proposed (the push)"));
        boolean big = f.name().equals("dialplan_entry") || f.name().equals("globals_string");
        g.addRow(1, area("threeWayBase-" + f.name(), f.base(), big), area("threeWayLive-" + f.name(), f.live(), big),
                area("threeWayProposed-" + f.name(), f.proposed(), big));
        return g;
    }

    private static TextArea area(String id, String text, boolean big) {
        TextArea a = new TextArea(String.join("\n", text.lines().map(SafeText::display).toList()));
        a.setId(id);
        a.setEditable(false);
        a.setPrefRowCount(big ? 8 : 1);
        a.setPrefColumnCount(36);
        a.getStyleClass().add("dialplan-text");
        GridPane.setHgrow(a, Priority.ALWAYS);
        return a;
    }
}
