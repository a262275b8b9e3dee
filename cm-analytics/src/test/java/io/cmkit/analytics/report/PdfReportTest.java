package io.cmkit.analytics.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PdfReportTest {

    private static byte[] pdf(ClientReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer().pdf(report, out);
        return out.toByteArray();
    }

    private static String text(PdfReader reader) throws IOException {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        // French groups digits with a no-break space, which the extractor may widen, and table cells
        // wrap their lines: compare on single spaces.
        return text.toString().replaceAll("[\\s\u00a0]+", " ");
    }

    @Test
    @DisplayName("the French PDF reads back with its sections, numbers and dates in French, charts as vectors")
    void french() throws IOException {
        byte[] bytes = pdf(SampleReports.full(Locale.FRANCE, 7));
        Path dir = Files.createDirectories(Path.of("target", "report-samples"));
        Files.write(dir.resolve("report-fr.pdf"), bytes);
        PdfReader reader = new PdfReader(bytes);
        try {
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = text(reader);
            assertThat(text).contains("Rapport de community management", "Café Lumière",
                    "Période : du 1 nov. 2026 au 30 nov. 2026", "Chiffres clés", "12 345,6", "+3,4 %", "-12,0 %",
                    "n.d.", "0,37 €", "Objectifs", "au moins 120 000", "Dans les temps", "En retard",
                    "Piliers éditoriaux", "Coulisses", "30,0 %", "Meilleurs moments pour publier", "Meilleures publications",
                    "Nouveau latte noisette", "<b>pas du", "Sentiment et volume de mentions", "Modération",
                    "Masqués", "Signalés pour revue", "n.d. pour temps de réponse médian — aucun message reçu");
            assertThat(text).doesNotContain("NaN", "Infinity", "\u202f");
            // Charts are drawn through OpenPDF's Graphics2D as vector templates, not as images.
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/Subtype/Form")
                    .doesNotContain("/Subtype/Image");
        } finally {
            reader.close();
        }
    }

    @Test
    @DisplayName("the English PDF is in English")
    void english() throws IOException {
        PdfReader reader = new PdfReader(pdf(SampleReports.full(Locale.ENGLISH, 7)));
        try {
            assertThat(text(reader)).contains("Community management report", "Key figures", "12,345.6", "+3.4%",
                    "at least 120,000", "On track", "Top posts", "Hidden");
        } finally {
            reader.close();
        }
    }

    @Test
    @DisplayName("a brand with no objectives over a period with no data: every section says so")
    void empty() throws IOException {
        PdfReader reader = new PdfReader(pdf(SampleReports.empty(Locale.FRANCE)));
        try {
            String text = text(reader);
            assertThat(text).contains("Aucun objectif défini.");
            assertThat(text.split("Aucune donnée sur cette période\\.", -1)).hasSize(9);
        } finally {
            reader.close();
        }
    }
}
