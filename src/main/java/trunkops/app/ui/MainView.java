package trunkops.app.ui;

import java.time.ZoneId;
import java.util.Map;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import trunkops.health.BoardSnapshot;
import trunkops.health.ui.ServerList;
import trunkops.health.ui.TrunkFilter;
import trunkops.health.ui.TrunkTable;
import trunkops.health.TimelineEntry;
import trunkops.topology.ui.CampaignsView;
import trunkops.traffic.QualityAlarm;
import trunkops.traffic.TrafficSnapshot;
import trunkops.traffic.ui.CarrierChartsView;
import trunkops.traffic.ui.CarrierReportView;
import trunkops.topology.ui.CarriersView;

/**
 * The main window: dialers on the left, the board, trunks, carriers, campaigns, carrier charts and the carrier
 * report in the middle, connection states in the status bar. A thin controller: it only shows the snapshots it is
 * given, on the FX thread.
 */
public final class MainView {

    /** Where CSV and PNG exports are written: never the FX thread. */
    private static final java.util.concurrent.Executor EXPORTS = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "exports");
                t.setDaemon(true);
                return t;
            });

    @FXML private BorderPane root;
    @FXML private Label clusterName;
    @FXML private Label labBadge;
    @FXML private javafx.scene.control.ComboBox<String> clusterPicker;
    @FXML private Label summary;
    @FXML private Button refreshButton;
    @FXML private ServerList serverList;
    @FXML private TabPane tabs;
    @FXML private TrunkTable trunkTable;
    @FXML private trunkops.health.ui.TrunkBoard trunkBoard;
    @FXML private trunkops.health.ui.LatencyPanel latencyPanel;
    @FXML private trunkops.health.ui.ImpactView impactView;
    @FXML private trunkops.health.ui.TimelineView timelineView;
    @FXML private javafx.scene.control.Tab impactTab;
    @FXML private CarriersView carriersView;
    @FXML private trunkops.topology.ui.CarrierNotesList carrierNotes;
    @FXML private CampaignsView campaignsView;
    @FXML private trunkops.routing.ui.RoutesView routesView;
    @FXML private javafx.scene.control.Tab chartsTab;
    @FXML private javafx.scene.control.Tab reportTab;
    private CarrierChartsView chartsView;
    private CarrierReportView reportView;
    private TrafficSnapshot lastTraffic;
    @FXML private VBox startOverlay;
    @FXML private ProgressIndicator startProgress;
    @FXML private Label startMessage;
    @FXML private HBox statusBar;
    @FXML private VBox sidePanel;
    @FXML private HBox labConsole;
    @FXML private TextField labCommand;
    @FXML private Label labAnswer;
    private final TextField filter = (TextField) org.controlsfx.control.textfield.TextFields
            .createClearableTextField();
    private java.util.function.Function<String, String> labRunner;

    private final Label filterStatus = new Label();
    private final ClusterHint clusterHint = new ClusterHint();
    @FXML private javafx.scene.layout.StackPane centerStack;
    @FXML private javafx.scene.control.ToggleButton wallToggle;
    @FXML private javafx.scene.control.SplitPane boardSplit;
    @FXML private javafx.scene.control.ScrollPane boardScroll;
    private WallMode wall;
    private TrunkFilter trunkFilter = TrunkFilter.NONE;
    private Runnable onRefresh = () -> { };
    private BoardSnapshot last;
    private final trunkops.health.ui.TrunkActions trunkActions = new trunkops.health.ui.TrunkActions(() -> last);

    @FXML
    private void initialize() {
        filter.setId("trunkFilter");
        filter.setPromptText("carrier, peer, server, state…");
        sidePanel.getChildren().add(1, filter);
        centerStack.getChildren().add(clusterHint);
        wall = new WallMode(root, wallToggle);
        BoardFit.attach(boardSplit, boardScroll, trunkBoard);
        filterStatus.setId("filterStatus");
        filterStatus.getStyleClass().add("filter-status");
        filterStatus.setWrapText(true);
        sidePanel.getChildren().add(2, filterStatus);
        filter.textProperty().addListener((o, was, now) -> applyFilter(trunkFilter.withText(now)));
        serverList.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                applyFilter(trunkFilter.withServer(now == null ? null : now.serverId())));
        applyFilter(TrunkFilter.NONE);
        trunkBoard.onSelect(latencyPanel::select);
        trunkActions.attach(trunkTable);
        trunkActions.attach(trunkBoard);
        carrierNotes.follow(carriersView, CarrierLintNotes::of);
        chartsView = new CarrierChartsView(EXPORTS, trunkops.ui.common.UiExecutor.fx());
        reportView = new CarrierReportView(EXPORTS, trunkops.ui.common.UiExecutor.fx());
        chartsTab.setContent(chartsView);
        reportTab.setContent(reportView);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                return;
            }
            for (int i = 0; i < tabs.getTabs().size(); i++) {
                int tab = i;
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)),
                        KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(tab));
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), wall::toggle);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                    filter::requestFocus);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> {
                if (clusterPicker.isVisible()) {
                    clusterPicker.requestFocus();
                    clusterPicker.show();
                } else {
                    clusterHint.show(); // nothing to pick: say how to add a cluster
                }
            });
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
                clusterHint.hide();
                serverList.getSelectionModel().clearSelection();
                filter.clear();
            });
        });
        showStarting("Connecting\u2026");
    }

    /**
     * The sidebar's filter (text and selected dialer) applies to every view beside it: the board's tiles and the
     * trunk table. While it hides trunks the sidebar says how many, so a forgotten filter cannot hide an outage.
     */
    private void applyFilter(TrunkFilter f) {
        trunkFilter = f;
        trunkTable.filter(f);
        trunkBoard.filter(f);
        showFilterStatus();
    }

    /** How many trunks the filter hides; the board and the table keep applying the filter to new data themselves. */
    private void showFilterStatus() {
        int[] shown = trunkBoard.shownOfAll();
        boolean hides = trunkFilter.active() && shown[0] < shown[1];
        filterStatus.setText(hides ? shown[0] + " of " + shown[1] + " trunks shown (Esc shows all)" : "");
        filterStatus.setVisible(hides);
        filterStatus.setManaged(hides);
    }

    /**
     * Offers the configured clusters (and the lab) in the header; {@code onPick} runs when the operator picks
     * another one. {@code problems}: profile files that could not be used, shown on the picker, or null.
     */
    public void clusterChoices(java.util.List<String> names, String current,
                               java.util.function.Consumer<String> onPick, String problems) {
        clusterPicker.getItems().setAll(names);
        clusterPicker.getSelectionModel().select(current);
        boolean several = names.size() > 1;
        clusterPicker.setVisible(several);
        clusterPicker.setManaged(several);
        clusterName.setVisible(!several);
        clusterName.setManaged(!several);
        if (problems != null) {
            clusterPicker.setTooltip(new javafx.scene.control.Tooltip("Profiles not used:\n" + problems));
        }
        clusterPicker.setOnAction(e -> {
            String picked = clusterPicker.getValue();
            if (picked != null && (last == null || !picked.equals(last.clusterName()))) {
                onPick.accept(picked);
            }
        });
    }

    /** Another cluster is being opened: nothing of the previous one stays on screen. */
    public void resetForCluster(String name) {
        last = null;
        clusterName.setText(name);
        labConsole.setVisible(false);
        labConsole.setManaged(false);
        labBadge.setVisible(false);
        labBadge.setManaged(false);
        latencyPanel.clear();
        serverList.show(java.util.List.of());
        trunkTable.show(java.util.List.of());
        impactView.show(java.util.List.of());
        timelineView.show(java.util.List.of());
        lastTraffic = null;
        onRefresh = () -> { };
        trunkActions.disconnect();
        chartsView.onRequest(r -> { });
        reportView.onRun(null);
        trunkBoard.showCallAlarms(Map.of(), true);
        chartsView.reset();
        reportView.reset();
        routesView.disconnect("Routes: connecting to " + name + "\u2026");
        chartsTab.setText("Carrier charts (Ctrl+5)");
        statusBar.getChildren().clear();
        summary.setText("");
        startMessage.getStyleClass().remove("failure");
        showStarting("Connecting to " + name + "\u2026");
    }

    /** Wall display on or off (full screen, larger type), as F11 does. FX thread, once the view is in a window. */
    public void wallMode(boolean on) {
        wall.set(on);
    }

    /** Shows main tab {@code n} (1 = board), as Ctrl+n does. */
    public void selectTab(int n) {
        if (n < 1 || n > tabs.getTabs().size()) {
            throw new IllegalArgumentException("there is no tab " + n + " (1 to " + tabs.getTabs().size() + ")");
        }
        tabs.getSelectionModel().select(n - 1);
    }

    public void onRefresh(Runnable action) {
        this.onRefresh = action;
    }

    /** Where the latency chart reads a trunk's history (the monitor, off the FX thread). */
    public void historySource(trunkops.health.ui.LatencyPanel.HistorySource source) {
        latencyPanel.source(source);
    }

    /**
     * Where the carrier charts ask for other buckets and dialers, and where the carrier report is built (the
     * carrier statistics service, off the FX thread).
     */
    public void trafficSource(java.util.function.Consumer<trunkops.traffic.TrafficRequest> requests,
                              CarrierReportView.Runner reports) {
        chartsView.onRequest(requests);
        reportView.onRun(reports);
        if (lastTraffic != null) {
            updateTraffic(lastTraffic);
        }
    }

    /** The newest carrier statistics: charts, report context, the board's call alarms and the timeline. */
    public void updateTraffic(TrafficSnapshot s) {
        lastTraffic = s;
        chartsView.show(s);
        Map<String, String> dialers = new java.util.LinkedHashMap<>();
        if (last != null) {
            last.servers().forEach(v -> dialers.put(v.serverId(), v.serverIp()));
        }
        reportView.context(s.windowStart(), s.databaseNow(), dialers);
        Map<String, String> alarms = new java.util.TreeMap<>();
        for (QualityAlarm a : s.ongoingAlarms()) {
            alarms.merge(a.carrierId(), a.headline(), (x, y) -> x + "\n" + y);
        }
        trunkBoard.showCallAlarms(alarms, s.availability().available());
        Map<String, String> watch = new java.util.TreeMap<>();
        Map<String, String> watchDetail = new java.util.TreeMap<>();
        s.watch().forEach((carrier, w) -> {
            watch.put(carrier, w.label());
            watchDetail.put(carrier, trunkops.text.SafeText.display(w.detail()));
        });
        trunkBoard.showCallWatch(watch, watchDetail);
        if (last != null) {
            statusBar.getChildren().setAll(StatusBarChips.of(last, lastTraffic));
        }
        int n = alarms.size();
        chartsTab.setText(n == 0 ? "Carrier charts (Ctrl+5)" : "Carrier charts (Ctrl+5) \u26A0 " + n);
        if (last != null) {
            timelineView.show(withCallAlarms(last.timeline(), s.alarms(), ZoneId.systemDefault()));
        }
    }

    /**
     * The board's timeline with the quality alarm episodes merged in, newest first: one line when an episode was
     * detected ({@code CALLS FAILING}) and one when it cleared ({@code calls recovered}). Alarm times are the
     * database's wall clock, read in {@code zone}.
     */
    static java.util.List<TimelineEntry> withCallAlarms(java.util.List<TimelineEntry> board,
                                                        java.util.List<QualityAlarm> alarms, ZoneId zone) {
        if (alarms.isEmpty()) {
            return board;
        }
        java.util.List<TimelineEntry> out = new java.util.ArrayList<>(board);
        for (QualityAlarm a : alarms) {
            String subject = a.carrierId() + " calls";
            String detail = a.headline().substring(a.carrierId().length() + 2);
            out.add(new TimelineEntry(a.detected().atZone(zone).toInstant().toEpochMilli(), "", subject, "",
                    "CALLS FAILING", detail));
            if (a.cleared() != null) {
                out.add(new TimelineEntry(a.cleared().atZone(zone).toInstant().toEpochMilli(), "", subject,
                        "CALLS FAILING", "calls recovered", ""));
            }
        }
        out.sort(java.util.Comparator.comparingLong(TimelineEntry::atMillis).reversed());
        return out;
    }

    /**
     * Shows the lab's command line (only when the console runs on the embedded lab). {@code runner} runs a
     * command off the FX thread and returns the lab's one-line answer.
     */
    public void enableLabConsole(java.util.function.Function<String, String> runner) {
        this.labRunner = runner;
        labConsole.setVisible(true);
        labConsole.setManaged(true);
    }

    @FXML
    private void runLabCommand() {
        String cmd = labCommand.getText();
        if (labRunner == null || cmd.isBlank()) {
            return;
        }
        labAnswer.setText("…");
        java.util.concurrent.CompletableFuture.supplyAsync(() -> labRunner.apply(cmd))
                .thenAccept(answer -> javafx.application.Platform.runLater(() -> {
                    labAnswer.setText(answer.lines().findFirst().orElse(""));
                    labCommand.clear();
                }));
    }

    @FXML
    private void refresh() {
        onRefresh.run();
    }

    /** Long work before the first snapshot (starting the lab, reading the database). */
    public void showStarting(String message) {
        startOverlay.setVisible(true);
        startProgress.setVisible(true);
        startMessage.setText(message);
    }

    /** A failure that stops the console from showing anything real; says what and what to do. */
    public void showFailure(String message) {
        startOverlay.setVisible(true);
        startProgress.setVisible(false);
        startMessage.setText("\u2716 " + message);
        startMessage.getStyleClass().add("failure");
    }

    public void update(BoardSnapshot s) {
        last = s;
        clusterName.setText(trunkops.text.SafeText.display(s.clusterName()));
        labBadge.setVisible(s.lab());
        labBadge.setManaged(s.lab());
        if (s.topology() == null) {
            showStarting(s.problem() == null ? "Reading the cluster's database\u2026"
                    : s.problem() + "\nRetrying every 5 s.");
        } else {
            startOverlay.setVisible(false);
        }
        serverList.show(s.servers());
        trunkTable.show(s.trunks());
        trunkBoard.show(s);
        showFilterStatus();
        if (latencyPanel.trunk() != null) {
            s.trunks().stream().filter(t -> t.key().equals(latencyPanel.trunk().key())).findFirst()
                    .ifPresent(latencyPanel::refresh);
        }
        impactView.show(s.impacts());
        impactTab.setText(s.impacts().isEmpty() ? "Impact" : "Impact (" + s.impacts().size() + ")");
        timelineView.show(lastTraffic == null ? s.timeline()
                : withCallAlarms(s.timeline(), lastTraffic.alarms(), ZoneId.systemDefault()));
        carriersView.show(s.topology());
        campaignsView.show(s.topology());
        routesView.show(RoutesBoard.of(s));
        summary.setText(StatusBarChips.summaryText(s));
        statusBar.getChildren().setAll(StatusBarChips.of(s, lastTraffic)); // one scene-graph change
    }

    /** The Routes tab (Ctrl+7), which the session connects to the cluster's route store. */
    public trunkops.routing.ui.RoutesView routes() {
        return routesView;
    }

    public BoardSnapshot lastSnapshot() {
        return last;
    }

    /** Offline / drain / online on the board and the trunk table (connected per session, see ControlBoardWiring). */
    public trunkops.health.ui.TrunkActions trunkActions() {
        return trunkActions;
    }
}
