package io.cmkit.core.text;

/**
 * Which normalisation steps run before matching. Each step can be switched on or off; the
 * presets cover the two uses in cmkit. Whitespace runs always collapse to one space, so a phrase
 * matches across line breaks and double spaces. The steps, in the order they run, are described
 * with examples in {@code docs/text.md}.
 *
 * @param nfkc Unicode NFKC compatibility folding: fullwidth, mathematical styled, circled and
 *     parenthesised letters become plain letters ({@code 𝐟𝐮𝐜𝐤}, {@code Ⓕⓤⓒⓚ}, {@code ⒡});
 *     ligatures split ({@code ﬁ} to {@code fi})
 * @param caseFold case folding per code point, never changing how many characters a letter
 *     becomes except {@code ß} to {@code ss} (the Turkish {@code İ} becomes one {@code i})
 * @param stripDiacritics accents and other combining marks removed ({@code arnaqué} to
 *     {@code arnaque}), and letters with a stroke or ligature spelled plainly ({@code œ} to
 *     {@code oe}, {@code ø} to {@code o})
 * @param confusables Cyrillic, Greek and Armenian look-alikes and small capitals read as the
 *     Latin letter they imitate ({@code сonnard} with a Cyrillic {@code с}), negative circled and
 *     squared letters read as letters, and invisible format characters (zero-width space, soft
 *     hyphen, joiners) removed
 * @param leetspeak inside a word that has at least one letter, {@code 0 1 3 4 5 7 @ $} read as
 *     {@code o i|l e a s t a s}; a {@code 1} reads both {@code i} and {@code l}, an {@code @} or
 *     {@code $} at a word's edge may also be read as absent; numbers alone are left as numbers
 * @param collapseRepeats a letter repeated three times or more reads as one or two of it, so
 *     {@code fuuuuck} matches {@code fuck} and {@code connnnard} matches {@code connard}, while
 *     {@code cool} stays {@code cool}
 * @param joinSpacedLetters three or more single letters separated each time by the same
 *     separator are joined ({@code f.u.c.k}, {@code f u c k}, {@code f-u-c-k}); real words are
 *     never joined
 */
public record NormalizationOptions(
        boolean nfkc,
        boolean caseFold,
        boolean stripDiacritics,
        boolean confusables,
        boolean leetspeak,
        boolean collapseRepeats,
        boolean joinSpacedLetters) {

    /** Every step: for moderation, where people try to slip past the filter. */
    public static final NormalizationOptions STRICT_MATCHING =
            new NormalizationOptions(true, true, true, true, true, true, true);

    /**
     * For listening and search: NFKC, case, diacritics and repeated letters ({@code loooove}
     * matches {@code love}); no look-alike, leetspeak or letter-joining guesses, so words in other
     * scripts, numbers, {@code @mentions} and spaced initials keep their meaning.
     */
    public static final NormalizationOptions TEXT_SEARCH =
            new NormalizationOptions(true, true, true, false, false, true, false);

    /** Nothing but whitespace collapsing: an exact, case-sensitive match. */
    public static final NormalizationOptions NONE =
            new NormalizationOptions(false, false, false, false, false, false, false);

    /** A copy with NFKC folding switched on or off. */
    public NormalizationOptions withNfkc(boolean on) {
        return new NormalizationOptions(on, caseFold, stripDiacritics, confusables, leetspeak, collapseRepeats, joinSpacedLetters);
    }

    /** A copy with case folding switched on or off. */
    public NormalizationOptions withCaseFold(boolean on) {
        return new NormalizationOptions(nfkc, on, stripDiacritics, confusables, leetspeak, collapseRepeats, joinSpacedLetters);
    }

    /** A copy with diacritics removal switched on or off. */
    public NormalizationOptions withStripDiacritics(boolean on) {
        return new NormalizationOptions(nfkc, caseFold, on, confusables, leetspeak, collapseRepeats, joinSpacedLetters);
    }

    /** A copy with confusable letters switched on or off. */
    public NormalizationOptions withConfusables(boolean on) {
        return new NormalizationOptions(nfkc, caseFold, stripDiacritics, on, leetspeak, collapseRepeats, joinSpacedLetters);
    }

    /** A copy with leetspeak switched on or off. */
    public NormalizationOptions withLeetspeak(boolean on) {
        return new NormalizationOptions(nfkc, caseFold, stripDiacritics, confusables, on, collapseRepeats, joinSpacedLetters);
    }

    /** A copy with repeated-letter collapsing switched on or off. */
    public NormalizationOptions withCollapseRepeats(boolean on) {
        return new NormalizationOptions(nfkc, caseFold, stripDiacritics, confusables, leetspeak, on, joinSpacedLetters);
    }

    /** A copy with spaced-letter joining switched on or off. */
    public NormalizationOptions withJoinSpacedLetters(boolean on) {
        return new NormalizationOptions(nfkc, caseFold, stripDiacritics, confusables, leetspeak, collapseRepeats, on);
    }
}
