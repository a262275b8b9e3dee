package io.cmkit.moderation.tools.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV reader: comma separated, fields optionally quoted with {@code "}, a doubled
 * {@code ""} inside quotes is one quote, quoted fields may span lines, CRLF or LF line ends, a
 * leading byte order mark is dropped. The first row is the header.
 */
public final class Csv {

    private final List<String> header;
    private final List<List<String>> rows;

    private Csv(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static Csv read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    public static Csv read(Reader reader, String source) throws IOException {
        List<List<String>> all = parse(reader, source);
        if (all.isEmpty()) {
            throw new IOException(source + ": empty CSV file, no header");
        }
        return new Csv(all.get(0), all.subList(1, all.size()));
    }

    static List<List<String>> parse(Reader in, String source) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[8192];
        for (int r; (r = in.read(buf)) != -1; ) {
            all.append(buf, 0, r);
        }
        return parse(all, source);
    }

    static List<List<String>> parse(CharSequence s, String source) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        boolean any = false; // something on the current row
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"' && field.length() == 0) {
                int startLine = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IOException(source + ":" + startLine + ": a quoted field is not closed at the end of the file");
                    }
                    char q = s.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                any = true;
                if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    throw new IOException(source + ":" + line + ": character '" + s.charAt(i) + "' after a closing quote");
                }
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                line++;
                if (any || field.length() > 0) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
                i++;
            }
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** The index of a column, with a clear error listing the columns when it is missing. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column \"" + name + "\"; the columns are " + header);
        }
        return i;
    }

    /** A cell, or "" when the row is short. */
    public static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }
}
