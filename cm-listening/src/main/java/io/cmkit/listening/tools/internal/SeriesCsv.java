package io.cmkit.listening.tools.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A time series CSV: {@code timestamp,value} per line, an optional header line {@code timestamp,value},
 * blank lines and {@code #} comments skipped. A timestamp is an ISO-8601 instant or date-time with
 * offset ({@code 2026-01-05T10:00:00Z}, {@code 2026-01-05T11:00:00+01:00}), a local date-time read in
 * the given zone ({@code 2026-01-05T10:00}, {@code 2026-01-05 10:00:00}), or whole seconds since the
 * epoch. A value is a whole number, not negative.
 */
public final class SeriesCsv {

    /** One row. */
    public record Row(Instant at, long value) { }

    private SeriesCsv() {
    }

    /**
     * @throws IllegalArgumentException naming the file, line, column and field of the first bad cell
     */
    public static List<Row> read(Path file, ZoneId zone) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (rows.isEmpty() && line.replace(" ", "").equalsIgnoreCase("timestamp,value")) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": expected two fields 'timestamp,value', got '"
                        + line + "'");
            }
            String timestamp = line.substring(0, comma).strip();
            String value = line.substring(comma + 1).strip();
            rows.add(new Row(instant(timestamp, zone, file, lineNumber), count(value, file, lineNumber, comma + 2)));
        }
        return rows;
    }

    private static Instant instant(String text, ZoneId zone, Path file, int line) {
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return iso.endsWith("Z") ? Instant.parse(iso) : OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + " column 1 (timestamp): '" + text
                    + "' is not an ISO-8601 date-time nor epoch seconds");
        }
    }

    private static long count(String text, Path file, int line, int column) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(file + " line " + line + " column " + column + " (value): '" + text
                + "' is not a whole number of at least 0");
    }
}
