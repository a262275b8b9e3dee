package io.cmkit.core.calendar;

import io.cmkit.core.model.Platform;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One dated occurrence of a {@link WeeklySlot}: the moment a post goes out on a platform.
 *
 * <p>{@code plannedTime} is the local time the plan asked for; {@code start} is where it really
 * falls once the brand's time zone rules are applied. They differ only when the planned time does
 * not exist that day (the spring DST gap): the slot is then moved forward by the length of the
 * gap, as {@link ZonedDateTime#of} does, and {@link #shifted()} is true. See
 * {@link SlotPlan} for the rules.
 *
 * @param platform the platform the slot is for
 * @param date the local date the slot was planned for
 * @param plannedTime the local time the plan asked for
 * @param start the resolved moment, in the brand's time zone
 */
public record Slot(Platform platform, LocalDate date, LocalTime plannedTime, ZonedDateTime start)
        implements Comparable<Slot> {

    public Slot {
        Objects.requireNonNull(platform, "Slot.platform");
        Objects.requireNonNull(date, "Slot.date");
        Objects.requireNonNull(plannedTime, "Slot.plannedTime");
        Objects.requireNonNull(start, "Slot.start");
    }

    /** The slot's instant on the time line. */
    public Instant instant() {
        return start.toInstant();
    }

    /** Whether the planned local time did not exist that day and the slot was moved forward. */
    public boolean shifted() {
        return !start.toLocalDate().equals(date) || !start.toLocalTime().equals(plannedTime);
    }

    /** By instant, then platform. */
    @Override
    public int compareTo(Slot other) {
        int byInstant = instant().compareTo(other.instant());
        return byInstant != 0 ? byInstant : platform.compareTo(other.platform);
    }

    @Override
    public String toString() {
        return platform + " " + start;
    }
}
