package io.cmkit.listening.monitor;

import io.cmkit.listening.query.ListeningQuery;
import java.util.Objects;

/**
 * A listening query saved under an id, for a brand or one of its competitors.
 *
 * @param id unique in a monitor; adding another query with the same id replaces it
 * @param owner the brand or competitor it watches, e.g. {@code "cafe-lumiere"}
 * @param watch whether the owner is the brand or a competitor
 * @param query the parsed query
 */
public record SavedQuery(String id, String owner, Watch watch, ListeningQuery query) {

    public SavedQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(query, "query");
        if (id.isBlank()) {
            throw new IllegalArgumentException("SavedQuery id must not be blank");
        }
        if (owner.isBlank()) {
            throw new IllegalArgumentException("SavedQuery owner must not be blank (query " + id + ")");
        }
    }

    /**
     * Parses {@code query} and saves it.
     *
     * @throws io.cmkit.listening.query.QuerySyntaxException if the query cannot be read
     */
    public static SavedQuery of(String id, String owner, Watch watch, String query) {
        return new SavedQuery(id, owner, watch, ListeningQuery.parse(query));
    }
}
