package io.cmkit.core.live;

import io.cmkit.core.live.internal.OffsetText;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a cue goes out, relative to the event's start: {@code T-1h} an hour before, {@code T+0} at
 * the start, {@code T+1h30m} ninety minutes after.
 *
 * <p>An offset is an exact {@link Duration} added to the start {@link Instant}, never a wall-clock
 * shift: {@code T+2h} is always two real hours after the start, even when a daylight-saving
 * change falls between them (the wall clock then reads one hour more or less than the offset).
 *
 * <p>The text form is {@code T}, a sign, then either {@code 0} or amounts with units from the
 * largest to the smallest, each at most once: {@code d} days (24 hours), {@code h} hours,
 * {@code m} minutes, {@code s} seconds. {@code "T+1h30m"}, {@code "T-45m"}, {@code "T+0"},
 * {@code "T+1d"}. Spaces around the text are ignored; inside it they are an error.
 *
 * @param duration how long after (positive) or before (negative) the start; whole seconds
 */
public record CueOffset(Duration duration) implements Comparable<CueOffset> {

    /** The start itself, {@code T+0}. */
    public static final CueOffset START = new CueOffset(Duration.ZERO);

    public CueOffset {
        Objects.requireNonNull(duration, "duration");
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException("CueOffset.duration must be whole seconds, got " + duration);
        }
    }

    /** The offset of a duration: {@code of(Duration.ofMinutes(-60))} is {@code T-1h}. */
    public static CueOffset of(Duration duration) {
        return new CueOffset(duration);
    }

    /**
     * Reads the text form.
     *
     * @throws CueOffsetFormatException naming the column (1-based) where the text stops making sense
     */
    public static CueOffset parse(String text) {
        return new CueOffset(OffsetText.parse(text));
    }

    /** The instant this offset designates for an event starting at {@code start}. */
    public Instant from(Instant start) {
        return start.plus(duration);
    }

    /** Whether it falls before the start. */
    public boolean isBeforeStart() {
        return duration.isNegative();
    }

    @Override
    public int compareTo(CueOffset other) {
        return duration.compareTo(other.duration);
    }

    /** The text form, which {@link #parse(String)} reads back: {@code T+1h30m}, {@code T-1h}, {@code T+0}. */
    @Override
    public String toString() {
        return OffsetText.format(duration);
    }
}
