package trunkops.routing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import trunkops.routing.Route;
import trunkops.routing.RouteProblem;
import trunkops.routing.RouteValidator;
import trunkops.routing.Strategy;
import trunkops.topology.ClusterTopology;

/**
 * The route form: name, patterns (+strip), dialers, strategy, members, failover triggers, attempts and timeouts,
 * the problems {@link RouteValidator} finds (listed under the form and marked on their fields as the operator
 * types), and Save with a comment, disabled while there is an error, while the store cannot save or while a save
 * runs. Labels carry mnemonics (Alt+letter) and the tab order follows the form top to bottom.
 */
final class RouteEditor extends VBox {

    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final Label heading = new Label("No route selected");
    private final TextField name = field("routeName", "e.g. US-OUT (1-15 letters, digits, _ -)");
    private final TextArea patterns = new TextArea();
    private final TextField dialers = field("routeDialers", "all, or server_ip list: 10.0.0.11, 10.0.0.12");
    private final ChoiceBox<Strategy> strategy = new ChoiceBox<>();
    private final MembersEditor members = new MembersEditor();
    private final SplitPreview preview = new SplitPreview();
    private final TriggersEditor triggers = new TriggersEditor();
    private final TextField attempts = field("maxAttempts", "");
    private final TextField dialTimeout = field("dialTimeout", "");
    private final TextField progressTimeout = field("progressTimeout", "");
    private final VBox problems = new VBox(2);
    private final TextField comment = field("saveComment", "why (saved with the version)");
    private final Button save = new Button("_Save (Ctrl+S)");
    private final Button cancel = new Button("Cancel (Esc)");
    private final Label saveStatus = new Label();
    private Map<String, Node> fieldNodes;
    private Supplier<ClusterTopology> topology = () -> null;
    private Runnable onChange = () -> { };
    private RouteDraft loaded = RouteDraft.blank();
    private int basedOn;
    private boolean writable;
    private boolean busy;
    private boolean loading;
    private RouteDraft.Result current = RouteDraft.blank().read();
    private List<RouteProblem> found = List.of();

    RouteEditor() {
        setId("routeEditor");
        getStyleClass().add("route-editor");
        setSpacing(10);
        heading.setId("editorHeading");
        heading.getStyleClass().add("editor-heading");
        patterns.setId("routePatterns");
        patterns.setPrefRowCount(2);
        patterns.setPromptText("one per line: _91NXXNXXXXXX strip=1");
        strategy.setId("routeStrategy");
        strategy.getItems().setAll(Strategy.values());
        problems.setId("routeProblems");
        problems.getStyleClass().add("route-problems");
        save.setId("saveRoute");
        save.setDefaultButton(false);
        cancel.setId("cancelEdit");
        saveStatus.setId("saveStatus");
        saveStatus.setWrapText(true);
        fieldNodes = Map.of("name", name, "pattern", patterns, "dialers", dialers, "max attempts", attempts,
                "dial timeout", dialTimeout, "progress timeout", progressTimeout);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        row(form, 0, "Na_me", name);
        row(form, 1, "_Patterns", patterns);
        row(form, 2, "_Dialers", dialers);
        row(form, 3, "S_trategy", strategy);
        GridPane timing = new GridPane();
        timing.setHgap(8);
        timing.setVgap(6);
        row(timing, 0, "Ma_x attempts", attempts);
        row(timing, 1, "Dial t_imeout (s)", dialTimeout);
        row(timing, 2, "Pro_gress timeout (s)", progressTimeout);
        HBox saveRow = new HBox(8, labelled("_Comment", comment), save, cancel);
        HBox.setHgrow(comment, Priority.ALWAYS);
        getChildren().addAll(heading, form, section("Members"), members, preview, section("Fail over on"), triggers,
                timing, section("Problems"), problems, saveRow, saveStatus);
        for (TextField f : List.of(name, dialers, attempts, dialTimeout, progressTimeout)) {
            f.textProperty().addListener((o, was, now) -> changed());
        }
        patterns.textProperty().addListener((o, was, now) -> changed());
        strategy.valueProperty().addListener((o, was, now) -> changed());
        members.onChange(this::changed);
        triggers.onChange(this::changed);
        comment.textProperty().addListener((o, was, now) -> updateSave());
        attempts.setPrefColumnCount(4);
        dialTimeout.setPrefColumnCount(4);
        progressTimeout.setPrefColumnCount(4);
        load(RouteDraft.blank(), 0, "New route");
    }

