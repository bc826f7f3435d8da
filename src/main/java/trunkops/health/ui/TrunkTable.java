package trunkops.health.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import trunkops.control.AdminState;
import trunkops.health.ForcedState;
import trunkops.health.TrunkView;
import trunkops.text.SafeText;

/**
 * Every trunk of the cluster (server × peer): server, carrier, peer, address, state (glyph, word and colour),
 * qualify latency and what the dialer said, with the carrier's registration on that dialer (chan_sip or
 * PJSIP) and, for a PJSIP trunk shown LAGGED, that this is the console's verdict (res_pjsip has none).
 * Sortable; filtered by the sidebar ({@link TrunkFilter}).
 */
public final class TrunkTable extends TableView<TrunkView> {

    private final ObservableList<TrunkView> rows = FXCollections.observableArrayList();
    private final FilteredList<TrunkView> filtered = new FilteredList<>(rows, t -> true);

    public TrunkTable() {
        setId("trunkTable");
        getStyleClass().add("trunk-table");
        SortedList<TrunkView> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getColumns().add(text("Server", 110, TrunkView::serverId));
        getColumns().add(text("Carrier", 210, t -> t.carrierId() + (t.carrierName().isEmpty() ? ""
                : " \u2014 " + t.carrierName())));
        getColumns().add(text("Trunk (peer)", 130, TrunkView::peerLabel));
        getColumns().add(text("Address", 130, TrunkView::address));
        TableColumn<TrunkView, TrunkView> state = new TableColumn<>("State");
        state.setId("stateColumn");
        state.setPrefWidth(140);
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new TrunkStateCell());
        // forced states first (offline, then drain), then the verdicts in their order
        state.setComparator(Comparator.comparingInt((TrunkView v) -> v.forced().active()
                ? v.forced().state().ordinal() : 9).thenComparingInt(v -> v.state().ordinal()));
        getColumns().add(state);
        TableColumn<TrunkView, String> calls = text("Calls", 70, TrunkTable::callWords);
        calls.setId("callsColumn");
        getColumns().add(calls);
        TableColumn<TrunkView, Number> latency = new TableColumn<>("Latency");
        latency.setPrefWidth(90);
        latency.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().latencyMs()));
        latency.setCellFactory(c -> new LatencyCell());
        latency.getStyleClass().add("numeric");
        getColumns().add(latency);
        getColumns().add(text("Dialer says", 200, TrunkTable::saysWords));
        setPlaceholder(new Label("No trunks yet: waiting for the cluster's database"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<TrunkView, String> text(String title, double width,
                                                       java.util.function.Function<TrunkView, String> f) {
        TableColumn<TrunkView, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(SafeText.display(f.apply(v.getValue()))));
        return c;
    }

    /**
     * What the dialer says; for a forced trunk the probe's verdict first (it stays visible under the forced state)
     * and the switch's until / by whom; when the admin flags could not be read, that first.
     */
    static String saysWords(TrunkView v) {
        ForcedState f = v.forced();
        String reg = v.registration() == null ? "" : " \u00B7 " + v.registration().words(ZoneId.systemDefault());
        if (!f.known()) {
            return "admin flags unknown \u00B7 " + v.dialerStatus() + reg;
        }
        if (!f.active()) {
            return v.dialerStatus() + reg;
        }
        String extra = f.words(ZoneId.systemDefault(), Instant.now()).substring(f.label().length()).strip();
        return "probe " + v.verdictWords() + (extra.isEmpty() ? "" : " \u00B7 " + extra) + reg;
    }

    /** Live calls; while draining they go to 0 ("3 draining", then "0 drained"). */
    static String callWords(TrunkView v) {
        if (v.forced().active() && v.forced().state() == AdminState.DRAIN) {
            return v.calls() == 0 ? "0 \u2714 drained" : v.calls() + " draining";
        }
        return Integer.toString(v.calls());
    }

    /**
     * Replaces the rows (called on the FX thread with a fresh snapshot, about once a second). The trunk the operator
     * selected stays selected as its fresh row, wherever the sort puts it: the table's own selection follows equal
     * items only, and a row with a new latency is a new item.
     */
    public void show(List<TrunkView> trunks) {
        TrunkView selected = getSelectionModel().getSelectedItem();
        rows.setAll(trunks);
        if (selected == null) {
            return;
        }
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i).key().equals(selected.key())) {
                getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    /** Shows only the trunks {@code filter} lets through (the sidebar's text and dialer, as on the board). */
    public void filter(TrunkFilter filter) {
        filtered.setPredicate(filter::test);
    }

    private static final class LatencyCell extends javafx.scene.control.TableCell<TrunkView, Number> {
        @Override
        protected void updateItem(Number ms, boolean empty) {
            super.updateItem(ms, empty);
            setText(empty || ms == null ? null : ms.intValue() < 0 ? "\u2014" : ms.intValue() + " ms");
        }
    }
}
