package trunkops.push.ui;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import trunkops.push.ChangeSet;
import trunkops.push.PlanText;
import trunkops.push.PushStore;
import trunkops.push.RouterRow;
import trunkops.routing.LintFinding;
import trunkops.text.SafeText;

/**
 * Before a push: per dialer, what it generates now beside what the push will write (side by side), the lint
 * findings of the new text, and whether the push may go (a lint error, a role that may not push, or nothing to
 * push each turn the confirm button off and say why). Ids: {@code pushHeading}, {@code pushLive},
 * {@code pushDialerList}, {@code sideBySide}, {@code pushFindings}, {@code pushWhy}, {@code confirmPush},
 * {@code closePush}.
 */
final class ReviewPane extends VBox {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass READY = PseudoClass.getPseudoClass("ready");

    /** One dialer in the list: its diff and a summary. */
    record DialerDiff(PushStore.Dialer dialer, SideBySide diff) {
        @Override
        public String toString() {
            return SafeText.display(dialer.serverId()) + "  " + dialer.serverIp() + "  "
                    + (diff.identical() ? "= no change" : diff.summary());
        }
    }

    private final Label heading = new Label();
    private final Label live = new Label();
    private final ListView<DialerDiff> dialers = new ListView<>();
    private final TableView<SideBySide.Row> table = new TableView<>();
    private final TableColumn<SideBySide.Row, String> liveCol = new TableColumn<>("Live now");
    private final TableColumn<SideBySide.Row, String> newCol = new TableColumn<>("Will be written");
    private final ListView<LintFinding> findings = new ListView<>();
    private final Label why = new Label();
    final Button confirm = new Button();
    final Button close = new Button("Close");

