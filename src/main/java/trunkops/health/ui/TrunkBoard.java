package trunkops.health.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import trunkops.health.BoardSnapshot;
import trunkops.health.TrunkView;
import trunkops.topology.Carrier;
import trunkops.topology.ClusterTopology;
import trunkops.topology.TrunkKey;
import trunkops.text.SafeText;

/**
 * The trunk board: one row per active carrier, one column per dialer, a tile per trunk (the carrier's peers on
 * that dialer). The grid is rebuilt only when the topology changes; otherwise tiles are updated in place, which
 * keeps the FX thread's work per snapshot small.
 */
public final class TrunkBoard extends GridPane {

    private final Map<TrunkKey, TrunkTile> tiles = new HashMap<>();
    private ClusterTopology builtFor;
    private List<String> serverIds = List.of();
    private TrunkKey selected;
    private Consumer<TrunkView> onSelect = v -> { };
    private final Map<String, VBox> carrierHeads = new HashMap<>();
    private Map<String, String> callAlarms = Map.of();
    private boolean callAlarmsCurrent = true;
    private TrunkFilter filter = TrunkFilter.NONE;
    /** The dialers' column headers, and every cell with its carrier row and dialer column. */
    private final Map<String, Label> columnHeads = new HashMap<>();
    private final List<Cell> cells = new ArrayList<>();

    private record Cell(String carrier, String server, javafx.scene.Node node) {
    }
    private Map<String, String> callWatch = Map.of();
    private Map<String, String> callWatchDetail = Map.of();

    public TrunkBoard() {
        setId("trunkBoard");
        getStyleClass().add("trunk-board");
        setHgap(10);
        setVgap(6);
    }

    public void onSelect(Consumer<TrunkView> action) {
        this.onSelect = action;
    }

    public TrunkKey selected() {
        return selected;
    }

    public void show(BoardSnapshot s) {
        if (s.topology() == null) {
            return;
        }
        if (s.topology() != builtFor) {
            rebuild(s);
        }
        for (TrunkView v : s.trunks()) {
            TrunkTile tile = tiles.get(v.key());
            if (tile != null) {
                tile.show(v);
            }
        }
        applyFilter();
        if (selected == null) {
            s.trunks().stream().filter(TrunkView::down).findFirst().map(v -> tiles.get(v.key()))
                    .ifPresent(this::select);
        }
    }

    private void rebuild(BoardSnapshot s) {
        builtFor = s.topology();
        getChildren().clear();
        getColumnConstraints().clear();
        javafx.scene.layout.ColumnConstraints carrierColumn = new javafx.scene.layout.ColumnConstraints();
        carrierColumn.setMinWidth(130);
        carrierColumn.setPrefWidth(140);
        getColumnConstraints().add(carrierColumn);
        for (int c = 0; c < s.servers().size(); c++) {
            javafx.scene.layout.ColumnConstraints dialer = new javafx.scene.layout.ColumnConstraints();
            dialer.setHgrow(javafx.scene.layout.Priority.ALWAYS);
            getColumnConstraints().add(dialer);
        }
        tiles.clear();
        carrierHeads.clear();
        columnHeads.clear();
        cells.clear();
        List<String> servers = new ArrayList<>();
        s.servers().forEach(v -> servers.add(v.serverId()));
        serverIds = List.copyOf(servers);
        Label corner = new Label("Carrier \\ Dialer");
        corner.getStyleClass().add("board-header");
        add(corner, 0, 0);
        for (int c = 0; c < servers.size(); c++) {
            Label h = new Label(SafeText.display(servers.get(c)));
            h.getStyleClass().add("board-header");
            add(h, c + 1, 0);
            columnHeads.put(servers.get(c), h);
        }
        Map<String, List<TrunkView>> byCarrier = new LinkedHashMap<>();
        for (TrunkView v : s.trunks()) {
            byCarrier.computeIfAbsent(v.carrierId(), k -> new ArrayList<>()).add(v);
        }
        int row = 1;
        for (Carrier carrier : s.topology().carriers()) {
            List<TrunkView> trunks = byCarrier.get(carrier.carrierId());
            if (trunks == null) {
                continue;
            }
            VBox head = new VBox(2, label(SafeText.display(carrier.carrierId()), "board-carrier"),
                    label(SafeText.display(carrier.row().carrierName()), "board-carrier-name"));
            carrierHeads.put(carrier.carrierId(), head);
            add(head, 0, row);
            for (int c = 0; c < servers.size(); c++) {
                FlowPane cell = new FlowPane(6, 6);
                cell.setPrefWrapLength(2 * 130 + 6); // a carrier's two trunks side by side, not below the fold
                cell.getStyleClass().add("board-cell");
                cell.setAlignment(Pos.TOP_LEFT);
                String server = servers.get(c);
                for (TrunkView v : trunks) {
                    if (v.serverId().equals(server)) {
                        cell.getChildren().add(tile(v));
                    }
                }
                if (cell.getChildren().isEmpty()) {
                    cell.getChildren().add(label("not on this dialer", "board-absent"));
                }
                add(cell, c + 1, row);
                cells.add(new Cell(carrier.carrierId(), server, cell));
            }
            row++;
        }
        renderCallAlarms();
    }

