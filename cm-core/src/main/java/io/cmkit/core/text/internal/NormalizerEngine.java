package io.cmkit.core.text.internal;

import java.text.Normalizer;

/**
 * The normalisation pipeline. Per code point: NFKC, confusables, diacritics, case folding and
 * whitespace collapsing (one table look-up per character for the Basic Multilingual Plane). Then
 * over words: joining spaced letters, leetspeak, repeated letters. Every output character keeps
 * the original span it came from.
 *
 * <p>Immutable and thread-safe; the buffers live in a per-thread {@link Workspace}.
 */
public final class NormalizerEngine {

    private final CharFolding folding;
    private final char[] ascii = new char[128];
    private final boolean leet;
    private final boolean repeats;
    private final boolean join;

    public NormalizerEngine(boolean nfkc, boolean caseFold, boolean strip, boolean confusables,
            boolean leet, boolean repeats, boolean join) {
        this.folding = CharFolding.of(nfkc, caseFold, strip, confusables);
        for (int c = 0; c < 128; c++) {
            ascii[c] = folding.single[c];
        }
        this.leet = leet;
        this.repeats = repeats;
        this.join = join;
    }

    /** Per-thread buffers, reused from one text to the next. */
    public static final class Workspace {
        final Buffer a = new Buffer(256);
        final Buffer b = new Buffer(256);
        /** Raw matches, for the matcher: pattern, start, end, in threes. */
        public int[] raw = new int[96];
        public int rawCount;
        public int[] states = new int[16];
        public int[] states2 = new int[16];
        public boolean[] consumed = new boolean[16];
        public boolean[] consumed2 = new boolean[16];
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** This thread's workspace. */
    public static Workspace workspace() {
        return WORKSPACE.get();
    }

    /**
     * Normalises {@code text} into one of the workspace's buffers and returns it. The buffer is
     * valid until the next call on this thread with the same workspace.
     */
    public Buffer normalize(CharSequence text, Workspace ws) {
        Buffer cur = ws.a;
        Buffer other = ws.b;
        cur.clear();
        boolean sawLeet = perCodePoint(text, cur);
        if (join) {
            other.clear();
            joinSpacedLetters(cur, other);
            Buffer t = cur; cur = other; other = t;
        }
        if (leet && sawLeet) {
            other.clear();
            leetspeak(cur, other);
            Buffer t = cur; cur = other; other = t;
        }
        if (repeats) {
            other.clear();
            collapseRepeats(cur, other);
            Buffer t = cur; cur = other; other = t;
        }
        return cur;
    }

    // ---------------------------------------------------------------- per code point

    /** Returns whether a character leetspeak could read as a letter was seen. */
    private boolean perCodePoint(CharSequence in, Buffer out) {
        int len = in.length();
        out.ensure(len);
        boolean sawLeet = false;
        boolean strip = folding.strip;
        boolean composeMarks = folding.nfkc && !strip;
        int i = 0;
        while (i < len) {
            char ch = in.charAt(i);
            if (ch < 0x80 && !(composeMarks && i + 1 < len && in.charAt(i + 1) >= 0x300
                    && CharFolding.isMark(Character.codePointAt(in, i + 1)))) {
                if (ch == ' ' || (ch >= 9 && ch <= 13)) {
                    space(out, i, i + 1);
                } else {
                    if (isLeetSymbol(ch)) {
                        sawLeet = true;
                    }
                    out.add(ascii[ch], i, i + 1);
                }
                i++;
                continue;
            }
            int cp = ch;
            int next = i + 1;
            if (Character.isHighSurrogate(ch) && next < len && Character.isLowSurrogate(in.charAt(next))) {
                cp = Character.toCodePoint(ch, in.charAt(next));
                next++;
            }
            if (Character.isSpaceChar(cp) || Character.isWhitespace(cp)) {
                space(out, i, next);
                i = next;
                continue;
            }
            if (strip && CharFolding.isMark(cp)) {
                // A combining mark removed: the letter it sat on now covers it.
                if (out.length > 0 && out.ends[out.length - 1] == i) {
                    out.ends[out.length - 1] = next;
                }
                i = next;
                continue;
            }
            if (composeMarks && next < len && CharFolding.isMark(Character.codePointAt(in, next))) {
                int end = next;
                while (end < len) {
                    int m = Character.codePointAt(in, end);
                    if (!CharFolding.isMark(m)) {
                        break;
                    }
                    end += Character.charCount(m);
                }
                String composed = Normalizer.normalize(in.subSequence(i, end), Normalizer.Form.NFKC);
                for (int k = 0; k < composed.length(); ) {
                    int c2 = composed.codePointAt(k);
                    emit(c2, i, end, out);
                    k += Character.charCount(c2);
                }
                i = end;
                continue;
            }
            emit(cp, i, next, out);
            if (out.length > 0 && isLeetSymbol(out.chars[out.length - 1])) {
                sawLeet = true; // a fullwidth or styled digit
            }
            i = next;
        }
        return sawLeet;
    }

