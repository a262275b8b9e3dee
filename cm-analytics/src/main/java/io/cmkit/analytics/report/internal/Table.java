package io.cmkit.analytics.report.internal;

import io.cmkit.analytics.report.ReportTable;

import java.util.List;

/**
 * One table of the report, with each cell both as the reader sees it and as a machine reads it.
 *
 * @param id which table
 * @param columns its columns
 * @param rows its rows, each as long as {@code columns}
 * @param inDocument whether the HTML and PDF show it (long tables such as daily series are charts
 *                   there, and CSV only)
 */
public record Table(ReportTable id, List<Column> columns, List<List<Cell>> rows, boolean inDocument) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalStateException(id + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /**
     * A column.
     *
     * @param label its header in the report's language
     * @param key its stable CSV header, in snake case
     * @param numeric whether its cells are numbers (aligned right)
     * @param inDocument whether the HTML and PDF show it; identifiers and raw codes are CSV only
     */
    public record Column(String label, String key, boolean numeric, boolean inDocument) {
    }

    /**
     * A cell.
     *
     * @param text as the reader sees it ("12 345,6", "26 nov. 2026")
     * @param machine as a program reads it ("12345.6", "2026-11-26"); empty when not available
     */
    public record Cell(String text, String machine) {
    }
}
