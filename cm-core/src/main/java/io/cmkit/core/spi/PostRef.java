package io.cmkit.core.spi;

import io.cmkit.core.model.Platform;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A post as the platform knows it: enough to reply to it, delete it or read its metrics.
 *
 * @param platform where it lives
 * @param id the platform's id (a status id on Mastodon, an at:// URI on Bluesky)
 * @param version the platform's content version where replies need one (Bluesky's CID)
 * @param url where a person can see it, if known
 */
public record PostRef(Platform platform, String id, Optional<String> version, Optional<URI> url) {

    public PostRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("PostRef.id must not be blank");
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(url, "url");
    }

    /** A reference by id alone. */
    public static PostRef of(Platform platform, String id) {
        return new PostRef(platform, id, Optional.empty(), Optional.empty());
    }
}
