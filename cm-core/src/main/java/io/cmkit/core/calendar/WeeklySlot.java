package io.cmkit.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Objects;

/**
 * One recurring slot of a week: a weekday and a local time of day, read in the brand's time zone.
 *
 * @param day the weekday
 * @param time the local time of day, to the minute or finer
 */
public record WeeklySlot(DayOfWeek day, LocalTime time) implements Comparable<WeeklySlot> {

    private static final Comparator<WeeklySlot> ORDER =
            Comparator.comparing(WeeklySlot::day).thenComparing(WeeklySlot::time);

    public WeeklySlot {
        Objects.requireNonNull(day, "WeeklySlot.day");
        Objects.requireNonNull(time, "WeeklySlot.time");
    }

    /** Monday first, then by time of day. */
    @Override
    public int compareTo(WeeklySlot other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return day + " " + time;
    }
}
