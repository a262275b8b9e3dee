package io.cmkit.core.text.internal;

import java.text.Normalizer;

/**
 * The normalisation pipeline. Per code point: NFKC, confusables, diacritics, case folding and
 * whitespace collapsing (one table look-up per character of the Basic Multilingual Plane). Then,
 * in place over the result: joining spaced letters, leetspeak, repeated letters. Every output
 * character keeps the original span it came from.
 *
 * <p>Immutable and thread-safe; the buffers live in a per-thread {@link Workspace}, so
 * normalising allocates nothing once the buffers have grown to the text's size.
 */
public final class NormalizerEngine {

    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte SPACE = 4;
    private static final byte SEPARATOR = 8;
    private static final byte LEET = 16;
    private static final byte APOSTROPHE = 32;
    private static final byte[] ASCII_CLASS = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            byte k = 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                k |= LETTER;
            }
            if (c >= '0' && c <= '9') {
                k |= DIGIT;
            }
            if (c == ' ' || (c >= 9 && c <= 13)) {
                k |= SPACE;
            }
            if (" .-_*/\\+~,:=".indexOf(c) >= 0) {
                k |= SEPARATOR;
            }
            if ("013457@$".indexOf(c) >= 0) {
                k |= LEET;
            }
            if (c == '\'' || c == '`') {
                k |= APOSTROPHE;
            }
            ASCII_CLASS[c] = k;
        }
    }

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
        final Buffer buffer = new Buffer(256);
        char[] source = new char[256];
        /** Raw matches, for the matcher: pattern, start, end, in threes. */
        public int[] raw = new int[96];
        public int rawCount;
        /** The last optional character the scan has passed. */
        public int lastSkip;
        /** Steps left for matching one pattern backwards. */
        public int backBudget;
        /** Whether the anchored scan reads outputs as first written (the tests' reference), not from the state's slot. */
        public boolean referenceOutputs;
        public int[] states = new int[16];
        public int[] states2 = new int[16];
        public boolean[] consumed2 = new boolean[16];
        /** Matches being handed to a caller's handler (pattern, start, end in the original), and whether a handler holds them. */
        public final int[] handed = new int[24];
        public boolean handedInUse;
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** This thread's workspace. */
    public static Workspace workspace() {
        Workspace ws = WORKSPACE.get();
        if (ws.source.length > RETAINED_CHARS) {
            // A huge text went through: do not keep its buffers for the life of the thread.
            ws = new Workspace();
            WORKSPACE.set(ws);
        }
        return ws;
    }

    private static final int RETAINED_CHARS = 1 << 16;

    /**
     * Normalises {@code text} into the workspace's buffer and returns it. The buffer is valid
     * until the next call on this thread with the same workspace.
     */
    public Buffer normalize(CharSequence text, Workspace ws) {
        return normalize(text, ws, false);
    }

    /**
     * {@link #normalize(CharSequence, Workspace)}; {@code reference} takes every character
     * through the per-code-point pass's general loop and runs the word passes from the start of
     * the text instead of where that pass first saw something for them (for tests: the two must
     * agree).
     */
    public Buffer normalize(CharSequence text, Workspace ws, boolean reference) {
        Buffer b = ws.buffer;
        b.clear();
        int len = text.length();
        if (ws.source.length < len) {
            ws.source = new char[Math.max(len, ws.source.length * 2)];
        }
        char[] src = ws.source;
        if (text instanceof String s) {
            s.getChars(0, len, src, 0);
        } else {
            for (int i = 0; i < len; i++) {
                src[i] = text.charAt(i);
            }
        }
        int flags = perCodePoint(src, len, b, !reference);
        // The passes start where the per-code-point pass first saw something for them: nothing
        // before changes. The joining moves characters only after where it starts.
        int leetFrom = reference ? 0 : b.firstLeet;
        if (join && (flags & SAW_SINGLE) != 0) {
            int from = reference ? 0 : b.firstChain;
            joinSpacedLetters(b, from);
            leetFrom = Math.min(leetFrom, from);
        }
        if (leet && (flags & SAW_LEET) != 0) {
            leetspeak(b, leetFrom);
        }
        if (repeats && (flags & SAW_REPEAT) != 0) {
            collapseRepeats(b);
        }
        return b;
    }

    // ---------------------------------------------------------------- per code point

    private static final int SAW_LEET = 1;
    private static final int SAW_REPEAT = 2;
    private static final int SAW_SINGLE = 4;
    /** Furthest a one-character word can be from the one before in spaced letters: itself and three separators. */
    private static final int MAX_SINGLE_GAP = 4;
    private static final int NO_SINGLE = -MAX_SINGLE_GAP - 1;

    /**
     * Returns which later passes have something to do. {@code letterRuns} takes runs of letters
     * through a loop of their own (the same result; off only for the tests' reference).
     */
    private int perCodePoint(char[] in, int len, Buffer out, boolean letterRuns) {
        out.ensure(len);
        boolean composeMarks = folding.nfkc && !folding.strip;
        char[] table = ascii;
        char[] plain = folding.plain;
        // Cheap pre-checks for the word passes: the current run of one letter, and the chain of
        // one-character words each within reach (one to three separators) of the one before.
        int flags = 0;
        int firstLeet = Integer.MAX_VALUE;
        out.firstChain = 0;
        char last = 0;
        int run = 0;
        int singles = 0;
        int lastSingle = NO_SINGLE;
        char[] chars = out.chars;
        int[] starts = out.starts;
        int[] ends = out.ends;
        int n = out.length;
        int i = 0;
        boolean runs = letterRuns && !composeMarks;
        while (i < len) {
            if (runs) {
                // A run of letters (ASCII, or outside ASCII folding to one plain character) in a
                // loop of its own: the folding, the repeat count and the write, nothing else.
                int cap = chars.length;
                while (n < cap) {
                    char c = in[i];
                    char f;
                    if (c < 0x80) {
                        if ((ASCII_CLASS[c] & LETTER) == 0) {
                            break;
                        }
                        f = table[c];
                    } else {
                        f = plain[c];
                        if (f == 0) {
                            break;
                        }
                    }
                    if (f == last) {
                        if (++run >= 3 && isLetter(f)) {
                            flags |= SAW_REPEAT;
                        }
                    } else {
                        last = f;
                        run = 1;
                    }
                    chars[n] = f;
                    starts[n] = i;
                    ends[n] = i + 1;
                    n++;
                    if (++i == len) {
                        break;
                    }
                }
                if (i == len) {
                    break;
                }
            }
            char ch = in[i];
            // Outside ASCII, the one plain character it folds to, or 0 for the general path.
            char m = ch >= 0x80 && !composeMarks ? plain[ch] : 0;
            if (ch < 0x80 ? composeMarks && i + 1 < len && in[i + 1] >= 0x300
                    && CharFolding.isMark(Character.codePointAt(in, i + 1, len)) : m == 0) {
                out.length = n;
                out.scanFlags = flags;
                out.scanLast = last;
                out.scanRun = run;
                out.scanSingles = singles;
                out.scanLastSingle = lastSingle;
                out.firstLeet = firstLeet;
                i = nonAscii(in, len, i, out);
                firstLeet = out.firstLeet;
                flags = out.scanFlags;
                last = out.scanLast;
                run = out.scanRun;
                singles = out.scanSingles;
                lastSingle = out.scanLastSingle;
                chars = out.chars;
                starts = out.starts;
                ends = out.ends;
                n = out.length;
                continue;
            }
            if (ch < 0x80) {
                byte k = ASCII_CLASS[ch];
                if ((k & (SPACE | SEPARATOR)) != 0) {
                    if (n > 0 && isItemChar(chars[n - 1]) && (n == 1 || !isItemChar(chars[n - 2]))) {
                        int before = lastSingle;
                        singles = n - 1 - before <= MAX_SINGLE_GAP ? singles + 1 : 1;
                        lastSingle = n - 1;
                        if (singles >= 2 && (flags & SAW_SINGLE) == 0) {
                            flags |= SAW_SINGLE;
                            out.firstChain = before; // no spaced run starts before the first pair within reach
                        }
                    }
                    if ((k & SPACE) != 0) {
                        last = ' ';
                        if (n > 0 && chars[n - 1] == ' ' && ends[n - 1] == i) {
                            ends[n - 1] = i + 1;
                            i++;
                            continue;
                        }
                        ch = ' ';
                    }
                }
                flags |= (k & LEET) != 0 ? SAW_LEET : 0;
                firstLeet = Math.min(firstLeet, (k & LEET) != 0 ? n : Integer.MAX_VALUE);
                m = table[ch];
            }
            // else: a letter, digit or symbol outside ASCII folding to one plain character (é, ç,
            // а...), already in m: what nonAscii would do for it, without leaving the loop.
            if (m == last) {
                if (++run >= 3 && isLetter(m)) {
                    flags |= SAW_REPEAT;
                }
            } else {
                last = m;
                run = 1;
            }
            if (n == chars.length) {
                out.length = n;
                out.ensure(1);
                chars = out.chars;
                starts = out.starts;
                ends = out.ends;
            }
            chars[n] = m;
            starts[n] = i;
            ends[n] = i + 1;
            n++;
            i++;
        }
        out.length = n;
        out.firstLeet = firstLeet;
        return flags;
    }

    /** One code point (or cluster) outside ASCII at {@code i}; returns the index after it. */
    private int nonAscii(char[] in, int len, int i, Buffer out) {
        boolean strip = folding.strip;
        boolean composeMarks = folding.nfkc && !strip;
        char ch = in[i];
        int cp = ch;
        int next = i + 1;
        if (Character.isHighSurrogate(ch) && next < len && Character.isLowSurrogate(in[next])) {
            cp = Character.toCodePoint(ch, in[next]);
            next++;
        }
        int before = out.length;
        if (CharClass.isSpace(cp)) {
            if (before > 0 && isItemChar(out.chars[before - 1]) && (before == 1 || !isItemChar(out.chars[before - 2]))) {
                single(out, before - 1);
            }
            space(out, i, next);
            out.scanLast = ' ';
            return next;
        }
        if (strip && CharFolding.isMark(cp)) {
            // A combining mark removed: the letter it sat on now covers it.
            if (before > 0 && out.ends[before - 1] == i) {
                out.ends[before - 1] = next;
            }
            return next;
        }
        if (composeMarks && next < len && CharFolding.isMark(Character.codePointAt(in, next, len))) {
            int end = next;
            while (end < len) {
                int m = Character.codePointAt(in, end, len);
                if (!CharFolding.isMark(m)) {
                    break;
                }
                end += Character.charCount(m);
            }
            String composed = Normalizer.normalize(new String(in, i, end - i), Normalizer.Form.NFKC);
            for (int k = 0; k < composed.length(); ) {
                int c2 = composed.codePointAt(k);
                emit(c2, i, end, out);
                k += Character.charCount(c2);
            }
            next = end;
        } else {
            emit(cp, i, next, out);
        }
        for (int k = before; k < out.length; k++) {
            char m = out.chars[k];
            if (m == ' ') {
                continue;
            }
            if (m < 0x80 && (ASCII_CLASS[m] & LEET) != 0) {
                out.scanFlags |= SAW_LEET; // a fullwidth or styled digit
                out.firstLeet = Math.min(out.firstLeet, k);
            }
            if (isSeparatorChar(m) && k > 0 && isItemChar(out.chars[k - 1]) && (k == 1 || !isItemChar(out.chars[k - 2]))) {
                single(out, k - 1);
            }
            if (m == out.scanLast) {
                if (++out.scanRun >= 3 && isLetter(m)) {
                    out.scanFlags |= SAW_REPEAT;
                }
            } else {
                out.scanLast = m;
                out.scanRun = 1;
            }
        }
        return next;
    }

    /**
     * Records a one-character word at {@code at} followed by a separator. Spaced letters need at
     * least three such words, each one to three separators after the one before, and the first
     * two are always followed by a separator: a chain of two recorded ones is the cheap test.
     */
    private static void single(Buffer out, int at) {
        int before = out.scanLastSingle;
        out.scanSingles = at - before <= MAX_SINGLE_GAP ? out.scanSingles + 1 : 1;
        out.scanLastSingle = at;
        if (out.scanSingles >= 2 && (out.scanFlags & SAW_SINGLE) == 0) {
            out.scanFlags |= SAW_SINGLE;
            out.firstChain = before;
        }
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

    // ---------------------------------------------------------------- character classes

    private static boolean isLetter(char c) {
        return c < 0x80 ? (ASCII_CLASS[c] & LETTER) != 0 : CharClass.isLetter(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? (ASCII_CLASS[c] & (LETTER | DIGIT)) != 0 : CharClass.isLetterOrDigit(c);
    }

    static boolean isSeparatorChar(char c) {
        if (c < 0x80) {
            return (ASCII_CLASS[c] & SEPARATOR) != 0;
        }
        return c == '\u00B7' || c == '\u2022' || (c >= '\u2010' && c <= '\u2014');
    }

    /**
     * Whether a folded character needs no bookkeeping from the per-code-point pass beyond the
     * repeat count: not a blank, separator or leet character.
     */
    static boolean isPlainFolded(char m) {
        if (m < 0x80) {
            return m != 0 && (ASCII_CLASS[m] & (SPACE | SEPARATOR | LEET)) == 0;
        }
        return !isSeparatorChar(m) && !CharClass.isSpace(m) && m != Buffer.SKIP;
    }

        static boolean isApostrophe(char c) {
        return c < 0x80 ? (ASCII_CLASS[c] & APOSTROPHE) != 0 : c == '\u2019' || c == '\u02BC' || c == '\u00B4';
    }

    private boolean isItemChar(char c) {
        return isLetterOrDigit(c) || (leet && (c == '@' || c == '$'));
    }

    // ---------------------------------------------------------------- spaced letters

    /** A one-character word at {@code i}: not glued to a word character or an apostrophe on either side. */
    private boolean isSingle(char[] c, int n, int i, char before) {
        if (!isItemChar(c[i])) {
            return false;
        }
        if (i > 0 && (isItemChar(before) || isApostrophe(before))) {
            return false;
        }
        return i + 1 >= n || !(isItemChar(c[i + 1]) || isApostrophe(c[i + 1]));
    }

    /**
     * Joins three or more one-character words separated each time by the same separator (one to
     * three separator characters, identical between every pair), when at least two of them are
     * letters; except three letters spaced by blanks of which two are one-letter words. Anything
     * else is kept. Works in place: the output is never longer than what has been read.
     */
    private void joinSpacedLetters(Buffer a, int start) {
        int n = a.length;
        char[] c = a.chars;
        int w = start;
        int i = start;
        char prev = start > 0 ? c[start - 1] : 0; // the character before i, as it was before this pass
        while (i < n) {
            if (isSingle(c, n, i, prev)) {
                int sepStart = i + 1;
                int k = sepStart;
                while (k < n && k - sepStart < 3 && isSeparatorChar(c[k])) {
                    k++;
                }
                int sepLen = k - sepStart;
                if (sepLen > 0 && k < n && isSingle(c, n, k, c[k - 1]) && !startsOtherRun(c, n, k, sepStart, sepLen)) {
                    int count = 2;
                    int letters = (isLetter(c[i]) ? 1 : 0) + (isLetter(c[k]) ? 1 : 0);
                    int last = k;
                    while (true) {
                        int s = last + 1;
                        int nx = s + sepLen;
                        if (nx >= n || !sameSeparator(c, sepStart, s, sepLen) || !isSingle(c, n, nx, c[nx - 1])
                                || startsOtherRun(c, n, nx, sepStart, sepLen)) {
                            break;
                        }
                        count++;
                        if (isLetter(c[nx])) {
                            letters++;
                        }
                        last = nx;
                    }
                    boolean words = count == 3 && hasSpace(c, sepStart, sepLen) && singleLetterWords(c, i, sepLen) >= 2;
                    boolean blank = sepLen == 1 && c[sepStart] == ' ';
                    if (count >= 3 && letters >= 2 && !words) {
                        char lastChar = c[last];
                        int p = i;
                        if (blank && count >= 4 && isOneLetterWord(c[i])) {
                            // "a b i t c h", "I h a t e": the article or pronoun may stand alone or start the
                            // word, so the space after it is kept as optional and both readings match.
                            move(a, i, w++);
                            move(a, i + 1, w);
                            a.setAlt(w++, Buffer.SKIP);
                            p = i + 2;
                        }
                        for (; p <= last; p += sepLen + 1) {
                            move(a, p, w++);
                        }
                        prev = lastChar;
                        i = last + 1;
                        continue;
                    }
                    if (words && blank && letters == 3) {
                        // "g a y" or "y a t": three words or one spaced word; the spaces become optional.
                        char lastChar = c[last];
                        for (int p = i; p <= last; p++) {
                            move(a, p, w);
                            if (c[p] == ' ') {
                                a.setAlt(w, Buffer.SKIP);
                            }
                            w++;
                        }
                        prev = lastChar;
                        i = last + 1;
                        continue;
                    }
                }
            }
            prev = c[i];
            move(a, i, w++);
            i++;
        }
        a.length = w;
    }

    private static void move(Buffer a, int from, int to) {
        if (from != to) {
            a.chars[to] = a.chars[from];
            a.starts[to] = a.starts[from];
            a.ends[to] = a.ends[from];
            a.alt[to] = a.alt[from];
        }
    }

    /**
     * Whether the one-character word at {@code at}, reached through a separator with a space,
     * is followed by a separator without one and another one-character word: it then belongs to
     * the next, tighter spaced word ("f u c k f-u-c-k", "I a m s.v.p"). Between two separators
     * of the same kind, it stays with the run it ends.
     */
    private boolean startsOtherRun(char[] c, int n, int at, int sepStart, int sepLen) {
        int s = at + 1;
        int k = s;
        while (k < n && k - s < 3 && isSeparatorChar(c[k])) {
            k++;
        }
        if (k == s || k >= n || !isSingle(c, n, k, c[k - 1])) {
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

    /** A one-letter word of French or English once folded: {@code a}, {@code i}, {@code y}, {@code o}. */
    private static boolean isOneLetterWord(char x) {
        return x == 'a' || x == 'i' || x == 'y' || x == 'o';
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

    private static boolean isLeetWordChar(char c) {
        return c < 0x80 ? (ASCII_CLASS[c] & (LETTER | DIGIT)) != 0 || c == '@' || c == '$' : CharClass.isLetterOrDigit(c);
    }

    /**
     * Inside each word that has at least one letter, reads the leet digits and symbols as letters
     * (in place). Only the words around a leet character are looked at.
     */
    private static void leetspeak(Buffer a, int start) {
        int n = a.length;
        char[] c = a.chars;
        int i = start;
        while (i < n) {
            char ch = c[i];
            if (ch >= 0x80 || (ASCII_CLASS[ch] & LEET) == 0) {
                i++;
                continue;
            }
            int from = i;
            while (from > 0 && isLeetWordChar(c[from - 1])) {
                from--;
            }
            int j = i;
            boolean letter = false;
            for (int p = from; p < i; p++) {
                letter |= isLetter(c[p]);
            }
            while (j < n && isLeetWordChar(c[j])) {
                letter |= isLetter(c[j]);
                j++;
            }
            if (letter) {
                for (int p = from; p < j; p++) {
                    boolean edge = p == from || p == j - 1;
                    switch (c[p]) {
                        case '0': c[p] = 'o'; break;
                        case '1': c[p] = 'i'; a.setAlt(p, 'l'); break;
                        case '3': c[p] = 'e'; break;
                        case '4': c[p] = 'a'; break;
                        case '5': c[p] = 's'; break;
                        case '7': c[p] = 't'; break;
                        case '@':
                            c[p] = 'a';
                            if (edge) {
                                a.setAlt(p, Buffer.SKIP);
                            }
                            break;
                        case '$':
                            c[p] = 's';
                            if (edge) {
                                a.setAlt(p, Buffer.SKIP);
                            }
                            break;
                        default:
                            break;
                    }
                }
            }
            i = Math.max(j, i + 1);
        }
    }

    // ---------------------------------------------------------------- repeated letters

    /**
     * A letter repeated three times or more becomes the letter followed by one optional copy that
     * spans the rest of the run: it reads as one or two of the letter. Letters with an
     * alternative reading (a leet 1) are left alone. In place.
     */
    private static void collapseRepeats(Buffer a) {
        int n = a.length;
        char[] c = a.chars;
        boolean hadAlt = a.hasAlt;
        int first = firstRun(c, hadAlt ? a.alt : null, n);
        if (first < 0) {
            return; // only runs broken by an alternative reading: nothing to collapse
        }
        if (!hadAlt) {
            java.util.Arrays.fill(a.alt, 0, n, (char) 0);
            a.hasAlt = true; // the optional copies below are alternatives
        }
        char[] alt = a.alt;
        // Everything before the first run stays where it is.
        int w = first;
        int i = first;
        boolean changed = false;
        while (i < n) {
            char x = c[i];
            int j = i + 1;
            if (alt[i] == 0 && isLetter(x)) {
                while (j < n && c[j] == x && alt[j] == 0) {
                    j++;
                }
            }
            if (j - i >= 3) {
                int secondStart = a.starts[i + 1];
                int runEnd = a.ends[j - 1];
                move(a, i, w);
                c[w + 1] = x;
                a.starts[w + 1] = secondStart;
                a.ends[w + 1] = runEnd;
                alt[w + 1] = Buffer.SKIP;
                w += 2;
                changed = true;
            } else {
                for (int p = i; p < j; p++) {
                    move(a, p, w++);
                }
            }
            i = j;
        }
        a.length = w;
        if (!changed) {
            a.hasAlt = hadAlt; // nothing collapsed: alternatives only if an earlier pass set some
        }
    }

    /** Where the first run of three or more of the same letter (without alternative readings) starts, or -1. */
    private static int firstRun(char[] c, char[] alt, int n) {
        for (int i = 0; i + 2 < n; i++) {
            char x = c[i];
            if (c[i + 1] == x && c[i + 2] == x && isLetter(x)
                    && (alt == null || (alt[i] == 0 && alt[i + 1] == 0 && alt[i + 2] == 0))) {
                return i;
            }
        }
        return -1;
    }
}