    /**
     * Shows only the tiles {@code f} lets through, and only the carrier rows and dialer columns that keep one: the
     * sidebar's filter applies to the board as it does to the trunk table.
     */
    public void filter(TrunkFilter f) {
        filter = java.util.Objects.requireNonNull(f, "filter");
        applyFilter();
    }

    /** How many tiles the filter shows, of how many. */
    public int[] shownOfAll() {
        int shown = (int) tiles.values().stream().filter(javafx.scene.Node::isVisible).count();
        return new int[] {shown, tiles.size()};
    }

    private void applyFilter() {
        java.util.Set<String> rowsWithTiles = new java.util.HashSet<>();
        for (TrunkTile t : tiles.values()) {
            boolean in = filter.test(t.view());
            show(t, in);
            if (in) {
                rowsWithTiles.add(t.view().carrierId());
            }
        }
        carrierHeads.forEach((carrier, head) -> show(head, !filter.active() || rowsWithTiles.contains(carrier)));
        columnHeads.forEach((server, head) -> show(head, filter.serverId() == null
                || filter.serverId().equals(server)));
        for (Cell c : cells) {
            show(c.node(), carrierHeads.get(c.carrier()).isVisible() && columnHeads.get(c.server()).isVisible());
        }
    }

    private static void show(javafx.scene.Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    /**
     * The carriers whose calls are failing against their own baseline (quality alarms from the carrier
     * statistics), as one line under the carrier's name: a warning glyph and text, so it reads without colour.
     *
     * @param headlines carrier id to the alarm's one-line headline; empty when none
     * @param current   false while the call statistics are unavailable: the flags are the last known ones and say
     *                  so, and no flag does not mean the calls are fine
     */
    public void showCallAlarms(Map<String, String> headlines, boolean current) {
        if (headlines.equals(callAlarms) && current == callAlarmsCurrent) {
            return;
        }
        callAlarms = Map.copyOf(headlines);
        callAlarmsCurrent = current;
        renderCallAlarms();
    }

    /**
     * Where the call-quality rules stand for carriers not in alarm (issue 8 item 11), e.g. "watching: too few calls
     * yet" or "evaluating", with the numbers as tooltip; shown under the carrier's name while the statistics are
     * current. Carriers absent from {@code labels} show nothing.
     */
    public void showCallWatch(Map<String, String> labels, Map<String, String> details) {
        if (labels.equals(callWatch) && details.equals(callWatchDetail)) {
            return;
        }
        callWatch = Map.copyOf(labels);
        callWatchDetail = Map.copyOf(details);
        renderCallAlarms();
    }

    private void renderCallAlarms() {
        for (Map.Entry<String, VBox> e : carrierHeads.entrySet()) {
            VBox head = e.getValue();
            head.getChildren().removeIf(n -> n.getStyleClass().contains("board-call-alarm")
                    || n.getStyleClass().contains("board-call-unknown")
                    || n.getStyleClass().contains("board-call-watch"));
            String headline = callAlarms.get(e.getKey());
            if (headline != null) {
                Label l = label(callAlarmsCurrent ? "\u26A0 calls failing" : "\u26A0 calls failing (last known)",
                        "board-call-alarm");
                l.setId("callAlarm-" + e.getKey());
                String tip = callAlarmsCurrent ? SafeText.display(headline)
                        : SafeText.display(headline) + "\n(call statistics unavailable: last known)";
                l.setTooltip(new javafx.scene.control.Tooltip(tip));
                l.setAccessibleText(tip);
                head.getChildren().add(l);
            } else if (!callAlarmsCurrent) {
                Label l = label("? calls unknown", "board-call-unknown");
                l.setId("callUnknown-" + e.getKey());
                l.setTooltip(new javafx.scene.control.Tooltip("call statistics unavailable: see the status bar"));
                head.getChildren().add(l);
            } else if (callWatch.containsKey(e.getKey())) {
                Label l = label(callWatch.get(e.getKey()), "board-call-watch");
                l.setId("callWatch-" + e.getKey());
                String tip = callWatchDetail.getOrDefault(e.getKey(), "");
                l.setTooltip(new javafx.scene.control.Tooltip(tip));
                l.setAccessibleText(tip);
                head.getChildren().add(l);
            }
        }
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        return l;
    }

    private TrunkTile tile(TrunkView v) {
        TrunkTile t = new TrunkTile();
        t.show(v);
        tiles.put(v.key(), t);
        t.setOnMouseClicked(e -> {
            select(t);
            t.requestFocus();
        });
        t.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                select(t);
            }
        });
        if (v.key().equals(selected)) {
            t.select(true);
        }
        return t;
    }

    private void select(TrunkTile t) {
        tiles.values().forEach(x -> x.select(false));
        t.select(true);
        if (getScene() != null && getScene().getFocusOwner() == null) {
            t.requestFocus();
        }
        selected = t.view().key();
        onSelect.accept(t.view());
    }

    /** Tiles by trunk (for tests and for keyboard navigation). */
    public Map<TrunkKey, TrunkTile> tiles() {
        return Map.copyOf(tiles);
    }

    public List<String> serverIds() {
        return serverIds;
    }
}
