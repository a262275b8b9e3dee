package io.cmkit.moderation.lexicon.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Misspelt lexicon words: a word of the comment that is a term with <b>one vowel left out</b>
 * ({@code womn}, {@code cancr}, {@code killd}: terms of five letters or more) or with <b>two
 * neighbouring letters swapped</b> ({@code haet}, {@code sikc}, {@code plageu}: terms of four
 * letters or more). The first letter is never the one dropped or swapped, and substitutions
 * and added letters are not read at all: those are how real words differ from one another
 * ({@code dancer} is not {@code cancer}, {@code back} is not {@code black}), while dropped vowels
 * and swapped letters are how people type fast or dodge a filter.
 *
 * <p>Whole-word terms must be the whole word; a prefix term ({@code connard*}) may be followed by
 * up to three letters ({@code connrds}). Only single words of ASCII letters (after the lexicon's
 * normalisation) are indexed. Lookups hash the variants of each word (64-bit FNV-1a, computed in
 * place, no allocation) against tables built once; immutable and thread-safe.
 */
public final class FuzzyIndex {

    /** Shortest term read with a swap; with a dropped vowel it is one more. */
    static final int MIN_SWAP = 4;
    static final int MIN_DROP = 5;
    /** Letters a prefix term may be followed by. */
    static final int MAX_SUFFIX = 3;
    private static final int MAX_WORD = 24;

    private final LongTable whole;
    private final LongTable prefix;
    private final int[][] ids;
    /**
     * The first four letters of every indexed key (5 bits a letter, one bit per head: 128 KB).
     * Every key is four letters or more, so a variant whose head is not here cannot hit: most
     * words are turned away with one bit read instead of a dozen hashed lookups.
     */
    private final long[] heads;

    private FuzzyIndex(LongTable whole, LongTable prefix, int[][] ids, long[] heads) {
        this.whole = whole;
        this.prefix = prefix;
        this.ids = ids;
        this.heads = heads;
    }

    /**
     * Indexes terms already normalised; {@code prefixes[i]} says whether term {@code i} is a
     * prefix term. Terms that are not single ASCII words long enough are left out.
     */
    public static FuzzyIndex of(List<String> terms, boolean[] prefixes) {
        LongTable.Builder whole = new LongTable.Builder();
        LongTable.Builder prefix = new LongTable.Builder();
        List<List<Integer>> groups = new ArrayList<>();
        long[] heads = new long[1 << (4 * 5 - 6)];
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            if (t.length() < MIN_SWAP || t.length() > MAX_WORD || !letters(t)) {
                continue;
            }
            LongTable.Builder into = prefixes[i] ? prefix : whole;
            char[] c = t.toCharArray();
            // The exact term, so that a swapped word can be read back to it.
            into.add(hash(c, c.length), i, groups);
            addHead(heads, c);
            if (t.length() >= MIN_DROP) {
                char[] dropped = new char[c.length - 1];
                for (int k = 1; k < c.length; k++) {
                    if (isVowel(c[k]) && c[k] != c[k - 1]) {
                        System.arraycopy(c, 0, dropped, 0, k);
                        System.arraycopy(c, k + 1, dropped, k, c.length - k - 1);
                        into.add(hash(dropped, dropped.length) ^ DROPPED, i, groups);
                        addHead(heads, dropped);
                    }
                }
            }
        }
        int[][] ids = new int[groups.size()][];
        for (int g = 0; g < ids.length; g++) {
            ids[g] = groups.get(g).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
        return new FuzzyIndex(whole.build(), prefix.build(), ids, heads);
    }

    /** The first four letters (a to z) of {@code w}, 5 bits each. */
    private static int head(char[] w) {
        return (w[0] - 'a') << 15 | (w[1] - 'a') << 10 | (w[2] - 'a') << 5 | (w[3] - 'a');
    }

    private static void addHead(long[] heads, char[] key) {
        int h = head(key);
        heads[h >>> 6] |= 1L << h;
    }

    private boolean mayHit(char[] w) {
        int h = head(w);
        return (heads[h >>> 6] & (1L << h)) != 0;
    }

    /** Receives a fuzzy match: the term's index and the word's span in the normalised text. */
    public interface Sink {
        void found(int term, int start, int end);
    }

    /** Words not to look at (already matched exactly, or allowed), by their span in the normalised text. */
    public interface Skip {
        boolean test(int start, int end);
    }

