package trunkops.health.ui;

import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import trunkops.control.AdminState;
import trunkops.health.ForcedState;
import trunkops.health.TrunkScope;
import trunkops.health.TrunkState;
import trunkops.health.TrunkView;
import trunkops.text.SafeText;

/**
 * One trunk on the board: peer name, state as glyph and word (the colour only repeats what the words say),
 * flapping badge, latency with a five-minute sparkline, live calls, and for a down trunk where the trouble lies.
 * Focusable: Enter or a click selects it for the latency chart.
 */
public final class TrunkTile extends VBox {

    private static final PseudoClass FLAPPING = PseudoClass.getPseudoClass("flapping");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass REGISTRATION_FAILED = PseudoClass.getPseudoClass("registration-failed");

    private final Label name = new Label();
    private final Label state = new Label();
    private final Label latency = new Label();
    private final Label calls = new Label();
    private final Label scope = new Label();
    private final Label flapping = new Label("\u21C5 flapping");
    /** Under a forced state: the probe's verdict (never hidden by the switch), its until, and who when known. */
    private final Label under = new Label();
    /** The console's own verdict (PJSIP LAGGED) and the carrier's registration on this dialer. */
    private final Label note = new Label();
    private final Sparkline spark = new Sparkline(104, 20);
    private TrunkView view;

    public TrunkTile() {
        getStyleClass().add("trunk-tile");
        name.getStyleClass().add("trunk-tile-name");
        state.getStyleClass().add("trunk-tile-state");
        latency.getStyleClass().add("trunk-tile-latency");
        calls.getStyleClass().add("trunk-tile-calls");
        scope.getStyleClass().add("trunk-tile-scope");
        scope.setWrapText(true);
        flapping.getStyleClass().add("trunk-tile-flapping");
        under.getStyleClass().add("trunk-tile-under");
        under.setMinWidth(Region.USE_PREF_SIZE);
        // the state word on a line of its own: the badge never pushes it into an ellipsis
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox numbers = new HBox(8, latency, calls);
        note.getStyleClass().add("trunk-tile-note");
        note.setWrapText(true);
        note.setMaxWidth(150);
        getChildren().addAll(name, state, under, flapping, numbers, spark, scope, note);
        setFocusTraversable(true);
        setMinWidth(Region.USE_PREF_SIZE);
    }

    public TrunkView view() {
        return view;
    }

    public void show(TrunkView v) {
        this.view = v;
        setId("tile-" + v.serverId() + "-" + v.peer());
        name.setText(SafeText.display(v.peerLabel()));
        TrunkState s = v.state();
        ForcedState f = v.forced();
        state.setText(f.active() ? f.label() : s.glyph() + " " + s.label());
        String until = f.untilWords(java.time.ZoneId.systemDefault(), java.time.Instant.now());
        under.setText(f.active() ? "probe " + s.glyph() + " " + s.label() + (until.isEmpty() ? "" : "\n" + until)
                : f.known() ? "" : "admin flags ?");
        under.setVisible(!under.getText().isEmpty());
        under.setManaged(!under.getText().isEmpty());
        boolean draining = f.active() && f.state() == AdminState.DRAIN;
        flapping.setVisible(v.flapping());
        flapping.setManaged(v.flapping());
        latency.setText(v.latencyMs() >= 0 && (s == TrunkState.REACHABLE || s == TrunkState.LAGGED)
                ? v.latencyMs() + " ms" : "\u2014 ms");
        calls.setText("\u260E " + v.calls() + (draining ? v.calls() == 0 ? " drained" : " draining" : ""));
        boolean showScope = v.scope() != TrunkScope.NONE;
        scope.setText(showScope ? v.scope().label() : "");
        scope.setVisible(showScope);
        scope.setManaged(showScope);
        spark.show(v.sparkline());
        String n = (v.consoleVerdict() ? "console's verdict: over " + v.maxMs() + " ms (res_pjsip says Reachable)"
                : "") + (v.registration() == null ? "" : (v.consoleVerdict() ? "\n" : "")
                + SafeText.display(v.registration().words(java.time.ZoneId.systemDefault())));
        note.setText(n);
        note.setVisible(!n.isEmpty());
        note.setManaged(!n.isEmpty());
        pseudoClassStateChanged(REGISTRATION_FAILED, v.registrationFailed());
        for (TrunkState t : TrunkState.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(t.name().toLowerCase(Locale.ROOT)), t == s);
        }
        pseudoClassStateChanged(FLAPPING, v.flapping());
        pseudoClassStateChanged(TrunkStateCell.FORCED_OFFLINE, f.active() && f.state() == AdminState.OFFLINE);
        pseudoClassStateChanged(TrunkStateCell.FORCED_DRAIN, draining);
        javafx.scene.control.Tooltip.install(this, new javafx.scene.control.Tooltip(SafeText.display(v.serverId())
                + " / " + SafeText.display(v.peerLabel()) + " (" + SafeText.display(v.carrierId()) + ")\n"
                + SafeText.display(v.dialerStatus()) + (showScope ? "\n" + v.scope().explanation() : "")
                + (f.active() ? "\n" + SafeText.display(f.words(java.time.ZoneId.systemDefault(),
                java.time.Instant.now())) : "")));
    }

    public void select(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }
}
