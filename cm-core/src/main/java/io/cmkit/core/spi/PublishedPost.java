package io.cmkit.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A publication the platform accepted.
 *
 * @param ref the platform's reference to it
 * @param publishedAt when it went (or, for a natively scheduled post, will go) live
 * @param idempotencyKey the key it was published with
 */
public record PublishedPost(PostRef ref, Instant publishedAt, String idempotencyKey) {

    public PublishedPost {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
