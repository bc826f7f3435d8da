package trunkops.push.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import trunkops.push.PushReport;
import trunkops.text.SafeText;

/**
 * A push running, then its outcome: the current step in words, a bar of the time waited for the keepalive against
 * the expected ~60 s (indeterminate while writing or reading back), Cancel (rolls back), and the live per-dialer
 * table (dialer, step, waited, result NEW / OLD / UNKNOWN with what to check). Ids: {@code pushStep},
 * {@code pushProgress}, {@code pushDialers}, {@code pushOutcome}, {@code cancelPush}, {@code closeRun}; the result
 * cells carry style class {@code push-result}.
 */
final class RunPane extends VBox {

    private static final PseudoClass NEW = PseudoClass.getPseudoClass("new");
    private static final PseudoClass OLD = PseudoClass.getPseudoClass("old");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    private static final PseudoClass BAD = PseudoClass.getPseudoClass("bad");

    private final Label title = new Label();
    private final Label step = new Label();
    private final ProgressBar bar = new ProgressBar(-1);
    private final TableView<PushProgress.Row> table = new TableView<>();
    private final Label outcome = new Label();
    final Button cancel = new Button("_Cancel and roll back");
    final Button close = new Button("Close");
    final VBox below = new VBox(6);
    private final TableColumn<PushProgress.Row, String> result = col("Result", 120, r -> r.result().words());
    private String rolledBackTo;

    RunPane() {
        getStyleClass().add("push-run");
        setSpacing(8);
        title.getStyleClass().add("push-heading");
        title.setWrapText(true);
        step.setId("pushStep");
        step.setWrapText(true);
        bar.setId("pushProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText("Time waited for the keepalive");
        table.setId("pushDialers");
        table.getColumns().add(col("Dialer", 110, PushProgress.Row::dialer));
        table.getColumns().add(col("Step", 200, PushProgress.Row::step));
        table.getColumns().add(col("Waited", 70, r -> r.waitedSeconds() + " s"));
        result.setId("resultColumn");
        result.setCellFactory(c -> new ResultCell());
        table.getColumns().add(result);
        table.getColumns().add(col("Detail / what to check", 520, PushProgress.Row::detail));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        outcome.setId("pushOutcome");
        outcome.getStyleClass().add("push-outcome");
        outcome.setWrapText(true);
        cancel.setId("cancelPush");
        close.setId("closeRun");
        close.setVisible(false);
        close.setManaged(false);
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, outcome, gap, cancel, close);
        HBox.setHgrow(outcome, Priority.SOMETIMES);
        buttons.getStyleClass().add("push-buttons");
        getChildren().addAll(title, step, bar, table, below, buttons);
    }

    void start(String text) {
        title.setText(text);
    }

    /**
     * What NEW and OLD mean in this run: NEW is {@code pushed} (for a rollback, the earlier version pushed again),
     * OLD what was live before; {@code rollback} says the run is a rollback the operator asked for.
     */
    void meaning(int pushed, boolean rollback) {
        result.setText("Result (NEW = v" + pushed + ")");
        rolledBackTo = rollback ? "v" + pushed : null;
    }

    void show(PushProgress.Snapshot s) {
        step.setText(SafeText.display(s.headline()));
        bar.setProgress(s.done() ? 1 : s.waitShare());
        table.getItems().setAll(s.rows());
        if (s.done()) {
            PushReport r = s.report().get();
            boolean good = r.outcome() == PushReport.Outcome.PUSHED || r.outcome() == PushReport.Outcome.NOTHING_TO_PUSH;
            String what = rolledBackTo != null && r.outcome() == PushReport.Outcome.PUSHED
                    ? "Rolled back to " + rolledBackTo + " as asked, verified" : words(r.outcome());
            outcome.setText((good ? "\u2714 " : "\u2716 ") + what + ": " + SafeText.display(r.summary()));
            outcome.pseudoClassStateChanged(BAD, !good);
            cancel.setVisible(false);
            cancel.setManaged(false);
            close.setVisible(true);
            close.setManaged(true);
            close.setCancelButton(true);
            close.setDefaultButton(true);
            close.requestFocus();
        } else if (s.rollingBack()) {
            cancel.setDisable(true);
            cancel.setText("Rolling back\u2026");
        }
    }

    void cancelling() {
        cancel.setDisable(true);
        cancel.setText("Cancelling: rolling back\u2026");
    }

    static String words(PushReport.Outcome o) {
        return switch (o) {
            case PUSHED -> "Pushed and verified";
            case NOTHING_TO_PUSH -> "Nothing to push";
            case REFUSED -> "Refused";
            case STOPPED_CHANGED -> "Stopped: the live row changed";
            case ROLLED_BACK -> "Rolled back";
            case FAILED -> "Failed";
        };
    }

    private static TableColumn<PushProgress.Row, String> col(String title, double width,
                                                             java.util.function.Function<PushProgress.Row, String> f) {
        TableColumn<PushProgress.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(SafeText.display(f.apply(v.getValue()))));
        return c;
    }

    /** NEW / OLD / UNKNOWN as words and glyph; colour repeats them. */
    private static final class ResultCell extends TableCell<PushProgress.Row, String> {
        ResultCell() {
            getStyleClass().add("push-result");
        }

        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty ? null : s);
            String w = empty || s == null ? "" : s;
            pseudoClassStateChanged(NEW, w.endsWith("NEW"));
            pseudoClassStateChanged(OLD, w.endsWith("OLD"));
            pseudoClassStateChanged(UNKNOWN, w.endsWith("UNKNOWN"));
        }
    }
}
