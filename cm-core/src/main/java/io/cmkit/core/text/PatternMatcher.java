package io.cmkit.core.text;

import io.cmkit.core.text.internal.Automaton;
import io.cmkit.core.text.internal.Buffer;
import io.cmkit.core.text.internal.NormalizerEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds many patterns at once in a text, after normalising both the same way, and reports each
 * match with its payload and its span in the original text.
 *
 * <pre>{@code
 * PatternMatcher<String> m = PatternMatcher.<String>builder()
 *         .add("connard", MatchMode.WHOLE_WORD, "insult")
 *         .add("arnaq", MatchMode.PREFIX, "scam")
 *         .add("sale con", MatchMode.WHOLE_WORD, "insult")
 *         .build();
 * m.findAll("C0NNNARD, c'est une @rnaque");
 * // [Match[payload=insult, pattern=connard, start=0, end=8, text=C0NNNARD],
 * //  Match[payload=scam, pattern=arnaq, start=20, end=27, text=@rnaque]]   (a prefix match covers its word)
 * }</pre>
 *
 * <p>The automaton is built once by {@link Builder#build()}; the matcher is immutable and can be
 * shared by any number of threads. A scan is linear in the text whatever the number of patterns
 * (a double-array trie walked from word starts for whole-word and prefix patterns, Aho-Corasick
 * for the others; see {@code docs/text.md}).
 *
 * @param <P> the payload type: a category, a rule, a listening query...
 */
public final class PatternMatcher<P> {

    private final NormalizationOptions options;
    private final TextNormalizer normalizer;
    private final OverlapPolicy overlap;
    /** Patterns that must start a word: walked from word starts only; null if none. */
    private final Automaton anchored;
    /** The others (suffixes, anywhere, patterns starting with a non-word character); null if none. */
    private final Automaton floating;
    private final Object[] payloads;
    private final String[] sources;
    private final MatchMode[] modes;

    private PatternMatcher(Builder<P> b) {
        this.options = b.options;
        this.normalizer = TextNormalizer.of(b.options);
        this.overlap = b.overlap;
        int n = b.patterns.size();
        List<char[]> chars = new ArrayList<>(n);
        byte[] flags = new byte[n];
        payloads = new Object[n];
        sources = new String[n];
        modes = new MatchMode[n];
        NormalizerEngine engine = normalizer.engine();
        NormalizerEngine.Workspace ws = NormalizerEngine.workspace();
        for (int i = 0; i < n; i++) {
            Entry<P> e = b.patterns.get(i);
            Buffer buf = engine.normalize(e.pattern, ws);
            int from = 0;
            int to = buf.length;
            while (from < to && buf.chars[from] == ' ') {
                from++;
            }
            while (to > from && buf.chars[to - 1] == ' ') {
                to--;
            }
            if (from == to) {
                throw new IllegalArgumentException("pattern \"" + e.pattern + "\" is empty once normalised");
            }
            char[] p = Arrays.copyOfRange(buf.chars, from, to);
            chars.add(p);
            int f = 0;
            if ((e.mode == MatchMode.WHOLE_WORD || e.mode == MatchMode.PREFIX) && Automaton.isWordChar(p, p.length, 0)) {
                f |= Automaton.NEED_START;
            }
            if ((e.mode == MatchMode.WHOLE_WORD || e.mode == MatchMode.SUFFIX)
                    && Automaton.isWordChar(p, p.length, p.length - 1)) {
                f |= Automaton.NEED_END;
            }
            flags[i] = (byte) f;
            modes[i] = e.mode;
            payloads[i] = e.payload;
            sources[i] = e.pattern;
        }
        this.anchored = automaton(chars, flags, f -> (f & Automaton.NEED_START) != 0);
        this.floating = automaton(chars, flags, f -> (f & Automaton.NEED_START) == 0);
    }

    /** The automaton of the patterns whose flags pass {@code which}, or null if there are none. */
    private static Automaton automaton(List<char[]> chars, byte[] flags, java.util.function.IntPredicate which) {
        List<char[]> selected = new ArrayList<>();
        int[] ids = new int[flags.length];
        int count = 0;
        for (int i = 0; i < flags.length; i++) {
            if (which.test(flags[i])) {
                selected.add(chars.get(i));
                ids[count++] = i;
            }
        }
        if (count == 0) {
            return null;
        }
        byte[] f = new byte[count];
        for (int i = 0; i < count; i++) {
            f[i] = flags[ids[i]];
        }
        return new Automaton(selected, f, Arrays.copyOf(ids, count));
    }

    /**
     * Writes the raw matches to {@code ws.raw} as (pattern, start, end) triples in normalised
     * indices; returns how many.
     */
    private int scan(char[] chars, char[] alt, int n, NormalizerEngine.Workspace ws) {
        return scan(chars, alt, n, ws, false);
    }

    private int scan(char[] chars, char[] alt, int n, NormalizerEngine.Workspace ws, boolean reference) {
        ws.rawCount = 0;
        if (anchored != null) {
            anchored.scanAnchored(chars, alt, n, ws, reference);
        }
        if (floating != null) {
            floating.scan(chars, alt, n, ws, reference);
        }
        return ws.rawCount;
    }

    /** A builder whose patterns and texts are normalised with {@link NormalizationOptions#STRICT_MATCHING}. */
    public static <P> Builder<P> builder() {
        return new Builder<>();
    }

    /** The options texts and patterns are normalised with. */
    public NormalizationOptions options() {
        return options;
    }

    /** The overlap policy. */
    public OverlapPolicy overlapPolicy() {
        return overlap;
    }

    /** How many patterns it holds. */
    public int size() {
        return payloads.length;
    }

    /**
     * A close estimate of the heap the compiled patterns hold, in bytes (the arrays of the
     * automaton and the pattern table; not the payload objects and pattern strings, which the
     * caller owns).
     */
    public long estimatedHeapBytes() {
        return bytes(anchored) + bytes(floating) + 16L * payloads.length;
    }

    private static long bytes(Automaton a) {
        return a == null ? 0 : a.estimatedBytes();
    }

    /**
     * Every match in {@code text}, ordered by start, longer first, under the overlap policy. A
     * {@link MatchMode#PREFIX} or {@link MatchMode#SUFFIX} match spans the whole word it is part
     * of ({@code arnaq} in "arnaqueurs" highlights "arnaqueurs").
     */
    public List<Match<P>> findAll(CharSequence text) {
        return findAll(text, false);
    }

    /**
     * {@link #findAll(CharSequence)} the way it was first written: the word passes run from the
     * start of the text and every word start takes the recursive trie walk. The tests' reference
     * for the shortcuts.
     */
    List<Match<P>> findAllReference(CharSequence text) {
        return findAll(text, true);
    }

    private List<Match<P>> findAll(CharSequence text, boolean reference) {
        Objects.requireNonNull(text, "text");
        NormalizerEngine.Workspace ws = NormalizerEngine.workspace();
        Buffer b = normalizer.engine().normalize(text, ws, reference);
        int count = scan(b.chars, b.hasAlt ? b.alt : null, b.length, ws, reference);
        if (count == 0) {
            return List.of();
        }
        return matches(ws, select(ws, count, b.chars, b.length), b.starts, b.ends, text);
    }

    /**
     * Every match in a text already normalised (for instance to match it against several
     * matchers, or to tokenise and match the same normalisation).
     *
     * @throws IllegalArgumentException if it was normalised with other options
     */
    public List<Match<P>> findAll(NormalizedText text) {
        if (!text.options().equals(options)) {
            throw new IllegalArgumentException("text normalised with " + text.options() + ", matcher uses " + options);
        }
        NormalizerEngine.Workspace ws = NormalizerEngine.workspace();
        int count = scan(text.chars, text.alt, text.chars.length, ws);
        if (count == 0) {
            return List.of();
        }
        return matches(ws, select(ws, count, text.chars, text.chars.length), text.starts, text.ends, text.original());
    }

    /**
     * Receives matches one at a time: what {@link #forEachMatch} gives instead of {@link Match}
     * objects.
     *
     * @param <P> the payload type
     */
    @FunctionalInterface
    public interface MatchHandler<P> {

        /**
         * One match: its payload and its {@code [start, end)} in the original text, as
         * {@link Match#payload()}, {@link Match#start()} and {@link Match#end()} would give.
         */
        void onMatch(P payload, int start, int end);
    }

    /**
     * The matches {@link #findAll(CharSequence)} returns, in the same order, handed to
     * {@code handler} one by one without building a {@link Match} or a substring for each: for
     * scans of many texts that only need the spans (highlighting, counting, scoring). Returns
     * how many matches there were.
     */
    public int forEachMatch(CharSequence text, MatchHandler<? super P> handler) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(handler, "handler");
        NormalizerEngine.Workspace ws = NormalizerEngine.workspace();
        Buffer b = normalizer.engine().normalize(text, ws);
        int count = scan(b.chars, b.hasAlt ? b.alt : null, b.length, ws);
        if (count == 0) {
            return 0;
        }
        count = select(ws, count, b.chars, b.length);
        // Copied out first: the handler may itself scan on this thread, which reuses the workspace.
        int[] raw = count <= 8 && !ws.handedInUse ? ws.handed : new int[count * 3];
        int[] starts = b.starts;
        int[] ends = b.ends;
        for (int i = 0; i < count; i++) {
            raw[i * 3] = ws.raw[i * 3];
            raw[i * 3 + 1] = starts[ws.raw[i * 3 + 1]];
            raw[i * 3 + 2] = ends[ws.raw[i * 3 + 2] - 1];
        }
        boolean own = raw == ws.handed;
        ws.handedInUse |= own;
        try {
            for (int i = 0; i < count; i++) {
                @SuppressWarnings("unchecked")
                P payload = (P) payloads[raw[i * 3]];
                handler.onMatch(payload, raw[i * 3 + 1], raw[i * 3 + 2]);
            }
        } finally {
            if (own) {
                ws.handedInUse = false;
            }
        }
        return count;
    }

    /** The first match (by start, longer first), if any. */
    public Optional<Match<P>> findFirst(CharSequence text) {
        List<Match<P>> all = findAll(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Whether any pattern matches. */
    public boolean matches(CharSequence text) {
        Objects.requireNonNull(text, "text");
        NormalizerEngine.Workspace ws = NormalizerEngine.workspace();
        Buffer b = normalizer.engine().normalize(text, ws);
        return scan(b.chars, b.hasAlt ? b.alt : null, b.length, ws) > 0;
    }

    /**
     * Widens prefix and suffix matches to their word, sorts the raw (pattern, start, end)
     * triples, drops the same match reached twice and applies the overlap policy, in place in
     * {@code ws.raw}; returns how many are kept.
     */
    private int select(NormalizerEngine.Workspace ws, int count, char[] chars, int n) {
        int[] raw = ws.raw;
        // A prefix or suffix match highlights the whole word it is part of.
        for (int i = 0; i < count; i++) {
            MatchMode mode = modes[raw[i * 3]];
            if (mode == MatchMode.PREFIX) {
                int e = raw[i * 3 + 2];
                while (e < n && Automaton.isWordChar(chars, n, e)) {
                    e++;
                }
                raw[i * 3 + 2] = e;
            } else if (mode == MatchMode.SUFFIX) {
                int s = raw[i * 3 + 1];
                while (s > 0 && Automaton.isWordChar(chars, n, s - 1)) {
                    s--;
                }
                raw[i * 3 + 1] = s;
            }
        }
        sortTriples(raw, count);
        int kept = 0;
        int lastP = -1;
        int lastS = -1;
        int lastE = -1;
        int chosenS = -1;
        int chosenE = -1;
        for (int i = 0; i < count; i++) {
            int p = raw[i * 3];
            int s = raw[i * 3 + 1];
            int e = raw[i * 3 + 2];
            if (p == lastP && s == lastS && e == lastE) {
                continue; // the same match reached through two readings
            }
            lastP = p;
            lastS = s;
            lastE = e;
            if (overlap == OverlapPolicy.LEFTMOST_LONGEST) {
                if (s >= chosenE) {
                    chosenS = s;
                    chosenE = e;
                } else if (s != chosenS || e != chosenE) {
                    continue;
                }
            }
            raw[kept * 3] = p;
            raw[kept * 3 + 1] = s;
            raw[kept * 3 + 2] = e;
            kept++;
        }
        return kept;
    }

    @SuppressWarnings("unchecked")
    private List<Match<P>> matches(NormalizerEngine.Workspace ws, int count, int[] starts, int[] ends, CharSequence original) {
        int[] raw = ws.raw;
        List<Match<P>> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = raw[i * 3];
            int os = starts[raw[i * 3 + 1]];
            int oe = ends[raw[i * 3 + 2] - 1];
            result.add(new Match<>((P) payloads[p], sources[p], os, oe, original.subSequence(os, oe).toString()));
        }
        return Collections.unmodifiableList(result);
    }

    /** Sorts (pattern, start, end) triples by start, then longer first, then pattern. */
    private static void sortTriples(int[] a, int count) {
        if (count <= 32) {
            for (int i = 1; i < count; i++) {
                int p = a[i * 3];
                int s = a[i * 3 + 1];
                int e = a[i * 3 + 2];
                int j = i - 1;
                while (j >= 0 && compare(a[j * 3], a[j * 3 + 1], a[j * 3 + 2], p, s, e) > 0) {
                    a[j * 3 + 3] = a[j * 3];
                    a[j * 3 + 4] = a[j * 3 + 1];
                    a[j * 3 + 5] = a[j * 3 + 2];
                    j--;
                }
                a[j * 3 + 3] = p;
                a[j * 3 + 4] = s;
                a[j * 3 + 5] = e;
            }
            return;
        }
        Integer[] idx = new Integer[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        int[] copy = Arrays.copyOf(a, count * 3);
        Arrays.sort(idx, (x, y) -> compare(copy[x * 3], copy[x * 3 + 1], copy[x * 3 + 2],
                copy[y * 3], copy[y * 3 + 1], copy[y * 3 + 2]));
        for (int i = 0; i < count; i++) {
            int k = idx[i];
            a[i * 3] = copy[k * 3];
            a[i * 3 + 1] = copy[k * 3 + 1];
            a[i * 3 + 2] = copy[k * 3 + 2];
        }
    }

    private static int compare(int p1, int s1, int e1, int p2, int s2, int e2) {
        if (s1 != s2) {
            return Integer.compare(s1, s2);
        }
        if (e1 != e2) {
            return Integer.compare(e2, e1);
        }
        return Integer.compare(p1, p2);
    }

    private record Entry<P>(String pattern, MatchMode mode, P payload) {
    }

    /**
     * Collects patterns, then compiles them once. Not thread-safe; the matcher it builds is.
     *
     * @param <P> the payload type
     */
    public static final class Builder<P> {

        private NormalizationOptions options = NormalizationOptions.STRICT_MATCHING;
        private OverlapPolicy overlap = OverlapPolicy.ALL;
        private final List<Entry<P>> patterns = new ArrayList<>();

        private Builder() {
        }

        /** How patterns and texts are normalised; {@link NormalizationOptions#STRICT_MATCHING} unless set. */
        public Builder<P> normalization(NormalizationOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Which overlapping matches to report; {@link OverlapPolicy#ALL} unless set. */
        public Builder<P> overlap(OverlapPolicy policy) {
            this.overlap = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Adds a pattern: a word, a phrase (words separated by spaces, which match any run of
         * whitespace), a hashtag, an emoji... It is normalised with the same options as the texts.
         * The same pattern may be added several times with different payloads or modes.
         *
         * @throws IllegalArgumentException if the pattern is blank or normalises to nothing
         */
        public Builder<P> add(String pattern, MatchMode mode, P payload) {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(payload, "payload");
            if (pattern.isBlank()) {
                throw new IllegalArgumentException("pattern is blank");
            }
            patterns.add(new Entry<>(pattern, mode, payload));
            return this;
        }

        /** Adds each pattern with the same mode and payload. */
        public Builder<P> addAll(Iterable<String> patterns, MatchMode mode, P payload) {
            for (String p : patterns) {
                add(p, mode, payload);
            }
            return this;
        }

        /** Compiles the patterns. May be called again after more {@code add} calls. */
        public PatternMatcher<P> build() {
            return new PatternMatcher<>(this);
        }
    }
}
