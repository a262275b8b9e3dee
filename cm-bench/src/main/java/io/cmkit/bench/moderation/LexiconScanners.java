package io.cmkit.bench.moderation;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.cmkit.core.text.Match;
import io.cmkit.core.text.MatchMode;
import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.OverlapPolicy;
import io.cmkit.core.text.PatternMatcher;
import io.cmkit.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ahocorasick.trie.PayloadTrie;

/**
 * One lexicon, five ways to scan a comment with it (and a sixth, {@link CeilingScanner}, for
 * reference), all answering the same question so their answers can be compared before any is
 * timed.
 *
 * <p><b>The question.</b> Every scanner receives the same text: the comment normalised once by
 * cmkit's {@code STRICT_MATCHING} normaliser ({@link #normalize}): lower case, no accents,
 * look-alike and styled letters read, leetspeak read, spaced letters joined, repeats collapsed,
 * whitespace runs collapsed. Its answer is the list of <em>term ids</em> with their
 * {@code [start, end)} offsets in that text, for:
 * <ul>
 *   <li>whole words: no letter, decimal digit or combining mark ({@code \p{L}\p{Nd}\p{M}})
 *       directly before or after the match;</li>
 *   <li>leftmost-longest, non-overlapping: from the left, the longest whole-word term at the
 *       first position where one starts, then on after its end (what a regex alternation
 *       sorted longest first answers).</li>
 * </ul>
 * The terms themselves are normalised by the same normaliser and deduplicated, so every scanner
 * holds exactly the same strings with the same ids. The anchors need a little work of their own
 * to answer this (a boundary test and the leftmost-longest choice over their raw hits, shared in
 * {@link #leftmostLongest}); that work is part of what they are timed for, since an application
 * would need it too.
 *
 * <p>{@link #cmkitFull} is the workload of issue 5 (a): the raw comment in, cmkit normalises it
 * itself and answers in offsets of the raw comment, so its answers are not compared with the
 * others (cmkit also reads two-way leet such as {@code 1} as {@code i} or {@code l}, which a
 * pre-normalised text cannot express); {@link #cmkitNormalized} does the same work as the
 * anchors, from the pre-normalised text, and is compared.
 */
public final class LexiconScanners {

    /** One match: the term id and its span in the scanned text. */
    public record Hit(int term, int start, int end) {
    }

    private static final TextNormalizer STRICT = TextNormalizer.of(NormalizationOptions.STRICT_MATCHING);

    private final List<String> terms;
    private final PatternMatcher<Integer> cmkitStrict;
    private final PatternMatcher<Integer> cmkitNone;
    private final PayloadTrie<Integer> ahoCorasick;
    private final AhoCorasickDoubleArrayTrie<Integer> doubleArray;
    private final Pattern regex;
    private final CeilingScanner ceiling;
    private final Map<String, Integer> idOf;

