package trunkops.drill.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import trunkops.drill.CallRecord;
import trunkops.drill.DrillReport;
import trunkops.drill.ReportTables;
import trunkops.text.SafeText;

/**
 * One saved drill report, as the console shows it (plain JavaFX, no WebView): the verdict in words and its reasons,
 * the timings (time to failover and to recovery among them), the per-call table (one row per attempt: trunk,
 * statuses, times), the trunks' qualify latency during the drill as a chart, and the calls' evidence excerpts.
 * The numbers are the exports' own ({@link ReportTables}).
 */
public final class DrillReportView extends VBox {

    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** Evidence lines shown per call (the exports keep them all). */
    static final int EVIDENCE_PER_CALL = 6;

    final Label verdict = new Label();
    final Label reasons = new Label();
    final GridPane summary = new GridPane();
    final TableView<List<String>> calls = new TableView<>();
    final LineChart<Number, Number> latency = new LineChart<>(new NumberAxis(), new NumberAxis());
    final ListView<String> evidence = new ListView<>();

    public DrillReportView(DrillReport r) {
        getStyleClass().addAll("drill-view", "drill-report");
        setId("drillReportView");
        verdict.setId("reportVerdict");
        reasons.setId("reportReasons");
        summary.setId("reportSummary");
        calls.setId("reportCalls");
        latency.setId("reportLatency");
        evidence.setId("reportEvidence");
        setPadding(new Insets(10));
        boolean ok = r.passed();
        verdict.setText((ok ? "✔ " : "✖ ") + r.outcome().name());
        verdict.getStyleClass().add("drill-verdict");
        verdict.pseudoClassStateChanged(PASSED, ok);
        verdict.pseudoClassStateChanged(FAILED, !ok);
        Label title = new Label(SafeText.display("Drill " + r.id() + " — route " + r.route() + " v" + r.version()
                + ", trunk A " + r.trunk() + " on " + r.serverId()));
        title.getStyleClass().add("drill-state");
        reasons.setWrapText(true);
        reasons.setText(r.reasons().isEmpty() ? "every expectation of the route was met"
                : String.join("\n", r.reasons().stream().map(x -> "• " + SafeText.display(x)).toList()));
        fillSummary(r);
        fillCalls(r);
        fillLatency(r);
        fillEvidence(r);
        HBox top = new HBox(16, summary, latency);
        HBox.setHgrow(latency, Priority.ALWAYS);
        latency.setPrefHeight(260);
        calls.setPrefHeight(170);
        evidence.setPrefHeight(150);
        VBox.setVgrow(evidence, Priority.ALWAYS);
        getChildren().addAll(new HBox(12, verdict, title), reasons, top, new Label("Test calls (one row per attempt)"),
                calls, new Label("Evidence (first " + EVIDENCE_PER_CALL + " events of each call; the exports keep all)"),
                evidence);
    }

    private void fillSummary(DrillReport r) {
        summary.getStyleClass().add("drill-form");
        int row = 0;
        for (List<String> kv : ReportTables.summary(r)) {
            Label k = new Label(kv.get(0));
            Label v = new Label(SafeText.display(kv.get(1)));
            v.setWrapText(true);
            v.setMaxWidth(420);
            summary.addRow(row++, k, v);
        }
        summary.setMinWidth(560);
    }

    private void fillCalls(DrillReport r) {
        List<String> headers = ReportTables.ATTEMPT_HEADERS;
        for (int i = 0; i < headers.size(); i++) {
            int col = i;
            TableColumn<List<String>, String> c = new TableColumn<>(headers.get(i).replace('_', ' '));
            c.setCellValueFactory(d -> new ReadOnlyStringWrapper(SafeText.display(d.getValue().get(col))));
            calls.getColumns().add(c);
        }
        calls.getItems().setAll(ReportTables.attempts(r));
        calls.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        calls.setPlaceholder(new Label("the drill placed no test call"));
    }

    private void fillLatency(DrillReport r) {
        NumberAxis x = (NumberAxis) latency.getXAxis();
        NumberAxis y = (NumberAxis) latency.getYAxis();
        x.setLabel("seconds since the drill started");
        y.setLabel("qualify latency, ms");
        latency.setTitle("Trunks' latency during the drill");
        latency.setAnimated(false);
        latency.setCreateSymbols(true);
        long t0 = r.started().toEpochMilli();
        Map<String, XYChart.Series<Number, Number>> by = new TreeMap<>();
        for (DrillReport.LatencySample s : r.latency()) {
            XYChart.Series<Number, Number> series = by.computeIfAbsent(s.trunk(), k -> {
                XYChart.Series<Number, Number> n = new XYChart.Series<>();
                n.setName(SafeText.display(k));
                return n;
            });
            if (s.ms() >= 0) { // an unanswered probe is a gap, not a zero
                series.getData().add(new XYChart.Data<>((s.atMs() - t0) / 1000.0, s.ms()));
            }
        }
        latency.getData().setAll(new ArrayList<>(by.values()));
    }

    private void fillEvidence(DrillReport r) {
        List<String> lines = new ArrayList<>();
        for (CallRecord c : r.calls()) {
            lines.add("call " + c.index() + " (" + c.phase() + ")" + (c.connected()
                    ? " answered by " + c.answeredBy().orElse("?") : " not connected"));
            c.evidence().stream().limit(EVIDENCE_PER_CALL).forEach(e -> lines.add("    " + SafeText.display(e)));
        }
        evidence.getItems().setAll(lines);
        evidence.getStyleClass().add("drill-log");
        evidence.setPlaceholder(new Label("no event recorded"));
    }

    /** Opens the report in its own window (Escape closes it), with the owner's stylesheets. */
    public static Stage open(DrillReport r, Window owner, List<String> stylesheets) {
        DrillReportView v = new DrillReportView(r);
        Scene scene = new Scene(v, 1280, 860);
        scene.getStylesheets().addAll(stylesheets);
        Stage st = new Stage();
        if (owner != null) {
            st.initOwner(owner);
        }
        st.setTitle(SafeText.display("Drill report " + r.id() + " — " + r.outcome()));
        st.setScene(scene);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                st.close();
            }
        });
        st.show();
        return st;
    }
}
