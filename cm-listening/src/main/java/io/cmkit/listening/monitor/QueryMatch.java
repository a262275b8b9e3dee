package io.cmkit.listening.monitor;

import java.util.List;
import java.util.Objects;

/**
 * A saved query a mention matched, with the occurrences of the query's positive terms (those not
 * under NOT) in the order they appear.
 *
 * @param query the saved query
 * @param terms its terms found in the mention, never empty
 */
public record QueryMatch(SavedQuery query, List<MatchedTerm> terms) {

    public QueryMatch {
        Objects.requireNonNull(query, "query");
        terms = List.copyOf(terms);
    }

    /** The saved query's id. */
    public String queryId() {
        return query.id();
    }
}
