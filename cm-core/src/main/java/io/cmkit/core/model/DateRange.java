package io.cmkit.core.model;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of calendar days, both ends inclusive, read in the brand's time zone.
 *
 * @param start first day
 * @param end last day, not before {@code start}
 */
public record DateRange(LocalDate start, LocalDate end) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);

    public DateRange {
        Checks.present("DateRange", "start", start);
        Checks.present("DateRange", "end", end);
        if (end.isBefore(start)) {
            throw new InvalidModelException("DateRange", "end", "must not be before start " + start + " (got " + end + ")");
        }
    }

    /**
     * Reads a period written the way planners write them: {@code 2026} (a year), {@code 2026-Q1}
     * (a quarter), {@code 2026-03} (a month) or {@code 2026-03-01..2026-03-31}.
     */
    public static DateRange parse(String text) {
        Checks.notBlank("DateRange", "text", text);
        String t = text.strip();
        try {
            if (t.contains("..")) {
                String[] parts = t.split("\\.\\.", -1);
                if (parts.length == 2) {
                    return new DateRange(LocalDate.parse(parts[0].strip()), LocalDate.parse(parts[1].strip()));
                }
            } else if (t.matches("\\d{4}")) {
                Year year = Year.parse(t);
                return new DateRange(year.atDay(1), year.atMonth(12).atEndOfMonth());
            } else if (t.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(t);
                return new DateRange(month.atDay(1), month.atEndOfMonth());
            } else {
                Matcher q = QUARTER.matcher(t);
                if (q.matches()) {
                    int year = Integer.parseInt(q.group(1));
                    int firstMonth = (Integer.parseInt(q.group(2)) - 1) * 3 + 1;
                    return new DateRange(LocalDate.of(year, firstMonth, 1),
                            YearMonth.of(year, firstMonth + 2).atEndOfMonth());
                }
            }
        } catch (DateTimeParseException e) {
            throw new InvalidModelException("DateRange", "text", "is not a valid date in '" + text + "': " + e.getMessage());
        }
        throw new InvalidModelException("DateRange", "text",
                "must be a year (2026), a quarter (2026-Q1), a month (2026-03) or 'YYYY-MM-DD..YYYY-MM-DD', got '" + text + "'");
    }

    /** Number of days in the range, ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Whether the day falls inside the range. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
