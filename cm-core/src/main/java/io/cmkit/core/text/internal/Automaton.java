package io.cmkit.core.text.internal;

import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton stored as a double-array trie: the transition from state {@code s}
 * on character code {@code c} is {@code base[s] + c} when {@code check[base[s] + c] == s}, so a
 * step is two array reads. Failure links and an output chain give every pattern that ends at
 * each position. Characters are first mapped to a dense alphabet of the characters the patterns
 * use, so a character that no pattern contains sends the scan straight back to the root.
 *
 * <p>{@link #scanAnchored} walks the trie from word starts only, for patterns that must start
 * a word; {@link #scan} is the Aho-Corasick scan for the others.
 *
 * <p>The Aho-Corasick scan runs one state at a time and switches to a small set of states only across
 * characters with an alternative reading ({@link Buffer#alt}): a leet {@code 1} read as
 * {@code i} and {@code l}, a repeated letter read with and without its copy. Where a match went
 * through such characters its start is found by matching the pattern backwards.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
public final class Automaton {

    /** Pattern flag: the character before the match must not be a word character. */
    public static final int NEED_START = 1;
    /** Pattern flag: the character after the match must not be a word character. */
    public static final int NEED_END = 2;

    private static final int MAX_STATES = 64;

    /** The id reported for each pattern (its index in the caller's list). */
    private final int[] ids;
    private final char[] patChars;
    private final int[] patStart;
    private final int[] patLen;
    private final byte[] patFlags;
    private final int[] nextSame;

    private final char[] codeOf;
    /**
     * Per state, four ints side by side so one step touches one cache line: base, check, failure
     * link, and the nearest state on the failure chain (itself included) where a pattern ends. In an
     * automaton whose patterns all start a word ({@link #anchoredOnly}), which is only walked from
     * word starts and never follows a failure link, the third int is instead the state's first
     * output ({@link #out}), with {@link #ALL_NEED_END} set when every pattern ending there needs a
     * word boundary after it: a walk that reaches a pattern's end inside a longer word then reads
     * nothing beyond the cache line it has just read.
     */
    private final int[] da;
    /** Whether every pattern starts a word ({@link #NEED_START}): only {@link #scanAnchored} may walk it. */
    private final boolean anchoredOnly;
    private static final int ALL_NEED_END = 1 << 30;
    private final int[] out;
    private final int slots;
    private final int stateCount;

    /**
     * @param patterns each pattern's normalised characters, non-empty
     * @param flags each pattern's {@link #NEED_START} and {@link #NEED_END} bits
     * @param ids the id to report for each pattern
     */
    public Automaton(List<char[]> patterns, byte[] flags, int[] ids) {
        int count = patterns.size();
        this.ids = ids.clone();
        int total = 0;
        for (char[] p : patterns) {
            total += p.length;
        }
        patChars = new char[total];
        patStart = new int[count];
        patLen = new int[count];
        patFlags = flags.clone();
        nextSame = new int[count];
        int[] freq = new int[0x10000];
        int off = 0;
        for (int i = 0; i < count; i++) {
            char[] p = patterns.get(i);
            System.arraycopy(p, 0, patChars, off, p.length);
            patStart[i] = off;
            patLen[i] = p.length;
            off += p.length;
            for (char c : p) {
                freq[c]++;
            }
        }

        // Alphabet: the most frequent characters get the smallest codes, which packs the array.
        codeOf = new char[0x10000];
        int alphabet = 0;
        {
            long[] byFreq = new long[0x10000];
            int k = 0;
            for (int c = 0; c < 0x10000; c++) {
                if (freq[c] > 0) {
                    byFreq[k++] = ((long) (Integer.MAX_VALUE - freq[c]) << 16) | c;
                }
            }
            Arrays.sort(byFreq, 0, k);
            for (int i = 0; i < k; i++) {
                codeOf[(int) (byFreq[i] & 0xFFFF)] = (char) (i + 1);
            }
            alphabet = k;
        }

        // 1. A plain trie with linked children.
        int cap = Math.max(16, total + 1);
        int[] tFirst = new int[cap];
        int[] tSib = new int[cap];
        char[] tCode = new char[cap];
        int[] tOut = new int[cap];
        Arrays.fill(tFirst, -1);
        Arrays.fill(tOut, -1);
        int nodes = 1;
        for (int p = 0; p < count; p++) {
            int node = 0;
            for (int k = patStart[p], e = k + patLen[p]; k < e; k++) {
                char code = codeOf[patChars[k]];
                int child = tFirst[node];
                while (child >= 0 && tCode[child] != code) {
                    child = tSib[child];
                }
                if (child < 0) {
                    child = nodes++;
                    tCode[child] = code;
                    tSib[child] = tFirst[node];
                    tFirst[node] = child;
                }
                node = child;
            }
            nextSame[p] = tOut[node];
            tOut[node] = p;
        }
        stateCount = nodes;

        // 2. The double array, placing each node's children breadth first at the first free base.
        int size = Math.max(nodes * 2, alphabet + 2);
        int[] b = new int[size];
        int[] chk = new int[size];
        Arrays.fill(chk, -1);
        chk[0] = -2;
        int[] daOf = new int[nodes];
        int[] order = new int[nodes];
        int head = 0;
        int tail = 0;
        order[tail++] = 0;
        int firstFree = 1;
        java.util.BitSet used = new java.util.BitSet(size);
        used.set(0);
        int maxSlot = 0;
        int[] codes = new int[alphabet + 1];
        int[] kids = new int[alphabet + 1];
        while (head < tail) {
            int u = order[head++];
            int du = daOf[u];
            int m = 0;
            for (int c = tFirst[u]; c >= 0; c = tSib[c]) {
                codes[m] = tCode[c];
                kids[m] = c;
                m++;
            }
            if (m == 0) {
                continue;
            }
            sortByCode(codes, kids, m);
            // Try bases that put the first child on a free slot, skipping occupied ones a word at a time.
            int p = used.nextClearBit(Math.max(firstFree, codes[0] + 1));
            int bb;
            search:
            while (true) {
                bb = p - codes[0];
                int need = bb + codes[m - 1] + 1;
                if (need > size) {
                    int ns = Math.max(need, size + size / 2);
                    b = Arrays.copyOf(b, ns);
                    chk = Arrays.copyOf(chk, ns);
                    Arrays.fill(chk, size, ns, -1);
                    size = ns;
                }
                for (int i = 1; i < m; i++) {
                    if (used.get(bb + codes[i])) {
                        p = used.nextClearBit(p + 1);
                        continue search;
                    }
                }
                break;
            }
            b[du] = bb;
            for (int i = 0; i < m; i++) {
                int slot = bb + codes[i];
                chk[slot] = du;
                used.set(slot);
                daOf[kids[i]] = slot;
                order[tail++] = kids[i];
                maxSlot = Math.max(maxSlot, slot);
            }
            firstFree = used.nextClearBit(firstFree);
        }
        int len = maxSlot + alphabet + 2;
        for (int i = 0; i < nodes; i++) {
            len = Math.max(len, b[daOf[i]] + alphabet + 2);
        }
        int[] base = Arrays.copyOf(b, len);
        int[] check = Arrays.copyOf(chk, len);
        if (len > size) {
            Arrays.fill(check, size, len, -1);
        }

        // 3. Failure links and outputs, breadth first.
        int[] fail = new int[len];
        out = new int[len];
        int[] report = new int[len];
        Arrays.fill(out, -1);
        Arrays.fill(report, -1);
        for (int idx = 0; idx < tail; idx++) {
            int u = order[idx];
            int du = daOf[u];
            out[du] = tOut[u];
            if (u != 0) {
                report[du] = out[du] >= 0 ? du : report[fail[du]];
            }
            for (int v = tFirst[u]; v >= 0; v = tSib[v]) {
                int dv = daOf[v];
                if (u == 0) {
                    fail[dv] = 0;
                    continue;
                }
                int code = tCode[v];
                int f = fail[du];
                while (true) {
                    int t = base[f] + code;
                    if (check[t] == f) {
                        fail[dv] = t;
                        break;
                    }
                    if (f == 0) {
                        fail[dv] = 0;
                        break;
                    }
                    f = fail[f];
                }
            }
        }
        slots = len;
        boolean allStart = true;
        for (byte f : flags) {
            allStart &= (f & NEED_START) != 0;
        }
        anchoredOnly = allStart;
        da = new int[len * 4];
        for (int i = 0; i < len; i++) {
            da[4 * i] = base[i];
            da[4 * i + 1] = check[i];
            da[4 * i + 2] = allStart ? outputSlot(out[i]) : fail[i];
            da[4 * i + 3] = report[i];
        }
    }

    /** The first output {@code first} (or -1), with {@link #ALL_NEED_END} when every pattern of its chain needs an end boundary. */
    private int outputSlot(int first) {
        if (first < 0) {
            return -1;
        }
        if (first >= ALL_NEED_END) {
            throw new IllegalArgumentException("too many patterns: " + first);
        }
        for (int p = first; p >= 0; p = nextSame[p]) {
            if ((patFlags[p] & NEED_END) == 0) {
                return first;
            }
        }
        return first | ALL_NEED_END;
    }

    private static void sortByCode(int[] codes, int[] kids, int m) {
        for (int i = 1; i < m; i++) {
            int c = codes[i];
            int k = kids[i];
            int j = i - 1;
            while (j >= 0 && codes[j] > c) {
                codes[j + 1] = codes[j];
                kids[j + 1] = kids[j];
                j--;
            }
            codes[j + 1] = c;
            kids[j + 1] = k;
        }
    }

    /** Number of trie states. */
    public int states() {
        return stateCount;
    }

    /** Length of the double array. */
    public int slots() {
        return slots;
    }

    /** A close estimate of the heap this automaton holds, in bytes. */
    public long estimatedBytes() {
        long arrays = 4L * da.length + 4L * out.length + 2L * codeOf.length + 2L * patChars.length
                + 4L * (patStart.length + patLen.length + nextSame.length) + patFlags.length;
        return arrays + 16L * 11;
    }

    private int step(int s, char ch) {
        int code = codeOf[ch];
        if (code == 0) {
            return 0;
        }
        int[] d = da;
        while (true) {
            int t = d[4 * s] + code;
            if (d[4 * t + 1] == s) {
                return t;
            }
            if (s == 0) {
                return 0;
            }
            s = d[4 * s + 2];
        }
    }

    /**
     * Finds every pattern occurrence in {@code t[0, n)} that satisfies its boundary flags and
     * writes them to {@code ws.raw} as (pattern, start, end) with normalised indices; returns
     * how many.
     *
     * @param alt alternative readings, or {@code null} when the text has none
     */
    public int scan(char[] t, char[] alt, int n, NormalizerEngine.Workspace ws) {
        return scan(t, alt, n, ws, false);
    }

    /**
     * {@link #scan(char[], char[], int, NormalizerEngine.Workspace)}; {@code reference} steps
     * through every character, root included (for tests: the two must agree).
     */
    public int scan(char[] t, char[] alt, int n, NormalizerEngine.Workspace ws, boolean reference) {
        if (anchoredOnly) {
            throw new IllegalStateException("an automaton of patterns that all start a word is walked from word starts only");
        }
        ws.lastSkip = -1;
        int s = 0;
        boolean multi = false;
        int ns = 0;
        int[] d = da;
        char[] codes = codeOf;
        int rootBase = d[0];
        for (int i = 0; i < n; i++) {
            if (s == 0 && !multi && !reference) {
                // At the root, a character without a second reading that no pattern starts with
                // leaves the automaton at the root and reports nothing (the root reports no
                // pattern): runs of them are passed over in a tight loop.
                while (i < n && (alt == null || alt[i] == 0)) {
                    int code = codes[t[i]];
                    if (code != 0 && d[4 * (rootBase + code) + 1] == 0) {
                        break;
                    }
                    i++;
                }
                if (i == n) {
                    break;
                }
            }
            char a = alt == null ? 0 : alt[i];
            if (a == Buffer.SKIP) {
                ws.lastSkip = i;
            }
            if (!multi) {
                if (a == 0) {
                    s = step(s, t[i]);
                    if (da[4 * s + 3] >= 0) {
                        emit(s, i + 1, t, alt, n, ws);
                    }
                    continue;
                }
                ws.states[0] = s;
                ns = 1;
                multi = true;
            }
            int m = 0;
            int[] from = ws.states;
            for (int k = 0; k < ns; k++) {
                int u = from[k];
                m = addState(ws, m, step(u, t[i]), true);
                if (a == Buffer.SKIP) {
                    m = addState(ws, m, u, false);
                } else if (a != 0) {
                    m = addState(ws, m, step(u, a), true);
                }
            }
            for (int j = 0; j < m; j++) {
                int st = ws.states2[j];
                if (ws.consumed2[j] && da[4 * st + 3] >= 0) {
                    emit(st, i + 1, t, alt, n, ws);
                }
            }
            int[] tmp = ws.states;
            ws.states = ws.states2;
            ws.states2 = tmp;
            ns = m;
            if (ns == 1) {
                s = ws.states[0];
                multi = false;
            }
        }
        return ws.rawCount;
    }

    private static int addState(NormalizerEngine.Workspace ws, int m, int state, boolean consumed) {
        int[] st = ws.states2;
        for (int j = 0; j < m; j++) {
            if (st[j] == state) {
                ws.consumed2[j] |= consumed;
                return m;
            }
        }
        if (m == MAX_STATES) {
            return m; // pathological text: keep the first readings only
        }
        if (m == st.length) {
            ws.states2 = st = Arrays.copyOf(st, m * 2);
            ws.consumed2 = Arrays.copyOf(ws.consumed2, m * 2);
            ws.states = Arrays.copyOf(ws.states, m * 2);
        }
        st[m] = state;
        ws.consumed2[m] = consumed;
        return m + 1;
    }

    private void emit(int s, int end, char[] t, char[] alt, int n, NormalizerEngine.Workspace ws) {
        for (int st = da[4 * s + 3]; st >= 0; st = da[4 * da[4 * st + 2] + 3]) {
            for (int p = out[st]; p >= 0; p = nextSame[p]) {
                candidate(p, end, t, alt, n, ws);
            }
        }
    }

    private void candidate(int p, int end, char[] t, char[] alt, int n, NormalizerEngine.Workspace ws) {
        int e = end;
        if (alt != null) {
            while (e < n && alt[e] == Buffer.SKIP && t[e] == t[e - 1]) {
                e++;
            }
        }
        int flags = patFlags[p];
        if ((flags & NEED_END) != 0 && !boundaryAfter(t, alt, n, e)) {
            return;
        }
        int start = end - patLen[p];
        if (alt != null && ws.lastSkip >= start) {
            // An optional character inside the window: the match may be longer than the pattern.
            ws.backBudget = 10_000;
            start = back(patStart[p], patLen[p] - 1, end - 1, t, alt, ws);
            if (start < 0) {
                return;
            }
        }
        if ((flags & NEED_START) != 0 && !boundaryBefore(t, alt, n, start)) {
            return;
        }
        int r = ws.rawCount * 3;
        if (r + 3 > ws.raw.length) {
            ws.raw = Arrays.copyOf(ws.raw, ws.raw.length * 2);
        }
        ws.raw[r] = ids[p];
        ws.raw[r + 1] = start;
        ws.raw[r + 2] = e;
        ws.rawCount++;
    }

    // ---------------------------------------------------------------- anchored scan

    /**
     * For patterns that must start a word ({@link #NEED_START} on all of them): walks the trie
     * from each word start only, without failure links, so the letters inside words are never
     * tried as pattern starts. Appends to {@code ws.raw}; returns the new count.
     */
    public int scanAnchored(char[] t, char[] alt, int n, NormalizerEngine.Workspace ws) {
        return scanAnchored(t, alt, n, ws, false);
    }

    /**
     * {@link #scanAnchored(char[], char[], int, NormalizerEngine.Workspace)}; {@code reference}
     * takes the recursive walk for texts without second readings too (for tests: the two must
     * agree).
     */
    public int scanAnchored(char[] t, char[] alt, int n, NormalizerEngine.Workspace ws, boolean reference) {
        ws.referenceOutputs = reference;
        boolean prevWord = false;
        for (int i = 0; i < n; i++) {
            char c = t[i];
            boolean word = c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') : isWordChar(t, n, i);
            if (word && (!prevWord || (alt != null && alt[i - 1] == Buffer.SKIP && boundaryBefore(t, alt, n, i)))) {
                int code = codeOf[c];
                if (alt == null && !reference) {
                    if (code != 0) {
                        plainWalk(i, t, n, ws);
                    }
                } else if (code != 0 || (alt != null && alt[i] != 0)) {
                    walk(0, i, i, false, t, alt, n, ws);
                }
            }
            prevWord = word;
        }
        return ws.rawCount;
    }

    /**
     * {@link #walk} for a text without second readings: one path through the trie, so a loop
     * instead of a recursion, which the JIT keeps inside the word-start loop.
     */
    private void plainWalk(int start, char[] t, int n, NormalizerEngine.Workspace ws) {
        int[] d = da;
        char[] codes = codeOf;
        int s = 0;
        int k = start;
        while (k < n) {
            int code = codes[t[k]];
            if (code == 0) {
                return;
            }
            int next = d[4 * s] + code;
            if (d[4 * next + 1] != s) {
                return;
            }
            s = next;
            k++;
            if (d[4 * s + 3] == s) { // a pattern ends here (same cache line as the step)
                anchoredOutputs(s, start, k, t, null, n, ws);
            }
        }
    }

    private int next(int s, char ch) {
        int code = codeOf[ch];
        if (code == 0) {
            return -1;
        }
        int t = da[4 * s] + code;
        return da[4 * t + 1] == s ? t : -1;
    }

    private void walk(int s, int i, int start, boolean consumed, char[] t, char[] alt, int n, NormalizerEngine.Workspace ws) {
        while (i < n) {
            if (alt != null) {
                char a = alt[i];
                if (a == Buffer.SKIP) {
                    if (consumed) {
                        walk(s, i + 1, start, true, t, alt, n, ws); // read as absent
                    }
                } else if (a != 0) {
                    int u = next(s, a);
                    if (u >= 0) {
                        if (da[4 * u + 3] == u) { // a pattern ends here (same cache line as the step)
                            anchoredOutputs(u, start, i + 1, t, alt, n, ws);
                        }
                        walk(u, i + 1, start, true, t, alt, n, ws);
                    }
                }
            }
            s = next(s, t[i]);
            if (s < 0) {
                return;
            }
            i++;
            consumed = true;
            if (da[4 * s + 3] == s) {
                anchoredOutputs(s, start, i, t, alt, n, ws);
            }
        }
    }

    private void anchoredOutputs(int s, int start, int end, char[] t, char[] alt, int n, NormalizerEngine.Workspace ws) {
        int e = end;
        if (alt != null) {
            while (e < n && alt[e] == Buffer.SKIP && t[e] == t[e - 1]) {
                e++;
            }
        }
        boolean endOk = false; // computed once, when a pattern needs it
        boolean endKnown = false;
        int first;
        if (ws.referenceOutputs || !anchoredOnly) {
            first = out[s];
        } else {
            int slot = da[4 * s + 2];
            first = slot & ~ALL_NEED_END;
            if (slot != first) { // every pattern here needs a boundary after it
                if (!boundaryAfter(t, alt, n, e)) {
                    return;
                }
                endOk = true;
                endKnown = true;
            }
        }
        for (int p = first; p >= 0; p = nextSame[p]) {
            if ((patFlags[p] & NEED_END) != 0) {
                if (!endKnown) {
                    endOk = boundaryAfter(t, alt, n, e);
                    endKnown = true;
                }
                if (!endOk) {
                    continue;
                }
            }
            int r = ws.rawCount * 3;
            if (r + 3 > ws.raw.length) {
                ws.raw = Arrays.copyOf(ws.raw, ws.raw.length * 2);
            }
            ws.raw[r] = ids[p];
            ws.raw[r + 1] = start;
            ws.raw[r + 2] = e;
            ws.rawCount++;
        }
    }

    /** Matches the pattern backwards from {@code ti}; returns where it starts, or -1. */
    private int back(int pOff, int pi, int ti, char[] t, char[] alt, NormalizerEngine.Workspace ws) {
        while (true) {
            if (pi < 0) {
                return ti + 1;
            }
            if (ti < 0 || --ws.backBudget < 0) {
                return -1; // no reading, or a pathological text: give this match up rather than stall
            }
            char pc = patChars[pOff + pi];
            char a = alt[ti];
            boolean same = t[ti] == pc || (a != 0 && a != Buffer.SKIP && a == pc);
            if (a == Buffer.SKIP) {
                if (same) {
                    int r = back(pOff, pi - 1, ti - 1, t, alt, ws);
                    if (r >= 0) {
                        return r;
                    }
                }
                ti--; // read the optional character as absent
                continue;
            }
            if (!same) {
                return -1;
            }
            pi--;
            ti--;
        }
    }

    /** Whether the text reads as having no word character just before {@code start}. */
    static boolean boundaryBefore(char[] t, char[] alt, int n, int start) {
        for (int k = start - 1; ; k--) {
            if (k < 0 || !isWordChar(t, n, k)) {
                return true;
            }
            if (alt == null || alt[k] != Buffer.SKIP) {
                return false;
            }
        }
    }

    /** Whether the text reads as having no word character at {@code end}. */
    static boolean boundaryAfter(char[] t, char[] alt, int n, int end) {
        for (int k = end; ; k++) {
            if (k >= n || !isWordChar(t, n, k)) {
                return true;
            }
            if (alt == null || alt[k] != Buffer.SKIP) {
                return false;
            }
        }
    }

    /** A letter, digit or combining mark, looking at the whole code point around {@code k}. */
    public static boolean isWordChar(char[] t, int n, int k) {
        char c = t[k];
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (!Character.isSurrogate(c)) {
            return CharClass.isWord(c);
        }
        int cp = c;
        if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(t[k + 1])) {
            cp = Character.toCodePoint(c, t[k + 1]);
        } else if (Character.isLowSurrogate(c) && k > 0 && Character.isHighSurrogate(t[k - 1])) {
            cp = Character.toCodePoint(t[k - 1], c);
        }
        return CharClass.isWord(cp);
    }
}
