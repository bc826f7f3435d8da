package trunkops.routing.ui;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import trunkops.routing.RouteMember;
import trunkops.routing.RouteVersion;
import trunkops.text.SafeText;

/**
 * The saved routes, latest version of each: name, strategy, members, version, who saved it and when, and the live
 * state of its members from the board ({@code 2/2 up ✔}, {@code 1/2 up ⚠}): glyph and words, colour only repeats
 * them. Id {@code routeList}.
 */
final class RouteList extends TableView<RouteList.Row> {

    /** One route in the list: its latest version; its live state is looked up when the cells are drawn. */
    record Row(RouteVersion version) {
        String name() {
            return version.name();
        }
    }

    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    private static final PseudoClass CRIT = PseudoClass.getPseudoClass("crit");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");

    private List<RouteVersion> versions = List.of();
    private LiveBoard board;

    RouteList() {
        setId("routeList");
        getStyleClass().add("route-list");
        getColumns().add(col("Route", 110, r -> r.version().name()));
        getColumns().add(col("Strategy", 95, r -> r.version().route().strategy().text()));
        getColumns().add(col("Members", 260, r -> r.version().route().members().stream().map(RouteList::member)
                .collect(Collectors.joining(", "))));
        getColumns().add(col("Version", 65, r -> "v" + r.version().version()));
        getColumns().add(col("Saved by", 100, r -> r.version().author()));
        getColumns().add(col("Saved at", 145, r -> HistoryView.WHEN.format(r.version().savedAt())));
        TableColumn<Row, String> live = col("Live (board)", 130, r -> health(r).summary());
        live.setId("liveColumn");
        live.setCellFactory(c -> new LiveCell());
        getColumns().add(live);
        getColumns().add(col("Patterns", 150, r -> r.version().route().patterns().stream()
                .map(Object::toString).collect(Collectors.joining(", "))));
        setPlaceholder(new Label("No routes saved yet: Ctrl+N starts one"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static String member(RouteMember m) {
        return m.trunk() + " w" + m.weight() + " p" + m.priority();
    }

    /** The routes from the store (latest versions), by name; keeps the selected route selected. */
    void show(List<RouteVersion> latest) {
        versions = List.copyOf(latest);
        String selected = getSelectionModel().getSelectedItem() == null ? null
                : getSelectionModel().getSelectedItem().name();
        getItems().setAll(versions.stream().sorted(java.util.Comparator.comparing(RouteVersion::name))
                .map(Row::new).toList());
        if (selected != null) {
            getItems().stream().filter(r -> r.name().equals(selected)).findFirst()
                    .ifPresent(r -> getSelectionModel().select(r));
        }
    }

    /** The newest board: only the live column is redrawn, the rows and the selection stay. */
    void board(LiveBoard b) {
        board = b;
        refresh();
    }

    RouteHealth health(Row r) {
        return RouteHealth.of(r.version().route(), board);
    }

    List<RouteVersion> versions() {
        return versions;
    }

    private static TableColumn<Row, String> col(String title, double width, Function<Row, String> f) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(SafeText.display(f.apply(v.getValue()))));
        return c;
    }

    /** The live summary with its tone as a pseudo-class. */
    private static final class LiveCell extends TableCell<Row, String> {
        LiveCell() {
            getStyleClass().add("route-live-cell");
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
            RouteHealth health = row == null ? null : ((RouteList) getTableView()).health(row);
            RouteHealth.Tone tone = health == null ? null : health.tone();
            pseudoClassStateChanged(OK, tone == RouteHealth.Tone.OK);
            pseudoClassStateChanged(WARN, tone == RouteHealth.Tone.WARN);
            pseudoClassStateChanged(CRIT, tone == RouteHealth.Tone.CRIT);
            pseudoClassStateChanged(UNKNOWN, tone == RouteHealth.Tone.UNKNOWN);
            setText(empty ? null : text);
            if (health != null) {
                setTooltip(new javafx.scene.control.Tooltip(health.members().stream()
                        .map(m -> m.member().trunk() + ": " + m.text()).collect(Collectors.joining("\n"))));
            }
        }
    }
}
