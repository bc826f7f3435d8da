package trunkops.traffic.ui;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import trunkops.traffic.BucketSize;
import trunkops.traffic.QualityAlarm;
import trunkops.traffic.ReportCsv;
import trunkops.traffic.TrafficRequest;
import trunkops.traffic.TrafficSnapshot;
import trunkops.text.SafeText;
import trunkops.ui.common.UiExecutor;

/**
 * Per-carrier call results as charts: answer rate over time with the quality alarms as bands (the timeline), the
 * stacked failure mix and the SIP codes of one carrier (or all), live calls per trunk, and the alarm list. Shows
 * whatever {@link TrafficSnapshot} it is given ({@link #show}, FX thread); asks for other buckets through
 * {@link #onRequest}. Exports the series as CSV and the view as PNG.
 */
public final class CarrierChartsView extends BorderPane {

    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");
    private static final PseudoClass ONGOING = PseudoClass.getPseudoClass("ongoing");

    private final AsrChart asr = new AsrChart();
    private final StackedAreaChart<Number, Number> mix = new StackedAreaChart<>(AsrChart.timeAxis(),
            AsrChart.percentAxis("% of attempts"));
    private final BarChart<String, Number> sip = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> trunks = new BarChart<>(new CategoryAxis(), countAxis());
    private final ListView<QualityAlarm> alarms = new ListView<>();
    private final ComboBox<BucketSize> bucket = new ComboBox<>(FXCollections.observableArrayList(BucketSize.values()));
    private final ComboBox<String> carrier = new ComboBox<>();
    private final Label banner = new Label();
    private final Label notes = new Label();
    private final Label status = new Label();
    private final Label watch = new Label();
    private final ViewExport export;
    private Consumer<TrafficRequest> requests = r -> { };
    private TrafficSnapshot shown;
    private boolean showing;
    private BucketSize asked;

    /** @param io where export files are written (never the FX thread) */
    public CarrierChartsView(Executor io, UiExecutor ui) {
        setId("carrierChartsView");
        getStyleClass().add("carrier-charts");
        getStylesheets().add(Objects.requireNonNull(getClass().getResource("/styles/traffic.css"),
                "styles/traffic.css missing from the build").toExternalForm());
        export = new ViewExport(io, ui, status);
        setTop(header());
        setCenter(charts());
        setRight(alarmList());
    }

    private VBox header() {
        bucket.setId("bucketChoice");
        bucket.setValue(BucketSize.FIVE_MINUTES);
        bucket.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BucketSize b) {
                return b == null ? "" : b.label();
            }

