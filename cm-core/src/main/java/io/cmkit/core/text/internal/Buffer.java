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
    /** Whether {@link #alt} holds anything; until then its content is stale and ignored. */
    public boolean hasAlt;

    // Scratch state of the per-code-point pass, kept here across calls.
    int scanFlags;
    int scanRun;
    int scanSingles;
    int scanLastSingle;
    char scanLast;
    /** Where the per-code-point pass wrote its first leet character ({@code MAX_VALUE} if none). */
    int firstLeet;
    /** Where the first pair of one-character words within reach of each other starts. */
    int firstChain;

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
    }

    /** Sets an alternative reading at {@code i}, clearing the stale ones first if it is the first. */
    void setAlt(int i, char alternative) {
        if (!hasAlt) {
            java.util.Arrays.fill(alt, 0, length, (char) 0);
            hasAlt = true;
        }
        alt[i] = alternative;
    }
}
