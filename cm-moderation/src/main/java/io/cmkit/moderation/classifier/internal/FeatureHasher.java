package io.cmkit.moderation.classifier.internal;

import io.cmkit.core.text.NormalizationOptions;
import io.cmkit.core.text.TextNormalizer;
import io.cmkit.core.text.Token;
import io.cmkit.core.text.TokenType;
import io.cmkit.core.text.Tokenizer;
import io.cmkit.core.text.Domains;
import io.cmkit.moderation.classifier.HashingOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns a comment into a sparse, L2-normalised vector of hashed features. Immutable, thread-safe. */
public final class FeatureHasher {

    /** Comments are cut to this many characters before hashing. */
    public static final int MAX_CHARS = 5_000;

    private static final TextNormalizer NORMALIZER = TextNormalizer.of(NormalizationOptions.TEXT_SEARCH);

    private final HashingOptions options;
    private final int mask;

    public FeatureHasher(HashingOptions options) {
        this.options = options;
        this.mask = (1 << options.bits()) - 1;
    }

    public HashingOptions options() {
        return options;
    }

    public int buckets() {
        return mask + 1;
    }

    /** A sparse vector: indices sorted, no duplicates. */
    public record Vector(int[] index, float[] value) {
    }

    /** The whole vector: the word view and the character view added. */
    public Vector vectorize(String comment) {
        return views(comment).all();
    }

    /**
     * A comment seen three ways: the words (word n-grams, second-person context, shape, and the
     * cues), the characters (character n-grams), and both added ({@code all}).
     */
    public record Views(Vector all, Vector words, Vector chars) {
    }