    ReviewPane() {
        getStyleClass().add("push-review");
        setSpacing(8);
        heading.setId("pushHeading");
        heading.getStyleClass().add("push-heading");
        heading.setWrapText(true);
        live.setId("pushLive");
        live.setWrapText(true);
        dialers.setId("pushDialerList");
        dialers.setPrefWidth(250);
        dialers.setAccessibleText("Dialers; pick one to see its diff");
        dialers.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showDiff(now));
        table.setId("sideBySide");
        table.getStyleClass().add("side-by-side");
        table.setPlaceholder(new Label("Pick a dialer"));
        table.getColumns().add(col("", 26, r -> r.mark().glyph()));
        table.getColumns().add(col("#", 44, r -> r.liveLine() == 0 ? "" : String.valueOf(r.liveLine())));
        liveCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.display(c.getValue().live())));
        table.getColumns().add(liveCol);
        table.getColumns().add(col("#", 44, r -> r.newLine() == 0 ? "" : String.valueOf(r.newLine())));
        newCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.display(c.getValue().next())));
        table.getColumns().add(newCol);
        for (TableColumn<SideBySide.Row, ?> c : table.getColumns()) {
            @SuppressWarnings("unchecked")
            TableColumn<SideBySide.Row, String> text = (TableColumn<SideBySide.Row, String>) c;
            text.setCellFactory(x -> new MarkedCell());
            text.setSortable(false);
        }
        // the two text columns share what the mark and line-number columns leave
        liveCol.prefWidthProperty().bind(table.widthProperty().subtract(26 + 44 + 44 + 22).divide(2));
        newCol.prefWidthProperty().bind(table.widthProperty().subtract(26 + 44 + 44 + 22).divide(2));
        SplitPane diff = new SplitPane(dialers, table);
        diff.setDividerPositions(0.2);
        VBox.setVgrow(diff, Priority.ALWAYS);
        findings.setId("pushFindings");
        findings.setPrefHeight(90);
        findings.setCellFactory(v -> new FindingCell());
        SplitPane body = new SplitPane(diff, findings);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.86);
        VBox.setVgrow(body, Priority.ALWAYS);
        why.setId("pushWhy");
        why.getStyleClass().add("push-why");
        why.setWrapText(true);
        confirm.setId("confirmPush");
        confirm.getStyleClass().add("danger");
        close.setId("closePush");
        close.setCancelButton(true);
        Pane gap = new Pane();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, why, gap, close, confirm);
        buttons.getStyleClass().add("push-buttons");
        HBox.setHgrow(why, Priority.SOMETIMES);
        getChildren().addAll(heading, live, body, buttons);
    }

    void loading(String text) {
        heading.setText(text);
        confirm.setDisable(true);
        confirm.setText("Push");
    }

    /**
     * Shows the change set; {@code verb} names the action on the confirm button ("Push v2 to" / "Roll back to v1
     * on"), {@code refusal} why this person may not push.
     */
    void show(PushBackend.Prepared p, String title, String verb, Optional<String> refusal) {
        ChangeSet c = p.change();
        heading.setText(title);
        live.setText(liveWords(c));
        newCol.setText("Will be written (v" + c.version().version() + ")");
        List<DialerDiff> items = c.dialers().stream().map(d -> new DialerDiff(d, SideBySide.of(c.liveText(d),
                newText(c, d)))).toList();
        dialers.getItems().setAll(items);
        findings.getItems().setAll(p.findings());
        if (p.findings().isEmpty()) {
            findings.setPlaceholder(new Label("\u2714 Lint: no findings in the new text"));
        }
        String names = String.join(", ", c.dialers().stream().map(d -> SafeText.display(d.serverId())).toList());
        confirm.setText(verb + " " + names);
        long errors = p.findings().stream().filter(LintFinding::isError).count();
        String off = p.lintErrors() ? "\u2716 Push is off: the new dialplan has " + Math.max(1, errors)
                + " lint error(s) (listed below); nothing with a lint error is pushed. Fix the route and save it."
                : c.nothingToPush() ? "= Nothing to push: " + c.version().marker() + " is already the live row for"
                + " every dialer."
                : refusal.map(r -> "\u2716 Push is off: " + SafeText.display(r)).orElse(null);
        confirm.setDisable(off != null);
        why.setText(off != null ? off : "\u2714 Ready: " + SafeText.display(p.canary().serverId()) + " first"
                + " (canary), then the others once it is verified. Each waits for ViciDial's keepalive (~60 s).");
        why.pseudoClassStateChanged(ERROR, off != null && off.startsWith("\u2716"));
        why.pseudoClassStateChanged(READY, off == null);
        dialers.getSelectionModel().select(items.stream().filter(i -> !i.diff().identical()).findFirst()
                .orElse(items.isEmpty() ? null : items.get(0)));
    }

    void focusDiff() {
        dialers.requestFocus();
    }

    void failed(String text) {
        heading.setText(text);
        confirm.setDisable(true);
    }

    private void showDiff(DialerDiff d) {
        table.getItems().setAll(d == null ? List.of() : d.diff().rows());
        liveCol.setText(d == null ? "Live now" : "Live now on " + SafeText.display(d.dialer().serverId()));
        table.scrollTo(0);
        if (d != null) {
            d.diff().rows().stream().filter(r -> r.mark() != SideBySide.Mark.SAME).findFirst()
                    .ifPresent(r -> table.scrollTo(Math.max(0, d.diff().rows().indexOf(r) - 3)));
        }
    }

    private static String liveWords(ChangeSet c) {
        Optional<RouterRow> l = c.live();
        if (l.isEmpty()) {
            return "Live now: no router carrier " + SafeText.display(c.version().name()) + " (a new route: every line"
                    + " is added)";
        }
        RouterRow r = l.get();
        return "Live now: carrier " + SafeText.display(r.carrierId()) + " on " + r.serverIp() + (r.active() ? ""
                : " (inactive)") + ", " + PlanText.of(r.dialplanEntry()).marker().orElse("no TrunkOps marker");
    }

    /**
     * What the dialer generates once the push is done, in the same form as {@link ChangeSet#liveText}: the change
     * set asked about a row equal to its target (so whatever fields the core shows, both sides show them).
     */
    static String newText(ChangeSet c, PushStore.Dialer d) {
        return new ChangeSet(c.version(), c.generated(), c.target(), Optional.of(c.target()), List.of(), c.dialers())
                .liveText(d);
    }

    private static TableColumn<SideBySide.Row, String> col(String title, double width,
                                                           java.util.function.Function<SideBySide.Row, String> f) {
        TableColumn<SideBySide.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(f.apply(v.getValue())));
        return c;
    }

    /** A side-by-side cell: the row's mark as a pseudo-class (colour only repeats the mark column). */
    private static final class MarkedCell extends TableCell<SideBySide.Row, String> {
        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty ? null : s);
            setTooltip(empty || s == null || s.length() < 40 ? null : new javafx.scene.control.Tooltip(s));
            SideBySide.Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
            for (SideBySide.Mark m : SideBySide.Mark.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(m.name().toLowerCase(java.util.Locale.ROOT)),
                        r != null && r.mark() == m);
            }
        }
    }

    /** A lint finding: ✖ / ⚠ / ℹ and its one-line form. */
    private static final class FindingCell extends ListCell<LintFinding> {
        @Override
        protected void updateItem(LintFinding f, boolean empty) {
            super.updateItem(f, empty);
            pseudoClassStateChanged(ERROR, !empty && f != null && f.isError());
            pseudoClassStateChanged(WARNING, !empty && f != null && f.severity() == LintFinding.Severity.WARNING);
            setText(empty || f == null ? null : (f.isError() ? "\u2716 " : f.severity()
                    == LintFinding.Severity.WARNING ? "\u26A0 " : "\u2139 ") + SafeText.display(f.oneLine()));
            setWrapText(true);
            setPrefWidth(0);
        }
    }
}
