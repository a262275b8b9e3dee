package io.cmkit.core.text;

/**
 * A range {@code [start, end)} of UTF-16 indices in a text.
 *
 * @param start the first index, inclusive
 * @param end the index after the last, exclusive; never before {@code start}
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** How many UTF-16 units the span covers. */
    public int length() {
        return end - start;
    }

    /** The covered part of {@code text}. */
    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
