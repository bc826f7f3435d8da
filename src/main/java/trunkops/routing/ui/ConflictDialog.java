package trunkops.routing.ui;

import java.util.function.Consumer;

import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import trunkops.routing.RouteFile;
import trunkops.routing.RouteStore;
import trunkops.text.SafeText;

/**
 * Someone saved the route after the version this edit started from: both versions side by side (yours, unsaved,
 * and theirs with who and when), nothing lost. The operator copies theirs, keeps editing (the editor keeps their
 * text), or saves theirs over only now that they saw it. Ids: {@code conflictMine}, {@code conflictTheirs},
 * {@code conflictTheirsWho}; buttons "Copy theirs", "Keep editing", "Save mine as v{n+1}".
 */
final class ConflictDialog {

    /** What the operator chose. */
    enum Choice { KEEP_EDITING, SAVE_OVER }

    static final ButtonType COPY = new ButtonType("Copy theirs", ButtonBar.ButtonData.OTHER);
    static final ButtonType KEEP = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);

    private ConflictDialog() {
    }

    static void show(Window owner, RouteStore.SaveResult.Conflict c, Consumer<Choice> then) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Route " + c.mine().name() + " changed while you edited it");
        ButtonType over = new ButtonType("Save mine as v" + (c.theirs().version() + 1),
                ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(COPY, KEEP, over);
        d.getDialogPane().setId("conflictDialog");
        if (owner != null && owner.getScene() != null) {
            d.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        d.getDialogPane().getStyleClass().add("conflict-dialog");
        String theirsText = RouteFile.format(c.theirs().route());
        Label head = new Label("Nothing was saved. " + SafeText.display(c.theirs().author()) + " saved v"
                + c.theirs().version() + " after v" + c.basedOn() + ", the version your edit started from. Compare,"
                + " then keep editing or save yours over theirs (theirs stays in the history).");
        head.setWrapText(true);
        Label mineWho = new Label("Yours (based on v" + c.basedOn() + ", not saved)");
        Label theirsWho = new Label("Theirs: v" + c.theirs().version() + " by " + SafeText.display(c.theirs().author())
                + " at " + HistoryView.WHEN.format(c.theirs().savedAt()) + " \u2014 "
                + SafeText.display(c.theirs().comment()));
        theirsWho.setId("conflictTheirsWho");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.add(head, 0, 0, 2, 1);
        grid.addRow(1, mineWho, theirsWho);
        grid.addRow(2, area("conflictMine", RouteFile.format(c.mine())), area("conflictTheirs", theirsText));
        d.getDialogPane().setContent(grid);
        d.getDialogPane().lookupButton(COPY).addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(theirsText);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            theirsWho.setText(theirsWho.getText() + "  (copied)");
            e.consume(); // stays open
        });
        d.setResizable(true);
        d.setOnHidden(e -> then.accept(d.getResult() == over ? Choice.SAVE_OVER : Choice.KEEP_EDITING));
        d.show();
    }

    private static TextArea area(String id, String text) {
        TextArea a = new TextArea(text);
        a.setId(id);
        a.setEditable(false);
        a.setPrefColumnCount(44);
        a.setPrefRowCount(14);
        a.getStyleClass().add("dialplan-text");
        GridPane.setHgrow(a, Priority.ALWAYS);
        GridPane.setVgrow(a, Priority.ALWAYS);
        return a;
    }
}
