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
 * @param targetCues whether English cues of an insult aimed at someone are features too: a word
 *     of a list of words said of people to insult them ("moron", "weirdo", "pathetic"), such a word
 *     after a second-person word or standing alone as a vocative ("Read it again, moron."), a "you
 *     are" construction and one whose predicate is such a word ("you're such a sad little ..."),
 *     and dismissive phrases ("get a life", "people like you"); indicator features like the
 *     lexicon cues (added in model format version 2)
 */
public record HashingOptions(int bits, int maxWordNgram, int minCharNgram, int maxCharNgram, long seed, boolean lexiconCues,
        boolean targetCues) {

    /** 2^18 buckets, word unigrams and bigrams, character 3- to 5-grams, seed 42, lexicon cues, target cues. */
    public static final HashingOptions DEFAULTS = new HashingOptions(18, 2, 3, 5, 42, true, true);

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

    /** Options without target cues (the six options of cmkit before model format version 2). */
    public HashingOptions(int bits, int maxWordNgram, int minCharNgram, int maxCharNgram, long seed, boolean lexiconCues) {
        this(bits, maxWordNgram, minCharNgram, maxCharNgram, seed, lexiconCues, false);
    }

    /** A copy with another seed. */
    public HashingOptions withSeed(long seed) {
        return new HashingOptions(bits, maxWordNgram, minCharNgram, maxCharNgram, seed, lexiconCues, targetCues);
    }

    /** A copy with another number of buckets. */
    public HashingOptions withBits(int bits) {
        return new HashingOptions(bits, maxWordNgram, minCharNgram, maxCharNgram, seed, lexiconCues, targetCues);
    }

    /** A copy with lexicon cues on or off. */
    public HashingOptions withLexiconCues(boolean on) {
        return new HashingOptions(bits, maxWordNgram, minCharNgram, maxCharNgram, seed, on, targetCues);
    }

    /** A copy with target cues on or off. */
    public HashingOptions withTargetCues(boolean on) {
        return new HashingOptions(bits, maxWordNgram, minCharNgram, maxCharNgram, seed, lexiconCues, on);
    }
}
