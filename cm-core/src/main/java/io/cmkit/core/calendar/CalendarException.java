package io.cmkit.core.calendar;

/**
 * A calendar operation was given input it cannot act on: a time in the past, a post without a
 * variant for the platform, a platform the brand has no account on, an end before a start, an
 * entry that does not exist. The message says what was wrong and where; the calendar is left
 * exactly as it was before the call.
 */
public final class CalendarException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and where, as a sentence */
    public CalendarException(String message) {
        super(message);
    }
}
