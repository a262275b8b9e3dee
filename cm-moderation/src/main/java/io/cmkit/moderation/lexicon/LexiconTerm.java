package io.cmkit.moderation.lexicon;

import io.cmkit.core.text.MatchMode;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a lexicon file: a term (word, prefix or phrase), how it matches, its category and
 * language, and optionally a severity and a note for the moderators.
 *
 * @param category {@code insult}, {@code hate}, {@code threat}, {@code sexual}, {@code profanity},
 *                 {@code spam}, {@code scam}, {@code defamation}, or a host's own
 * @param term the term as written, without its mode marks ({@code connard}, {@code arnaq}, {@code je vais te tuer})
 * @param language the language of the file it came from
 * @param mode {@code WHOLE_WORD} unless the file marked it ({@code connard*} is a {@code PREFIX})
 * @param severity 1 (mild) to 3 (severe); 2 when the file says nothing
 * @param note a moderator's note, empty when none
 */
public record LexiconTerm(String category, String term, Locale language, MatchMode mode, int severity, String note) {

    /** The severity of a term whose file gives none. */
    public static final int DEFAULT_SEVERITY = 2;

    public LexiconTerm {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(note, "note");
        if (category.isBlank() || term.isBlank()) {
            throw new IllegalArgumentException("a lexicon term needs a category and a term");
        }
        if (severity < 1 || severity > 3) {
            throw new IllegalArgumentException("severity must be 1, 2 or 3, not " + severity + " (term \"" + term + "\")");
        }
    }

    /** A whole-word term of default severity. */
    public static LexiconTerm of(String category, String term, Locale language) {
        return new LexiconTerm(category, term, language, MatchMode.WHOLE_WORD, DEFAULT_SEVERITY, "");
    }
}
