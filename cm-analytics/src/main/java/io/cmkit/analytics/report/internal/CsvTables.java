package io.cmkit.analytics.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one table as RFC 4180 CSV: UTF-8 without a byte order mark, CRLF line ends, a header
 * row of stable snake_case keys, fields quoted when they hold a comma, a quote or a line break.
 * Numbers are machine-readable (dot decimal, no grouping, fractions for rates), dates ISO-8601,
 * and "not available" an empty field.
 */
public final class CsvTables {

    private CsvTables() {
    }

    public static void write(Table table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(line(table.columns().stream().map(Table.Column::key).toList()));
        for (List<Table.Cell> row : table.rows()) {
            List<String> fields = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i).machine();
                fields.add(table.columns().get(i).numeric() ? value : defuse(value));
            }
            writer.write(line(fields));
        }
        writer.flush();
    }

    private static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * A text field that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
     * carriage return) gets a leading apostrophe, as OWASP advises: post excerpts are the public's words.
     */
    static String defuse(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