    void topology(Supplier<ClusterTopology> t) {
        topology = t;
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    void onSave(Consumer<String> action) {
        save.setOnAction(e -> {
            if (!save.isDisabled()) {
                action.accept(comment.getText().strip());
            }
        });
    }

    /** Ctrl+S: as the Save button, when it is on. */
    void fireSave() {
        if (!save.isDisabled()) {
            save.fire();
        }
    }

    void onCancel(Runnable action) {
        cancel.setOnAction(e -> action.run());
    }

    /** Shows {@code draft} as the starting point of an edit based on version {@code basedOn} (0: a new route). */
    void load(RouteDraft draft, int basedOn, String title) {
        loading = true;
        loaded = draft;
        this.basedOn = basedOn;
        heading.setText(title);
        name.setText(draft.name());
        patterns.setText(draft.patterns());
        dialers.setText(draft.dialers());
        strategy.setValue(draft.strategy());
        members.show(draft.members());
        triggers.show(draft.triggers(), draft.override());
        attempts.setText(draft.maxAttempts());
        dialTimeout.setText(draft.dialTimeout());
        progressTimeout.setText(draft.progressTimeout());
        comment.clear();
        saveStatus.setText("");
        loading = false;
        changed();
    }

    void knownTrunks(List<String> trunks) {
        members.knownTrunks(trunks);
    }

    /** Re-checks against the newest topology (a peer may have appeared or gone). */
    void revalidate() {
        changed();
    }

    RouteDraft draft() {
        return new RouteDraft(name.getText(), patterns.getText(), dialers.getText(),
                strategy.getValue() == null ? Strategy.PRIORITY : strategy.getValue(), members.read(),
                triggers.triggers(), triggers.acknowledged(), attempts.getText(), dialTimeout.getText(),
                progressTimeout.getText());
    }

    Route route() {
        return current.route();
    }

    List<RouteProblem> problems() {
        return found;
    }

    boolean hasErrors() {
        return RouteValidator.hasErrors(found);
    }

    boolean dirty() {
        return !draft().equals(loaded);
    }

    int basedOn() {
        return basedOn;
    }

    SplitPreview preview() {
        return preview;
    }

    /** Whether the store can save; when not, the form still validates, renders and lints. */
    void writable(boolean w) {
        writable = w;
        updateSave();
    }

    /** A save is running: nothing can be saved twice. */
    void busy(boolean b, String message) {
        busy = b;
        saveStatus.setText(message);
        updateSave();
    }

    void status(String message) {
        saveStatus.setText(message);
    }

    void focusName() {
        name.requestFocus();
    }

    private void changed() {
        if (loading) {
            return;
        }
        current = draft().read();
        List<RouteProblem> all = new ArrayList<>(current.problems());
        ClusterTopology t = topology.get();
        all.addAll(t == null ? RouteValidator.validate(current.route()) : RouteValidator.validate(current.route(), t));
        found = all;
        showProblems();
        updateSave();
        onChange.run();
    }

    private void showProblems() {
        problems.getChildren().clear();
        for (RouteProblem p : found) {
            Label l = new Label((p.isError() ? "\u2716 error: " : "\u26A0 warning: ") + p.field() + ": " + p.message());
            l.setWrapText(true);
            l.getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
            problems.getChildren().add(l);
        }
        if (found.isEmpty()) {
            Label ok = new Label("\u2714 no problems");
            ok.getStyleClass().add("problem-none");
            problems.getChildren().add(ok);
        }
        Set<String> bad = found.stream().filter(RouteProblem::isError).map(RouteProblem::field)
                .collect(Collectors.toSet());
        fieldNodes.forEach((f, n) -> n.pseudoClassStateChanged(ERROR, bad.contains(f)));
        members.markErrors(bad);
    }

    private void updateSave() {
        boolean unchanged = basedOn > 0 && !dirty();
        save.setDisable(!writable || busy || hasErrors() || unchanged);
        String why = !writable ? "the route store cannot save (see above)" : busy ? "saving\u2026"
                : hasErrors() ? "fix the errors listed under Problems first" : unchanged ? "nothing changed" : "";
        save.setTooltip(why.isEmpty() ? null : new javafx.scene.control.Tooltip("Save is off: " + why));
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static void row(GridPane g, int r, String label, Control c) {
        g.addRow(r, label(label, c), c);
        GridPane.setHgrow(c, Priority.ALWAYS);
    }

    private static Label label(String text, Control c) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(c);
        l.setMinWidth(Control.USE_PREF_SIZE);
        return l;
    }

    private static HBox labelled(String text, Control c) {
        HBox box = new HBox(6, label(text, c), c);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