    private void emit(int cp, int start, int end, Buffer out) {
        if (cp < 0x10000) {
            char m = folding.single[cp];
            if (m != CharFolding.MULTI) {
                out.add(m, start, end);
                return;
            }
            String s = folding.multi.get((char) cp);
            for (int k = 0; k < s.length(); k++) {
                out.add(s.charAt(k), start, end);
            }
        } else {
            String s = folding.supplementary(cp);
            for (int k = 0; k < s.length(); k++) {
                out.add(s.charAt(k), start, end);
            }
        }
    }

    private static void space(Buffer out, int start, int end) {
        int n = out.length;
        if (n > 0 && out.chars[n - 1] == ' ' && out.ends[n - 1] == start) {
            out.ends[n - 1] = end;
        } else {
            out.add(' ', start, end);
        }
    }

    // ---------------------------------------------------------------- spaced letters

    static boolean isSeparator(char c) {
        switch (c) {
            case ' ': case '.': case '-': case '_': case '*': case '/': case '\\': case '+':
            case '~': case ',': case ':': case '=': case '\u00B7': case '\u2022': case '\u2010':
            case '\u2011': case '\u2012': case '\u2013': case '\u2014':
                return true;
            default:
                return false;
        }
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '`' || c == '\u00B4';
    }

    private boolean isItem(char c) {
        return Character.isLetterOrDigit(c) || (leet && (c == '@' || c == '$'));
    }

    /** A one-character word at {@code i}: not glued to a word character or an apostrophe on either side. */
    private boolean isSingle(Buffer a, int i) {
        int n = a.length;
        if (!isItem(a.chars[i])) {
            return false;
        }
        if (i > 0 && (isItem(a.chars[i - 1]) || isApostrophe(a.chars[i - 1]))) {
            return false;
        }
        return i + 1 >= n || !(isItem(a.chars[i + 1]) || isApostrophe(a.chars[i + 1]));
    }

    /**
     * Joins three or more one-character words separated each time by the same separator (one to
     * three separator characters, identical between every pair), when at least two of them are
     * letters. Anything else is copied unchanged.
     */
    private void joinSpacedLetters(Buffer a, Buffer out) {
        int n = a.length;
        out.ensure(n);
        char[] c = a.chars;
        int i = 0;
        while (i < n) {
            if (isSingle(a, i)) {
                int sepStart = i + 1;
                int k = sepStart;
                while (k < n && k - sepStart < 3 && isSeparator(c[k])) {
                    k++;
                }
                int sepLen = k - sepStart;
                if (sepLen > 0 && k < n && isSingle(a, k) && !startsOtherRun(a, k, c, sepStart, sepLen)) {
                    int count = 2;
                    int letters = (Character.isLetter(c[i]) ? 1 : 0) + (Character.isLetter(c[k]) ? 1 : 0);
                    int last = k;
                    while (true) {
                        int s = last + 1;
                        int nx = s + sepLen;
                        if (nx >= n || !sameSeparator(c, sepStart, s, sepLen) || !isSingle(a, nx)
                                || startsOtherRun(a, nx, c, sepStart, sepLen)) {
                            break;
                        }
                        count++;
                        if (Character.isLetter(c[nx])) {
                            letters++;
                        }
                        last = nx;
                    }
                    if (count >= 3 && letters >= 2 && !(count == 3 && hasSpace(c, sepStart, sepLen)
                            && singleLetterWords(c, i, sepLen) >= 2)) {
                        for (int p = i; p <= last; p += sepLen + 1) {
                            out.copy(a, p);
                        }
                        i = last + 1;
                        continue;
                    }
                }
            }
            out.copy(a, i);
            i++;
        }
    }

