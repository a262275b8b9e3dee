package io.cmkit.core.calendar.internal;

import io.cmkit.core.calendar.CalendarEntry;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes entries as RFC 4180 CSV: a header row, CRLF between records, fields quoted when needed. */
public final class CsvWriter {

    public static final List<String> HEADER = List.of("date", "local_time", "time_zone", "utc", "platform",
            "account", "post_id", "pillar", "campaign", "placement", "text");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CsvWriter() {
    }

    public static String write(List<CalendarEntry> entries) {
        StringBuilder out = new StringBuilder();
        record(out, HEADER);
        for (CalendarEntry e : entries) {
            record(out, List.of(
                    e.start().toLocalDate().toString(),
                    LOCAL_TIME.format(e.start()),
                    e.start().getZone().getId(),
                    DateTimeFormatter.ISO_INSTANT.format(e.instant()),
                    e.platform().id(),
                    e.account().handle(),
                    e.post().id(),
                    e.post().pillar().orElse(""),
                    e.post().campaign().orElse(""),
                    e.placement().name().toLowerCase(java.util.Locale.ROOT),
                    e.variant().text()));
        }
        return out.toString();
    }

    private static void record(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** Quoted when it holds a comma, a double quote, CR or LF; inner quotes doubled. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
