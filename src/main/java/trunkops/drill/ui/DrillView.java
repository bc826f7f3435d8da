package trunkops.drill.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import trunkops.drill.ConsoleDrills;
import trunkops.drill.DrillConsole;
import trunkops.drill.DrillHistory;
import trunkops.drill.DrillPlan;
import trunkops.drill.DrillReport;
import trunkops.drill.DrillRunner;
import trunkops.drill.DrillState;
import trunkops.drill.ReportCsv;
import trunkops.drill.ReportHtml;
import trunkops.drill.ReportPdf;
import trunkops.routing.RouteMember;
import trunkops.routing.RouteVersion;
import trunkops.text.SafeText;

/**
 * The Drills tab: a one-page wizard. Pick route, trunk A, dialer, number, context, calls and a reason; the plan
 * shows what will happen; the start button names the verb and the target ("Take SIP/trunk1 out on DIALER2 and
 * place 5 test calls"). The drill runs on a {@code drill-ui} thread (never the FX thread); progress, the state,
 * the live log and Cancel (the abort path restores A); at the end the verdict in words, the reasons, and exports
 * (HTML, PDF, CSV). Every report is kept in the drill history.
 */
public final class DrillView extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(DrillView.class);
    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final DrillConsole console;
    private final Function<String, Optional<Path>> saveAs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drill-ui");
        t.setDaemon(true);
        return t;
    });
    final ComboBox<RouteVersion> route = new ComboBox<>();
    final ComboBox<RouteMember> trunk = new ComboBox<>();
    final ComboBox<String> dialer = new ComboBox<>();
    final TextField number = new TextField();
    final TextField context = new TextField("default");
    final Spinner<Integer> calls = new Spinner<>(1, 50, 5);
    final TextField reason = new TextField();
    final Label plan = new Label();
    final Button start = new Button("Start drill");
    final Button cancel = new Button("Cancel drill");
    final ProgressBar progress = new ProgressBar(0);
    final Label state = new Label("no drill running");
    final ListView<String> log = new ListView<>();
    final Label verdict = new Label();
    final Label reasons = new Label();
    final ListView<String> history = new ListView<>();
    final Button exportHtml = new Button("Export HTML…");
    final Button exportPdf = new Button("Export PDF…");
    final Button exportCsv = new Button("Export CSV…");
    final Button openReport = new Button("Open report…");
    private final List<String> historyIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private java.util.function.Consumer<DrillReport> reportOpener = this::openInWindow;
    private volatile DrillRunner running;
    private DrillReport last;

    /** @param saveAs asks where to save a file of the given extension (empty = cancelled) */
    public DrillView(DrillConsole console, Function<String, Optional<Path>> saveAs) {
        this.console = console;
        this.saveAs = saveAs;
        getStyleClass().add("drill-view");
        setId("drillView");
        ids();
        route.setItems(FXCollections.observableArrayList(console.routes()));
        route.setConverter(Converters.of(v -> v.name() + " v" + v.version() + " (" + v.route().strategy()
                .name().toLowerCase(java.util.Locale.ROOT) + ")"));
        trunk.setConverter(Converters.of(RouteMember::trunk));
        dialer.setItems(FXCollections.observableArrayList(console.dialers()));
        route.valueProperty().addListener((o, a, v) -> {
            trunk.setItems(FXCollections.observableArrayList(v == null ? List.of() : v.route().byPriority()));
            trunk.getSelectionModel().selectFirst();
        });
        List.of(route.valueProperty(), trunk.valueProperty(), dialer.valueProperty(), number.textProperty(),
                context.textProperty(), calls.valueProperty(), reason.textProperty())
                .forEach(p -> p.addListener((o, a, b) -> refreshPlan()));
        start.setOnAction(e -> start());
        cancel.setOnAction(e -> cancelDrill());
        cancel.setDisable(true);
        exportHtml.setOnAction(e -> export("html"));
        exportPdf.setOnAction(e -> export("pdf"));
        exportCsv.setOnAction(e -> export("csv"));
        openReport.setOnAction(e -> {
            if (last != null) {
                reportOpener.accept(last);
            }
        });
        history.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openSelected();
            }
        });
        history.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        exportButtons(true);
        layoutParts();
        refreshPlan();
    }

    private void ids() {
        route.setId("drillRoute");
        trunk.setId("drillTrunk");
        dialer.setId("drillDialer");
        number.setId("drillNumber");
        context.setId("drillContext");
        calls.setId("drillCalls");
        reason.setId("drillReason");
        plan.setId("drillPlan");
        start.setId("drillStart");
        cancel.setId("drillCancel");
        progress.setId("drillProgress");
        state.setId("drillStateLabel");
        log.setId("drillLog");
        verdict.setId("drillVerdict");
        reasons.setId("drillReasons");
        history.setId("drillHistory");
        openReport.setId("drillOpenReport");
    }

    private void layoutParts() {
        GridPane form = new GridPane();
        form.getStyleClass().add("drill-form");
        String[] labels = {"Route", "Trunk A", "Dialer", "Test number", "Dial context", "Test calls", "Reason"};
        javafx.scene.Node[] fields = {route, trunk, dialer, number, context, calls, reason};
        for (int i = 0; i < labels.length; i++) {
            Label l = new Label(labels[i]);
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            form.add(l, 0, i);
            form.add(fields[i], 1, i);
            if (fields[i] instanceof javafx.scene.layout.Region r) {
                r.setPrefWidth(300);
                r.setMinWidth(300);
            }
        }
        form.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        number.setPromptText("digits as the dialer dials them, e.g. 912125551234");
        reason.setPromptText("why (goes to the audit journal)");
        calls.setEditable(true);
        plan.getStyleClass().add("drill-plan");
        plan.setWrapText(true);
        HBox.setHgrow(plan, Priority.ALWAYS);
        HBox top = new HBox(16, form, plan);
        HBox run = new HBox(8, start, cancel, progress, state);
        state.getStyleClass().add("drill-state");
        progress.setPrefWidth(220);
        verdict.getStyleClass().add("drill-verdict");
        reasons.setWrapText(true);
        HBox result = new HBox(8, verdict, openReport, exportHtml, exportPdf, exportCsv);
        log.getStyleClass().add("drill-log");
        VBox.setVgrow(log, Priority.ALWAYS);
        setPadding(new Insets(10));
        history.setPrefHeight(90);
        history.setPlaceholder(new Label("no drill in this machine's history yet"));
        getChildren().addAll(top, run, result, reasons, log,
                new Label("History (newest first; Enter or double-click opens the report)"), history);
        console.schedules().ifPresent(f -> getChildren().add(new DrillScheduleEditor(f, this::currentPlan, worker)));
        worker.execute(this::loadHistory);
    }

    private Optional<DrillPlan> currentPlan() {
        RouteVersion v = route.getValue();
        RouteMember a = trunk.getValue();
        String d = dialer.getValue();
        if (v == null || a == null || d == null) {
            return Optional.empty();
        }
        DrillPlan p = new DrillPlan(v, a, d, calls.getValue(), number.getText().strip(), context.getText().strip(),
                Optional.empty(), Duration.ofSeconds(30), 1, console.actor(), reason.getText().strip());
        return Optional.of(p.withMaxVerify(p.verifyCallsNeeded()));
    }

    private void refreshPlan() {
        Optional<DrillPlan> p = currentPlan();
        List<String> problems = p.map(DrillPlan::problems).orElse(List.of("choose a route, trunk A and a dialer"));
        plan.setText(String.join("\n", (problems.isEmpty() ? p.get().describe()
                : problems.stream().map(x -> "✖ " + x).toList()).stream().map(SafeText::display).toList()));
        start.setDisable(!problems.isEmpty() || running != null);
        p.ifPresent(x -> start.setText("Take " + x.trunk().trunk() + " out on " + x.serverId() + " and place "
                + x.calls() + " test call" + (x.calls() == 1 ? "" : "s")));
        console.role().refusal().ifPresent(why -> {
            start.setDisable(true);
            plan.setText("refused: " + why);
        });
    }

    private void start() {
        Optional<DrillPlan> p = currentPlan();
        if (p.isEmpty() || !p.get().problems().isEmpty()) {
            return;
        }
        log.getItems().clear();
        verdict.setText("");
        reasons.setText("");
        exportButtons(true);
        start.setDisable(true);
        cancel.setDisable(false);
        worker.execute(() -> runDrill(p.get()));
    }

    private void runDrill(DrillPlan p) {
        try {
            DrillReport report = ConsoleDrills.run(console, p, Clock.systemUTC(), listener(), r -> running = r);
            Platform.runLater(() -> finished(report));
            loadHistory();
        } catch (Exception e) {
            LOG.warn("drill could not run", e);
            Platform.runLater(() -> {
                state.setText("✖ could not start: " + SafeText.display(e.getMessage()));
                finished(null);
            });
        } finally {
            running = null;
        }
    }

    /** Reads the drill history (file IO, on the worker) and shows it newest first. */
    private void loadHistory() {
        try {
            List<trunkops.drill.DrillJournal.Ended> ended = new java.util.ArrayList<>(
                    new DrillHistory(console.journal()).list());
            java.util.Collections.reverse(ended);
            List<String> lines = ended.stream()
                    .map(e -> SafeText.display(e.finished() + " " + e.outcome() + " — " + e.summary())).toList();
            List<String> ids = ended.stream().map(trunkops.drill.DrillJournal.Ended::id).toList();
            Platform.runLater(() -> {
                historyIds.clear();
                historyIds.addAll(ids);
                history.getItems().setAll(lines);
            });
        } catch (java.io.IOException e) {
            LOG.warn("drill history not read: {}", e.getMessage());
        }
    }

    /** Opens the selected history entry's saved report (read on the worker, shown on the FX thread). */
    private void openSelected() {
        int i = history.getSelectionModel().getSelectedIndex();
        if (i < 0 || i >= historyIds.size()) {
            return;
        }
        String id = historyIds.get(i);
        worker.execute(() -> {
            try {
                Optional<DrillReport> r = new DrillHistory(console.journal()).load(id);
                Platform.runLater(() -> r.ifPresentOrElse(reportOpener,
                        () -> state.setText("no saved report for " + id + " (kept as HTML only)")));
            } catch (java.io.IOException e) {
                LOG.warn("drill report {} not read: {}", id, e.getMessage());
                Platform.runLater(() -> state.setText("✖ report " + id + " not read: " + e.getMessage()));
            }
        });
    }

    /** Where a report is shown (default: its own window, {@link DrillReportView#open}). */
    public void setReportOpener(java.util.function.Consumer<DrillReport> opener) {
        this.reportOpener = opener;
    }

    private void openInWindow(DrillReport r) {
        List<String> css = new java.util.ArrayList<>(getScene() == null ? List.of() : getScene().getStylesheets());
        css.addAll(getStylesheets());
        DrillReportView.open(r, getScene() == null ? null : getScene().getWindow(), css);
    }

    private DrillRunner.Listener listener() {
        return new DrillRunner.Listener() {
            @Override
            public void state(DrillState s, int done, int total) {
                Platform.runLater(() -> {
                    state.setText(s.words() + (s == DrillState.CALLS ? " (" + done + "/" + total + ")" : ""));
                    progress.setProgress(Math.min(1.0, (s.ordinal() - 1 + (s == DrillState.CALLS && total > 0
                            ? done / (double) total : 0)) / (DrillState.values().length - 2.0)));
                });
            }

            @Override
            public void log(String line) {
                String l = SafeText.display(line);
                Platform.runLater(() -> {
                    log.getItems().add(l);
                    log.scrollTo(log.getItems().size() - 1);
                });
            }
        };
    }

    private void finished(DrillReport r) {
        last = r;
        cancel.setDisable(true);
        progress.setProgress(1);
        if (r != null) {
            boolean ok = r.passed();
            verdict.setText((ok ? "✔ " : "✖ ") + r.outcome().name());
            verdict.pseudoClassStateChanged(PASSED, ok);
            verdict.pseudoClassStateChanged(FAILED, !ok);
            reasons.setText(String.join("\n", java.util.stream.Stream.concat(java.util.stream.Stream.of(r.summary()),
                    r.reasons().stream()).map(SafeText::display).toList()));
            state.setText("done");
            exportButtons(false);
        }
        refreshPlan();
    }

    private void cancelDrill() {
        DrillRunner r = running;
        if (r != null) {
            r.cancel();
            cancel.setDisable(true);
            state.setText("cancelling: restoring what the drill changed…");
        }
    }

    private void exportButtons(boolean disabled) {
        exportHtml.setDisable(disabled);
        exportPdf.setDisable(disabled);
        exportCsv.setDisable(disabled);
        openReport.setDisable(disabled);
    }

    private void export(String ext) {
        DrillReport r = last;
        Optional<Path> file = r == null ? Optional.empty() : saveAs.apply(ext);
        file.ifPresent(f -> worker.execute(() -> {
            try {
                switch (ext) {
                    case "pdf" -> ReportPdf.write(r, f);
                    case "csv" -> ReportCsv.write(r, f);
                    default -> Files.writeString(f, ReportHtml.render(r), StandardCharsets.UTF_8);
                }
            } catch (java.io.IOException e) {
                LOG.warn("export failed: {}", e.getMessage());
            }
        }));
    }

    /** Stops the worker (a running drill is cancelled first: its abort path restores A). */
    public void close() {
        DrillRunner r = running;
        if (r != null) {
            r.cancel();
        }
        worker.shutdown();
    }
}
