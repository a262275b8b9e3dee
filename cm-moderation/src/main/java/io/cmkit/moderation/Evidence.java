package io.cmkit.moderation;

import io.cmkit.core.text.Span;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a condition matched: a span of the comment (a lexicon term, a word, a regex match, a link)
 * with its ORIGINAL offsets and text, or a fact about the author or the traffic.
 *
 * @param kind what matched
 * @param pattern the term, word, regex or fact as the rule states it
 * @param category the lexicon category, when a category matched
 * @param span where in the original text, for text evidence
 * @param text the original text of the span (as a moderator would highlight it), or the fact's value
 */
public record Evidence(Kind kind, String pattern, Optional<String> category, Optional<Span> span, String text) {

    /** What sort of evidence. */
    public enum Kind { TERM, WORD, REGEX, LINK, FACT }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
    }

    /** Text evidence. */
    public static Evidence span(Kind kind, String pattern, String category, int start, int end, String text) {
        return new Evidence(kind, pattern, Optional.ofNullable(category), Optional.of(new Span(start, end)), text);
    }

    /** A fact. */
    public static Evidence fact(String what, String value) {
        return new Evidence(Kind.FACT, what, Optional.empty(), Optional.empty(), value);
    }
}
