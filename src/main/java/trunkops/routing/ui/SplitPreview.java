package trunkops.routing.ui;

import java.util.List;
import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import trunkops.routing.LiveSplit;
import trunkops.routing.Route;

/**
 * The live preview under the members: for each member its state on the board now (glyph and word) and the share of
 * new calls it would take now ({@link LiveSplit}), as a bar and a number. Row {@code i}'s share label has the id
 * {@code share-i} and reads e.g. {@code 70 %}; its state label {@code memberState-i}.
 */
final class SplitPreview extends VBox {

    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass CRIT = PseudoClass.getPseudoClass("crit");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");

    private final Label title = new Label();
    private final GridPane grid = new GridPane();

    SplitPreview() {
        setId("splitPreview");
        getStyleClass().add("split-preview");
        setSpacing(4);
        title.getStyleClass().add("section-title");
        grid.setHgap(10);
        grid.setVgap(3);
        getChildren().addAll(title, grid);
    }

    void show(Route route, RouteHealth health, boolean boardKnown) {
        grid.getChildren().clear();
        title.setText("Split of new calls now (" + route.strategy().text() + ", first attempt)"
                + (boardKnown ? "" : ": no board data yet, every member counts as down"));
        List<LiveSplit.Share> shares = LiveSplit.expected(route, m -> health.member(m).now());
        for (int i = 0; i < shares.size(); i++) {
            LiveSplit.Share s = shares.get(i);
            RouteHealth.Member m = health.member(s.member());
            Label trunk = new Label(s.member().trunk());
            Label state = new Label(m.text());
            state.setId("memberState-" + i);
            state.getStyleClass().add("member-state");
            state.pseudoClassStateChanged(OK, m.tone() == RouteHealth.Tone.OK);
            state.pseudoClassStateChanged(CRIT, m.tone() == RouteHealth.Tone.CRIT);
            state.pseudoClassStateChanged(UNKNOWN, m.tone() == RouteHealth.Tone.UNKNOWN);
            ProgressBar bar = new ProgressBar(s.percent() / 100.0);
            bar.setPrefWidth(140);
            bar.getStyleClass().add("share-bar");
            Label pct = new Label(String.format(Locale.ROOT, "%.0f %%", s.percent()));
            pct.setId("share-" + i);
            pct.getStyleClass().add("share-percent");
            Label why = new Label(s.why() + (m.calls() > 0 ? ", " + m.calls() + " calls now" : ""));
            why.getStyleClass().add("share-why");
            grid.addRow(i, trunk, state, bar, pct, why);
        }
    }
}
