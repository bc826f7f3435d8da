package trunkops.traffic.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.geometry.Orientation;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import trunkops.app.Styles;
import trunkops.lab.LabDefaults;
import trunkops.lab.db.CallHistoryGenerator;
import trunkops.lab.db.CallHistoryWriter;
import trunkops.lab.db.HistoryOptions;
import trunkops.traffic.Availability;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.CarrierTrafficEngine;
import trunkops.traffic.LabDb;
import trunkops.traffic.LiveTrunkCalls;
import trunkops.traffic.QualityAlarm;
import trunkops.traffic.QualityAlarmDetector;
import trunkops.traffic.QualityRules;
import trunkops.traffic.TrafficRequest;
import trunkops.traffic.TrafficSnapshot;
import trunkops.traffic.TrafficSnapshots;
import trunkops.ui.common.UiExecutor;

/**
 * The charts and the report on the lab's 24 h of traffic (three dialers, BlueLine answering 85 % 503 for 40 minutes
 * at 17:00), read from a real MariaDB by the console's reader, headless through Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class CarrierViewsLabTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static LabDb lab;
    private static TrafficSnapshot snapshot;
    private static CarrierReport report;
    private static ExecutorService io;
    private CarrierChartsView charts;
    private CarrierReportView reportView;

    @BeforeAll
    static void load() throws Exception {
        lab = LabDb.start("views", LabDefaults.cluster());
        HistoryOptions options = HistoryOptions.withDefaultIncidents(LabDefaults.cluster(), NOW, 20261126L, ZONE);
        new CallHistoryWriter(ZONE).write(lab.lab.dataSource(),
                new CallHistoryGenerator(LabDefaults.cluster()).generate(options));
        LocalDateTime to = LocalDateTime.ofInstant(NOW, ZONE);
        LocalDateTime from = to.minusHours(24);
        CarrierTrafficEngine engine = new CarrierTrafficEngine(lab.repository(),
                CarrierTrafficEngine.Settings.defaults());
        engine.setTopology(lab.topology());
        engine.load(from, to);
        List<trunkops.db.CarrierLogRepository.LiveChannel> channels = List.of(
                new trunkops.db.CarrierLogRepository.LiveChannel(LabDefaults.DIALER1_IP, "SIP/nsvoice-00000011"),
                new trunkops.db.CarrierLogRepository.LiveChannel(LabDefaults.DIALER1_IP, "SIP/nsvoice-00000012"),
                new trunkops.db.CarrierLogRepository.LiveChannel(LabDefaults.DIALER3_IP, "SIP/orbit-west-00000013"));
        snapshot = TrafficSnapshots.build(engine, TrafficRequest.defaults(),
                new QualityAlarmDetector(QualityRules.defaults()), c -> QualityAlarm.ProbeVerdict.OK,
                LiveTrunkCalls.of(to, channels, lab.topology()), new Availability(true, Instant.now(), "primary"),
                List.of());
        report = engine.report(from, to, List.of());
        io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-io");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        io.shutdownNow();
        if (lab != null) {
            lab.close();
        }
    }

    @Start
    void start(Stage stage) {
        charts = new CarrierChartsView(io, UiExecutor.fx());
        reportView = new CarrierReportView(io, UiExecutor.fx());
        SplitPane root = new SplitPane(charts, reportView);
        root.setOrientation(Orientation.VERTICAL);
        // Monocle's headless screen is 1280 x 800: a bigger stage would be centred off its top edge
        Scene scene = new Scene(root, 1280, 800);
        Styles.apply(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private void showBoth() {
        WaitForAsyncUtils.asyncFx(() -> {
            charts.show(snapshot);
            reportView.show(report);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static <T> T node(FxRobot robot, String id) {
        return (T) robot.lookup(id).query();
    }

    @Test
    void theChartsShowEveryCarrierAndBlueLinesIncidentAsAnAlarm(FxRobot robot) {
        showBoth();
        LineChart<Number, Number> asr = node(robot, "#asrChart");
        assertEquals(List.of("BLUELINE", "NSVOICE", "ORBIT", "VELOX"), asr.getData().stream()
                .map(XYChart.Series::getName).toList());
        // a point per 5-minute bucket with at least 10 attempts: the day, not the near-empty night buckets
        for (XYChart.Series<Number, Number> line : asr.getData()) {
            long expected = snapshot.series().stream().filter(x -> x.key().carrierId().equals(line.getName()))
                    .flatMap(x -> x.points().stream()).filter(p -> p.metrics().attempts() >= 10).count();
            assertEquals(expected, line.getData().size(), line.getName());
            assertTrue(expected > 140 && expected < 200, line.getName() + ": " + expected);
        }
        ListView<QualityAlarm> alarms = node(robot, "#alarmList");
        assertTrue(alarms.getItems().stream().anyMatch(a -> a.carrierId().equals("BLUELINE")
                && a.kind() == QualityAlarm.Kind.FAILURE_SPIKE), alarms.getItems().toString());
        assertTrue(alarms.getItems().stream().allMatch(a -> a.carrierId().equals("BLUELINE")));
        assertTrue(robot.lookup(".alarm-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(c -> c.getText() != null && c.getText().contains("BLUELINE: probe OK but calls failing")));
        assertEquals(alarms.getItems().size(), charts.alarmBands(), "one band per episode on the ASR chart");
        assertEquals(0, ((AsrChart) asr).joinedGaps(), "no line drawn across a gap");

        ComboBox<String> carrier = node(robot, "#carrierChoice");
        assertEquals("all carriers", carrier.getValue(), "no alarm is ongoing, so every carrier together");
        WaitForAsyncUtils.asyncFx(() -> carrier.getSelectionModel().select("BLUELINE"));
        WaitForAsyncUtils.waitForFxEvents();
        BarChart<String, Number> sip = node(robot, "#sipChart");
        assertTrue(sip.getData().get(0).getData().stream().anyMatch(d -> d.getXValue().equals(
                "503 Service Unavailable") && d.getYValue().longValue() > 500), "BlueLine's 503s");
        StackedAreaChart<Number, Number> mix = node(robot, "#failureMixChart");
        double worst = mix.getData().get(0).getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).max()
                .orElse(0);
        assertEquals("CONGESTION", mix.getData().get(0).getName());
        assertTrue(worst > 60, "CONGESTION share in the incident: " + worst);
        BarChart<String, Number> trunks = node(robot, "#trunkCallsChart");
        // every trunk, idle ones with 0, in a fixed order (peer, then dialer); the axis counts whole calls
        assertEquals(List.of("blueline@DIALER1:0", "blueline@DIALER2:0", "blueline@DIALER3:0", "nsvoice@DIALER1:2",
                "nsvoice@DIALER2:0", "nsvoice@DIALER3:0", "orbit-east@DIALER3:0", "orbit-west@DIALER3:1",
                "velox@DIALER1:0"), trunks.getData().get(0).getData()
                .stream().map(d -> d.getXValue() + ":" + d.getYValue()).toList());
        javafx.scene.chart.NumberAxis calls = (javafx.scene.chart.NumberAxis) trunks.getYAxis();
        assertEquals(1.0, calls.getTickUnit(), "whole calls: no 0.5 tick");
        assertEquals(4.0, calls.getUpperBound());
        Label banner = node(robot, "#trafficBanner");
        assertTrue(!banner.isVisible(), "available: no banner");
    }

    @Test
    void theOperatorFocusesOneCarriersAnswerRateAndTimesSayTheirDay(FxRobot robot) {
        showBoth();
        AsrChart asr = node(robot, "#asrChart");
        ComboBox<String> carrier = node(robot, "#carrierChoice");
        assertTrue(!asr.dimmed("BLUELINE") && !asr.dimmed("NSVOICE"), "all carriers: no line dimmed");
        WaitForAsyncUtils.asyncFx(() -> carrier.setValue("BLUELINE"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(asr.dimmed("NSVOICE") && asr.dimmed("ORBIT") && !asr.dimmed("BLUELINE"), "BLUELINE focused");
        // the charts get the whole window, as on the console's tab (here they share it with the report)
        WaitForAsyncUtils.asyncFx(() -> ((SplitPane) charts.getParent().getParent()).setDividerPositions(0.97));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".chart-legend-item").match(n -> ((Label) n).getText().equals("ORBIT"))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ORBIT", carrier.getValue(), "a click on the legend focuses that carrier");
        assertTrue(asr.dimmed("BLUELINE") && !asr.dimmed("ORBIT"));
        WaitForAsyncUtils.asyncFx(() -> charts.show(snapshot)); // a refresh keeps the focus
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(asr.dimmed("BLUELINE") && !asr.dimmed("ORBIT"), "the focus survives a refresh");

        // the window starts 24 h before the database's now (22:00 on Nov 26): that is yesterday 22:00
        BarChart<String, Number> sip = node(robot, "#sipChart");
        assertTrue(sip.getTitle().endsWith(" - since yesterday 22:00"), sip.getTitle());
    }

    @Test
    void anUnavailableDatabaseIsSaidOnTopOfTheLastNumbers(FxRobot robot) {
        showBoth();
        Instant since = Instant.parse("2026-11-27T02:55:07Z");
        WaitForAsyncUtils.asyncFx(() -> charts.show(snapshot.withAvailability(new Availability(false, since,
                "reading vicidial_carrier_log failed: jdbc:mariadb://10.0.0.5/asterisk is unreachable"))));
        WaitForAsyncUtils.waitForFxEvents();
        Label banner = node(robot, "#trafficBanner");
        assertTrue(banner.isVisible());
        assertTrue(banner.getPseudoClassStates().contains(PseudoClass.getPseudoClass("unavailable")));
        assertTrue(banner.getText().startsWith("unavailable since ")
                && banner.getText().endsWith(" - reading vicidial_carrier_log failed: jdbc:mariadb://10.0.0.5/asterisk"
                + " is unreachable"), banner.getText());
        LineChart<Number, Number> asr = node(robot, "#asrChart");
        assertEquals(4, asr.getData().size(), "the last numbers stay");
    }

    @Test
    void theReportHasViciDialsTablesPerCarrierAndTheBreakdowns(FxRobot robot) {
        showBoth();
        TableView<ReportTables.Row> summary = node(robot, "#summaryTable");
        assertEquals(List.of("BLUELINE", "NSVOICE", "ORBIT", "VELOX"), summary.getItems().stream()
                .map(r -> r.cells().get(0)).toList());
        TableView<ReportTables.Row> hangup = node(robot, "#hangupTable");
        assertEquals(ReportTables.ALL, hangup.getItems().get(0).cells().get(0), "ViciDial's own table first");
        long all = hangup.getItems().stream().filter(r -> r.cells().get(0).equals(ReportTables.ALL))
                .mapToLong(r -> (Long) r.cells().get(3)).sum();
        assertEquals(report.overall().attempts(), all);
        TableView<ReportTables.Row> sip = node(robot, "#sipTable");
        assertTrue(sip.getItems().stream().anyMatch(r -> r.cells().get(0).equals("BLUELINE")
                && r.cells().get(1).equals("503")));
        ComboBox<CarrierReportView.Breakdown> breakdown = node(robot, "#breakdownChoice");
        WaitForAsyncUtils.asyncFx(() -> breakdown.setValue(CarrierReportView.Breakdown.SERVER));
        WaitForAsyncUtils.waitForFxEvents();
        // BLUELINE (prefix 8) is dialed on every dialer; NSVOICE (9) only where SALES1 dials (DIALER1, 2);
        // ORBIT and VELOX exist on one dialer each
        assertEquals(List.of("BLUELINE@127.0.1.11", "BLUELINE@127.0.1.12", "BLUELINE@127.0.1.13",
                "NSVOICE@127.0.1.11", "NSVOICE@127.0.1.12", "ORBIT@127.0.1.13", "VELOX@127.0.1.11"),
                summary.getItems().stream().map(r -> r.cells().get(0) + "@" + r.cells().get(1)).toList());
        Label header = node(robot, "#reportHeader");
        assertTrue(header.getText().contains("all dialers"), header.getText());
    }

    @Test
    void theExportButtonsWriteCsvAndPng(FxRobot robot) throws Exception {
        showBoth();
        Path dir = Files.createDirectories(lab.dir.resolve("exports"));
        CompletableFuture<Path> seriesCsv = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> charts.exportTarget(name -> {
            Path p = dir.resolve(name);
            seriesCsv.complete(p);
            return Optional.of(p);
        }));
        robot.clickOn("#exportCsvButton");
        Path csv = seriesCsv.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#exportStatus").queryAs(Label.class)
                .getText().startsWith("CSV saved"));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("bucket_start,bucket,carrier_id"), lines.get(0));
        assertEquals(4 * 289 + 1, lines.size(), "4 carriers x 289 five-minute buckets + header");

        Path png = dir.resolve("charts.png");
        CompletableFuture<Path> written = WaitForAsyncUtils.asyncFx(() -> charts.exportPng(png)).get(10,
                TimeUnit.SECONDS);
        written.get(20, TimeUnit.SECONDS);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 1000 && image.getHeight() > 300, image.getWidth() + "x" + image.getHeight());

        WaitForAsyncUtils.asyncFx(() -> reportView.context(report.from(), report.to(), java.util.Map.of(
                "DIALER1", LabDefaults.DIALER1_IP, "DIALER2", LabDefaults.DIALER2_IP, "DIALER3", LabDefaults.DIALER3_IP)));
        WaitForAsyncUtils.waitForFxEvents();
        Path reportCsv = dir.resolve("report.csv");
        reportView.exportCsv(reportCsv).get(10, TimeUnit.SECONDS);
        List<String> rows = Files.readAllLines(reportCsv);
        long calls = rows.stream().skip(1)
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1))).sum();
        assertEquals(report.overall().attempts(), calls);
        assertTrue(rows.stream().anyMatch(l -> l.contains("," + LabDefaults.DIALER3_IP + ",DIALER3,")),
                "the dialer's name beside its server_ip: " + rows.get(1));
    }

    @Test
    void theReportExportsAreTheWholeReportNotTheVisiblePanel(FxRobot robot) throws Exception {
        showBoth();
        Path dir = Files.createDirectories(lab.dir.resolve("exports"));
        ReportDocument doc = ReportDocument.of(report, "window", ip -> ip);
        assertEquals(report.byCarrier().size() + report.byServer().size() + report.byCampaign().size()
                + ReportTables.hangupByStatus(report).size() + ReportTables.sip(report).size(), doc.rowCount());
        assertTrue(doc.rowCount() > 60, "more rows than the panel shows: " + doc.rowCount());

        Path png = dir.resolve("report.png");
        WaitForAsyncUtils.asyncFx(() -> reportView.exportPng(png)).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getHeight() >= 14 * doc.rowCount(), "every row drawn: " + image.getWidth() + "x"
                + image.getHeight() + " for " + doc.rowCount() + " rows");

        Path pdf = dir.resolve("report.pdf");
        WaitForAsyncUtils.asyncFx(() -> reportView.exportPdf(pdf)).get(10, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reportExportStatus").queryAs(Label.class)
                .getText().startsWith("PDF saved"));
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toString());
        try {
            StringBuilder text = new StringBuilder();
            com.lowagie.text.pdf.parser.PdfTextExtractor x = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                text.append(x.getTextFromPage(p)).append('\n');
            }
            assertTrue(reader.getNumberOfPages() >= 2, "the tables run over pages: " + reader.getNumberOfPages());
            for (ReportDocument.Table t : doc.tables()) {
                assertTrue(text.indexOf(t.title()) >= 0, "PDF has " + t.title());
            }
            List<String> last = doc.tables().get(4).rows().get(doc.tables().get(4).rows().size() - 1);
            assertTrue(text.indexOf(last.get(2)) >= 0, "the last SIP row is in the PDF: " + last);
        } finally {
            reader.close();
        }
    }

    @Test
    void aDateErrorIsSaidOnItsOwnLineAndTheToolbarKeepsItsControls(FxRobot robot) {
        showBoth();
        // in the console at 1280 x 760 the report tab is about 1030 px wide (the sidebar takes the rest)
        WaitForAsyncUtils.asyncFx(() -> reportView.getScene().getWindow().setWidth(1030));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            reportView.onRun((from, to, servers) -> CompletableFuture.completedFuture(report));
            TextField from = robot.lookup("#reportFrom").queryAs(TextField.class);
            from.setText("2026-13-45 99:99 is not a date anyone would type but a long error follows it");
            reportView.runReport();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#reportRunStatus").queryAs(Label.class);
        assertTrue(error.getText().startsWith("\u2716"), error.getText());
        List<String> cut = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            for (String id : List.of("#reportPreset", "#reportFrom", "#reportTo", "#reportDialer", "#runReportButton",
                    "#breakdownChoice", "#exportReportCsvButton", "#exportReportPngButton", "#exportReportPdfButton")) {
                javafx.scene.layout.Region r = robot.lookup(id).queryAs(javafx.scene.layout.Region.class);
                if (r.getWidth() + 0.5 < r.prefWidth(-1)) {
                    cut.add(id + " " + r.getWidth() + " < " + r.prefWidth(-1));
                }
            }
            if (trunkops.ui.common.Ellipsis.cut(error)) {
                cut.add("the error itself: " + trunkops.ui.common.Ellipsis.drawn(error));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        // and the report's tables at that width: no dial status or top failure cut to 'CONGESTI...'
        WaitForAsyncUtils.asyncFx(() -> {
            for (String table : List.of("#summaryTable", "#hangupTable", "#sipTable")) {
                robot.lookup(table + " .table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                        .filter(trunkops.ui.common.Ellipsis::cut)
                        .forEach(c -> cut.add(table + ": " + trunkops.ui.common.Ellipsis.drawn(c)));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cut, "squeezed by the error message");
    }
}
