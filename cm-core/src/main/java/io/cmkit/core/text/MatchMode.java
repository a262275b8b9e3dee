package io.cmkit.core.text;

/**
 * Where a pattern may match relative to word boundaries, judged on the normalised text. A word
 * character is a letter, digit or combining mark; a pattern edge that is not a word character
 * ({@code #}, an emoji, punctuation) needs no boundary.
 */
public enum MatchMode {
    /** A whole word or phrase: {@code con} matches "quel con !" but not "constitution" or "second". */
    WHOLE_WORD,
    /** The start of a word: {@code arnaq} matches "arnaque", "arnaqueurs", not "larnaque". */
    PREFIX,
    /** The end of a word: {@code phobe} matches "homophobe", not "phobes". */
    SUFFIX,
    /** Anywhere, even inside a word. */
    ANYWHERE
}
