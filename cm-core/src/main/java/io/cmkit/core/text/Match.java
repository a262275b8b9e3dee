package io.cmkit.core.text;

import java.util.Objects;

/**
 * One occurrence of a pattern.
 *
 * @param payload what the pattern was registered with (a category, a rule or query id...)
 * @param pattern the pattern as it was added
 * @param start start in the original text, inclusive (UTF-16 index)
 * @param end end in the original text, exclusive
 * @param text the original text between {@code start} and {@code end}: what to highlight
 * @param <P> the payload type
 */
public record Match<P>(P payload, String pattern, int start, int end, String text) {

    public Match {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The span in the original text. */
    public Span span() {
        return new Span(start, end);
    }
}
