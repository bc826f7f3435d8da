package trunkops.routing.ui;

import java.util.List;
import java.util.Locale;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import trunkops.routing.GeneratedRoute;
import trunkops.routing.LintFinding;

/**
 * The text the route becomes (the router carrier's dialplan_entry, and its globals_string when there is one), read
 * only, with the linter's findings listed under it; picking a finding selects its line in the text. Findings carry
 * their severity as a glyph and a word. Ids: {@code generatedText}, {@code lintFindings}, {@code generatedStatus}.
 */
final class GeneratedPane extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final Label status = new Label();
    private final TextArea text = new TextArea();
    private final ListView<LintFinding> findings = new ListView<>();

    GeneratedPane() {
        getStyleClass().add("generated-pane");
        setSpacing(6);
        status.setId("generatedStatus");
        status.setWrapText(true);
        text.setId("generatedText");
        text.setEditable(false);
        text.getStyleClass().add("dialplan-text");
        text.setAccessibleText("Generated dialplan, read only");
        findings.setId("lintFindings");
        findings.setPrefHeight(130);
        findings.setPlaceholder(new Label("\u2714 no lint findings"));
        findings.setCellFactory(v -> new FindingCell());
        findings.getSelectionModel().selectedItemProperty().addListener((o, was, f) -> selectLine(f));
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().addAll(status, text, new Label("Lint findings"), findings);
    }

    void show(GeneratedRoute g, List<LintFinding> found, String note) {
        String globals = g.globalsString().isBlank() ? ""
                : "\n; globals_string\n" + g.globalsString();
        text.setText(g.dialplanEntry() + globals);
        findings.setPlaceholder(new Label("\u2714 no lint findings"));
        findings.getItems().setAll(found);
        long errors = found.stream().filter(LintFinding::isError).count();
        status.setText(note + " \u2014 " + g.dialplanEntry().lines().count() + " lines, "
                + (found.isEmpty() ? "\u2714 lint clean" : errors + " lint error(s), " + (found.size() - errors)
                + " other finding(s)"));
    }

    /** Nothing to render (validation errors, or no generator in this build): says why, keeps no stale text. */
    void unavailable(String why) {
        text.setText("");
        findings.getItems().clear();
        findings.setPlaceholder(new Label("Nothing generated, nothing linted"));
        status.setText(why);
    }

    private void selectLine(LintFinding f) {
        if (f == null || f.line() < 1) {
            return;
        }
        String all = text.getText();
        int start = 0;
        for (int i = 1; i < f.line() && start >= 0; i++) {
            start = all.indexOf('\n', start) + 1;
            if (start == 0) {
                return;
            }
        }
        int end = all.indexOf('\n', start);
        text.selectRange(start, end < 0 ? all.length() : end);
    }

    /** {@code ✖ error  line 12 [macro] why — fix}. */
    private static final class FindingCell extends ListCell<LintFinding> {
        @Override
        protected void updateItem(LintFinding f, boolean empty) {
            super.updateItem(f, empty);
            pseudoClassStateChanged(ERROR, !empty && f != null && f.isError());
            pseudoClassStateChanged(WARNING, !empty && f != null && f.severity() == LintFinding.Severity.WARNING);
            if (empty || f == null) {
                setText(null);
                return;
            }
            String glyph = switch (f.severity()) {
                case ERROR -> "\u2716";
                case WARNING -> "\u26A0";
                case INFO -> "\u2139";
            };
            setText(glyph + " " + f.severity().name().toLowerCase(Locale.ROOT) + "  line " + f.line() + " ["
                    + f.rule() + "] " + f.why() + " \u2014 " + f.fix());
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
