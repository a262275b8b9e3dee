package io.cmkit.core.text.internal;

import java.util.Arrays;

/**
 * A normalised text being built: its characters, for each the original {@code [start, end)} it
 * came from, and for each an alternative reading ({@code 0} for none, {@link #SKIP} when the
 * character may also be read as absent).
 */
public final class Buffer {

    /** In {@link #alt}: the character may also be skipped (a repeated letter, an edge {@code @}). */
    public static final char SKIP = '\uFFFF';

    public char[] chars;
    public int[] starts;
    public int[] ends;
    public char[] alt;
    public int length;
    public boolean hasAlt;

    Buffer(int capacity) {
        chars = new char[capacity];
        starts = new int[capacity];
        ends = new int[capacity];
        alt = new char[capacity];
    }

    void clear() {
        length = 0;
        hasAlt = false;
    }

    void ensure(int extra) {
        int need = length + extra;
        if (need > chars.length) {
            int cap = Math.max(need, chars.length * 2);
            chars = Arrays.copyOf(chars, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            alt = Arrays.copyOf(alt, cap);
        }
    }

    void add(char c, int start, int end) {
        if (length == chars.length) {
            ensure(1);
        }
        int n = length++;
        chars[n] = c;
        starts[n] = start;
        ends[n] = end;
        alt[n] = 0;
    }

    void add(char c, int start, int end, char alternative) {
        add(c, start, end);
        if (alternative != 0) {
            alt[length - 1] = alternative;
            hasAlt = true;
        }
    }

    /** Copies the character at {@code i} of {@code from}, with its span and alternative. */
    void copy(Buffer from, int i) {
        add(from.chars[i], from.starts[i], from.ends[i], from.alt[i]);
    }
}
