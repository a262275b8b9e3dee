package io.cmkit.listening.alert;

import java.util.Objects;

/**
 * Names one time series: what it counts, for which saved query or brand.
 *
 * @param scope a saved query, one of the host's brands, or a competitor
 * @param id the query's or brand's id
 * @param measure what is counted
 */
public record SeriesKey(Scope scope, String id, Measure measure) {

    /** Whose series it is. */
    public enum Scope {
        /** A saved query. */
        QUERY,
        /** One of the host's own brands (every query of that brand together). */
        BRAND,
        /** A competitor (every query about it together, and its posts' engagement). */
        COMPETITOR
    }

    /** What a series counts per bucket. */
    public enum Measure {
        /** Mentions. */
        VOLUME,
        /** Mentions whose sentiment is negative. */
        NEGATIVE,
        /** Engagement gained by posts (likes, shares, comments, quotes), from metric snapshots. */
        ENGAGEMENT
    }

    public SeriesKey {
        Objects.requireNonNull(scope, "SeriesKey.scope");
        Objects.requireNonNull(measure, "SeriesKey.measure");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("SeriesKey.id must not be blank");
        }
    }

    @Override
    public String toString() {
        return scope.name().toLowerCase() + ":" + id + ":" + measure.name().toLowerCase();
    }
}
