package io.cmkit.core.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When questions count for an event: from {@code beforeStart} before its start to
 * {@code afterEnd} after its expected end, both bounds included.
 *
 * @param beforeStart how early questions count, not negative
 * @param afterEnd how late questions count, not negative
 */
public record QuestionWindow(Duration beforeStart, Duration afterEnd) {

    /** Thirty minutes before the start to one hour after the expected end. */
    public static final QuestionWindow DEFAULT = new QuestionWindow(Duration.ofMinutes(30), Duration.ofHours(1));

    public QuestionWindow {
        Objects.requireNonNull(beforeStart, "beforeStart");
        Objects.requireNonNull(afterEnd, "afterEnd");
        if (beforeStart.isNegative() || afterEnd.isNegative()) {
            throw new IllegalArgumentException("QuestionWindow margins must not be negative, got "
                    + beforeStart + " before and " + afterEnd + " after");
        }
    }

    /** The first instant that counts for the event. */
    public Instant opens(LiveEvent event) {
        return event.start().minus(beforeStart);
    }

    /** The last instant that counts for the event. */
    public Instant closes(LiveEvent event) {
        return event.expectedEnd().plus(afterEnd);
    }

    /** Whether an instant is within the window of the event. */
    public boolean contains(LiveEvent event, Instant instant) {
        return !instant.isBefore(opens(event)) && !instant.isAfter(closes(event));
    }
}
