package io.cmkit.listening.sentiment;

/** The three classes of sentiment, with the codes used in label files (0, 1, 2). */
public enum SentimentLabel {
    /** Code 0. */
    NEGATIVE,
    /** Code 1. */
    NEUTRAL,
    /** Code 2. */
    POSITIVE;

    /** The label-file code: 0 negative, 1 neutral, 2 positive. */
    public int code() {
        return ordinal();
    }

    /**
     * The label with this code.
     *
     * @throws IllegalArgumentException naming the code when it is not 0, 1 or 2
     */
    public static SentimentLabel ofCode(int code) {
        if (code < 0 || code > 2) {
            throw new IllegalArgumentException("sentiment label code must be 0 (negative), 1 (neutral) or 2 (positive), got " + code);
        }
        return values()[code];
    }
}
