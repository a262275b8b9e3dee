package io.cmkit.moderation.classifier;

/**
 * How a comment becomes features: it is normalised ({@code TEXT_SEARCH}: NFKC, case, accents,
 * repeated letters), cut into tokens (words, URLs, mentions, hashtags, emoji), and its word
 * n-grams and character n-grams (inside each word padded with spaces) are hashed into
 * {@code 2^bits} buckets.
 *
 * @param bits log2 of the number of buckets, 10 to 24 (18 gives 262,144)
 * @param maxWordNgram 1 for words alone, 2 to add word pairs
 * @param minCharNgram shortest character n-gram, 0 for none
 * @param maxCharNgram longest character n-gram
 * @param seed the hashing seed: two models must share it to be compared
 * @param lexiconCues whether the hits of the default lexicons ({@code Lexicons.defaults()}) are
 *     features too: each category, each term, and each category aimed at someone (a second-person
 *     word such as "you", "your", "tu", "vous", "ta" within four words before the hit); they are
 *     indicator features added after the n-gram vector is normalised
 */
public record HashingOptions(int bits, int maxWordNgram, int minCharNgram, int maxCharNgram, long seed, boolean lexiconCues) {

    /** 2^18 buckets, word unigrams and bigrams, character 3- to 5-grams, seed 42, lexicon cues. */
    public static final HashingOptions DEFAULTS = new HashingOptions(18, 2, 3, 5, 42, true);

    public HashingOptions {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("bits must be in [10, 24], not " + bits);
        }
        if (maxWordNgram < 1 || maxWordNgram > 3) {
            throw new IllegalArgumentException("maxWordNgram must be 1, 2 or 3, not " + maxWordNgram);
        }
        if (minCharNgram != 0 && (minCharNgram < 1 || maxCharNgram < minCharNgram || maxCharNgram > 8)) {
            throw new IllegalArgumentException("character n-grams must satisfy 1 <= min <= max <= 8 (or min 0 for none)");
        }
    }

    /** A copy with another seed. */
    public HashingOptions withSeed(long seed) {
        return new HashingOptions(bits, maxWordNgram, minCharNgram, maxCharNgram, seed, lexiconCues);
    }

    /** A copy with another number of buckets. */
    public HashingOptions withBits(int bits) {
        return new HashingOptions(bits, maxWordNgram, minCharNgram, maxCharNgram, seed, lexiconCues);
    }

    /** A copy with lexicon cues on or off. */
    public HashingOptions withLexiconCues(boolean on) {
        return new HashingOptions(bits, maxWordNgram, minCharNgram, maxCharNgram, seed, on);
    }
}
