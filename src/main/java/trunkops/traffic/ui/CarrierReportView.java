package trunkops.traffic.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.LocalDateTime;

import trunkops.traffic.CarrierMetrics;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.ReportCsv;
import trunkops.traffic.SeriesKey;
import trunkops.text.SafeText;
import trunkops.ui.common.UiExecutor;

/**
 * The carrier report: ViciDial's Carrier Log Report tables (hangup cause x dial status, SIP code x reason) for a
 * window and dialers, each also per carrier, and a summary per carrier, carrier x dialer or carrier x campaign with
 * ASR, NER, failures and dial times. The query bar picks the window (a preset or From/To on the database clock)
 * and the dialers, and runs the report through {@link #onRun}; the first report (last 24 hours, all dialers) runs by
 * itself once statistics are loaded. Shows a {@link CarrierReport} ({@link #show}, FX thread); exports the tidy
 * outcome table as CSV (dialer names beside server_ip) and the whole report, every row of every table, as PNG and
 * PDF.
 */
public final class CarrierReportView extends BorderPane {

    /** The summary table's breakdown. */
    enum Breakdown {
        CARRIER("per carrier"), SERVER("per carrier and dialer"), CAMPAIGN("per carrier and campaign");

        private final String label;

        Breakdown(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Label header = new Label("No report yet");
    private final Label notes = new Label();
    private final Label status = new Label();
    private final ComboBox<Breakdown> breakdown = new ComboBox<>(FXCollections.observableArrayList(Breakdown.values()));
    private final TableView<ReportTables.Row> summary = ReportTables.table("summaryTable", ReportTables.SUMMARY);
    private final TableView<ReportTables.Row> hangup = ReportTables.table("hangupTable", ReportTables.HANGUP);
    private final TableView<ReportTables.Row> sip = ReportTables.table("sipTable", ReportTables.SIP);
    private final ComboBox<ReportWindow.Preset> preset =
            new ComboBox<>(FXCollections.observableArrayList(ReportWindow.Preset.values()));
    private final TextField fromField = new TextField();
    private final TextField toField = new TextField();
    private final ComboBox<String> dialer = new ComboBox<>();
    private final Button run = new Button("R_un report");
    private final Label runStatus = new Label();
    private final ViewExport export;
    private final UiExecutor ui;
    private CarrierReport shown;
    private Runner runner;
    private LocalDateTime heldFrom;
    private LocalDateTime heldTo;
    private boolean ranOnce;
    private boolean applyingPreset;
    private long generation;
    private Map<String, String> dialerIps = Map.of();

    /** Builds a report off the FX thread (the console: the carrier statistics service). */
    @FunctionalInterface
    public interface Runner {
        CompletableFuture<CarrierReport> run(LocalDateTime from, LocalDateTime to, List<String> servers);

        /** Whether spans before the loaded window can be reported (the console keeps summaries, ADR 0011). */
        default boolean reachesPast() {
            return false;
        }

        /** {@code r}, able to report spans before the loaded window. */
        static Runner reachingPast(Runner r) {
            return new Runner() {
                @Override
                public CompletableFuture<CarrierReport> run(LocalDateTime from, LocalDateTime to,
                                                            List<String> servers) {
                    return r.run(from, to, servers);
                }

                @Override
                public boolean reachesPast() {
                    return true;
                }
            };
        }
    }

    static final String ALL_DIALERS = "All dialers";

    public CarrierReportView(Executor io, UiExecutor ui) {
        setId("carrierReportView");
        getStyleClass().add("carrier-report");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource("/styles/traffic.css"),
                "styles/traffic.css missing from the build").toExternalForm());
        this.ui = ui;
        export = new ViewExport(io, ui, status);
        header.setId("reportHeader");
        header.getStyleClass().add("report-header");
        notes.setId("reportNotes");
        notes.getStyleClass().add("report-note");
        notes.setWrapText(true);
        status.setId("reportExportStatus");
        breakdown.setId("breakdownChoice");
        breakdown.setValue(Breakdown.CARRIER);
        breakdown.setOnAction(e -> fillSummary());
        Button csv = new Button("Export CSV");
        csv.setId("exportReportCsvButton");
        csv.setOnAction(e -> export.ask(this, "carrier-report.csv").ifPresent(this::exportCsv));
        Button png = new Button("Export PNG");
        png.setId("exportReportPngButton");
        png.setOnAction(e -> export.ask(this, "carrier-report.png").ifPresent(this::exportPng));
        Button pdf = new Button("Export PDF");
        pdf.setId("exportReportPdfButton");
        pdf.setOnAction(e -> export.ask(this, "carrier-report.pdf").ifPresent(this::exportPdf));
        Label title = new Label("Carrier report");
        title.getStyleClass().add("traffic-title");
        HBox bar = new HBox(8, title, breakdown, csv, png, pdf);
        bar.getStyleClass().add("traffic-toolbar");
        keepWhole(bar);
        // what went wrong or where a file went: a line of its own, so a long message never squeezes the controls
        for (Label line : List.of(runStatus, status)) {
            line.setWrapText(true);
            line.managedProperty().bind(line.textProperty().isNotEmpty());
            line.visibleProperty().bind(line.textProperty().isNotEmpty());
        }
        VBox top = new VBox(4, bar, queryBar(), runStatus, status, header, notes);
        top.setPadding(new Insets(6));
        setTop(top);
        SplitPane tables = new SplitPane(titled("Summary", summary),
                new SplitPane(titled("Hangup cause x dial status", hangup), titled("SIP code x reason", sip)));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.34);
        setCenter(tables);
    }

    private HBox queryBar() {
        preset.setId("reportPreset");
        preset.setValue(ReportWindow.Preset.LAST_24_HOURS);
        preset.setOnAction(e -> applyPreset());
        fromField.setId("reportFrom");
        toField.setId("reportTo");
        for (TextField f : List.of(fromField, toField)) {
            f.setPrefColumnCount(11);
            f.setPromptText("yyyy-MM-dd HH:mm");
            f.setOnAction(e -> runReport());
            f.textProperty().addListener((o, was, now) -> {
                if (!applyingPreset) {
                    preset.setValue(ReportWindow.Preset.CUSTOM);
                }
            });
        }
        fromField.setAccessibleText("Report from (database clock)");
        toField.setAccessibleText("Report to (database clock)");
        dialer.setId("reportDialer");
        dialer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String serverId) {
                return SafeText.display(serverId); // a dialer's name is data from the servers table
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        dialer.getItems().setAll(ALL_DIALERS);
        dialer.setValue(ALL_DIALERS);
        run.setId("runReportButton");
        run.setMnemonicParsing(true);
        run.setDefaultButton(false);
        run.setOnAction(e -> runReport());
        runStatus.setId("reportRunStatus");
        runStatus.getStyleClass().add("report-note");
        HBox q = new HBox(6, new Label("Window"), preset, new Label("From"), fromField, new Label("To"), toField,
                dialer, run);
        q.getStyleClass().add("traffic-toolbar");
        keepWhole(q);
        return q;
    }

    /** A toolbar's controls keep their preferred width: the bar scrolls off the edge rather than cut a control. */
    private static void keepWhole(HBox bar) {
        bar.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
    }

    /** Another cluster: nothing of the previous one's report stays; the next context runs the default again. */
    public void reset() {
        shown = null;
        ranOnce = false;
        generation++; // a report of the previous cluster still on its way is dropped
        run.setDisable(false);
        heldFrom = null;
        heldTo = null;
        applyingPreset = true;
        fromField.clear();
        toField.clear();
        applyingPreset = false;
        preset.setValue(ReportWindow.Preset.LAST_24_HOURS);
        dialerIps = Map.of();
        dialer.getItems().setAll(ALL_DIALERS);
        dialer.setValue(ALL_DIALERS);
        header.setText("No report yet");
        notes.setText("");
        runStatus.setText("");
        summary.getItems().clear();
        hangup.getItems().clear();
        sip.getItems().clear();
    }

    /** Where the report is built (the composition root wires the carrier statistics service). */
    public void onRun(Runner r) {
        this.runner = r;
    }

    /**
     * What the console holds: the loaded window on the database clock and the cluster's dialers (server id, as
     * shown, to server_ip, as {@code vicidial_carrier_log} records them). The first call with data runs the
     * default report. FX thread.
     */
    public void context(LocalDateTime windowStart, LocalDateTime databaseNow, Map<String, String> dialers) {
        heldFrom = windowStart;
        heldTo = databaseNow;
        dialerIps = Map.copyOf(dialers);
        String picked = dialer.getValue();
        List<String> items = new java.util.ArrayList<>();
        items.add(ALL_DIALERS);
        items.addAll(dialers.keySet());
        if (!items.equals(dialer.getItems())) {
            dialer.getItems().setAll(items);
            dialer.setValue(items.contains(picked) ? picked : ALL_DIALERS);
        }
        if (databaseNow != null && fromField.getText().isEmpty()) {
            applyPreset();
        }
        if (!ranOnce && windowStart != null && databaseNow != null && runner != null) {
            ranOnce = true;
            runReport();
        }
    }

    private void applyPreset() {
        if (heldTo == null || preset.getValue() == null) {
            return;
        }
        LocalDateTime[] r = preset.getValue().range(heldTo);
        if (r != null) {
            applyingPreset = true;
            LocalDateTime first = heldFrom == null ? null : heldFrom.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            boolean clamp = first != null && r[0].isBefore(first) && (runner == null || !runner.reachesPast());
            fromField.setText(ReportWindow.FIELD.format(clamp ? first : r[0]));
            toField.setText(ReportWindow.FIELD.format(r[1]));
            applyingPreset = false;
        }
    }

    /** Runs the report for the fields' window and dialer; a bad field is said next to the button. FX thread. */
    public void runReport() {
        if (runner == null) {
            runStatus.setText("Not connected to a cluster");
            return;
        }
        if (preset.getValue() != ReportWindow.Preset.CUSTOM) {
            applyPreset(); // a preset means "up to now", now being the database's clock at the last refresh
        }
        ReportWindow w;
        try {
            String d = dialer.getValue();
            String ip = d == null || d.equals(ALL_DIALERS) ? null : dialerIps.get(d);
            if (d != null && !d.equals(ALL_DIALERS) && ip == null) {
                throw new IllegalArgumentException("dialer " + d + " is no longer in the cluster");
            }
            w = ReportWindow.parse(fromField.getText(), toField.getText(), ip == null ? List.of() : List.of(ip),
                    heldFrom, heldTo, runner.reachesPast());
        } catch (IllegalArgumentException e) {
            runStatus.setText("\u2716 " + e.getMessage());
            return;
        }
        runStatus.setText("Running\u2026");
        run.setDisable(true);
        long asked = generation;
        runner.run(w.from(), w.to(), w.servers()).whenComplete((r, e) -> ui.execute(() -> {
            if (asked != generation) {
                return;
            }
            run.setDisable(false);
            if (e != null) {
                Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                runStatus.setText("\u2716 report failed: " + c.getMessage());
            } else {
                runStatus.setText("");
                show(r);
            }
        }));
    }

    private static VBox titled(String title, TableView<ReportTables.Row> table) {
        Label l = new Label(title);
        l.getStyleClass().add("traffic-title");
        VBox box = new VBox(2, l, table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(2, 6, 2, 6));
        return box;
    }

    /** Where the export buttons save (replaces the file chooser; tests, composition root). */
    public void exportTarget(java.util.function.Function<String, java.util.Optional<Path>> chooser) {
        export.target((node, name) -> chooser.apply(name));
    }

    public CarrierReport shown() {
        return shown;
    }

    /** Shows {@code r} (FX thread). */
    public void show(CarrierReport r) {
        shown = Objects.requireNonNull(r, "report");
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        header.setText(String.format("%s to %s, %s - %s", f.format(r.from()), f.format(r.to()),
                r.servers().isEmpty() ? "all dialers" : "dialers " + String.join(", ", r.servers().stream()
                        .map(this::dialerName).toList()),
                r.attribution().summary()));
        notes.setText(r.schemaNote());
        fillSummary();
        hangup.getItems().setAll(ReportTables.hangupByStatus(r));
        sip.getItems().setAll(ReportTables.sip(r));
        sip.setPlaceholder(new Label(r.overall().sipAvailable() ? "No calls in the window"
                : "This ViciDial records no SIP codes (before 2.6)"));
    }

    private String dialerName(String ip) {
        return SafeText.display(ReportDocument.dialerNames(dialerIps).apply(ip));
    }

    private void fillSummary() {
        if (shown == null) {
            return;
        }
        Map<SeriesKey, CarrierMetrics> rows = switch (breakdown.getValue()) {
            case CARRIER -> shown.byCarrier();
            case SERVER -> shown.byServer();
            case CAMPAIGN -> shown.byCampaign();
        };
        summary.getItems().setAll(ReportTables.summary(rows));
    }

    /** Writes the tidy outcome table (carrier x dialer x campaign x outcome) on the io executor. */
    public CompletableFuture<Path> exportCsv(Path file) {
        CarrierReport r = shown;
        if (r == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no report shown yet"));
        }
        Map<String, String> names = new java.util.HashMap<>();
        dialerIps.forEach((id, ip) -> names.putIfAbsent(ip, id));
        return export.csv(file, w -> ReportCsv.outcomes(r, names, w));
    }

    /** The whole report shown, every row of every table, or null before the first. */
    private ReportDocument document() {
        return shown == null ? null : ReportDocument.of(shown, header.getText(), ReportDocument.dialerNames(dialerIps));
    }

    /** Writes the whole report (every row of every table, not the visible panel) as PNG. FX thread. */
    public CompletableFuture<Path> exportPng(Path file) {
        ReportDocument doc = document();
        if (doc == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no report shown yet"));
        }
        return export.png(ReportImage.of(doc), file);
    }

    /** Writes the whole report as PDF (tables over as many pages as they need) on the io executor. FX thread. */
    public CompletableFuture<Path> exportPdf(Path file) {
        ReportDocument doc = document();
        if (doc == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no report shown yet"));
        }
        return export.file(file, "PDF", f -> ReportPdf.write(doc, f));
    }

    List<ReportTables.Row> summaryRows() {
        return List.copyOf(summary.getItems());
    }
}
