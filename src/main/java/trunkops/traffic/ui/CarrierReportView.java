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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import trunkops.traffic.CarrierMetrics;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.ReportCsv;
import trunkops.traffic.SeriesKey;
import trunkops.ui.common.UiExecutor;

/**
 * The carrier report: ViciDial's Carrier Log Report tables (hangup cause x dial status, SIP code x reason) for a
 * window and dialers, each also per carrier, and a summary per carrier, carrier x dialer or carrier x campaign with
 * ASR, NER, failures and dial times. Shows a {@link CarrierReport} ({@link #show}, FX thread); exports the tidy
 * outcome table as CSV and the view as PNG.
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
    private final ViewExport export;
    private CarrierReport shown;

    public CarrierReportView(Executor io, UiExecutor ui) {
        setId("carrierReportView");
        getStyleClass().add("carrier-report");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource("/styles/traffic.css"),
                "styles/traffic.css missing from the build").toExternalForm());
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
        Label title = new Label("Carrier report");
        title.getStyleClass().add("traffic-title");
        HBox bar = new HBox(8, title, breakdown, csv, png, status);
        bar.getStyleClass().add("traffic-toolbar");
        VBox top = new VBox(4, bar, header, notes);
        top.setPadding(new Insets(6));
        setTop(top);
        SplitPane tables = new SplitPane(titled("Summary", summary),
                new SplitPane(titled("Hangup cause x dial status", hangup), titled("SIP code x reason", sip)));
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.34);
        setCenter(tables);
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
                r.servers().isEmpty() ? "all dialers" : "dialers " + String.join(", ", r.servers()),
                r.attribution().summary()));
        notes.setText(r.schemaNote());
        fillSummary();
        hangup.getItems().setAll(ReportTables.hangupByStatus(r));
        sip.getItems().setAll(ReportTables.sip(r));
        sip.setPlaceholder(new Label(r.overall().sipAvailable() ? "No calls in the window"
                : "This ViciDial records no SIP codes (before 2.6)"));
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
        return export.csv(file, w -> ReportCsv.outcomes(r, w));
    }

    /** Writes what the view shows as PNG. FX thread. */
    public CompletableFuture<Path> exportPng(Path file) {
        return export.png(this, file);
    }

    List<ReportTables.Row> summaryRows() {
        return List.copyOf(summary.getItems());
    }
}
