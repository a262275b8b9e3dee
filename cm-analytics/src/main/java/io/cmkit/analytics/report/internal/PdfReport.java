package io.cmkit.analytics.report.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes the same content as the dashboard as an A4 PDF with OpenPDF. Charts are drawn through
 * OpenPDF's Graphics2D bridge as vectors, their text as outlines (so every glyph of the chart
 * fonts survives); the rest of the text is real PDF text in Helvetica.
 */
public final class PdfReport {

    private static final float CHART_WIDTH = HtmlDashboard.CHART_WIDTH;
    private static final float CHART_HEIGHT = HtmlDashboard.CHART_HEIGHT;
    private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    private static final Color HEADER_FILL = new Color(0xf3, 0xf4, 0xf6);
    private static final Color LINE = new Color(0xe5, 0xe7, 0xeb);

    private final Font titleFont = new Font(Font.HELVETICA, 18, Font.BOLD, new Color(0x1e, 0x3a, 0x8a));
    private final Font headingFont = new Font(Font.HELVETICA, 13, Font.BOLD);
    private final Font bodyFont = new Font(Font.HELVETICA, 9);
    private final Font boldFont = new Font(Font.HELVETICA, 9, Font.BOLD);
    private final Font mutedFont = new Font(Font.HELVETICA, 9, Font.ITALIC, MUTED);
    private final Font tileValueFont = new Font(Font.HELVETICA, 16, Font.BOLD);

    public void write(ReportContent content, OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            // An image that does not fit must not let the next section's text jump ahead of it.
            writer.setStrictImageSequence(true);
            document.addTitle(pdfText(content.title()));
            document.addCreator("cmkit cm-analytics");
            document.open();
            document.add(new Paragraph(pdfText(content.title()), titleFont));
            document.add(new Paragraph(pdfText(content.periodLine()), bodyFont));
            document.add(new Paragraph(pdfText(content.generatedLine()), mutedFont));
            for (Section section : content.sections()) {
                section(document, writer, section);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the PDF report: " + e.getMessage(), e);
        }
    }

    private void section(Document document, PdfWriter writer, Section section) throws DocumentException {
        float width = document.right() - document.left();
        if (section.chart().isPresent() && section.tiles().isEmpty()) {
            // Keep a heading with its chart: start a page when both do not fit on this one.
            float needed = CHART_HEIGHT * width / CHART_WIDTH + 40;
            if (writer.getVerticalPosition(true) - document.bottom() < needed) {
                document.newPage();
            }
        }
        Paragraph heading = new Paragraph(pdfText(section.title()), headingFont);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(6);
        heading.setKeepTogether(true);
        document.add(heading);
        if (section.empty().isPresent()) {
            document.add(new Paragraph(pdfText(section.empty().get()), mutedFont));
            return;
        }
        if (!section.tiles().isEmpty()) {
            document.add(tiles(section.tiles()));
        }
        if (section.chart().isPresent()) {
            document.add(chart(writer, section.chart().get(), width));
        }
        if (section.note().isPresent()) {
            document.add(new Paragraph(pdfText(section.note().get()), mutedFont));
        }
        if (section.table().isPresent() && section.table().get().inDocument() && !section.table().get().rows().isEmpty()) {
            document.add(table(section.table().get()));
        }
    }

    private PdfPTable tiles(List<Section.Tile> tiles) {
        int columns = Math.min(3, tiles.size());
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        for (Section.Tile tile : tiles) {
            Phrase phrase = new Phrase();
            phrase.add(new Chunk(pdfText(tile.label()) + "\n", mutedFont));
            phrase.add(new Chunk(pdfText(tile.value()) + "\n", tileValueFont));
            phrase.add(new Chunk(pdfText(tile.change()), bodyFont));
            PdfPCell cell = new PdfPCell(phrase);
            cell.setPadding(6);
            cell.setBorderColor(LINE);
            table.addCell(cell);
        }
        table.getDefaultCell().setBorder(PdfPCell.NO_BORDER);
        table.completeRow();
        return table;
    }

    /** The chart as a vector template: JFreeChart draws into OpenPDF's Graphics2D, scaled to the page width. */
    private static Image chart(PdfWriter writer, JFreeChart chart, float pageWidth) throws DocumentException {
        PdfContentByte canvas = writer.getDirectContent();
        PdfTemplate template = canvas.createTemplate(CHART_WIDTH, CHART_HEIGHT);
        Graphics2D g2 = template.createGraphicsShapes(CHART_WIDTH, CHART_HEIGHT);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, CHART_WIDTH, CHART_HEIGHT));
        } finally {
            g2.dispose();
        }
        Image image = Image.getInstance(template);
        image.scaleToFit(pageWidth, CHART_HEIGHT * pageWidth / CHART_WIDTH);
        image.setAlignment(Element.ALIGN_CENTER);
        return image;
    }

    private PdfPTable table(Table table) {
        List<Integer> shown = IntStream.range(0, table.columns().size())
                .filter(i -> table.columns().get(i).inDocument()).boxed().toList();
        float[] widths = new float[shown.size()];
        for (int i = 0; i < widths.length; i++) {
            Table.Column column = table.columns().get(shown.get(i));
            // Free text (a post, an objective) gets the room; numbers and codes need little.
            widths[i] = column.key().equals("excerpt") ? 4f : column.key().equals("objective") ? 2f : column.numeric() ? 1f : 1.3f;
        }
        PdfPTable pdf = new PdfPTable(widths);
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        pdf.setSpacingBefore(6);
        for (int i : shown) {
            Table.Column column = table.columns().get(i);
            PdfPCell cell = cell(column.label(), boldFont, column.numeric());
            cell.setBackgroundColor(HEADER_FILL);
            pdf.addCell(cell);
        }
        for (List<Table.Cell> row : table.rows()) {
            for (int i : shown) {
                pdf.addCell(cell(row.get(i).text(), bodyFont, table.columns().get(i).numeric()));
            }
        }
        return pdf;
    }

    private static PdfPCell cell(String text, Font font, boolean numeric) {
        PdfPCell cell = new PdfPCell(new Phrase(pdfText(text), font));
        cell.setPadding(4);
        cell.setBorderColor(LINE);
        cell.setHorizontalAlignment(numeric ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    /**
     * Text for the standard Helvetica font (WinAnsi): French number formats group digits with a
     * narrow no-break space (U+202F), which WinAnsi lacks, so it becomes a no-break space.
     */
    static String pdfText(String text) {
        return text.replace('\u202f', '\u00a0');
    }
}
