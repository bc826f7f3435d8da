package trunkops.topology.ui;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;
import trunkops.topology.DialPattern;
import trunkops.topology.ParseWarning;
import trunkops.topology.Peer;
import trunkops.text.SafeText;

/**
 * The carrier rows of vicidial_server_carriers as the console understood them: where each applies, its
 * Asterisk peers (which are not its carrier_id), its dial patterns, and every problem the parsers found.
 * Inactive carriers are listed, dimmed, because they route nothing.
 */
public final class CarriersView extends TableView<Carrier> {

    private static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");

    private BiFunction<Carrier, ClusterTopology, CarrierNotes> notesOf;
    private final Map<Carrier, CarrierNotes> notes = new IdentityHashMap<>();
    private ClusterTopology topology;

    public CarriersView() {
        setId("carriersView");
        getStyleClass().add("carriers-view");
        getColumns().add(col("Carrier", 110, Carrier::carrierId));
        getColumns().add(col("Name", 150, c -> c.row().carrierName()));
        getColumns().add(col("Active", 70, c -> c.active() ? "\u2714 yes" : "\u2716 no"));
        getColumns().add(col("Protocol", 70, c -> c.protocol().name()));
        getColumns().add(col("Applies to", 170, c -> (c.row().appliesToAllServers() ? "all (0.0.0.0): "
                : c.row().serverIp() + ": ") + String.join(", ", c.serverIds())));
        getColumns().add(col("Peers", 160, c -> c.peers().stream().map(Peer::name).collect(Collectors.joining(", "))));
        getColumns().add(col("Dial patterns", 160, c -> c.patterns().stream().map(DialPattern::toString)
                .collect(Collectors.joining(", "))));
        getColumns().add(col("Problems found", 320, CarriersView::problems));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Carrier c, boolean empty) {
                super.updateItem(c, empty);
                pseudoClassStateChanged(INACTIVE, !empty && c != null && !c.active());
            }
        });
        setPlaceholder(new Label("No carriers read yet"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static String problems(Carrier c) {
        List<ParseWarning> all = c.allWarnings();
        return all.isEmpty() ? "" : all.stream().map(ParseWarning::toString).collect(Collectors.joining("; "));
    }

    private static TableColumn<Carrier, String> col(String title, double width, Function<Carrier, String> f) {
        TableColumn<Carrier, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(SafeText.display(f.apply(v.getValue()))));
        return c;
    }

    /** Adds a "Lint" column with each carrier's summary; notes are computed once per topology. */
    void setNotes(BiFunction<Carrier, ClusterTopology, CarrierNotes> notesOf) {
        this.notesOf = notesOf;
        TableColumn<Carrier, String> lint = col("Lint", 150, c -> notes(c).summary());
        lint.setId("lintColumn");
        getColumns().add(getColumns().size() - 1, lint);
    }

    /** What the checker says about {@code c} in the topology shown now. */
    CarrierNotes notes(Carrier c) {
        if (notesOf == null || topology == null) {
            return CarrierNotes.NONE;
        }
        return notes.computeIfAbsent(c, k -> notesOf.apply(k, topology));
    }

    public void show(ClusterTopology topology) {
        if (topology != this.topology) {
            notes.clear();
            this.topology = topology;
        }
        setItems(FXCollections.observableArrayList(topology == null ? List.of() : topology.carriers()));
    }
}
