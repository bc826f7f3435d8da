package trunkops.routing.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import trunkops.routing.RouteFile;
import trunkops.routing.RouteVersion;
import trunkops.text.SafeText;

/**
 * Every saved version of the selected route (number, who, when, comment) and a line diff between any two of them,
 * on the route file text or on the generated dialplan. Ids: {@code historyTable}, {@code diffFrom}, {@code diffTo},
 * {@code diffRouteFile}, {@code diffDialplan}, {@code diffSummary}, {@code historyDiff}. "Roll back to this version"
 * ({@code rollbackVersion}) pushes the selected earlier version again through the push window, when one is plugged in.
 */
final class HistoryView extends VBox {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");

    private final TableView<RouteVersion> table = new TableView<>();
    private final ChoiceBox<Integer> from = new ChoiceBox<>();
    private final ChoiceBox<Integer> to = new ChoiceBox<>();
    private final RadioButton onFile = new RadioButton("Route file");
    private final RadioButton onDialplan = new RadioButton("Generated dialplan");
    private final Label summary = new Label();
    private final ListView<TextDiff.Line> diff = new ListView<>();
    private RouteTools tools;
    private List<RouteVersion> versions = List.of();
    private final javafx.scene.control.Button rollback = new javafx.scene.control.Button(
            "Roll _back to this version\u2026");
    private java.util.function.BiConsumer<RouteVersion, RouteVersion> onRollback = (to, latest) -> { };
    private boolean rollbackEnabled;

    HistoryView() {
        getStyleClass().add("history-view");
        setSpacing(6);
        table.setId("historyTable");
        table.setPrefHeight(150);
        table.setPlaceholder(new Label("Pick a saved route to see its versions"));
        table.getColumns().add(col("Version", 70, v -> "v" + v.version()));
        table.getColumns().add(col("Saved by", 110, RouteVersion::author));
        table.getColumns().add(col("When", 150, v -> WHEN.format(v.savedAt())));
        table.getColumns().add(col("Comment", 260, RouteVersion::comment));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        from.setId("diffFrom");
        to.setId("diffTo");
        from.setAccessibleText("Diff from version");
        to.setAccessibleText("Diff to version");
        ToggleGroup kind = new ToggleGroup();
        onFile.setId("diffRouteFile");
        onDialplan.setId("diffDialplan");
        onFile.setToggleGroup(kind);
        onDialplan.setToggleGroup(kind);
        onFile.setSelected(true);
        summary.setId("diffSummary");
        diff.setId("historyDiff");
        diff.getStyleClass().add("diff-list");
        diff.setCellFactory(v -> new DiffCell());
        diff.setPlaceholder(new Label("Pick two versions"));
        VBox.setVgrow(diff, Priority.ALWAYS);
        HBox controls = new HBox(8, new Label("Diff"), from, new Label("\u2192"), to, onFile, onDialplan, summary);
        controls.getStyleClass().add("diff-controls");
        rollback.setId("rollbackVersion");
        rollback.setDisable(true);
        rollback.setOnAction(e -> {
            RouteVersion v = table.getSelectionModel().getSelectedItem();
            if (v != null && !versions.isEmpty()) {
                onRollback.accept(v, versions.get(versions.size() - 1));
            }
        });
        rollback.setTooltip(new javafx.scene.control.Tooltip("Pick an earlier version above: rolling back pushes"
                + " it to the dialers again (review, confirm, canary first, verified)"));
        rollback.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(table, rollback, controls, diff);
        from.valueProperty().addListener((o, was, now) -> showDiff());
        to.valueProperty().addListener((o, was, now) -> showDiff());
        kind.selectedToggleProperty().addListener((o, was, now) -> showDiff());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, v) -> {
            updateRollback();
            if (v != null && v.version() > 1) {
                from.setValue(v.version() - 1);
                to.setValue(v.version());
            }
        });
    }

    void onRollback(java.util.function.BiConsumer<RouteVersion, RouteVersion> action) {
        onRollback = action;
    }

    void rollbackEnabled(boolean on) {
        rollbackEnabled = on;
        updateRollback();
    }

    /** On for a selected version older than the latest, when a push window is plugged in. */
    private void updateRollback() {
        RouteVersion v = table.getSelectionModel().getSelectedItem();
        rollback.setDisable(!rollbackEnabled || v == null || versions.isEmpty()
                || v.version() == versions.get(versions.size() - 1).version());
    }

    void tools(RouteTools t) {
        tools = t;
    }

    /** A route's versions, oldest first; the diff starts at the last change (previous → latest). */
    void show(List<RouteVersion> all) {
        versions = List.copyOf(all);
        List<RouteVersion> newestFirst = new java.util.ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        table.getItems().setAll(newestFirst);
        List<Integer> numbers = all.stream().map(RouteVersion::version).toList();
        from.getItems().setAll(numbers);
        to.getItems().setAll(numbers);
        if (numbers.isEmpty()) {
            from.setValue(null);
            to.setValue(null);
        } else {
            from.setValue(numbers.get(Math.max(0, numbers.size() - 2)));
            to.setValue(numbers.get(numbers.size() - 1));
        }
        showDiff();
        updateRollback();
    }

    void clear(String why) {
        versions = List.of();
        table.getItems().clear();
        table.setPlaceholder(new Label(why));
        from.getItems().clear();
        to.getItems().clear();
        diff.getItems().clear();
        summary.setText("");
        updateRollback();
    }

    private void showDiff() {
        Optional<RouteVersion> a = find(from.getValue());
        Optional<RouteVersion> b = find(to.getValue());
        if (a.isEmpty() || b.isEmpty()) {
            diff.getItems().clear();
            summary.setText("");
            return;
        }
        try {
            List<TextDiff.Line> lines = TextDiff.lines(text(a.get()), text(b.get()));
            diff.getItems().setAll(lines);
            summary.setText("v" + a.get().version() + " \u2192 v" + b.get().version() + ": " + TextDiff.summary(lines));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            diff.getItems().clear();
            summary.setText("\u2716 cannot render: " + SafeText.display(e.getMessage()));
        }
    }

    private String text(RouteVersion v) {
        if (onDialplan.isSelected() && tools == null) {
            throw new UnsupportedOperationException("no generator connected");
        }
        return onDialplan.isSelected() ? tools.render(v.route(), v.version()).dialplanEntry()
                : RouteFile.format(v.route());
    }

    private Optional<RouteVersion> find(Integer n) {
        return n == null ? Optional.empty() : versions.stream().filter(v -> v.version() == n).findFirst();
    }

    private static TableColumn<RouteVersion, String> col(String title, double width,
                                                         java.util.function.Function<RouteVersion, String> f) {
        TableColumn<RouteVersion, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(SafeText.display(f.apply(v.getValue()))));
        return c;
    }

    /** One diff line; the {@code -}/{@code +} prefix carries the meaning, colour repeats it. */
    private static final class DiffCell extends ListCell<TextDiff.Line> {
        @Override
        protected void updateItem(TextDiff.Line l, boolean empty) {
            super.updateItem(l, empty);
            pseudoClassStateChanged(ADDED, !empty && l != null && l.kind() == TextDiff.Kind.ADDED);
            pseudoClassStateChanged(REMOVED, !empty && l != null && l.kind() == TextDiff.Kind.REMOVED);
            setText(empty || l == null ? null : l.display());
        }
    }
}
