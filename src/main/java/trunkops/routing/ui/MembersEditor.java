package trunkops.routing.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import trunkops.routing.RouteMember;

/**
 * The route's members as a table of rows: trunk (picked from the trunks the topology knows), priority, weight as a
 * slider and a number field kept in step, max calls (empty = no limit), and a remove button. Row {@code i}'s
 * controls have the ids {@code memberTrunk-i}, {@code memberPriority-i}, {@code memberWeightSlider-i},
 * {@code memberWeight-i}, {@code memberMax-i}, {@code memberRemove-i}.
 */
final class MembersEditor extends VBox {

    private final GridPane grid = new GridPane();
    private final List<Row> rows = new ArrayList<>();
    private final Button add = new Button("_Add member");
    private List<String> knownTrunks = List.of();
    private Runnable onChange = () -> { };

    MembersEditor() {
        getStyleClass().add("members-editor");
        setSpacing(6);
        grid.getStyleClass().add("members-grid");
        grid.setHgap(8);
        grid.setVgap(4);
        add.setId("addMember");
        add.setMnemonicParsing(true);
        add.setOnAction(e -> {
            addRow(new RouteDraft.MemberInput(null, Integer.toString(rows.size() + 1), "100", ""));
            rows.get(rows.size() - 1).trunk.requestFocus();
            changed();
        });
        getChildren().addAll(grid, add);
        header();
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    /** The trunks offered in every row's picker ({@code SIP/peer}, from the topology). */
    void knownTrunks(List<String> trunks) {
        knownTrunks = List.copyOf(trunks);
        for (Row r : rows) {
            String current = r.trunk.getValue();
            r.trunk.getItems().setAll(offered(current));
            r.trunk.setValue(current);
        }
    }

    void show(List<RouteDraft.MemberInput> members) {
        rows.clear();
        grid.getChildren().clear();
        header();
        members.forEach(this::addRow);
    }

    List<RouteDraft.MemberInput> read() {
        return rows.stream().map(r -> new RouteDraft.MemberInput(r.trunk.getValue(), r.priority.getText(),
                r.weight.getText(), r.max.getText())).toList();
    }

    /** Marks the rows whose member has a problem ({@code :error} pseudo-class); {@code fields} are problem fields. */
    void markErrors(java.util.Set<String> fields) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean bad = fields.contains("member " + (i + 1)) || (r.trunk.getValue() != null
                    && fields.contains("member " + r.trunk.getValue()));
            r.trunk.pseudoClassStateChanged(RouteEditor.ERROR, bad);
        }
    }

    void disableEditing(boolean off) {
        grid.setDisable(off);
        add.setDisable(off);
    }

    private void header() {
        String[] titles = {"Trunk", "Priority", "Weight (0-" + RouteMember.MAX_WEIGHT + ")", "", "Max calls", ""};
        for (int c = 0; c < titles.length; c++) {
            Label l = new Label(titles[c]);
            l.getStyleClass().add("column-title");
            grid.add(l, c, 0);
        }
    }

    private List<String> offered(String current) {
        List<String> items = new ArrayList<>(knownTrunks);
        if (current != null && !items.contains(current)) {
            items.add(0, current); // a saved member the topology does not know: shown, and the validator says so
        }
        return items;
    }

    private void addRow(RouteDraft.MemberInput in) {
        Row r = new Row(rows.size());
        r.trunk.getItems().setAll(offered(in.trunk()));
        r.trunk.setValue(in.trunk());
        r.priority.setText(in.priority());
        r.weight.setText(in.weight());
        r.syncSliderFromField();
        r.max.setText(in.maxCalls());
        rows.add(r);
        int line = rows.size();
        grid.addRow(line, r.trunk, r.priority, r.slider, r.weight, r.max, r.remove);
        r.trunk.valueProperty().addListener((o, was, now) -> changed());
        r.priority.textProperty().addListener((o, was, now) -> changed());
        r.max.textProperty().addListener((o, was, now) -> changed());
        r.weight.textProperty().addListener((o, was, now) -> {
            r.syncSliderFromField();
            changed();
        });
        r.slider.valueProperty().addListener((o, was, now) -> {
            if (!r.syncing) {
                r.weight.setText(Integer.toString((int) Math.round(now.doubleValue())));
            }
        });
        r.remove.setOnAction(e -> {
            List<RouteDraft.MemberInput> keep = new ArrayList<>(read());
            keep.remove(rows.indexOf(r));
            show(keep);
            changed();
        });
    }

    private void changed() {
        onChange.run();
    }

    /** One member's controls. */
    private static final class Row {
        final ComboBox<String> trunk = new ComboBox<>();
        final TextField priority = new TextField();
        final Slider slider = new Slider(0, RouteMember.MAX_WEIGHT, 0);
        final TextField weight = new TextField();
        final TextField max = new TextField();
        final Button remove = new Button("\u2716");
        boolean syncing;

        Row(int i) {
            trunk.setId("memberTrunk-" + i);
            trunk.setPromptText("pick a trunk");
            trunk.setPrefWidth(170);
            trunk.setAccessibleText("Trunk of member " + (i + 1));
            priority.setId("memberPriority-" + i);
            priority.setPrefColumnCount(3);
            priority.setAccessibleText("Priority of member " + (i + 1) + " (1 = first)");
            slider.setId("memberWeightSlider-" + i);
            slider.setPrefWidth(150);
            slider.setBlockIncrement(10);
            slider.setAccessibleText("Weight of member " + (i + 1));
            weight.setId("memberWeight-" + i);
            weight.setPrefColumnCount(4);
            weight.setAlignment(Pos.CENTER_RIGHT);
            weight.setAccessibleText("Weight of member " + (i + 1) + " as a number");
            max.setId("memberMax-" + i);
            max.setPrefColumnCount(4);
            max.setPromptText("none");
            max.setAccessibleText("Max calls of member " + (i + 1) + " (empty: no limit)");
            remove.setId("memberRemove-" + i);
            remove.setAccessibleText("Remove member " + (i + 1));
            remove.setTooltip(new javafx.scene.control.Tooltip("Remove this member"));
            remove.getStyleClass().add("remove-member");
        }

        /** The number field is the truth; the slider follows it when it holds a weight in range. */
        void syncSliderFromField() {
            try {
                int w = Integer.parseInt(weight.getText().strip());
                if (w >= 0 && w <= RouteMember.MAX_WEIGHT && (int) Math.round(slider.getValue()) != w) {
                    syncing = true;
                    slider.setValue(w);
                    syncing = false;
                }
            } catch (NumberFormatException e) {
                // not a number: the draft reports it; the slider keeps its place
            }
        }
    }
}