            @Override
            public BucketSize fromString(String s) {
                return null;
            }
        });
        bucket.setOnAction(e -> {
            if (!showing) {
                asked = bucket.getValue();
                requests.accept(new TrafficRequest(bucket.getValue(),
                        shown == null ? TrafficRequest.defaults().dimension() : shown.request().dimension(),
                        shown == null ? List.of() : shown.request().servers()));
            }
        });
        carrier.setId("carrierChoice");
        carrier.setOnAction(e -> redrawCarrierCharts());
        carrier.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String c) {
                return SafeText.display(c);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        // a click on a carrier in the ASR legend focuses it (the others dim); a second click shows all again
        asr.onLegendClick(name -> carrier.setValue(carrier.getItems().stream()
                .filter(c -> SafeText.display(c).equals(name) && !c.equals(carrier.getValue())).findFirst()
                .orElse(ChartData.ALL)));
        Button csv = new Button("Export CSV");
        csv.setId("exportCsvButton");
        csv.setOnAction(e -> export.ask(this, "carrier-series.csv").ifPresent(this::exportCsv));
        Button png = new Button("Export PNG");
        png.setId("exportPngButton");
        png.setOnAction(e -> export.ask(this, "carrier-charts.png").ifPresent(this::exportPng));
        Label title = new Label("Carrier calls");
        title.getStyleClass().add("traffic-title");
        status.setId("exportStatus");
        HBox bar = new HBox(8, title, new Label("Buckets"), bucket, new Label("Carrier"), carrier, csv, png, status);
        bar.getStyleClass().add("traffic-toolbar");
        banner.setId("trafficBanner");
        banner.getStyleClass().add("traffic-banner");
        banner.setManaged(false);
        banner.setVisible(false);
        notes.setId("trafficNotes");
        notes.getStyleClass().add("traffic-notes");
        notes.setWrapText(true);
        VBox top = new VBox(4, bar, banner, notes);
        top.setPadding(new Insets(6));
        return top;
    }

    private GridPane charts() {
        asr.setId("asrChart");
        mix.setId("failureMixChart");
        mix.setTitle("Failure mix");
        mix.setCreateSymbols(false);
        mix.setAnimated(false);
        sip.setId("sipChart");
        sip.setTitle("SIP codes over the window");
        sip.setAnimated(false);
        sip.setLegendVisible(false);
        trunks.setId("trunkCallsChart");
        trunks.setTitle("Calls up now per trunk");
        trunks.setAnimated(false);
        trunks.setLegendVisible(false);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("traffic-grid");
        grid.add(asr, 0, 0);
        grid.add(mix, 1, 0);
        grid.add(sip, 0, 1);
        grid.add(trunks, 1, 1);
        for (javafx.scene.Node n : List.of(asr, mix, sip, trunks)) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setVgrow(n, Priority.ALWAYS);
        }
        return grid;
    }

    /** Calls are whole: 0, 1, 2... never 0.5 (the bounds and step are set per snapshot, see ChartData.countAxis). */
    private static NumberAxis countAxis() {
        NumberAxis y = new NumberAxis(0, 4, 1);
        y.setAutoRanging(false);
        y.setMinorTickVisible(false);
        y.setLabel("calls");
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Long.toString(Math.round(n.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
        return y;
    }

    private VBox alarmList() {
        alarms.setId("alarmList");
        alarms.setPlaceholder(new Label("No quality alarms in the window"));
        alarms.setPrefWidth(330);
        alarms.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(QualityAlarm a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().add("alarm-cell");
                pseudoClassStateChanged(ONGOING, !empty && a != null && a.ongoing());
                LocalDateTime now = shown == null ? null : shown.databaseNow();
                setText(empty || a == null ? null : (a.ongoing() ? "\u26A0 since " : "\u2713 ")
                        + ChartData.clock(a.detected(), now) + (a.ongoing() ? ""
                        : "-" + ChartData.clock(a.cleared(), a.detected())) + "  " + SafeText.display(a.headline()));
                setWrapText(true);
                setPrefWidth(0);    // wrap to the list's width instead of widening the cell
            }
        });
        Label title = new Label("Quality alarms (timeline)");
        title.getStyleClass().add("traffic-title");
        watch.setId("alarmWatch");
        watch.setWrapText(true);
        watch.getStyleClass().add("alarm-watch");
        VBox box = new VBox(4, title, watch, alarms);
        VBox.setVgrow(alarms, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    /** Where the export buttons save (tests and the composition root may replace the file chooser). */
    public void exportTarget(java.util.function.Function<String, java.util.Optional<Path>> chooser) {
        export.target((node, name) -> chooser.apply(name));
    }

    /** Called with the series the operator asks for (bucket size); the caller forwards it to the service. */
    public void onRequest(Consumer<TrafficRequest> listener) {
        requests = Objects.requireNonNull(listener, "listener");
    }

    /** The snapshot on screen, null before the first. */
    public TrafficSnapshot shown() {
        return shown;
    }

    /** Another cluster: nothing of the previous one stays, and no request is outstanding. FX thread. */
    public void reset() {
        asked = null;
        show(TrafficSnapshot.empty(trunkops.traffic.Availability.starting(java.time.Instant.now()),
                TrafficRequest.defaults()));
    }

    /** Whether the operator asked for another bucket than {@code s} was built with and its answer is yet to come. */
    private boolean requestPending(TrafficSnapshot s) {
        if (asked != null && asked == s.request().bucket()) {
            asked = null;
        }
        return asked != null;
    }

    /** Shows {@code s} (FX thread). */
    public void show(TrafficSnapshot s) {
        shown = Objects.requireNonNull(s, "snapshot");
        String b = s.availability().banner(ZoneId.systemDefault());
        banner.setText(b);
        banner.setVisible(!b.isEmpty());
        banner.setManaged(!b.isEmpty());
        banner.pseudoClassStateChanged(UNAVAILABLE, !b.isEmpty());
        notes.setText(String.join("\n", s.notes().stream().map(SafeText::display).toList()));
        if (bucket.getValue() != s.request().bucket() && !requestPending(s)) {
            showing = true; // the snapshot's bucket, not the operator's choice: no request goes back
            try {
                bucket.setValue(s.request().bucket());
            } finally {
                showing = false;
            }
        }
        List<String> carriers = new ArrayList<>();
        carriers.add(ChartData.ALL);
        s.totals().keySet().stream().filter(k -> !k.unattributed()).forEach(k -> carriers.add(k.carrierId()));
        String selected = carrier.getValue();
        if (!carriers.equals(carrier.getItems())) {
            carrier.getItems().setAll(carriers);
        }
        carrier.setValue(carriers.contains(selected) ? selected : defaultCarrier(s, carriers));
        if (s.windowStart() != null) {
            long from = ChartData.minute(s.windowStart());
            long to = ChartData.minute(s.databaseNow()) + 1;
            asr.span(from, to);
            NumberAxis mx = (NumberAxis) mix.getXAxis();
            mx.setLowerBound(from);
            mx.setUpperBound(to);
            mx.setTickUnit(((NumberAxis) asr.getXAxis()).getTickUnit());
        }
        asr.maxGap(3L * s.request().bucket().minutes());
        asr.setData(lines(ChartData.asr(s.series())));
        asr.bands(ChartData.bands(s));
        List<QualityAlarm> newestFirst = new ArrayList<>(s.alarms());
        java.util.Collections.reverse(newestFirst);
        alarms.getItems().setAll(newestFirst);
        watch.setText(s.watch().values().stream().map(w -> trunkops.text.SafeText.display(w.carrierId()) + ": "
                + w.label()).collect(java.util.stream.Collectors.joining("\n")));
        Map<String, Integer> live = ChartData.trunkCalls(s.live());
        int[] axis = ChartData.countAxis(live.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        NumberAxis y = (NumberAxis) trunks.getYAxis();
        y.setUpperBound(axis[0]);
        y.setTickUnit(axis[1]);
        trunks.setData(FXCollections.observableArrayList(List.of(bars("calls", live))));
        redrawCarrierCharts();
    }

    private static String defaultCarrier(TrafficSnapshot s, List<String> carriers) {
        return s.ongoingAlarms().stream().map(QualityAlarm::carrierId).filter(carriers::contains).findFirst()
                .orElse(ChartData.ALL);
    }

    private void redrawCarrierCharts() {
        if (shown == null || carrier.getValue() == null) {
            return;
        }
        mix.setData(lines(ChartData.failureMix(shown.series(), carrier.getValue())));
        Map<String, Long> codes = ChartData.sipCodes(shown.totals(), carrier.getValue(), 10);
        sip.setTitle("SIP codes - " + SafeText.display(carrier.getValue()) + (shown.windowStart() == null ? ""
                : " - since " + ChartData.clock(shown.windowStart(), shown.databaseNow())));
        asr.focus(carrier.getValue().equals(ChartData.ALL) ? null : SafeText.display(carrier.getValue()));
        sip.setData(FXCollections.observableArrayList(List.of(bars("calls", codes))));
    }

    private static javafx.collections.ObservableList<XYChart.Series<Number, Number>> lines(
            Map<String, List<ChartData.Point>> data) {
        javafx.collections.ObservableList<XYChart.Series<Number, Number>> out = FXCollections.observableArrayList();
        data.forEach((name, pts) -> {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(SafeText.display(name));
            pts.forEach(p -> s.getData().add(new XYChart.Data<>(p.minute(), p.value())));
            out.add(s);
        });
        return out;
    }

    private static XYChart.Series<String, Number> bars(String name, Map<String, ? extends Number> data) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        data.forEach((k, v) -> s.getData().add(new XYChart.Data<>(SafeText.display(k), v)));
        return s;
    }

    /** Writes the shown series as CSV (on the io executor). */
    public CompletableFuture<Path> exportCsv(Path file) {
        TrafficSnapshot s = shown;
        if (s == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing shown yet"));
        }
        return export.csv(file, w -> ReportCsv.series(s.series(), w));
    }

    /** Writes what the view shows as PNG (snapshot now, file on the io executor). FX thread. */
    public CompletableFuture<Path> exportPng(Path file) {
        return export.png(this, file);
    }

    /** How many alarm bands the answer-rate chart draws (tests). */
    int alarmBands() {
        return asr.bandCount();
    }
}
