package io.cmkit.core.spi;

import io.cmkit.core.spi.internal.TextCounters;

/**
 * How a platform counts the length of a text. Platforms differ: Bluesky counts graphemes
 * (a family emoji is one), Mastodon counts code points but every URL as 23, X weighs CJK and
 * emoji double and every URL as 23.
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

    /** Code points, but each http(s) URL counts as {@code urlLength}: Mastodon (23 by default). */
    static TextCounting codePointsWithUrlsAs(int urlLength) {
        return TextCounters.codePointsWithUrlsAs(urlLength);
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
