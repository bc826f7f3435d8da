package trunkops.drill;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import trunkops.text.SafeText;

/**
 * The report as a PDF (OpenPDF, A4 landscape): verdict, reasons, summary, the attempts, the latency summary and
 * the evidence of every call that did not go as expected (or of the first call when all did). DejaVu Sans is
 * embedded when installed (the verdict signs and UTF-8 names need it), else Helvetica. Any thread.
 */
public final class ReportPdf {

    private static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final Color HEADER = new Color(0xE4, 0xE8, 0xEE);

    private ReportPdf() {
    }

    public static void write(DrillReport r, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(r, out);
        }
    }

    public static void write(DrillReport r, OutputStream out) throws IOException {
        Document pdf = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle("Failover drill " + r.id());
            pdf.addCreator("TrunkOps");
            pdf.open();
            Font[] f = fonts();
            pdf.add(new Paragraph(safe("Failover drill: route " + r.route() + ", trunk " + r.trunk()), f[0]));
            pdf.add(new Paragraph((r.passed() ? "PASSED" : r.outcome().name()), f[0]));
            for (String x : r.reasons()) {
                pdf.add(new Paragraph(safe("• " + x), f[2]));
            }
            section(pdf, "Summary", List.of("", ""), ReportTables.summary(r), f);
            section(pdf, "Test calls", ReportTables.ATTEMPT_HEADERS, ReportTables.attempts(r), f);
            section(pdf, "Trunk latency during the drill", ReportTables.LATENCY_HEADERS, ReportTables.latency(r), f);
            pdf.add(new Paragraph("Evidence", f[1]));
            List<CallRecord> shown = r.calls().stream().filter(c -> !c.connected()
                    || c.attempts().size() > 1).toList();
            for (CallRecord c : shown.isEmpty() && !r.calls().isEmpty() ? List.of(r.calls().get(0)) : shown) {
                pdf.add(new Paragraph(safe("Call " + c.index() + " (" + c.phase() + ")"), f[1]));
                for (String e : c.evidence()) {
                    pdf.add(new Paragraph(safe(e), f[2]));
                }
            }
        } catch (DocumentException e) {
            throw new IOException("could not write the PDF: " + e.getMessage(), e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
    }

    private static void section(Document pdf, String title, List<String> headers, List<List<String>> rows,
                                Font[] f) throws DocumentException {
        Paragraph p = new Paragraph(title, f[1]);
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        pdf.add(p);
        PdfPTable t = new PdfPTable(headers.size());
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(h, f[1]));
            c.setBackgroundColor(HEADER);
            t.addCell(c);
        }
        for (List<String> row : rows) {
            row.forEach(cell -> t.addCell(new PdfPCell(new Phrase(safe(cell), f[2]))));
        }
        pdf.add(t);
    }

    private static String safe(String s) {
        return SafeText.display(s);
    }

    private static Font[] fonts() {
        Path regular = FONTS.resolve("DejaVuSans.ttf");
        Path bold = FONTS.resolve("DejaVuSans-Bold.ttf");
        if (Files.isReadable(regular) && Files.isReadable(bold)) {
            try {
                BaseFont r = BaseFont.createFont(regular.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                BaseFont b = BaseFont.createFont(bold.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                return new Font[] {new Font(b, 14), new Font(b, 8), new Font(r, 8)};
            } catch (DocumentException | IOException e) {
                org.slf4j.LoggerFactory.getLogger(ReportPdf.class).warn("no DejaVu Sans for the PDF: {}", e.toString());
            }
        }
        return new Font[] {new Font(Font.HELVETICA, 14, Font.BOLD), new Font(Font.HELVETICA, 8, Font.BOLD),
                new Font(Font.HELVETICA, 8)};
    }
}
