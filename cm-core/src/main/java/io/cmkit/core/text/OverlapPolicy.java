package io.cmkit.core.text;

/** Which matches a {@link PatternMatcher} reports when they overlap. */
public enum OverlapPolicy {
    /**
     * Every occurrence of every pattern, overlapping or not: "sale con" reports the phrase
     * {@code sale con} and the word {@code con}.
     */
    ALL,
    /**
     * Non-overlapping matches, chosen from the left: at each position the longest match wins and
     * the scan resumes after it. Patterns matching exactly the same span are all kept, so a term
     * listed in two categories reports both.
     */
    LEFTMOST_LONGEST
}
