package io.cmkit.moderation.lexicon;

import java.util.Locale;
import java.util.Objects;

/**
 * One lexicon term found in a comment.
 *
 * @param category the term's category: {@code insult}, {@code hate}, {@code threat}, {@code sexual},
 *                 {@code spam}, {@code scam}, {@code defamation}, or a host's own
 * @param term the lexicon entry as written in the lexicon
 * @param language the lexicon's language ({@code fr}, {@code en})
 * @param start where the match starts in the ORIGINAL comment (UTF-16 index)
 * @param end where it ends, exclusive
 * @param text the original text between start and end, as a moderator would highlight it
 */
public record LexiconHit(String category, String term, Locale language, int start, int end, String text) {

    public LexiconHit {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("LexiconHit span [" + start + ", " + end + ") is not a span");
        }
    }
}
