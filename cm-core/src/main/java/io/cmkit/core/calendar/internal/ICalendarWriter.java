package io.cmkit.core.calendar.internal;

import io.cmkit.core.calendar.CalendarEntry;
import io.cmkit.core.model.Brand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes entries as an RFC 5545 iCalendar stream: UTC times ({@code Z}), CRLF line ends, TEXT
 * values escaped and content lines folded at 75 octets without splitting a UTF-8 sequence.
 */
public final class ICalendarWriter {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int FOLD = 75;
    private static final int SUMMARY_LENGTH = 60;

    private ICalendarWriter() {
    }

    public static String write(Brand brand, List<CalendarEntry> entries, Instant stamp) {
        StringBuilder out = new StringBuilder();
        String dtstamp = UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS));
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//cmkit//Editorial calendar//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(brand.name() + " editorial calendar"));
        line(out, "X-WR-TIMEZONE:" + brand.timeZone().getId());
        for (CalendarEntry entry : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + escape(entry.id() + "@" + brand.id() + ".cmkit"));
            line(out, "DTSTAMP:" + dtstamp);
            line(out, "DTSTART:" + UTC.format(entry.instant()));
            line(out, "SUMMARY:" + escape(entry.platform().displayName() + ": " + summary(entry.variant().text())));
            line(out, "DESCRIPTION:" + escape(description(entry)));
            entry.post().pillar().ifPresent(p -> line(out, "CATEGORIES:" + escape(p)));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String summary(String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return "(media only)";
        }
        if (first.codePointCount(0, first.length()) <= SUMMARY_LENGTH) {
            return first;
        }
        return first.substring(0, first.offsetByCodePoints(0, SUMMARY_LENGTH - 1)).stripTrailing() + "…";
    }

    private static String description(CalendarEntry entry) {
        StringBuilder sb = new StringBuilder(entry.variant().text());
        sb.append("\n\nPost: ").append(entry.post().id());
        sb.append("\nAccount: ").append(entry.account());
        sb.append("\nLocal time: ").append(entry.start().toLocalDateTime()).append(' ').append(entry.start().getZone());
        entry.post().pillar().ifPresent(p -> sb.append("\nPillar: ").append(p));
        entry.post().campaign().ifPresent(c -> sb.append("\nCampaign: ").append(c));
        if (!entry.variant().media().isEmpty()) {
            sb.append("\nMedia: ").append(entry.variant().media().size());
        }
        return sb.toString();
    }

    /** RFC 5545 §3.3.11: backslash, semicolon and comma escaped; a line break becomes {@code \n}. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    sb.append("\\n");
                }
                default -> {
                    if (c < 0x20 && c != '\t' || c == 0x7f) {
                        continue; // CONTROL characters are not allowed in TEXT
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets, then CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > FOLD) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
