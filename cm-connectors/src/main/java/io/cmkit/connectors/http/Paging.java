package io.cmkit.connectors.http;

import io.cmkit.connectors.http.internal.LinkHeader;
import io.cmkit.core.spi.Cursor;
import io.cmkit.core.spi.Page;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Paging helpers producing {@link Page}s whose {@link Cursor} is plain text a host can store and
 * hand back after a restart.
 *
 * <p><b>Link headers</b> (Mastodon): the cursor keeps only the paging parameters of the chosen
 * link, as a query string ({@code max_id=109876}), never its host, so a stored cursor survives
 * a change of URL and is readable in a database column. {@link #resume(ApiRequest, Optional)}
 * applies it to the same request.
 *
 * <p><b>Opaque tokens</b> (XRPC {@code cursor}): the cursor is the token itself;
 * {@link #resumeToken(ApiRequest, String, Optional)} sends it as a parameter.
 */
public final class Paging {

    /** The parameters Mastodon-style links page with. */
    public static final Set<String> ID_PARAMETERS = Set.of("max_id", "min_id", "since_id");

    private Paging() {
    }

    /**
     * The cursor of the link with this relation ({@code "next"} for older, {@code "prev"} for
     * newer on Mastodon), keeping the {@link #ID_PARAMETERS}; empty when there is no such link.
     */
    public static Optional<Cursor> linkCursor(ApiResponse response, String rel) {
        return linkCursor(response, rel, ID_PARAMETERS);
    }

    /** The cursor of the link with this relation, keeping these query parameters. */
    public static Optional<Cursor> linkCursor(ApiResponse response, String rel, Set<String> keep) {
        Objects.requireNonNull(rel, "rel");
        URI link = response.links().get(rel);
        if (link == null || link.getRawQuery() == null) {
            return Optional.empty();
        }
        String kept = LinkHeader.keepParameters(link.getRawQuery(), keep);
        return kept.isEmpty() ? Optional.empty() : Optional.of(Cursor.of(kept));
    }

    /**
     * The request positioned at a cursor made by {@link #linkCursor}: its parameters replace
     * those of the same name. An empty cursor leaves the request as it is (the first page).
     */
    public static ApiRequest resume(ApiRequest request, Optional<Cursor> cursor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(cursor, "cursor");
        ApiRequest out = request;
        if (cursor.isPresent()) {
            for (Map.Entry<String, String> p : LinkHeader.parseQuery(cursor.get().value())) {
                out = out.replaceQuery(p.getKey(), p.getValue());
            }
        }
        return out;
    }

    /** The request with an opaque cursor token as parameter {@code name}, when there is one. */
    public static ApiRequest resumeToken(ApiRequest request, String name, Optional<Cursor> cursor) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(name, "name");
        return cursor.map(c -> request.replaceQuery(name, c.value())).orElse(request);
    }

    /** A page of these items whose next cursor is this token, when the platform gave one. */
    public static <T> Page<T> tokenPage(List<T> items, Optional<String> token) {
        return new Page<>(items, token.filter(t -> !t.isBlank()).map(Cursor::of));
    }

    /**
     * A page of a growing feed: every page has a cursor; when the platform gave none (nothing
     * newer yet), the cursor the read started from is kept, so the next poll asks again from there.
     */
    public static <T> Page<T> feedPage(List<T> items, Optional<Cursor> next, Optional<Cursor> from) {
        Optional<Cursor> cursor = next.or(() -> from);
        return cursor.map(c -> Page.of(items, c)).orElseGet(() -> Page.last(items));
    }
}