    /** The three views of a comment (see {@link Views}). */
    public Views views(String comment) {
        String original = comment.length() > MAX_CHARS ? comment.substring(0, MAX_CHARS) : comment;
        String text = NORMALIZER.normalize(original).text();
        List<Token> tokens = Tokenizer.standard().tokenize(text);
        Hashes wordBlock = new Hashes();
        Hashes charBlock = new Hashes();
        List<String> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            String w = switch (t.type()) {
                case URL -> "<url>";
                case EMAIL -> "<email>";
                case MENTION -> "<mention>";
                case NUMBER -> "<num>";
                default -> t.text();
            };
            words.add(w);
            if (t.type() == TokenType.URL) {
                wordBlock.add(hash('d', Domains.registrableDomain(t.text()).orElse("?")));
            }
        }
        for (int i = 0; i < words.size(); i++) {
            wordBlock.add(hash('w', words.get(i)));
            if (options.maxWordNgram() >= 2 && i + 1 < words.size()) {
                wordBlock.add(hash('b', words.get(i) + ' ' + words.get(i + 1)));
            }
            if (options.maxWordNgram() >= 3 && i + 2 < words.size()) {
                wordBlock.add(hash('t', words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2)));
            }
        }
        // what is said to someone: a second-person word and each of the three words after it
        for (int i = 0; i < words.size(); i++) {
            if (SECOND_PERSON.contains(words.get(i))) {
                for (int j = i + 1; j < Math.min(words.size(), i + 4); j++) {
                    wordBlock.add(hash('y', words.get(j)));
                }
            }
        }
        // shape: length bucket, shouting, nothing
        wordBlock.add(hash('s', "len" + Math.min(8, 32 - Integer.numberOfLeadingZeros(original.length()))));
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        if (letters >= 8 && upper * 2 > letters) {
            wordBlock.add(hash('s', "caps"));
        }
        if (tokens.isEmpty()) {
            wordBlock.add(hash('s', "empty"));
        }
        if (options.minCharNgram() > 0) {
            for (Token t : tokens) {
                if (t.type() != TokenType.WORD && t.type() != TokenType.HASHTAG) {
                    continue;
                }
                String w = ' ' + t.text() + ' ';
                for (int len = options.minCharNgram(); len <= options.maxCharNgram(); len++) {
                    for (int s = 0; s + len <= w.length(); s++) {
                        charBlock.add(hashRange('c', w, s, s + len));
                    }
                }
            }
        }
        // each block is normalised on its own, so the many character n-grams do not drown the words
        Vector wordView = wordBlock.toUnitVector(mask);
        if (options.lexiconCues()) {
            wordView = withLexiconCues(original, wordView);
        }
        if (options.targetCues()) {
            wordView = withTargetCues(text, tokens, wordView);
        }
        Vector charView = charBlock.toUnitVector(mask);
        return new Views(merge(wordView, charView, 0), wordView, charView);
    }

    /** A growable list of hashes. */
    private static final class Hashes {
        int[] a = new int[64];
        int n;

        void add(int h) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = h;
        }

        /** Counts per bucket, damped (1 + log count), then scaled to unit length. */
        Vector toUnitVector(int mask) {
            for (int i = 0; i < n; i++) {
                a[i] &= mask;
            }
            Arrays.sort(a, 0, n);
            int[] idx = new int[n];
            float[] val = new float[n];
            int m = 0;
            for (int i = 0; i < n; ) {
                int j = i;
                while (j < n && a[j] == a[i]) {
                    j++;
                }
                idx[m] = a[i];
                val[m] = (float) (1 + Math.log(j - i));
                m++;
                i = j;
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += val[i] * val[i];
            }
            if (norm > 0) {
                float inv = (float) (1 / Math.sqrt(norm));
                for (int i = 0; i < m; i++) {
                    val[i] *= inv;
                }
            }
            return new Vector(Arrays.copyOf(idx, m), Arrays.copyOf(val, m));
        }
    }

    /**
     * The value of each cue (lexicon hit, target cue) added to the unit-length n-gram vector: half
     * the weight of a whole n-gram block (cross-validated on the insult training file: 0.770
     * against 0.768 at 1 with every cue).
     */
    static final float CUE_VALUE = 0.5f;

    /** The sum of two sparse vectors; with {@code indicator} > 0, y's entries count that much each, once. */
    private static Vector merge(Vector x, Vector y, float indicator) {
        boolean isIndicator = indicator > 0;
        int[] xi = x.index();
        float[] xv = x.value();
        int[] yi = y.index();
        float[] yv = y.value();
        int[] oi = new int[xi.length + yi.length];
        float[] ov = new float[oi.length];
        int i = 0;
        int j = 0;
        int o = 0;
        while (i < xi.length || j < yi.length) {
            if (j >= yi.length || (i < xi.length && xi[i] < yi[j])) {
                oi[o] = xi[i];
                ov[o++] = xv[i++];
            } else if (i >= xi.length || yi[j] < xi[i]) {
                oi[o] = yi[j];
                ov[o++] = isIndicator ? indicator : yv[j];
                j++;
            } else {
                oi[o] = xi[i];
                ov[o++] = xv[i++] + (isIndicator ? indicator : yv[j]);
                j++;
            }
        }
        return new Vector(Arrays.copyOf(oi, o), Arrays.copyOf(ov, o));
    }

    private static final java.util.Set<String> SECOND_PERSON = java.util.Set.of("you", "your", "youre", "you're",
            "yours", "yourself", "ya", "u", "ur", "tu", "te", "t'", "toi", "vous", "ta", "ton", "tes", "vos", "votre", "t'es");

    /** Lexicon hits as indicator features, added to the normalised vector. */
    private Vector withLexiconCues(String original, Vector v) {
        List<io.cmkit.moderation.lexicon.LexiconHit> hits = io.cmkit.moderation.lexicon.Lexicons.defaults().scan(original);
        if (hits.isEmpty()) {
            return v;
        }
        List<Token> words = Tokenizer.standard().tokenize(original);
        int[] extra = new int[hits.size() * 3];
        int k = 0;
        for (io.cmkit.moderation.lexicon.LexiconHit h : hits) {
            extra[k++] = hash('L', h.category()) & mask;
            extra[k++] = hash('T', h.category() + ':' + h.term()) & mask;
            if (aimedAtSomeone(words, h.start(), h.end())) {
                extra[k++] = hash('Y', h.category()) & mask;
            }
        }
        return merge(v, indicators(extra, k), CUE_VALUE);
    }

    /** The target cues ({@link TargetCues}) as indicator features, added to the vector. */
    private Vector withTargetCues(String text, List<Token> tokens, Vector v) {
        java.util.Set<String> cues = TargetCues.of(text, tokens);
        if (cues.isEmpty()) {
            return v;
        }
        int[] hashes = new int[cues.size()];
        int k = 0;
        for (String cue : cues) {
            hashes[k++] = hash('Q', cue) & mask;
        }
        return merge(v, indicators(hashes, k), CUE_VALUE);
    }

    /** The first {@code k} bucket numbers, sorted and each once (a cue is present or not). */
    private static Vector indicators(int[] buckets, int k) {
        Arrays.sort(buckets, 0, k);
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (m == 0 || buckets[m - 1] != buckets[i]) {
                buckets[m++] = buckets[i];
            }
        }
        return new Vector(Arrays.copyOf(buckets, m), new float[m]);
    }

    /** Whether a second-person word is among the four words before the hit, or is the hit's own first word. */
    private static boolean aimedAtSomeone(List<Token> words, int start, int end) {
        int first = 0;
        while (first < words.size() && words.get(first).end() <= start) {
            first++;
        }
        for (int w = Math.max(0, first - 4); w < Math.min(words.size(), first + 1); w++) {
            Token t = words.get(w);
            if (t.start() < end && SECOND_PERSON.contains(t.text().toLowerCase(java.util.Locale.ROOT).replace('’', '\''))) {
                return true;
            }
        }
        return false;
    }

    private static int[] grow(int[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
    }

    private int hash(char kind, String s) {
        return hashRange(kind, s, 0, s.length());
    }

    /** FNV-1a over the kind and the characters, seeded, then MurmurHash3's finaliser. */
    private int hashRange(char kind, String s, int from, int to) {
        int h = 0x811C9DC5 ^ (int) options.seed() ^ (int) (options.seed() >>> 32);
        h = (h ^ kind) * 0x01000193;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
