package io.cmkit.connectors.bluesky.internal;

import java.util.Objects;

/**
 * An {@code at://<repo>/<collection>/<rkey>} record address.
 *
 * @param repo the DID (or handle) of the repository
 * @param collection the record's NSID
 * @param rkey the record key
 */
public record AtUri(String repo, String collection, String rkey) {

    public AtUri {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(rkey, "rkey");
    }

    /** Parses an at-uri naming one record; anything else is an {@link IllegalArgumentException}. */
    public static AtUri parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.startsWith("at://")) {
            throw new IllegalArgumentException("not an at:// record URI: " + uri);
        }
        String[] parts = uri.substring(5).split("/");
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not an at://<repo>/<collection>/<rkey> URI: " + uri);
        }
        return new AtUri(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return "at://" + repo + "/" + collection + "/" + rkey;
    }
}
