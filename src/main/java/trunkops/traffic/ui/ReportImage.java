package trunkops.traffic.ui;

import java.util.List;
import java.util.Objects;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The whole carrier report drawn off screen (every row of every table, none cut, no scroll bars) and taken as an
 * image for the PNG export. FX thread (it builds and snapshots nodes; the file is written elsewhere).
 */
final class ReportImage {

    private static final List<String> SHEETS = List.of("tokens.css", "theme-dark.css", "traffic.css");

    private ReportImage() {
    }

    static WritableImage of(ReportDocument doc) {
        VBox page = new VBox(6);
        page.getStyleClass().addAll("carrier-report", "report-print");
        page.setPadding(new Insets(12));
        page.getChildren().add(label(doc.title(), "traffic-title"));
        page.getChildren().add(label(doc.subtitle(), "report-header"));
        if (!doc.notes().isEmpty()) {
            page.getChildren().add(label(doc.notes(), "report-note"));
        }
        for (ReportDocument.Table t : doc.tables()) {
            Label title = label(t.title() + " (" + t.rows().size() + " rows)", "traffic-title");
            VBox.setMargin(title, new Insets(8, 0, 0, 0));
            page.getChildren().addAll(title, grid(t));
        }
        Scene scene = new Scene(page);
        for (String sheet : SHEETS) {
            scene.getStylesheets().add(Objects.requireNonNull(ReportImage.class.getResource("/styles/" + sheet),
                    "styles/" + sheet + " missing from the build").toExternalForm());
        }
        page.applyCss();
        page.layout();
        return page.snapshot(new SnapshotParameters(), null);
    }

    private static GridPane grid(ReportDocument.Table t) {
        GridPane g = new GridPane();
        g.getStyleClass().add("report-print-table");
        g.setHgap(14);
        for (int c = 0; c < t.headers().size(); c++) {
            g.add(label(t.headers().get(c), "report-print-header"), c, 0);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Label cell = label(row.get(c), t.unattributed().get(r) ? "report-print-unattributed"
                        : "report-print-cell");
                if (r % 2 == 1) {
                    cell.getStyleClass().add("report-print-odd");
                }
                g.add(cell, c, r + 1);
            }
        }
        return g;
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a report image never ellipsizes a cell
        return l;
    }
}
