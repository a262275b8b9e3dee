package io.cmkit.moderation.lexicon;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Terms by category, compiled once into cm-core's multi-pattern matcher, with an allow-list that
 * keeps innocent words (Scunthorpe, "constitution", "analyse") from matching. Immutable and
 * thread-safe.
 */
public interface Lexicon {

    /** Every category this lexicon knows. */
    Set<String> categories();

    /**
     * The terms found in a comment, after the strict normalisation (case, accents, look-alike
     * letters, leetspeak, spaced-out letters, repeated letters), minus those the allow-list covers,
     * each with its original offsets.
     */
    List<LexiconHit> scan(String comment);

    /**
     * The same scan, knowing the comment's language: a word that is innocent in that language
     * (French "en retard", late) is not read as another language's slur. The default ignores the
     * language.
     */
    default List<LexiconHit> scan(String comment, Optional<Locale> language) {
        return scan(comment);
    }
}
