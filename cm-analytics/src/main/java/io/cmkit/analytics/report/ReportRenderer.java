package io.cmkit.analytics.report;

import io.cmkit.analytics.report.internal.CsvTables;
import io.cmkit.analytics.report.internal.HtmlDashboard;
import io.cmkit.analytics.report.internal.PdfReport;
import io.cmkit.analytics.report.internal.ReportContent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Renders a {@link ClientReport} as a self-contained HTML dashboard, a PDF, or CSV tables, in the
 * report's language. The three say the same thing: they read the same sections.
 *
 * <p>A renderer holds only its compiled template: build one and share it between threads.
 * Writing to a {@link Path} goes through a temporary file in the same folder, so a failure
 * leaves no half-written file behind; writing to a stream leaves the stream open.
 */
public final class ReportRenderer {

    private final HtmlDashboard html = new HtmlDashboard();
    private final PdfReport pdf = new PdfReport();

    /**
     * The dashboard as one HTML file that opens with no network: CSS inline, charts as inline
     * SVG, no script, no external reference. UTF-8.
     */
    public void html(ClientReport report, OutputStream out) throws IOException {
        html.write(content(report), Objects.requireNonNull(out, "out"));
    }

    /** {@link #html(ClientReport, OutputStream)} into a file, replaced only once complete. */
    public void html(ClientReport report, Path file) throws IOException {
        ReportContent content = content(report);
        atomically(file, out -> html.write(content, out));
    }

    /** The same content as an A4 PDF, charts drawn as vectors. */
    public void pdf(ClientReport report, OutputStream out) throws IOException {
        pdf.write(content(report), Objects.requireNonNull(out, "out"));
    }

    /** {@link #pdf(ClientReport, OutputStream)} into a file, replaced only once complete. */
    public void pdf(ClientReport report, Path file) throws IOException {
        ReportContent content = content(report);
        atomically(file, out -> pdf.write(content, out));
    }

    /**
     * One table as RFC 4180 CSV: UTF-8 without a byte order mark, CRLF line ends, stable
     * snake_case headers, machine-readable values (dot decimal, no grouping, rates as fractions,
     * ISO-8601 dates, "not available" as an empty field). An empty section is a header row alone.
     */
    public void csv(ClientReport report, ReportTable table, OutputStream out) throws IOException {
        Objects.requireNonNull(table, "table");
        CsvTables.write(content(report).table(table), Objects.requireNonNull(out, "out"));
    }

    /**
     * Every table as its own CSV file ({@link ReportTable#fileName()}) in {@code directory},
     * created if needed.
     *
     * @return the files written, in {@link ReportTable} order
     */
    public List<Path> csv(ClientReport report, Path directory) throws IOException {
        ReportContent content = content(report);
        Files.createDirectories(Objects.requireNonNull(directory, "directory"));
        List<Path> files = new ArrayList<>();
        for (ReportTable table : ReportTable.values()) {
            Path file = directory.resolve(table.fileName());
            atomically(file, out -> CsvTables.write(content.table(table), out));
            files.add(file);
        }
        return files;
    }

    private static ReportContent content(ClientReport report) {
        return ReportContent.of(Objects.requireNonNull(report, "report"));
    }

    private interface Output {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void atomically(Path file, Output output) throws IOException {
        Path target = Objects.requireNonNull(file, "file").toAbsolutePath();
        // Not Files.createTempFile: its owner-only permissions would follow the file into place.
        Path temp = target.resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                output.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
