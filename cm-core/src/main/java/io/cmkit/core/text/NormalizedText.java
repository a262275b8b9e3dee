package io.cmkit.core.text;

import java.util.Objects;
import java.util.Optional;

/**
 * A text after {@link TextNormalizer normalisation}, with the way back: every character of the
 * normalised text knows the {@code [start, end)} of the original text it came from (UTF-16
 * indices, never splitting a surrogate pair or a letter from its combining marks).
 *
 * <p>Some characters carry a second reading that matching also tries: a leet {@code 1} is
 * {@code i} but {@linkplain #alternativeAt(int) also} {@code l}; the second copy of a repeated
 * letter and an {@code @} or {@code $} at a word's edge are {@linkplain #isOptional(int)
 * optional}. {@link #text()} shows the first reading.
 */
public final class NormalizedText {

    private final String original;
    private final NormalizationOptions options;
    final char[] chars;
    final int[] starts;
    final int[] ends;
    final char[] alt;
    private String text;

    NormalizedText(String original, NormalizationOptions options, char[] chars, int[] starts, int[] ends, char[] alt) {
        this.original = original;
        this.options = options;
        this.chars = chars;
        this.starts = starts;
        this.ends = ends;
        this.alt = alt;
    }

    /** The text as given. */
    public String original() {
        return original;
    }

    /** The options it was normalised with. */
    public NormalizationOptions options() {
        return options;
    }

    /** The normalised text, first reading. */
    public String text() {
        String t = text;
        if (t == null) {
            text = t = new String(chars);
        }
        return t;
    }

    /** Length of the normalised text. */
    public int length() {
        return chars.length;
    }

    /**
     * The part of the original text that normalised characters {@code [start, end)} came from:
     * what a person would highlight. An empty range maps to an empty span where it sits.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= start <= end <= length()}
     */
    public Span toOriginal(int start, int end) {
        Objects.checkFromToIndex(start, end, chars.length);
        if (start == end) {
            int at = start < chars.length ? starts[start] : chars.length == 0 ? 0 : ends[chars.length - 1];
            return new Span(at, at);
        }
        return new Span(starts[start], ends[end - 1]);
    }

    /** Whether the character at {@code index} may also be read as absent. */
    public boolean isOptional(int index) {
        Objects.checkIndex(index, chars.length);
        return alt != null && alt[index] == '\uFFFF';
    }

    /** The other letter the character at {@code index} may be read as, if any. */
    public Optional<Character> alternativeAt(int index) {
        Objects.checkIndex(index, chars.length);
        if (alt == null || alt[index] == 0 || alt[index] == '\uFFFF') {
            return Optional.empty();
        }
        return Optional.of(alt[index]);
    }

    @Override
    public String toString() {
        return text();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedText other
                && original.equals(other.original)
                && options.equals(other.options);
    }

    @Override
    public int hashCode() {
        return original.hashCode() * 31 + options.hashCode();
    }
}
