package io.cmkit.moderation.lexicon;

import java.util.List;
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
}