    /**
     * Whether the one-character word at {@code at}, reached through a separator with a space,
     * is followed by a separator without one and another one-character word: it then belongs to
     * the next, tighter spaced word ("f u c k f-u-c-k", "I a m s.v.p"). Between two separators
     * of the same kind, it stays with the run it ends.
     */
    private boolean startsOtherRun(Buffer a, int at, char[] c, int sepStart, int sepLen) {
        int n = a.length;
        int s = at + 1;
        int k = s;
        while (k < n && k - s < 3 && isSeparator(c[k])) {
            k++;
        }
        if (k == s || k >= n || !isSingle(a, k)) {
            return false;
        }
        boolean different = k - s != sepLen || !sameSeparator(c, sepStart, s, sepLen);
        return different && hasSpace(c, sepStart, sepLen) && !hasSpace(c, s, k - s);
    }

    private static boolean hasSpace(char[] c, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (c[i] == ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * How many of the three letters from {@code first} are one-letter words of French or English
     * ({@code a à y i o ô}): "il y a t il", "I a m" are words, not a spaced-out one.
     */
    private static int singleLetterWords(char[] c, int first, int sepLen) {
        int k = 0;
        for (int p = first, j = 0; j < 3; j++, p += sepLen + 1) {
            char x = c[p];
            if (x == 'a' || x == 'A' || x == 'y' || x == 'Y' || x == 'i' || x == 'I' || x == 'o' || x == 'O'
                    || x == '\u00E0' || x == '\u00C0' || x == '\u00F4' || x == '\u00D4') {
                k++;
            }
        }
        return k;
    }

    private static boolean sameSeparator(char[] c, int first, int at, int len) {
        for (int k = 0; k < len; k++) {
            if (c[first + k] != c[at + k]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- leetspeak

    static boolean isLeetSymbol(char c) {
        switch (c) {
            case '0': case '1': case '3': case '4': case '5': case '7': case '@': case '$':
                return true;
            default:
                return false;
        }
    }

    private static boolean isLeetWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$';
    }

    /** Inside each word that has at least one letter, reads the leet digits and symbols as letters. */
    private void leetspeak(Buffer a, Buffer out) {
        int n = a.length;
        out.ensure(n);
        char[] c = a.chars;
        int i = 0;
        while (i < n) {
            if (!isLeetWordChar(c[i])) {
                out.copy(a, i);
                i++;
                continue;
            }
            int j = i;
            boolean letter = false;
            boolean symbol = false;
            while (j < n && isLeetWordChar(c[j])) {
                char x = c[j];
                if (Character.isLetter(x)) {
                    letter = true;
                } else if (isLeetSymbol(x)) {
                    symbol = true;
                }
                j++;
            }
            if (!letter || !symbol) {
                for (int p = i; p < j; p++) {
                    out.copy(a, p);
                }
            } else {
                for (int p = i; p < j; p++) {
                    char x = c[p];
                    boolean edge = p == i || p == j - 1;
                    switch (x) {
                        case '0': out.add('o', a.starts[p], a.ends[p]); break;
                        case '1': out.add('i', a.starts[p], a.ends[p], 'l'); break;
                        case '3': out.add('e', a.starts[p], a.ends[p]); break;
                        case '4': out.add('a', a.starts[p], a.ends[p]); break;
                        case '5': out.add('s', a.starts[p], a.ends[p]); break;
                        case '7': out.add('t', a.starts[p], a.ends[p]); break;
                        case '@': out.add('a', a.starts[p], a.ends[p], edge ? Buffer.SKIP : 0); break;
                        case '$': out.add('s', a.starts[p], a.ends[p], edge ? Buffer.SKIP : 0); break;
                        default: out.copy(a, p);
                    }
                }
            }
            i = j;
        }
    }

    // ---------------------------------------------------------------- repeated letters

    /**
     * A letter repeated three times or more becomes the letter followed by one optional copy that
     * spans the rest of the run: it reads as one or two of the letter.
     */
    private static void collapseRepeats(Buffer a, Buffer out) {
        int n = a.length;
        out.ensure(n);
        char[] c = a.chars;
        int i = 0;
        while (i < n) {
            char x = c[i];
            int j = i + 1;
            if (Character.isLetter(x) && a.alt[i] == 0) {
                while (j < n && c[j] == x && a.alt[j] == 0) {
                    j++;
                }
            }
            if (j - i >= 3) {
                out.add(x, a.starts[i], a.ends[i]);
                out.add(x, a.starts[i + 1], a.ends[j - 1], Buffer.SKIP);
            } else {
                for (int p = i; p < j; p++) {
                    out.copy(a, p);
                }
            }
            i = j;
        }
    }
}
