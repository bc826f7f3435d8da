package trunkops.routing.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import trunkops.routing.FailoverTrigger;

/**
 * The failover triggers: carrier-side outcomes as check boxes (the safe defaults), any other trigger in a text
 * field (so a saved trigger without a box is never dropped), and the customer outcomes (BUSY, NOANSWER, 486, ...)
 * only behind an explicit override check box that shows what failing over on them does. Unticking the override
 * unticks them. Ids: {@code trigger-<TEXT>}, {@code otherTriggers}, {@code customerOverride}, {@code overrideWarning}.
 */
final class TriggersEditor extends VBox {

    static final List<String> CARRIER_SIDE = List.of("CHANUNAVAIL", "CONGESTION", "5xx", "503", "408", "403");
    static final List<String> CUSTOMER = List.of("BUSY", "NOANSWER", "CANCEL", "486", "404", "480", "484", "487",
            "600", "603");

    private final Map<String, CheckBox> boxes = new LinkedHashMap<>();
    private final TextField other = new TextField();
    private final CheckBox override = new CheckBox("_Override: also fail over on customer outcomes");
    private final Label warning = new Label("\u26A0 Failing over on a customer outcome re-dials a customer who was"
            + " busy, did not answer or hung up, on the next trunk: the customer gets a second call for one dial.");
    private final VBox customerBox = new VBox(4);
    private Runnable onChange = () -> { };
    private boolean loading;

    TriggersEditor() {
        getStyleClass().add("triggers-editor");
        setSpacing(6);
        FlowPane carrier = new FlowPane(10, 4);
        CARRIER_SIDE.forEach(t -> carrier.getChildren().add(box(t)));
        other.setId("otherTriggers");
        other.setPromptText("other triggers, e.g. 502,6xx");
        other.setPrefColumnCount(14);
        other.setAccessibleText("Other failover triggers, comma separated");
        Label otherLabel = new Label("Oth_er:");
        otherLabel.setMnemonicParsing(true);
        otherLabel.setLabelFor(other);
        override.setId("customerOverride");
        override.setMnemonicParsing(true);
        warning.setId("overrideWarning");
        warning.getStyleClass().add("override-warning");
        warning.setWrapText(true);
        FlowPane customer = new FlowPane(10, 4);
        CUSTOMER.forEach(t -> customer.getChildren().add(box(t)));
        customerBox.getChildren().addAll(warning, customer);
        customerBox.getStyleClass().add("customer-outcomes");
        override.selectedProperty().addListener((o, was, now) -> {
            if (!now && !loading) {
                CUSTOMER.forEach(t -> boxes.get(t).setSelected(false));
            }
            showCustomer();
            changed();
        });
        other.textProperty().addListener((o, was, now) -> changed());
        getChildren().addAll(carrier, new HBox(6, otherLabel, other), override, customerBox);
        showCustomer();
    }

    void onChange(Runnable r) {
        onChange = r;
    }

    void show(List<String> triggers, boolean acknowledged) {
        loading = true;
        List<String> rest = new ArrayList<>();
        boxes.values().forEach(b -> b.setSelected(false));
        for (String t : triggers) {
            CheckBox b = boxes.get(t);
            if (b != null) {
                b.setSelected(true);
            } else {
                rest.add(t);
            }
        }
        other.setText(String.join(",", rest));
        override.setSelected(acknowledged);
        loading = false;
        showCustomer();
    }

    List<String> triggers() {
        List<String> out = new ArrayList<>();
        boxes.forEach((t, b) -> {
            if (b.isSelected()) {
                out.add(t);
            }
        });
        for (String t : other.getText().split(",")) {
            if (!t.isBlank()) {
                out.add(t.strip());
            }
        }
        return out;
    }

    boolean acknowledged() {
        return override.isSelected();
    }

    void disableEditing(boolean off) {
        getChildren().forEach(n -> n.setDisable(off));
    }

    private CheckBox box(String trigger) {
        CheckBox b = new CheckBox(trigger);
        b.setId("trigger-" + trigger);
        b.setMnemonicParsing(false);
        b.setAccessibleText("Fail over on " + trigger + (FailoverTrigger.parse(trigger).customerOutcome()
                ? " (a customer outcome)" : ""));
        b.selectedProperty().addListener((o, was, now) -> changed());
        boxes.put(trigger, b);
        return b;
    }

    private void showCustomer() {
        boolean show = override.isSelected() || CUSTOMER.stream().anyMatch(t -> boxes.get(t).isSelected());
        customerBox.setVisible(show);
        customerBox.setManaged(show);
    }

    private void changed() {
        if (!loading) {
            showCustomer();
            onChange.run();
        }
    }
}
