package io.cmkit.listening.query.internal;

import java.util.Arrays;

/**
 * Splits normalised text into the tokens queries match: words (runs of letters, digits and
 * combining marks, as cm-core's matcher judges word boundaries), hashtags ({@code #} not inside a
 * word, then word characters and {@code _}) and mentions ({@code @} not inside a word, then word
 * characters, {@code _}, and {@code . - @} between them). Everything else separates tokens.
 * Reusable, not thread-safe: one per thread.
 */
public final class TokenSplitter {

    public static final byte WORD = 0;
    public static final byte HASHTAG = 1;
    public static final byte MENTION = 2;

    private int count;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private byte[] types = new byte[32];

    /** How many tokens the last {@link #split} found. */
    public int count() {
        return count;
    }

    /** Start (inclusive) of token {@code i} in the normalised text. */
    public int start(int i) {
        return starts[i];
    }

    /** End (exclusive) of token {@code i} in the normalised text. */
    public int end(int i) {
        return ends[i];
    }

    /** {@link #WORD}, {@link #HASHTAG} or {@link #MENTION}. */
    public byte type(int i) {
        return types[i];
    }

    /** Splits {@code text}; the tokens replace those of the previous call. */
    public void split(CharSequence text) {
        count = 0;
        int n = text.length();
        int i = 0;
        boolean prevWord = false;
        while (i < n) {
            char c = text.charAt(i);
            if (isWordAt(text, i)) {
                int s = i;
                i = skipWord(text, i, false);
                add(s, i, WORD);
                prevWord = true;
                continue;
            }
            if ((c == '#' || c == '@') && !prevWord && i + 1 < n
                    && (isWordAt(text, i + 1) || (c == '@' && text.charAt(i + 1) == '_'))) {
                int s = i;
                i = c == '#' ? skipWord(text, i + 1, true) : skipHandle(text, i + 1);
                add(s, i, c == '#' ? HASHTAG : MENTION);
                prevWord = true;
                continue;
            }
            prevWord = false;
            i += Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
        }
    }

    private static int skipWord(CharSequence t, int i, boolean underscores) {
        int n = t.length();
        while (i < n) {
            if (isWordAt(t, i)) {
                i += Character.charCount(Character.codePointAt(t, i));
            } else if (underscores && t.charAt(i) == '_') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipHandle(CharSequence t, int i) {
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (c == '_') {
                i++;
            } else if (isWordAt(t, i)) {
                i += Character.charCount(Character.codePointAt(t, i));
            } else if ((c == '.' || c == '-' || c == '@') && i + 1 < n && isWordAt(t, i + 1)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** A letter, digit or combining mark at {@code i} (the whole code point). */
    public static boolean isWordAt(CharSequence t, int i) {
        char c = t.charAt(i);
        if (c < 0x80) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9';
        }
        int cp = Character.codePointAt(t, i);
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(t.charAt(i - 1))) {
            cp = Character.codePointAt(t, i - 1);
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private void add(int s, int e, byte type) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            types = Arrays.copyOf(types, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        types[count] = type;
        count++;
    }
}
