package trunkops.traffic.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import trunkops.traffic.Attribution;
import trunkops.traffic.CarrierMetrics;
import trunkops.traffic.CarrierReport;
import trunkops.traffic.SeriesKey;
import trunkops.text.SafeText;

/** The report's tables: rows of plain values (numbers sort as numbers), the unattributed bucket marked. */
final class ReportTables {

    /** One table row: its cells in column order, and whether it is the unattributed bucket. */
    record Row(List<Object> cells, boolean unattributed) {
        Row {
            cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
        }
    }

    static final List<String> SUMMARY = List.of("Carrier", "Dialer", "Campaign", "Attempts", "Answered", "ASR %",
            "NER %", "Failures", "Top failure", "Dial s (mean)", "Dial s (p90)");
    static final List<String> HANGUP = List.of("Carrier", "Hangup cause", "Dial status", "Calls");
    static final List<String> SIP = List.of("Carrier", "SIP code", "SIP reason", "Calls");
    /** The carrier column of ViciDial's own table: every row of the window, whatever carrier. */
    static final String ALL = "ALL (ViciDial's table)";

    private static final PseudoClass UNATTRIBUTED = PseudoClass.getPseudoClass("unattributed");

    private ReportTables() {
    }

    static TableView<Row> table(String id, List<String> headers) {
        TableView<Row> t = new TableView<>();
        t.setId(id);
        for (int i = 0; i < headers.size(); i++) {
            int col = i;
            TableColumn<Row, Object> c = new TableColumn<>(headers.get(i));
            c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue().cells().get(col)));
            c.setComparator(ReportTables::compare);
            c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Object value, boolean empty) {
                    super.updateItem(value, empty);
                    setText(empty ? null : text(value));
                }
            });
            t.getColumns().add(c);
        }
        t.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("unattributed-row");
                if (!empty && r != null && r.unattributed()) {
                    getStyleClass().add("unattributed-row");
                }
                pseudoClassStateChanged(UNATTRIBUTED, !empty && r != null && r.unattributed());
            }
        });
        t.setPlaceholder(new Label("No calls in the window"));
        // columns as wide as their widest text: a dial status is never cut to 'CONGESTI...'; a table wider than its
        // pane scrolls sideways instead
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        t.getItems().addListener((javafx.collections.ListChangeListener<Row>) ch -> {
            while (ch.next()) {
                if (!ch.wasPermutated()) { // a sort reorders rows: the widths stay as they are
                    fitColumns(t);
                    return;
                }
            }
        });
        fitColumns(t);
        return t;
    }

    /** Sizes each column of {@code t} to its header (bold) and its widest cell, in the table's font. */
    static void fitColumns(TableView<Row> t) {
        javafx.scene.text.Font font = t.lookup(".table-cell") instanceof javafx.scene.control.Labeled l ? l.getFont()
                : javafx.scene.text.Font.getDefault();
        javafx.scene.text.Font bold = javafx.scene.text.Font.font(font.getFamily(),
                javafx.scene.text.FontWeight.BOLD, font.getSize());
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        for (int i = 0; i < t.getColumns().size(); i++) {
            TableColumn<Row, ?> c = t.getColumns().get(i);
            probe.setFont(bold);
            probe.setText(c.getText());
            double w = probe.getLayoutBounds().getWidth();
            probe.setFont(font);
            for (Row r : t.getItems()) {
                probe.setText(text(r.cells().get(i)));
                w = Math.max(w, probe.getLayoutBounds().getWidth());
            }
            double width = Math.ceil(w) + 24;
            c.setMinWidth(width);
            c.setPrefWidth(width);
        }
    }

    /** A cell as text: names from the database escaped ({@link SafeText}), numbers as they are. */
    static String text(Object value) {
        return value == null ? "" : value instanceof String str ? SafeText.display(str) : value.toString();
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    static List<Row> summary(Map<SeriesKey, CarrierMetrics> rows) {
        List<Row> out = new ArrayList<>();
        rows.forEach((k, m) -> out.add(new Row(List.of(k.carrierId(), nz(k.serverIp()), nz(k.campaign()),
                m.attempts(), m.answered(), pct(m.asr()), pct(m.ner()), m.failures(),
                m.topFailure().map(f -> f.getKey() + " " + f.getValue()).orElse("none"), pct(m.dialTimeMean()),
                pct(m.dialTimeP90())), k.unattributed())));
        return out;
    }

    /** ViciDial's "dial status breakdown": overall first, then per carrier. */
    static List<Row> hangupByStatus(CarrierReport r) {
        List<Row> out = new ArrayList<>();
        add(out, ALL, r.overall(), false);
        r.byCarrier().forEach((k, m) -> add(out, k.carrierId(), m, k.unattributed()));
        return out;
    }

    private static void add(List<Row> out, String carrier, CarrierMetrics m, boolean unattributed) {
        m.hangupByStatus().forEach((hs, n) -> out.add(new Row(List.of(carrier, hs.cause() < 0 ? "NULL"
                : Integer.toString(hs.cause()), hs.dialstatus(), n), unattributed)));
    }

    /** ViciDial's "SIP error reason breakdown": overall first, then per carrier. */
    static List<Row> sip(CarrierReport r) {
        List<Row> out = new ArrayList<>();
        addSip(out, ALL, r.overall(), false);
        r.byCarrier().forEach((k, m) -> addSip(out, k.carrierId(), m, k.unattributed()));
        return out;
    }

    private static void addSip(List<Row> out, String carrier, CarrierMetrics m, boolean unattributed) {
        m.sipOutcomes().forEach((so, n) -> out.add(new Row(List.of(carrier, so.code() < 0 ? "NULL"
                : Integer.toString(so.code()), so.reason(), n), unattributed)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One decimal; "" when undefined, as a String so it sorts after the numbers. */
    private static Object pct(double d) {
        return Double.isNaN(d) ? "" : Math.round(d * 10) / 10.0;
    }

    static boolean isUnattributed(String carrierId) {
        return Attribution.UNATTRIBUTED.equals(carrierId);
    }
}
