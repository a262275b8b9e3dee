package io.cmkit.listening.alert;

import java.util.List;
import java.util.Objects;

/**
 * One saved query a mention matched, as the monitor reports it: which query, for which brand, and
 * the terms that matched. Defined here so that alerts need nothing from the monitor's package.
 *
 * @param queryId the saved query's id
 * @param brandId the brand the query watches (the host's own or a competitor)
 * @param competitor whether that brand is a competitor
 * @param terms the query terms found in the mention, as the monitor reports them
 */
public record MatchedQuery(String queryId, String brandId, boolean competitor, List<String> terms) {

    public MatchedQuery {
        if (queryId == null || queryId.isBlank()) {
            throw new IllegalArgumentException("MatchedQuery.queryId must not be blank");
        }
        if (brandId == null || brandId.isBlank()) {
            throw new IllegalArgumentException("MatchedQuery.brandId must not be blank (query " + queryId + ")");
        }
        terms = List.copyOf(Objects.requireNonNull(terms, "MatchedQuery.terms"));
    }

    /** A match of one of the host's own brands' queries. */
    public static MatchedQuery own(String queryId, String brandId, List<String> terms) {
        return new MatchedQuery(queryId, brandId, false, terms);
    }

    /** A match of a query watching a competitor. */
    public static MatchedQuery competitor(String queryId, String brandId, List<String> terms) {
        return new MatchedQuery(queryId, brandId, true, terms);
    }
}