    /** Compiles the scanners over {@code lexicon} (normalised, then deduplicated). */
    public LexiconScanners(List<String> lexicon) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String term : lexicon) {
            ids.putIfAbsent(normalize(term).strip(), ids.size());
        }
        this.terms = List.copyOf(ids.keySet());
        this.idOf = new HashMap<>(ids);
        this.cmkitStrict = cmkit(terms, NormalizationOptions.STRICT_MATCHING);
        this.cmkitNone = cmkit(terms, NormalizationOptions.NONE);
        this.ahoCorasick = ahoCorasick(terms);
        this.doubleArray = doubleArray(terms);
        this.regex = regex(terms);
        this.ceiling = new CeilingScanner(terms);
    }

    /** The deduplicated normalised terms; a term's id is its index. */
    public List<String> terms() {
        return terms;
    }

    /** The text every scanner but {@link #cmkitFull} receives. */
    public static String normalize(String comment) {
        return STRICT.normalize(comment).text();
    }

    static PatternMatcher<Integer> cmkit(List<String> terms, NormalizationOptions options) {
        PatternMatcher.Builder<Integer> b = PatternMatcher.<Integer>builder().normalization(options)
                .overlap(OverlapPolicy.LEFTMOST_LONGEST);
        for (int i = 0; i < terms.size(); i++) {
            b.add(terms.get(i), MatchMode.WHOLE_WORD, i);
        }
        return b.build();
    }

    static PayloadTrie<Integer> ahoCorasick(List<String> terms) {
        PayloadTrie.PayloadTrieBuilder<Integer> b = PayloadTrie.builder();
        for (int i = 0; i < terms.size(); i++) {
            b.addKeyword(terms.get(i), i);
        }
        return b.build();
    }

    static AhoCorasickDoubleArrayTrie<Integer> doubleArray(List<String> terms) {
        TreeMap<String, Integer> map = new TreeMap<>();
        for (int i = 0; i < terms.size(); i++) {
            map.put(terms.get(i), i);
        }
        AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(map);
        return trie;
    }

    /** One alternation, longest terms first so the regex picks the longest at each start. */
    static Pattern regex(List<String> terms) {
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder b = new StringBuilder(terms.size() * 12);
        b.append("(?<![\\p{L}\\p{Nd}\\p{M}])(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                b.append('|');
            }
            b.append(Pattern.quote(sorted.get(i)));
        }
        return Pattern.compile(b.append(")(?![\\p{L}\\p{Nd}\\p{M}])").toString());
    }

    /**
     * cmkit from the raw comment: normalisation, scan, offsets in the raw comment, through
     * {@link PatternMatcher#forEachMatch} (the spans without a {@code Match} and its substring).
     */
    public List<Hit> cmkitFull(String comment) {
        return hits(cmkitStrict, comment);
    }

    /** cmkit from the pre-normalised text, matching as is (no second normalisation). */
    public List<Hit> cmkitNormalized(String normalized) {
        return hits(cmkitNone, normalized);
    }

    /** cmkit from the raw comment through {@link PatternMatcher#findAll}: what {@link #cmkitFull} must equal. */
    public List<Hit> cmkitFullMatches(String comment) {
        return hits(cmkitStrict.findAll(comment));
    }

    private static List<Hit> hits(PatternMatcher<Integer> matcher, String text) {
        HitList out = new HitList();
        matcher.forEachMatch(text, out);
        return out.hits == null ? List.of() : out.hits;
    }

    /** Collects the handed matches as hits; allocates a list only for a text with matches. */
    private static final class HitList implements PatternMatcher.MatchHandler<Integer> {
        List<Hit> hits;

        @Override
        public void onMatch(Integer term, int start, int end) {
            if (hits == null) {
                hits = new ArrayList<>(4);
            }
            hits.add(new Hit(term, start, end));
        }
    }

    private static List<Hit> hits(List<Match<Integer>> matches) {
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>(matches.size());
        for (Match<Integer> m : matches) {
            out.add(new Hit(m.payload(), m.start(), m.end()));
        }
        return out;
    }

    /** org.ahocorasick 0.6.3: every raw emit through its handler, then the shared choice. */
    public List<Hit> ahoCorasick(String normalized) {
        Raw raw = new Raw();
        ahoCorasick.parseText(normalized, emit -> {
            raw.add(emit.getPayload(), emit.getStart(), emit.getEnd() + 1); // its end is inclusive
            return true;
        });
        return leftmostLongest(normalized, raw);
    }

    /** com.hankcs 1.2.2 double-array Aho-Corasick: every raw hit, then the shared choice. */
    public List<Hit> doubleArray(String normalized) {
        Raw raw = new Raw();
        doubleArray.parseText(normalized, (AhoCorasickDoubleArrayTrie.IHit<Integer>) (begin, end, id) -> raw.add(id, begin, end));
        return leftmostLongest(normalized, raw);
    }

    /**
     * The {@link CeilingScanner}: no normalisation, a dense trie walked from word starts. Not an
     * anchor: what a scanner doing none of cmkit's normalisation could reach.
     */
    public List<Hit> ceiling(String normalized) {
        return ceiling.scan(normalized);
    }

    /** One java.util.regex alternation: whole words by look-around, leftmost-longest by itself. */
    public List<Hit> regex(String normalized) {
        Matcher m = regex.matcher(normalized);
        List<Hit> out = null;
        while (m.find()) {
            if (out == null) {
                out = new ArrayList<>(4);
            }
            out.add(new Hit(idOf.get(m.group()), m.start(), m.end()));
        }
        return out == null ? List.of() : out;
    }

    /** Raw (term, start, end) triples. */
    static final class Raw {
        int[] triples = new int[24];
        int count;

        void add(int term, int start, int end) {
            if (count * 3 == triples.length) {
                triples = Arrays.copyOf(triples, triples.length * 2);
            }
            triples[count * 3] = term;
            triples[count * 3 + 1] = start;
            triples[count * 3 + 2] = end;
            count++;
        }
    }

    /** Keeps whole-word hits, then chooses leftmost-longest among them. */
    static List<Hit> leftmostLongest(String text, Raw raw) {
        List<Hit> whole = new ArrayList<>(raw.count);
        for (int i = 0; i < raw.count; i++) {
            int s = raw.triples[i * 3 + 1];
            int e = raw.triples[i * 3 + 2];
            if (!wordBefore(text, s) && !wordAt(text, e)) {
                whole.add(new Hit(raw.triples[i * 3], s, e));
            }
        }
        if (whole.isEmpty()) {
            return List.of();
        }
        whole.sort(BY_START_LONGEST);
        List<Hit> out = new ArrayList<>(whole.size());
        int end = -1;
        for (Hit h : whole) {
            if (h.start() >= end) {
                out.add(h);
                end = h.end();
            }
        }
        return out;
    }

    private static final Comparator<Hit> BY_START_LONGEST = (a, b) -> a.start() != b.start()
            ? Integer.compare(a.start(), b.start())
            : a.end() != b.end() ? Integer.compare(b.end(), a.end()) : Integer.compare(a.term(), b.term());

    private static boolean wordBefore(String t, int i) {
        return i > 0 && isWord(t.codePointBefore(i));
    }

    private static boolean wordAt(String t, int i) {
        return i < t.length() && isWord(t.codePointAt(i));
    }

    /** A letter, decimal digit or combining mark: {@code [\p{L}\p{Nd}\p{M}]}. */
    static boolean isWord(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Checks that every scanner gives the same answer for each text, and returns how many hits
     * they agreed on.
     *
     * @throws IllegalStateException naming the first text, scanner and both answers that differ
     */
    public long requireSameMatches(List<String> normalizedTexts, boolean withRegex) {
        long total = 0;
        for (int i = 0; i < normalizedTexts.size(); i++) {
            String t = normalizedTexts.get(i);
            List<Hit> expected = ahoCorasick(t);
            same(i, t, "cmkit (pre-normalised)", expected, cmkitNormalized(t));
            same(i, t, "hankcs double-array", expected, doubleArray(t));
            same(i, t, "the ceiling scanner", expected, ceiling(t));
            if (withRegex) {
                same(i, t, "java.util.regex", expected, regex(t));
            }
            total += expected.size();
        }
        return total;
    }

    /**
     * Checks that {@link #cmkitFull} (through {@code forEachMatch}) gives, for each raw comment,
     * the same hits as cmkit's {@code findAll}, and returns how many.
     *
     * @throws IllegalStateException naming the first comment and both answers if they differ
     */
    public long requireSameFullMatches(List<String> rawComments) {
        long total = 0;
        for (int i = 0; i < rawComments.size(); i++) {
            String c = rawComments.get(i);
            List<Hit> expected = cmkitFullMatches(c);
            List<Hit> actual = cmkitFull(c);
            if (!expected.equals(actual)) {
                throw new IllegalStateException("comment " + i + " \"" + c + "\": findAll found " + expected
                        + " but forEachMatch found " + actual);
            }
            total += expected.size();
        }
        return total;
    }

    private void same(int index, String text, String who, List<Hit> expected, List<Hit> actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("text " + index + " \"" + text + "\": org.ahocorasick found "
                    + describe(expected, text) + " but " + who + " found " + describe(actual, text));
        }
    }

    private String describe(List<Hit> hits, String text) {
        StringBuilder b = new StringBuilder("[");
        for (Hit h : hits) {
            b.append(b.length() > 1 ? ", " : "").append(terms.get(h.term())).append('@').append(h.start()).append('-')
                    .append(h.end()).append(" \"").append(text, h.start(), h.end()).append('"');
        }
        return b.append(']').toString();
    }

    /** The compiled cmkit matcher (strict normalisation), for heap measurements. */
    PatternMatcher<Integer> cmkitMatcher() {
        return cmkitStrict;
    }
}
