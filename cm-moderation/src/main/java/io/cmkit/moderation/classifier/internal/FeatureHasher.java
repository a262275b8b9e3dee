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

    public Vector vectorize(String comment) {
        String original = comment.length() > MAX_CHARS ? comment.substring(0, MAX_CHARS) : comment;
        String text = NORMALIZER.normalize(original).text();
        List<Token> tokens = Tokenizer.standard().tokenize(text);
        int[] hashes = new int[64];
        int n = 0;
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
                String domain = Domains.registrableDomain(t.text()).orElse("?");
                hashes = grow(hashes, n + 1);
                hashes[n++] = hash('d', domain);
            }
        }
        for (int i = 0; i < words.size(); i++) {
            hashes = grow(hashes, n + options.maxWordNgram());
            hashes[n++] = hash('w', words.get(i));
            if (options.maxWordNgram() >= 2 && i + 1 < words.size()) {
                hashes[n++] = hash('b', words.get(i) + ' ' + words.get(i + 1));
            }
            if (options.maxWordNgram() >= 3 && i + 2 < words.size()) {
                hashes[n++] = hash('t', words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
            }
        }
        if (options.minCharNgram() > 0) {
            for (Token t : tokens) {
                if (t.type() != TokenType.WORD && t.type() != TokenType.HASHTAG) {
                    continue;
                }
                String w = ' ' + t.text() + ' ';
                for (int len = options.minCharNgram(); len <= options.maxCharNgram(); len++) {
                    for (int s = 0; s + len <= w.length(); s++) {
                        hashes = grow(hashes, n + 1);
                        hashes[n++] = hashRange('c', w, s, s + len);
                    }
                }
            }
        }
        // shape: length bucket, shouting, links
        hashes = grow(hashes, n + 3);
        hashes[n++] = hash('s', "len" + Math.min(8, 32 - Integer.numberOfLeadingZeros(original.length())));
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
            hashes[n++] = hash('s', "caps");
        }
        if (tokens.isEmpty()) {
            hashes[n++] = hash('s', "empty");
        }
        for (int i = 0; i < n; i++) {
            hashes[i] &= mask;
        }
        Arrays.sort(hashes, 0, n);
        int[] idx = new int[n];
        float[] val = new float[n];
        int m = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && hashes[j] == hashes[i]) {
                j++;
            }
            idx[m] = hashes[i];
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
