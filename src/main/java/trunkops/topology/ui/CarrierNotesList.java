package trunkops.topology.ui;

import java.util.List;
import java.util.function.BiFunction;

import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

import trunkops.text.SafeText;
import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;

/**
 * The findings about the carrier selected in a {@link CarriersView}, one per line: what goes wrong and what to
 * write instead. Below the carriers table; keyboard users reach it with Tab.
 */
public final class CarrierNotesList extends ListView<String> {

    public CarrierNotesList() {
        setId("carrierNotes");
        getStyleClass().add("carrier-notes");
        setPlaceholder(new Label("Select a carrier to see what the dialplan linter found"));
    }

    /** Shows {@code notes} for the carrier selected in {@code view} and adds its summary column to the table. */
    public void follow(CarriersView view, BiFunction<Carrier, ClusterTopology, CarrierNotes> notes) {
        view.setNotes(notes);
        view.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> show(view, now));
        view.itemsProperty().addListener((o, was, now) -> show(view, view.getSelectionModel().getSelectedItem()));
    }

    private void show(CarriersView view, Carrier selected) {
        List<String> lines = selected == null ? List.of() : view.notes(selected).lines();
        List<String> shown = selected != null && lines.isEmpty()
                ? List.of(selected.carrierId() + ": the linter found nothing") : lines;
        getItems().setAll(FXCollections.observableArrayList(shown.stream().map(SafeText::display).toList()));
    }
}
