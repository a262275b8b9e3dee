package io.cmkit.listening.monitor;

import io.cmkit.core.text.Span;
import java.util.Objects;

/**
 * One occurrence of a query's term in a mention.
 *
 * @param term the term as the query states it, normalised: {@code cafe}, {@code caf*},
 *     {@code "cafe lumiere"}, {@code #badbuzz}
 * @param span where it is in the mention's original text (UTF-16 offsets)
 * @param text the original characters there, e.g. {@code Café-Lumière}
 */
public record MatchedTerm(String term, Span span, String text) {

    public MatchedTerm {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
    }
}