    /**
     * Reports, for every word of {@code text} (a normalised text) that {@code skip} does not
     * exclude, the terms it misspells (a term may be reported twice for one word).
     */
    public void find(String text, Skip skip, Sink sink) {
        int n = text.length();
        char[] w = new char[MAX_WORD];
        long[] prefixHashes = new long[MAX_WORD + 1];
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isLetter(text.charAt(i))) {
                i++;
            }
            int len = i - start;
            if (len < MIN_SWAP || len > MAX_WORD) {
                continue; // too short or too long to be read (tested first: most words are short)
            }
            // a word glued to a digit or another script is not a plain word
            boolean plain = (start == 0 || !letterOrDigit(text.charAt(start - 1)))
                    && (i == n || !letterOrDigit(text.charAt(i)));
            if (!plain) {
                continue;
            }
            text.getChars(start, i, w, 0);
            // Which variants can hit at all: a swap at 4 or later keeps the word's head.
            boolean asIs = mayHit(w);
            int swapsBefore4 = 0;
            for (int k = 1; k <= 3 && k + 1 < len; k++) {
                if (w[k] != w[k + 1]) {
                    swap(w, k);
                    if (mayHit(w)) {
                        swapsBefore4 |= 1 << k;
                    }
                    swap(w, k);
                }
            }
            if (!asIs && swapsBefore4 == 0 || skip.test(start, i)) {
                continue;
            }
            long h = FNV_OFFSET;
            prefixHashes[0] = h;
            for (int k = 0; k < len; k++) {
                h = (h ^ w[k]) * FNV_PRIME;
                prefixHashes[k + 1] = h;
            }
            int firstPrefix = Math.max(MIN_SWAP, len - MAX_SUFFIX);
            if (asIs) {
                // a dropped vowel: the word as it is
                for (int length = firstPrefix; length <= len; length++) {
                    report(prefix.get(prefixHashes[length] ^ DROPPED), start, i, sink);
                }
                report(whole.get(prefixHashes[len] ^ DROPPED), start, i, sink);
            }
            // A swap: swap it back. The prefixes before the swap are the word's own, the same for every
            // swap: each is looked up once, at the first swap that reaches it (a second lookup could only
            // report the same terms again).
            int unswappedDone = firstPrefix - 1;
            for (int k = 1; k + 1 < len; k++) {
                if (w[k] != w[k + 1] && (k >= 4 ? asIs : (swapsBefore4 & 1 << k) != 0)) {
                    for (int length = unswappedDone + 1; length <= k; length++) {
                        report(prefix.get(prefixHashes[length]), start, i, sink);
                    }
                    unswappedDone = Math.max(unswappedDone, k);
                    long s = prefixHashes[k];
                    for (int j = k; j < len; j++) {
                        s = (s ^ w[j == k ? k + 1 : j == k + 1 ? k : j]) * FNV_PRIME;
                        if (j + 1 >= firstPrefix) {
                            report(prefix.get(s), start, i, sink);
                        }
                    }
                    report(whole.get(s), start, i, sink);
                }
            }
        }
    }

    /** {@link Character#isLetterOrDigit(char)}, without its tables for ASCII (what the neighbours of most words are). */
    private static boolean letterOrDigit(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private void report(int group, int start, int end, Sink sink) {
        if (group < 0) {
            return;
        }
        for (int term : ids[group]) {
            sink.found(term, start, end);
        }
    }

    private static final long DROPPED = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    static long hash(char[] c, int len) {
        long h = FNV_OFFSET;
        for (int k = 0; k < len; k++) {
            h = (h ^ c[k]) * FNV_PRIME;
        }
        return h;
    }

    private static void swap(char[] w, int k) {
        char t = w[k];
        w[k] = w[k + 1];
        w[k + 1] = t;
    }

    private static boolean letters(String t) {
        for (int k = 0; k < t.length(); k++) {
            if (!isLetter(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /** An open-addressing table from 64-bit hashes to group numbers. */
    static final class LongTable {
        /** One bit per key in 2^20 bits (128 KB): most words are misses, answered without touching the table. */
        private static final int BLOOM_BITS = 20;
        private final long[] keys;
        private final int[] values;
        private final int mask;
        private final long[] bloom = new long[1 << (BLOOM_BITS - 6)];

        private LongTable(long[] keys, int[] values) {
            this.keys = keys;
            this.values = values;
            this.mask = keys.length - 1;
        }

        private static int bloomBit(long mixed) {
            return (int) (mixed >>> (64 - BLOOM_BITS));
        }

        int get(long key) {
            long k = key == 0 ? 1 : key;
            long mixed = mix(k);
            int bit = bloomBit(mixed);
            if ((bloom[bit >>> 6] & (1L << bit)) == 0) {
                return -1;
            }
            for (int s = (int) (mixed & mask); ; s = (s + 1) & mask) {
                if (keys[s] == k) {
                    return values[s];
                }
                if (keys[s] == 0) {
                    return -1;
                }
            }
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            return k ^ (k >>> 33);
        }

        static final class Builder {
            private final java.util.HashMap<Long, Integer> groupOf = new java.util.HashMap<>();

            void add(long key, int term, List<List<Integer>> groups) {
                long k = key == 0 ? 1 : key;
                Integer g = groupOf.get(k);
                if (g == null) {
                    g = groups.size();
                    groups.add(new ArrayList<>(1));
                    groupOf.put(k, g);
                }
                groups.get(g).add(term);
            }

            LongTable build() {
                int size = Integer.highestOneBit(Math.max(4, groupOf.size() * 2)) * 2;
                long[] keys = new long[size];
                int[] values = new int[size];
                Arrays.fill(values, -1);
                LongTable t = new LongTable(keys, values);
                groupOf.forEach((k, g) -> {
                    int bit = bloomBit(mix(k));
                    t.bloom[bit >>> 6] |= 1L << bit;
                    int s = (int) (mix(k) & t.mask);
                    while (keys[s] != 0) {
                        s = (s + 1) & t.mask;
                    }
                    keys[s] = k;
                    values[s] = g;
                });
                return t;
            }
        }
    }
}
