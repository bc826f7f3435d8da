package trunkops.traffic.ui;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole carrier report as a PDF (OpenPDF): A4 landscape, one table per section with its header repeated on
 * every page, text that can be searched and copied. UTF-8 names need a Unicode font: DejaVu Sans (Debian's
 * {@code fonts-dejavu-core}, which JavaFX needs anyway) is embedded; without it the PDF falls back to Helvetica
 * (Latin-1 only) and says so in its notes. Any thread.
 */
final class ReportPdf {

    private static final Logger LOG = LoggerFactory.getLogger(ReportPdf.class);
    private static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final Color HEADER = new Color(0xE4, 0xE8, 0xEE);
    private static final Color UNATTRIBUTED = new Color(0xFF, 0xF3, 0xD6);

    private ReportPdf() {
    }

    static void write(ReportDocument doc, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(doc, out);
        }
    }

    static void write(ReportDocument doc, OutputStream out) throws IOException {
        Document pdf = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(doc.title());
            pdf.addCreator("TrunkOps");
            pdf.open();
            Fonts f = fonts();
            pdf.add(new Paragraph(doc.title(), f.title()));
            pdf.add(new Paragraph(doc.subtitle(), f.normal()));
            if (!doc.notes().isEmpty()) {
                pdf.add(new Paragraph(doc.notes(), f.normal()));
            }
            if (f.fallback()) {
                pdf.add(new Paragraph("Font note: DejaVu Sans not found in " + FONTS
                        + "; names outside Latin-1 may be missing here (the CSV export has them).", f.normal()));
            }
            for (ReportDocument.Table t : doc.tables()) {
                Paragraph title = new Paragraph(t.title() + " (" + t.rows().size() + " rows)", f.bold());
                title.setSpacingBefore(10);
                title.setSpacingAfter(4);
                pdf.add(title);
                pdf.add(table(t, f));
            }
        } catch (DocumentException e) {
            throw new IOException("could not write the PDF: " + e.getMessage(), e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
    }

    private static PdfPTable table(ReportDocument.Table t, Fonts f) {
        PdfPTable table = new PdfPTable(t.headers().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : t.headers()) {
            PdfPCell c = new PdfPCell(new Phrase(h, f.bold()));
            c.setBackgroundColor(HEADER);
            table.addCell(c);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            for (String cell : t.rows().get(r)) {
                PdfPCell c = new PdfPCell(new Phrase(cell, f.normal()));
                if (!cell.isEmpty() && Character.isDigit(cell.charAt(0)) && cell.chars().allMatch(
                        ch -> Character.isDigit(ch) || ch == '.')) {
                    c.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                if (t.unattributed().get(r)) {
                    c.setBackgroundColor(UNATTRIBUTED);
                }
                table.addCell(c);
            }
        }
        if (t.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("No calls in the window", f.normal()));
            none.setColspan(t.headers().size());
            table.addCell(none);
        }
        return table;
    }

    private record Fonts(Font title, Font bold, Font normal, boolean fallback) {
    }

    private static Fonts fonts() {
        Path regular = FONTS.resolve("DejaVuSans.ttf");
        Path bold = FONTS.resolve("DejaVuSans-Bold.ttf");
        if (Files.isReadable(regular) && Files.isReadable(bold)) {
            try {
                BaseFont r = BaseFont.createFont(regular.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                BaseFont b = BaseFont.createFont(bold.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                return new Fonts(new Font(b, 14), new Font(b, 8), new Font(r, 8), false);
            } catch (DocumentException | IOException e) {
                LOG.warn("could not load DejaVu Sans for the PDF export, using Helvetica: {}", e.toString());
            }
        }
        return new Fonts(new Font(Font.HELVETICA, 14, Font.BOLD), new Font(Font.HELVETICA, 8, Font.BOLD),
                new Font(Font.HELVETICA, 8), true);
    }
}
