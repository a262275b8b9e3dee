package io.cmkit.core.spi;

import io.cmkit.core.spi.internal.TextCounters;

/**
 * How a platform counts the length of a text. Platforms differ: Bluesky counts graphemes
 * (a family emoji is one), Mastodon counts graphemes but every URL as 23 and a remote mention
 * without its domain, X weighs CJK and emoji double and every URL as 23.
 */
public interface TextCounting {

    /** The length of the text the way the platform counts it. */
    int count(String text);

    /** How it counts, in a few words, for error messages ("graphemes", "X weighted length"). */
    String description();

    /** One per user-perceived character (extended grapheme cluster): Bluesky, Threads. */
    static TextCounting graphemes() {
        return TextCounters.GRAPHEMES;
    }

    /** One per Unicode code point: most platforms that state a character limit. */
    static TextCounting codePoints() {
        return TextCounters.CODE_POINTS;
    }

    /** Code points, but each link with a protocol ({@code https://...}) counts as {@code urlLength}. */
    static TextCounting codePointsWithUrlsAs(int urlLength) {
        return TextCounters.codePointsWithUrlsAs(urlLength);
    }

    /**
     * Mastodon's count, as its {@code StatusLengthValidator} does it: graphemes, each link with a
     * protocol as {@code urlLength} characters whatever its length, and a mention of a remote
     * account without its domain ({@code @alice@example.social} counts as {@code @alice}).
     *
     * @param urlLength the instance's {@code characters_reserved_per_url}; 23 on stock Mastodon
     */
    static TextCounting mastodon(int urlLength) {
        return TextCounters.mastodon(urlLength);
    }

    /**
     * X's weighted length (twitter-text configuration v3): code points in Latin and common
     * punctuation ranges weigh 1, others 2, each emoji 2, each URL 23, after NFC normalisation.
     * A URL is what twitter-text extracts: with or without a protocol ({@code example.com}), its
     * host ending in a top-level domain, without trailing punctuation.
     */
    static TextCounting xWeighted() {
        return TextCounters.X_WEIGHTED;
    }
}
