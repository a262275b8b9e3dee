package io.cmkit.listening.monitor;

import io.cmkit.listening.alert.MatchedQuery;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /**
     * This match as the alert series count it ({@code Listening.accept(mention, matched)}): the query's
     * id and owner, own or competitor from its {@link Watch}, and its distinct terms in text order.
     */
    public MatchedQuery asMatchedQuery() {
        Set<String> distinct = new LinkedHashSet<>();
        for (MatchedTerm term : terms) {
            distinct.add(term.term());
        }
        return new MatchedQuery(queryId(), query.owner(), query.watch() == Watch.COMPETITOR, List.copyOf(distinct));
    }
}
